/**
 * What a write of stories changes in the inverted index and the library's knowledge, planned
 * inside the transaction that stores the stories: a story and its index entries are written or
 * undone together.
 */
import { indexEntry, type IndexEntry } from '../match/index-entry';
import { addKnowledge, emptyKnowledge, removeKnowledge, type LibraryKnowledge } from '../nlp/analyzer';
import type { Idf } from '../nlp/keywords';
import { type Story, UNCHECKED_ANALYSIS } from '../story';
import {
  ANALYSIS,
  type Analysis,
  DOC_COUNT,
  NAME_COUNTS,
  NAMES,
  NEXT_ORD,
  NEXT_SEGMENT,
  stored,
  WORD_COUNTS,
  type StoredDoc,
  type StoredStory,
  type Writes,
  type WriteTx,
} from './database';
import { packSegment } from './index-segment';
import { countNames, type NameCounts, teachNames } from './name-counts';

/**
 * A story to write as stored, with its index entry: worked out before the transaction opens, so
 * that it holds the library only to read and write.
 */
export interface Indexed {
  story: StoredStory;
  entry: IndexEntry | undefined;
}

/** One per id, the last given (as the stories store keeps it). */
export function indexed(stories: Story[], idf: Idf): Indexed[] {
  return [...new Map(stories.map((s) => [s.id, s])).values()].map((story) => ({ story: stored(story), entry: indexEntry(story, idf) }));
}

/**
 * The index writes for stories put and ids removed. The posting lists are not touched: the
 * changes go into one new segment. `uncounted`: stories as stored whose words leave the library's
 * counts too — one the reader removed (which undo may put back as it was), one put again with
 * another analysis (whose words are counted instead); the stories a source or the bundle takes
 * away or replaces are not read for it.
 */
export async function planIndexWrites(tx: WriteTx, put: Indexed[], removed: string[], uncounted: Story[] = []): Promise<Writes> {
  const docs = tx.objectStore('docs');
  const meta = tx.objectStore('meta');
  const ids = [...removed, ...put.map((p) => p.story.id)];
  const [nextOrdStored, docCountStored, seqStored, names, nameCountsStored, wordCounts, olds] = await Promise.all([
    meta.get(NEXT_ORD) as Promise<number | undefined>,
    meta.get(DOC_COUNT) as Promise<number | undefined>,
    meta.get(NEXT_SEGMENT) as Promise<number | undefined>,
    meta.get(NAMES) as Promise<LibraryKnowledge['names'] | undefined>,
    meta.get(NAME_COUNTS) as Promise<NameCounts | undefined>,
    meta.get(WORD_COUNTS) as Promise<Pick<LibraryKnowledge, 'df' | 'stories'> | undefined>,
    Promise.all(ids.map((id) => docs.index('by-id').get(id))),
  ]);
  let nextOrd = nextOrdStored ?? 0;
  let docCount = docCountStored ?? 0;
  const seq = seqStored ?? 1;
  const knowledge: LibraryKnowledge = { ...emptyKnowledge(), names: names ?? {}, ...wordCounts };
  const nameCounts = nameCountsStored ?? {};
  /** term → story → its weight after this write, NaN when taken out; and term → stories gained. */
  const changes = new Map<string, Map<number, number>>();
  const df = new Map<string, number>();
  // A story is taken out of its old terms before its new weights are set, so each of its terms
  // counts −1 then +1: a story whose term stays changes no count.
  const change = (term: string, ord: number, weight: number) => {
    let list = changes.get(term);
    if (!list) changes.set(term, (list = new Map()));
    list.set(ord, weight);
    df.set(term, (df.get(term) ?? 0) + (Number.isNaN(weight) ? -1 : 1));
  };
  const writes: Writes = [];
  const takeOut = (old: StoredDoc | undefined) => {
    for (const term of old?.terms ?? []) change(term, old!.ord, NaN);
    countNames(knowledge.names, nameCounts, old?.taught ?? [], -1);
  };
  const drop = (old: StoredDoc) => {
    docCount--;
    writes.push(() => docs.delete(old.ord));
  };
  removed.forEach((_, i) => {
    takeOut(olds[i]);
    if (olds[i]) drop(olds[i]!);
  });
  // Their words were counted when they were indexed (below): a story put back, or put with its
  // new analysis, counts them again.
  const recounted = new Set<string>();
  for (const story of uncounted) {
    if (!story.analysis || !olds[ids.indexOf(story.id)]) continue;
    removeKnowledge(knowledge, story.analysis);
    recounted.add(story.id);
  }
  put.forEach(({ story, entry }, i) => {
    const old = olds[removed.length + i];
    takeOut(old);
    if (story.analysis) addKnowledge(knowledge, story.analysis, { counted: old !== undefined && !recounted.has(story.id), wordsOnly: true });
    // Only a ranked story teaches names: its doc says which, to take them out again.
    const taught = entry ? teachNames(knowledge.names, nameCounts, story.analysis) : [];
    if (!entry) {
      if (old) drop(old);
      return;
    }
    if (!old) docCount++;
    const ord = old?.ord ?? nextOrd++;
    for (const [term, weight] of entry.weights) change(term, ord, weight);
    const record: StoredDoc = { ...entry.doc, ord, terms: [...entry.weights.keys()], taught };
    writes.push(() => docs.put(record));
  });
  if (changes.size) {
    writes.push(() => tx.objectStore('segments').put(packSegment(seq, changes, df)));
    writes.push(() => meta.put(seq + 1, NEXT_SEGMENT));
  }
  // An analysis kept unchecked is read again by a run over every story (lib/library/reanalyse.ts).
  if (put.some(({ story }) => story.analysis?.version === UNCHECKED_ANALYSIS))
    writes.push(() => meta.put({ version: UNCHECKED_ANALYSIS } satisfies Analysis, ANALYSIS));
  writes.push(() => meta.put(nextOrd, NEXT_ORD));
  writes.push(() => meta.put(docCount, DOC_COUNT));
  writes.push(() => meta.put(knowledge.names, NAMES));
  writes.push(() => meta.put(nameCounts, NAME_COUNTS));
  writes.push(() => meta.put({ df: knowledge.df, stories: knowledge.stories }, WORD_COUNTS));
  return writes;
}
