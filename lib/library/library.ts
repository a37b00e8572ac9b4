/**
 * The reader's library in IndexedDB. Every write that belongs together happens in one
 * transaction, so a failure leaves the library exactly as it was.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { entityNamesOf, indexEntry, type DocRecord } from '../match/index-entry';
import { emptyPosting, mergePosting } from '../match/postings';
import type { IndexReader, Posting } from '../match/rank';
import { addKnowledge, emptyKnowledge, type LibraryKnowledge } from '../nlp/analyzer';
import type { Idf } from '../nlp/keywords';
import { normalizeForAnalysis } from '../nlp/normalize';
import { fingerprint } from './fingerprint';
import { BUNDLED_ORIGIN, compareStories, storyText, type Story } from './story';

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
  /** The inverted index: term → posting list. */
  postings: { key: string; value: Posting };
  /** The inverted index: term → number of stories (the length of its posting list), read first. */
  termCounts: { key: string; value: number };
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
];

export const LIBRARY_DB = 'zhuzhou-daily-lens';
const BUNDLED_VERSION = 'bundledVersion';
const NEXT_ORD = 'nextOrd';
/** How many stories the index holds: counting IndexedDB records costs time in proportion to them. */
const DOC_COUNT = 'docCount';
const NEEDS_INDEX = 'needsIndex';
/** The library's knowledge in two records: names are read at every wake, word counts only with jieba. */
const NAMES = 'knownNames';
const WORD_COUNTS = 'wordCounts';
/** Posting lists kept in memory between queries of one worker life; dropped on every write. */
const CACHED_POSTINGS = 20_000;
const CACHED_DOCS = 5_000;
const CACHED_TEXTS = 500;

export interface Library {
  count(): Promise<number>;
  get(id: string): Promise<Story | undefined>;
  /** Every story, newest first and in page order. */
  all(): Promise<Story[]>;
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
  close(): void;
}

type WriteTx = IDBPTransaction<LibrarySchema, Array<'stories' | 'meta' | 'docs' | 'postings' | 'termCounts'>, 'readwrite'>;

/**
 * The index writes for stories put and ids removed, planned inside the transaction that stores
 * them: a story and its postings are written or undone together. Each touched posting list is
 * read once and written once, however many stories of the batch change it.
 */
async function planIndexWrites(tx: WriteTx, put: Story[], removed: string[], idf: Idf): Promise<Array<() => Promise<unknown>>> {
  const docs = tx.objectStore('docs');
  const postings = tx.objectStore('postings');
  let nextOrd = ((await tx.objectStore('meta').get(NEXT_ORD)) as number | undefined) ?? 0;
  let docCount = ((await tx.objectStore('meta').get(DOC_COUNT)) as number | undefined) ?? 0;
  const meta = tx.objectStore('meta');
  const knowledge: LibraryKnowledge = {
    ...emptyKnowledge(),
    names: ((await meta.get(NAMES)) as LibraryKnowledge['names'] | undefined) ?? {},
    ...((await meta.get(WORD_COUNTS)) as Pick<LibraryKnowledge, 'df' | 'stories'> | undefined),
  };
  /** term → story → new weight, or undefined to take the story out. */
  const changes = new Map<string, Map<number, number | undefined>>();
  const change = (term: string, ord: number, weight?: number) => {
    let list = changes.get(term);
    if (!list) changes.set(term, (list = new Map()));
    // A removal never undoes a weight set for the same story in this batch.
    if (weight !== undefined || !list.has(ord)) list.set(ord, weight);
  };
  const writes: Array<() => Promise<unknown>> = [];
  const previous = async (id: string) => {
    const old = await docs.index('by-id').get(id);
    for (const term of old?.terms ?? []) change(term, old!.ord);
    return old;
  };
  const drop = (old: StoredDoc) => {
    docCount--;
    writes.push(() => docs.delete(old.ord));
  };
  for (const id of removed) {
    const old = await previous(id);
    if (old) drop(old);
  }
  for (const story of put) {
    const old = await previous(story.id);
    const entry = indexEntry(story, idf);
    if (story.analysis) addKnowledge(knowledge, story.analysis, old !== undefined);
    if (!entry) {
      if (old) drop(old);
      continue;
    }
    if (!old) docCount++;
    const ord = old?.ord ?? nextOrd++;
    for (const [term, weight] of entry.weights) change(term, ord, weight);
    const record: StoredDoc = { ...entry.doc, ord, terms: [...entry.weights.keys()] };
    writes.push(() => docs.put(record));
  }
  const terms = [...changes.keys()];
  const current = await Promise.all(terms.map((term) => postings.get(term)));
  terms.forEach((term, i) => {
    const merged = mergePosting(current[i] ?? emptyPosting(), changes.get(term)!);
    const counts = tx.objectStore('termCounts');
    writes.push(() => (merged.ords.length ? postings.put(merged, term) : postings.delete(term)));
    writes.push(() => (merged.ords.length ? counts.put(merged.ords.length, term) : counts.delete(term)));
  });
  writes.push(() => tx.objectStore('meta').put(nextOrd, NEXT_ORD));
  writes.push(() => tx.objectStore('meta').put(docCount, DOC_COUNT));
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

/** `idf` is the general IDF the index weighs terms with (loaded only when something is written). */
export async function openLibrary(name: string, idf: () => Promise<Idf>): Promise<Library> {
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
  const forget = () => {
    cache.clear();
    countCache.clear();
    docCache.clear();
    textCache.clear();
    sizeCache = undefined;
  };
  /** Reads what a cache lacks in one transaction, keeps it (within a bound) and answers in order. */
  const cached = async <K, V>(memo: Map<K, V>, keys: K[], bound: number, read: (missing: K[]) => Promise<V[]>): Promise<V[]> => {
    const missing = [...new Set(keys.filter((k) => !memo.has(k)))];
    if (missing.length) {
      const found = await read(missing);
      if (memo.size + missing.length > bound) memo.clear();
      missing.forEach((k, i) => memo.set(k, found[i]));
    }
    return keys.map((k) => memo.get(k)!);
  };
  /** Runs one write transaction over the stories and the index, all or nothing. */
  const write = async (plan: (tx: WriteTx) => Promise<Array<() => Promise<unknown>>>) => {
    const tx = db.transaction(['stories', 'meta', 'docs', 'postings', 'termCounts'], 'readwrite');
    forget();
    let writes: Array<() => Promise<unknown>>;
    try {
      writes = await plan(tx);
    } catch (error) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw error;
    }
    await writeAll(tx, writes);
  };

  const index: IndexReader = {
    async size() {
      return (sizeCache ??= ((await db.get('meta', DOC_COUNT)) as number | undefined) ?? 0);
    },
    async postings(terms, maxCount) {
      const counts = await cached(countCache, terms, CACHED_POSTINGS, (missing) => {
        const tx = db.transaction('termCounts');
        return Promise.all(missing.map(async (t) => (await tx.store.get(t)) ?? 0));
      });
      const df = new Map(terms.map((t, i) => [t, counts[i]]));
      const wanted = terms.filter((t) => df.get(t)! > 0 && df.get(t)! <= maxCount);
      const found = await cached(cache, wanted, CACHED_POSTINGS, (missing) => {
        const tx = db.transaction('postings');
        return Promise.all(missing.map(async (t) => (await tx.store.get(t)) ?? null));
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
      const weights = await idf();
      await write(async (tx) => [
        ...stories.map((s) => () => tx.objectStore('stories').put(stored(s))),
        ...(await planIndexWrites(tx, stories, [], weights)),
      ]);
    },
    async installBundled(stories, version) {
      const weights = await idf();
      const bundled = stories.map((s) => ({ ...s, origin: BUNDLED_ORIGIN }));
      await write(async (tx) => {
        const store = tx.objectStore('stories');
        const keep = new Set(stories.map((s) => s.id));
        const stale = (await store.index('by-origin').getAllKeys(BUNDLED_ORIGIN)).filter((id) => !keep.has(id));
        return [
          ...stale.map((id) => () => store.delete(id)),
          ...bundled.map((s) => () => store.put(stored(s))),
          ...(await planIndexWrites(tx, bundled, stale, weights)),
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
      const weights = await idf();
      let removed = 0;
      await write(async (tx) => {
        const store = tx.objectStore('stories');
        const ids = await store.index('by-origin').getAllKeys(origin);
        removed = ids.length;
        return [...ids.map((id) => () => store.delete(id)), ...(await planIndexWrites(tx, [], ids, weights))];
      });
      return removed;
    },
    async bundledVersion() {
      return (await db.get('meta', BUNDLED_VERSION)) as string | undefined;
    },
    close: () => db.close(),
  };
}
