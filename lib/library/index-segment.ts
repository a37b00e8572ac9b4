/**
 * A write's changes to the inverted index, kept as one record (a segment) instead of being merged
 * into each posting list at once. In Chromium every IndexedDB request costs ~0.2 ms, so a batch
 * of 1,000 stories that rewrote its ~9,000 posting lists and counts held the library for 5–7 s;
 * its segment is one request. Queries apply the segments not yet merged; merging them into the
 * lists (compaction) happens later, a few hundred terms per transaction, off the reader's path.
 */
import { mergePosting } from '../match/postings';
import type { Posting } from '../match/postings';

/** One story's change in one term's list: its new weight, or undefined when it is taken out. */
export type TermChanges = Map<number, number | undefined>;

export interface IndexSegment {
  /** Order of writing: segments apply oldest first. */
  seq: number;
  terms: string[];
  /** Term i's changes are ords/weights[starts[i] … starts[i + 1]); a NaN weight takes the story out. */
  starts: Uint32Array;
  ords: Uint32Array;
  weights: Float32Array;
  /** How many stories term i gains (or, negative, loses). */
  df: Int32Array;
}

/**
 * How far compaction has gone: segments up to `through` are merged for every term up to `done`
 * (in code-unit order), so a query applies them only to later terms.
 */
export interface CompactionCursor {
  through: number;
  done: string;
}

/**
 * `changes`: term → story → its new weight, NaN to take it out (plain numbers: an import of many
 * thousand stories holds millions of them). `df`: term → stories gained, or lost.
 */
export function packSegment(seq: number, changes: Map<string, Map<number, number>>, df: Map<string, number>): IndexSegment {
  const terms = [...changes.keys()];
  const size = terms.reduce((sum, term) => sum + changes.get(term)!.size, 0);
  const segment: IndexSegment = {
    seq,
    terms,
    starts: new Uint32Array(terms.length + 1),
    ords: new Uint32Array(size),
    weights: new Float32Array(size),
    df: new Int32Array(terms.length),
  };
  let at = 0;
  terms.forEach((term, i) => {
    segment.starts[i] = at;
    segment.df[i] = df.get(term) ?? 0;
    for (const [ord, weight] of changes.get(term)!) {
      segment.ords[at] = ord;
      segment.weights[at++] = weight;
    }
  });
  segment.starts[terms.length] = at;
  return segment;
}

/** A segment with its terms looked up by name: how queries and compaction read it. */
export class SegmentView {
  private readonly at: Map<string, number>;

  constructor(readonly segment: IndexSegment) {
    this.at = new Map(segment.terms.map((term, i) => [term, i]));
  }

  get seq(): number {
    return this.segment.seq;
  }

  get terms(): string[] {
    return this.segment.terms;
  }

  /** Whether a query must still apply this segment to `term`, given how far compaction has gone. */
  pendingFor(term: string, cursor: CompactionCursor | undefined): boolean {
    return this.at.has(term) && !(cursor && this.seq <= cursor.through && term <= cursor.done);
  }

  df(term: string): number {
    const i = this.at.get(term);
    return i === undefined ? 0 : this.segment.df[i];
  }

  changes(term: string): TermChanges | undefined {
    const i = this.at.get(term);
    if (i === undefined) return undefined;
    const { starts, ords, weights } = this.segment;
    const changes: TermChanges = new Map();
    for (let k = starts[i]; k < starts[i + 1]; k++) changes.set(ords[k], Number.isNaN(weights[k]) ? undefined : weights[k]);
    return changes;
  }

  /** `posting` with this segment's changes to `term` applied. */
  apply(term: string, posting: Posting): Posting {
    const changes = this.changes(term);
    return changes ? mergePosting(posting, changes) : posting;
  }
}
