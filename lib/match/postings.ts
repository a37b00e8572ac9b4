/**
 * Posting lists as two parallel typed arrays (story numbers ascending, weights): compact in
 * memory and copied by IndexedDB's structured clone without per-item work. The reader of an
 * inverted index is declared here, below both the ranking that reads one and the library that
 * stores one.
 */
import type { DocRecord } from './index-entry';

export interface Posting {
  ords: Uint32Array;
  weights: Float32Array;
}

/** Read access to an inverted index, in memory or in IndexedDB. */
export interface IndexReader {
  /** Number of stories indexed. */
  size(): Promise<number>;
  /**
   * How many stories hold each term (`df`, 0 for an unknown term), and the posting lists of those
   * held by at most `maxCount` stories: a term most stories hold is never read.
   */
  postings(terms: string[], maxCount: number): Promise<{ lists: Map<string, Posting>; df: Map<string, number> }>;
  docs(ords: number[]): Promise<DocRecord[]>;
  /** The stories' text as the analysis reads it (normalised), for the last, closest look. */
  texts(ids: string[]): Promise<string[]>;
}

/** Index of `ord` in ascending `ords`, or -1. */
export function findOrd(ords: Uint32Array, ord: number): number {
  let lo = 0;
  let hi = ords.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (ords[mid] === ord) return mid;
    if (ords[mid] < ord) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function emptyPosting(): Posting {
  return { ords: new Uint32Array(0), weights: new Float32Array(0) };
}

/** The posting with `ord` removed, and with it set to `weight` when one is given. */
export function updatePosting(posting: Posting, ord: number, weight?: number): Posting {
  const { ords, weights } = posting;
  let at = 0;
  while (at < ords.length && ords[at] < ord) at++;
  const present = at < ords.length && ords[at] === ord;
  const length = ords.length - (present ? 1 : 0) + (weight === undefined ? 0 : 1);
  const next = { ords: new Uint32Array(length), weights: new Float32Array(length) };
  next.ords.set(ords.subarray(0, at));
  next.weights.set(weights.subarray(0, at));
  let to = at;
  if (weight !== undefined) {
    next.ords[to] = ord;
    next.weights[to++] = weight;
  }
  const rest = at + (present ? 1 : 0);
  next.ords.set(ords.subarray(rest), to);
  next.weights.set(weights.subarray(rest), to);
  return next;
}

/**
 * The posting with every story in `changes` removed (undefined) or set to its weight, in one
 * linear merge of the sorted list with the sorted additions: a batch write touches thousands of
 * lists, some of them as long as the library.
 */
export function mergePosting(posting: Posting, changes: Map<number, number | undefined>): Posting {
  const { ords, weights } = posting;
  const added = [...changes].filter((c): c is [number, number] => c[1] !== undefined).sort((a, b) => a[0] - b[0]);
  let kept = 0;
  for (let i = 0; i < ords.length; i++) if (!changes.has(ords[i])) kept++;
  const next = { ords: new Uint32Array(kept + added.length), weights: new Float32Array(kept + added.length) };
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < ords.length || j < added.length) {
    if (i < ords.length && changes.has(ords[i])) {
      i++;
    } else if (j >= added.length || (i < ords.length && ords[i] < added[j][0])) {
      next.ords[k] = ords[i];
      next.weights[k++] = weights[i++];
    } else {
      next.ords[k] = added[j][0];
      next.weights[k++] = added[j++][1];
    }
  }
  return next;
}
