/**
 * The reader's library in IndexedDB. Every write that belongs together happens in one
 * transaction, so a failure leaves the library exactly as it was.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { entityNamesOf, indexEntry, type DocRecord, type IndexEntry } from '../match/index-entry';
import { emptyPosting, type IndexReader, type Posting } from '../match/postings';
import { addKnowledge, emptyKnowledge, type LibraryKnowledge } from '../nlp/analyzer';
import type { Idf } from '../nlp/keywords';
import { normalizeForAnalysis } from '../nlp/normalize';
import { fingerprint } from './fingerprint';
import { packSegment, SegmentView, type CompactionCursor, type IndexSegment } from './index-segment';
import { BUNDLED_ORIGIN, compareStories, storyText, type Story } from '../story';

/** A story as stored: with its fingerprint, by which the same text from elsewhere is known. */
type StoredStory = Story & { fingerprint?: string };
const stored = (story: Story): StoredStory => ({ ...story, fingerprint: fingerprint(story) });
const plain = ({ fingerprint: _, ...story }: StoredStory): Story => story;

/** An indexed story as stored: what ranking reads, and its terms, to take it out again. */
type StoredDoc = DocRecord & { terms: string[] };

interface LibrarySchema extends DBSchema {
  stories: { key: string; value: StoredStory; indexes: { 'by-date': string; 'by-origin': string; 'by-url': string; 'by-fingerprint': string } };
  meta: { key: string; value: unknown };
  /** The inverted index: one record per indexed story, by its number. */
  docs: { key: number; value: StoredDoc; indexes: { 'by-id': string } };
  /** The inverted index: term → posting list, as merged by compaction. */
  postings: { key: string; value: Posting };
  /** The inverted index: term → number of stories (the length of its posting list), read first. */
  termCounts: { key: string; value: number };
  /** The inverted index: each write's changes, until compaction merges them into the lists. */
  segments: { key: number; value: IndexSegment };
}

type UpgradeTx = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>;

/**
 * One step per schema version; step i takes the database from version i to i + 1. A new version
 * appends a step and never edits an old one, so every reader's database reaches the same shape.
 */
const MIGRATIONS: Array<(db: IDBPDatabase<LibrarySchema>, tx: UpgradeTx) => void> = [
  (db) => {
    const stories = db.createObjectStore('stories', { keyPath: 'id' });
    stories.createIndex('by-date', 'date');
    stories.createIndex('by-origin', 'origin');
    db.createObjectStore('meta');
  },
  (db, tx) => {
    db.createObjectStore('docs', { keyPath: 'ord' }).createIndex('by-id', 'id', { unique: true });
    db.createObjectStore('postings');
    db.createObjectStore('termCounts');
    // Stories stored before the index existed are indexed once, on the next wake.
    void tx.objectStore('meta').put(true, NEEDS_INDEX);
  },
  (_db, tx) => {
    // Duplicates from other sources are found by address and by fingerprint; stories stored
    // before are given theirs here, in the upgrade's own transaction.
    const stories = tx.objectStore('stories');
    stories.createIndex('by-url', 'url');
    stories.createIndex('by-fingerprint', 'fingerprint');
    void (async () => {
      for (let cursor = await stories.openCursor(); cursor; cursor = await cursor.continue()) await cursor.update(stored(cursor.value));
    })();
  },
  (db) => {
    db.createObjectStore('segments', { keyPath: 'seq' });
  },
];

export const LIBRARY_DB = 'zhuzhou-daily-lens';
const BUNDLED_VERSION = 'bundledVersion';
const NEXT_ORD = 'nextOrd';
/** How many stories the index holds: counting IndexedDB records costs time in proportion to them. */
const DOC_COUNT = 'docCount';
const NEEDS_INDEX = 'needsIndex';
const NEXT_SEGMENT = 'nextSegment';
const COMPACTION = 'compaction';
/** The library's knowledge in two records: names are read at every wake, word counts only with jieba. */
const NAMES = 'knownNames';
const WORD_COUNTS = 'wordCounts';
/** Posting lists kept in memory between queries of one worker life; dropped on every write. */
const CACHED_POSTINGS = 20_000;
const CACHED_DOCS = 5_000;
const CACHED_TEXTS = 500;
/**
 * Terms merged per compaction transaction: four requests each, so ~0.2 s in Chromium, the longest
 * a query waits for compaction.
 */
const COMPACTED_TERMS = 250;
/** Compaction starts this long after the last write, so a running sync's segments are merged together. */
const COMPACT_AFTER_WRITE_MS = 1000;
/** …and this long after the library opens (a woken worker finishing what a stopped one left). */
const COMPACT_AFTER_OPEN_MS = 5000;

export interface Library {
  count(): Promise<number>;
  get(id: string): Promise<Story | undefined>;
  /** Every story, newest first and in page order. */
  all(): Promise<Story[]>;
  /** Every story in id order, `size` at a time, each batch read in its own transaction: an export never holds the whole library. */
  batches(size: number): AsyncGenerator<Story[]>;
  /** The newest stories, at least `limit` of them when there are (whole days, in page order): what a list shows without reading the whole library. */
  recent(limit: number): Promise<Story[]>;
  /** Adds or replaces stories by id, all or none. */
  put(stories: Story[]): Promise<void>;
  /**
   * Writes the shipped stories in one transaction and removes bundled stories that a newer
   * bundle no longer has. Stories the reader added are never touched.
   */
  installBundled(stories: Story[], version: string): Promise<void>;
  /** Stories by id, in one read (undefined where there is none). */
  getMany(ids: string[]): Promise<Array<Story | undefined>>;
  /** For each story, the id of another with the same address or the same text, if the library has one; in one read. */
  duplicatesOf(stories: Story[]): Promise<Array<string | undefined>>;
  /** Removes every story of one origin (a source the reader removed with its stories); how many. */
  removeOrigin(origin: string): Promise<number>;
  /** The bundle version last installed, to skip the work on every service-worker wake. */
  bundledVersion(): Promise<string | undefined>;
  /** The inverted index over the stories, kept in step with every write. */
  index: IndexReader;
  /**
   * Merges the index's pending segments into its posting lists, at most `steps` transactions of
   * it; whether any is left. Runs by itself after writes; queries are right before and after.
   */
  compact(steps?: number): Promise<boolean>;
  /**
   * After an upgrade from a version without the index, the stories to analyse and index again;
   * undefined when no upgrade is pending (checked at every wake, so it must cost nothing).
   */
  unindexed(): Promise<Story[] | undefined>;
  /** Says the upgrade's indexing is done. */
  indexed(): Promise<void>;
  /** The names and word counts the analyzer learns the library from (kept with every write). */
  names(): Promise<LibraryKnowledge['names']>;
  /** How many stories name each word among keywords and entities; read with jieba, not at wake. */
  wordCounts(): Promise<Pick<LibraryKnowledge, 'df' | 'stories'>>;
  /** Every entity term of the index with the name a story gives it. */
  entityNames(): Promise<Array<[string, string]>>;
  /**
   * Another connection (the options page's import) wrote the library: what queries kept is
   * dropped, and its index segment merged soon.
   */
  changedElsewhere(): void;
  close(): void;
}

type WriteTx = IDBPTransaction<LibrarySchema, Array<'stories' | 'meta' | 'docs' | 'segments'>, 'readwrite'>;
type IndexTx = IDBPTransaction<LibrarySchema, Array<'meta' | 'segments' | 'postings' | 'termCounts'>, IDBTransactionMode>;

/**
 * A story to write as stored, with its index entry: worked out before the transaction opens, so
 * that it holds the library only to read and write.
 */
interface Indexed {
  story: StoredStory;
  entry: IndexEntry | undefined;
}

/** One per id, the last given (as the stories store keeps it). */
function indexed(stories: Story[], idf: Idf): Indexed[] {
  return [...new Map(stories.map((s) => [s.id, s])).values()].map((story) => ({ story: stored(story), entry: indexEntry(story, idf) }));
}

/**
 * The index writes for stories put and ids removed, planned inside the transaction that stores
 * them: a story and its index entries are written or undone together. The posting lists are not
 * touched: the changes go into one new segment.
 */
async function planIndexWrites(tx: WriteTx, put: Indexed[], removed: string[]): Promise<Array<() => Promise<unknown>>> {
  const docs = tx.objectStore('docs');
  const meta = tx.objectStore('meta');
  const [nextOrdStored, docCountStored, seqStored, names, wordCounts, olds] = await Promise.all([
    meta.get(NEXT_ORD) as Promise<number | undefined>,
    meta.get(DOC_COUNT) as Promise<number | undefined>,
    meta.get(NEXT_SEGMENT) as Promise<number | undefined>,
    meta.get(NAMES) as Promise<LibraryKnowledge['names'] | undefined>,
    meta.get(WORD_COUNTS) as Promise<Pick<LibraryKnowledge, 'df' | 'stories'> | undefined>,
    Promise.all([...removed, ...put.map((p) => p.story.id)].map((id) => docs.index('by-id').get(id))),
  ]);
  let nextOrd = nextOrdStored ?? 0;
  let docCount = docCountStored ?? 0;
  const seq = seqStored ?? 1;
  const knowledge: LibraryKnowledge = { ...emptyKnowledge(), names: names ?? {}, ...wordCounts };
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
  const writes: Array<() => Promise<unknown>> = [];
  const takeOut = (old: StoredDoc | undefined) => {
    for (const term of old?.terms ?? []) change(term, old!.ord, NaN);
  };
  const drop = (old: StoredDoc) => {
    docCount--;
    writes.push(() => docs.delete(old.ord));
  };
  removed.forEach((_, i) => {
    takeOut(olds[i]);
    if (olds[i]) drop(olds[i]!);
  });
  put.forEach(({ story, entry }, i) => {
    const old = olds[removed.length + i];
    takeOut(old);
    if (story.analysis) addKnowledge(knowledge, story.analysis, old !== undefined);
    if (!entry) {
      if (old) drop(old);
      return;
    }
    if (!old) docCount++;
    const ord = old?.ord ?? nextOrd++;
    for (const [term, weight] of entry.weights) change(term, ord, weight);
    const record: StoredDoc = { ...entry.doc, ord, terms: [...entry.weights.keys()] };
    writes.push(() => docs.put(record));
  });
  if (changes.size) {
    writes.push(() => tx.objectStore('segments').put(packSegment(seq, changes, df)));
    writes.push(() => meta.put(seq + 1, NEXT_SEGMENT));
  }
  writes.push(() => meta.put(nextOrd, NEXT_ORD));
  writes.push(() => meta.put(docCount, DOC_COUNT));
  writes.push(() => meta.put(knowledge.names, NAMES));
  writes.push(() => meta.put({ df: knowledge.df, stories: knowledge.stories }, WORD_COUNTS));
  return writes;
}

/**
 * Runs the writes of one transaction and waits for it to commit. A write that throws at once
 * (a value IndexedDB cannot store) aborts the transaction, so the earlier writes are undone too.
 */
async function writeAll(tx: { done: Promise<void>; abort(): void }, writes: Array<() => Promise<unknown>>): Promise<void> {
  const issued: Array<Promise<unknown>> = [tx.done];
  try {
    for (const write of writes) issued.push(write());
    await Promise.all(issued);
  } catch (error) {
    // Every request of an aborted transaction fails too; those failures are this one error.
    for (const request of issued) request.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: nothing left to undo.
    }
    throw error;
  }
}

export interface LibraryOptions {
  /** Awaited before each compaction transaction: a reader's request goes first. */
  beforeCompaction?: () => Promise<void>;
}

/** `idf` is the general IDF the index weighs terms with (loaded only when something is written). */
export async function openLibrary(name: string, idf: () => Promise<Idf>, options: LibraryOptions = {}): Promise<Library> {
  const db = await openDB<LibrarySchema>(name, MIGRATIONS.length, {
    upgrade(database, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < MIGRATIONS.length; version++) MIGRATIONS[version](database, tx);
    },
  });

  // What queries read, kept between queries of one worker life and dropped on every write.
  const cache = new Map<string, Posting | null>();
  const countCache = new Map<string, number>();
  const docCache = new Map<number, StoredDoc>();
  const textCache = new Map<string, string>();
  let sizeCache: number | undefined;
  /** Counts the writes begun and ended, so a read that overlapped one is not kept. */
  let generation = 0;
  const forget = () => {
    generation++;
    cache.clear();
    countCache.clear();
    docCache.clear();
    textCache.clear();
    sizeCache = undefined;
  };
  /** Reads what a cache lacks in one transaction, keeps it (within a bound) and answers in order. */
  const cached = async <K, V>(memo: Map<K, V>, keys: K[], bound: number, read: (missing: K[]) => Promise<V[]>): Promise<V[]> => {
    const answer = new Map<K, V>();
    for (const k of keys) if (memo.has(k)) answer.set(k, memo.get(k)!);
    const missing = [...new Set(keys.filter((k) => !answer.has(k)))];
    if (missing.length) {
      const from = generation;
      const found = await read(missing);
      // A write that began meanwhile may have changed what was read: answer with it, keep none.
      const keep = generation === from;
      if (keep && memo.size + missing.length > bound) memo.clear();
      missing.forEach((k, i) => {
        answer.set(k, found[i]);
        if (keep) memo.set(k, found[i]);
      });
    }
    return keys.map((k) => answer.get(k)!);
  };
  /** Runs one write transaction, all or nothing; what queries kept is dropped before and after. */
  const transact = async <S extends Array<StoreNames<LibrarySchema>>>(
    stores: S,
    plan: (tx: IDBPTransaction<LibrarySchema, S, 'readwrite'>) => Promise<Array<() => Promise<unknown>>>,
  ) => {
    const tx = db.transaction(stores, 'readwrite');
    forget();
    try {
      let writes: Array<() => Promise<unknown>>;
      try {
        writes = await plan(tx);
      } catch (error) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw error;
      }
      await writeAll(tx, writes);
    } finally {
      forget();
    }
  };
  /** Writes stories and their index entries, then lets compaction follow. */
  const write = async (plan: (tx: WriteTx) => Promise<Array<() => Promise<unknown>>>) => {
    await transact(['stories', 'meta', 'docs', 'segments'], plan);
    scheduleCompaction(COMPACT_AFTER_WRITE_MS);
  };

  /** Segments by number, read once per worker life: a segment never changes, it is only deleted. */
  const segmentViews = new Map<number, SegmentView>();
  /** The segments not yet merged everywhere (oldest first) and how far compaction went, as `tx` sees them. */
  const unmerged = async (tx: IndexTx) => {
    // Both at once: every query that misses the cache starts here.
    const [cursor, seqs] = await Promise.all([tx.objectStore('meta').get(COMPACTION) as Promise<CompactionCursor | undefined>, tx.objectStore('segments').getAllKeys()]);
    for (const seq of segmentViews.keys()) if (!seqs.includes(seq)) segmentViews.delete(seq);
    const views = await Promise.all(
      seqs.map(async (seq) => {
        const view = segmentViews.get(seq) ?? new SegmentView((await tx.objectStore('segments').get(seq))!);
        segmentViews.set(seq, view);
        return view;
      }),
    );
    return { cursor, views };
  };
  /** One read of the index: the merged lists and counts, and the segments a term still needs. */
  const readIndex = async () => {
    const tx = db.transaction(['meta', 'segments', 'postings', 'termCounts']);
    const { cursor, views } = await unmerged(tx);
    return { tx, pending: (term: string) => views.filter((view) => view.pendingFor(term, cursor)) };
  };

  /** The sorted terms of the segments a compaction merges, for the compaction through `through`. */
  let merging: { through: number; terms: string[] } | undefined;
  /** Merges the next terms of the oldest segments into their lists; whether anything is left. */
  const compactStep = async (): Promise<boolean> => {
    let left = false;
    await transact(['meta', 'segments', 'postings', 'termCounts'], async (tx) => {
      const { cursor: saved, views } = await unmerged(tx);
      if (!views.length) return [];
      const cursor = saved ?? { through: views.at(-1)!.seq, done: '' };
      const merged = views.filter((view) => view.seq <= cursor.through);
      if (merging?.through !== cursor.through) merging = { through: cursor.through, terms: [...new Set(merged.flatMap((v) => v.terms))].sort() };
      const from = merging.terms.findIndex((term) => term > cursor.done);
      const terms = from < 0 ? [] : merging.terms.slice(from, from + COMPACTED_TERMS);
      left = terms.length > 0 || views.length > merged.length;
      if (!terms.length) return [...merged.map((view) => () => tx.objectStore('segments').delete(view.seq)), () => tx.objectStore('meta').delete(COMPACTION)];
      const postings = tx.objectStore('postings');
      const counts = tx.objectStore('termCounts');
      const lists = await Promise.all(terms.map((term) => postings.get(term)));
      return [
        ...terms.flatMap((term, i): Array<() => Promise<unknown>> => {
          const list = merged.reduce((posting, view) => view.apply(term, posting), lists[i] ?? emptyPosting());
          if (!list.ords.length) return [() => postings.delete(term), () => counts.delete(term)];
          return [() => postings.put(list, term), () => counts.put(list.ords.length, term)];
        }),
        () => tx.objectStore('meta').put({ through: cursor.through, done: terms.at(-1)! } satisfies CompactionCursor, COMPACTION),
      ];
    });
    return left;
  };
  let compaction: Promise<unknown> = Promise.resolve();
  let closed = false;
  const compact = (steps = Infinity): Promise<boolean> => {
    const run = compaction.then(async () => {
      // Nothing to merge (most wakes): no write transaction, so the queries' caches stay.
      let left = (await db.count('segments')) > 0;
      for (let step = 0; step < steps && left; step++) {
        await options.beforeCompaction?.();
        if (closed) break;
        left = await compactStep();
        // Between transactions, so the queries that came meanwhile go first.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return left;
    });
    compaction = run.catch(() => undefined);
    return run;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  function scheduleCompaction(delay: number) {
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Left for the next write or wake: queries are right meanwhile, only slower.
      compact().catch((error: unknown) => console.warn('index compaction stopped:', error));
    }, delay);
  }
  scheduleCompaction(COMPACT_AFTER_OPEN_MS);

  const index: IndexReader = {
    async size() {
      return (sizeCache ??= ((await db.get('meta', DOC_COUNT)) as number | undefined) ?? 0);
    },
    async postings(terms, maxCount) {
      let reading: ReturnType<typeof readIndex> | undefined;
      const counts = await cached(countCache, terms, CACHED_POSTINGS, async (missing) => {
        const { tx, pending } = await (reading ??= readIndex());
        const counts = tx.objectStore('termCounts');
        return Promise.all(missing.map(async (t) => pending(t).reduce((n, view) => n + view.df(t), (await counts.get(t)) ?? 0)));
      });
      const df = new Map(terms.map((t, i) => [t, counts[i]]));
      const wanted = terms.filter((t) => df.get(t)! > 0 && df.get(t)! <= maxCount);
      const found = await cached(cache, wanted, CACHED_POSTINGS, async (missing) => {
        const { tx, pending } = await (reading ??= readIndex());
        const postings = tx.objectStore('postings');
        return Promise.all(
          missing.map(async (t) => {
            const list = pending(t).reduce((posting, view) => view.apply(t, posting), (await postings.get(t)) ?? emptyPosting());
            return list.ords.length ? list : null;
          }),
        );
      });
      const lists = new Map<string, Posting>();
      wanted.forEach((t, i) => found[i] && lists.set(t, found[i]!));
      return { lists, df };
    },
    docs(ords) {
      return cached(docCache, ords, CACHED_DOCS, (missing) => {
        const tx = db.transaction('docs');
        return Promise.all(missing.map(async (ord) => (await tx.store.get(ord))!));
      });
    },
    texts(ids) {
      return cached(textCache, ids, CACHED_TEXTS, (missing) => {
        const tx = db.transaction('stories');
        return Promise.all(missing.map(async (id) => normalizeForAnalysis(storyText((await tx.store.get(id))!))));
      });
    },
  };

  return {
    index,
    compact,
    async unindexed() {
      if (!(await db.get('meta', NEEDS_INDEX))) return undefined;
      const tx = db.transaction(['stories', 'docs']);
      const indexed = new Set((await tx.objectStore('docs').getAll()).map((d) => d.id));
      const ids = (await tx.objectStore('stories').getAllKeys()).filter((id) => !indexed.has(id));
      return Promise.all(ids.map(async (id) => (await tx.objectStore('stories').get(id))!));
    },
    async indexed() {
      await db.delete('meta', NEEDS_INDEX);
    },
    async names() {
      return ((await db.get('meta', NAMES)) as LibraryKnowledge['names'] | undefined) ?? {};
    },
    async wordCounts() {
      return ((await db.get('meta', WORD_COUNTS)) as Pick<LibraryKnowledge, 'df' | 'stories'> | undefined) ?? { df: {}, stories: 0 };
    },
    async entityNames() {
      return entityNamesOf(await db.getAll('docs'));
    },
    count: () => db.count('stories'),
    get: async (id) => {
      const story = await db.get('stories', id);
      return story && plain(story);
    },
    async all() {
      return (await db.getAll('stories')).map(plain).sort(compareStories);
    },
    async *batches(size) {
      let after: IDBKeyRange | null = null;
      for (;;) {
        const batch = await db.getAll('stories', after, size);
        if (batch.length) yield batch.map(plain);
        if (batch.length < size) return;
        after = IDBKeyRange.lowerBound(batch.at(-1)!.id, true);
      }
    },
    async recent(limit) {
      const found: Story[] = [];
      if (limit <= 0) return found;
      const index = db.transaction('stories').store.index('by-date');
      // Newest day first; the last day is read whole, so page order within it is kept.
      for (let cursor = await index.openCursor(null, 'prev'); cursor; cursor = await cursor.continue()) {
        if (found.length >= limit && cursor.value.date !== found.at(-1)!.date) break;
        found.push(plain(cursor.value));
      }
      return found.sort(compareStories).slice(0, limit);
    },
    async put(stories) {
      const put = indexed(stories, await idf());
      await write(async (tx) => [...put.map(({ story }) => () => tx.objectStore('stories').put(story)), ...(await planIndexWrites(tx, put, []))]);
    },
    async installBundled(stories, version) {
      const bundled = indexed(
        stories.map((s) => ({ ...s, origin: BUNDLED_ORIGIN })),
        await idf(),
      );
      await write(async (tx) => {
        const store = tx.objectStore('stories');
        const keep = new Set(stories.map((s) => s.id));
        const stale = (await store.index('by-origin').getAllKeys(BUNDLED_ORIGIN)).filter((id) => !keep.has(id));
        return [
          ...stale.map((id) => () => store.delete(id)),
          ...bundled.map(({ story }) => () => store.put(story)),
          ...(await planIndexWrites(tx, bundled, stale)),
          () => tx.objectStore('meta').put(version, BUNDLED_VERSION),
        ];
      });
    },
    async getMany(ids) {
      const tx = db.transaction('stories');
      return Promise.all(ids.map(async (id) => {
        const story = await tx.store.get(id);
        return story && plain(story);
      }));
    },
    async duplicatesOf(stories) {
      const tx = db.transaction('stories');
      return Promise.all(
        stories.map(async (story) => {
          const byUrl = story.url ? await tx.store.index('by-url').getAllKeys(story.url) : [];
          const byText = await tx.store.index('by-fingerprint').getAllKeys(fingerprint(story));
          return [...byUrl, ...byText].find((id) => id !== story.id);
        }),
      );
    },
    async removeOrigin(origin) {
      let removed = 0;
      await write(async (tx) => {
        const store = tx.objectStore('stories');
        const ids = await store.index('by-origin').getAllKeys(origin);
        removed = ids.length;
        return [...ids.map((id) => () => store.delete(id)), ...(await planIndexWrites(tx, [], ids))];
      });
      return removed;
    },
    async bundledVersion() {
      return (await db.get('meta', BUNDLED_VERSION)) as string | undefined;
    },
    changedElsewhere() {
      forget();
      scheduleCompaction(COMPACT_AFTER_WRITE_MS);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      db.close();
    },
  };
}
