/**
 * The reader's library of stories in IndexedDB: stories read and written, each write with its
 * index entries in one transaction, so a failure leaves the library exactly as it was. The
 * database is database.ts; the inverted index as queries and compaction use it, index-store.ts.
 */
import { entityNamesOf } from '../match/index-entry';
import type { IndexReader } from '../match/postings';
import type { LibraryKnowledge } from '../nlp/analyzer';
import type { Idf } from '../nlp/keywords';
import { BUNDLED_ORIGIN, compareStories, type Story } from '../story';
import { libraryBrowser, type LibraryBrowser } from './browse';
import {
  ANALYSIS,
  BUNDLED_VERSION,
  type LibraryDb,
  NAME_COUNTS,
  NAMES,
  openLibraryDb,
  plain,
  REMOVED,
  WORD_COUNTS,
  type Analysis,
  type StoredStory,
} from './database';
import { fingerprint } from './fingerprint';
import { openIndexStore, type IndexStoreOptions } from './index-store';
import { indexed, planIndexWrites } from './index-writes';
import { type NameCounts, uncountedNames } from './name-counts';

export const LIBRARY_DB = 'zhuzhou-daily-lens';
/** Removed stories kept for undo, the latest; an older one is gone for good. */
export const REMOVED_KEPT = 20;

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
  /** Whether the library holds each id, in one read of keys only. */
  holds(ids: string[]): Promise<boolean[]>;
  /** For each story, the id of another with the same address or the same text, if the library has one; in one read. */
  duplicatesOf(stories: Story[]): Promise<Array<string | undefined>>;
  /** Removes every story of one origin (a source the reader removed with its stories); how many. */
  removeOrigin(origin: string): Promise<number>;
  /**
   * Removes one story and its index entries, as a source's stories go, and keeps it aside (the
   * last REMOVED_KEPT) for `restore`; whether the library had it.
   */
  remove(id: string): Promise<boolean>;
  /**
   * Puts a removed story back as it was stored, its index entries with it; false when it is not
   * kept aside, or the library has a story of that id again (which stays).
   */
  restore(id: string): Promise<boolean>;
  /** The library a page at a time, newest first, filtered by day and origin, and its counts. */
  browse: LibraryBrowser;
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
   * The next batch of a run bringing the library to `version`: the `size` stories (in id order)
   * after the last `reanalysed` batch, from the first when the run is new; `stale`, those whose
   * profile and index entries come from another analysis (an earlier tagger, other passes; before
   * the index, none; one a file or feed brought, unchecked), and `through`, the batch's last id. A
   * story stored since with this analysis (a sync's own) is not stale. Undefined when none is
   * left, recorded then: checked at every wake, it costs one read when the library is current.
   */
  staleStories(version: string, size: number): Promise<StaleBatch | undefined>;
  /**
   * Writes `analysed`, the batch's stale stories analysed by `version`, in one transaction with the
   * run's progress; a story written or removed since it was read is left as it is now. How many
   * were written.
   */
  reanalysed(version: string, batch: StaleBatch, analysed: Story[]): Promise<number>;
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

export interface StaleBatch {
  stale: Story[];
  through: string;
  /** The run's record as the batch was read: a write that has changed it since (unchecked stories kept) wins. */
  run: Analysis | undefined;
}

export interface LibraryOptions extends IndexStoreOptions {
  /** The analysis the running code makes: a library created now records it (`staleStories`). */
  analysisVersion?: string;
}

const sameRun = (a: Analysis | undefined, b: Analysis | undefined) => a?.version === b?.version && a?.after === b?.after;

/**
 * Whether every indexed story says which names it teaches (none was stored before the counts).
 * Read on its own: a story stored since always says, so the answer cannot turn false.
 */
async function everyDocSaysTaught(db: LibraryDb): Promise<boolean> {
  for (let cursor = await db.transaction('docs').store.openCursor(); cursor; cursor = await cursor.continue()) if (!cursor.value.taught) return false;
  return true;
}

/** The library's names, and those of them no story is counted as teaching, as `meta` holds them. */
async function uncountedIn(meta: { get(key: string): Promise<unknown> }) {
  const [names, counts] = await Promise.all([meta.get(NAMES), meta.get(NAME_COUNTS)]);
  const known = (names as LibraryKnowledge['names'] | undefined) ?? {};
  return { names: known, uncounted: uncountedNames(known, (counts as NameCounts | undefined) ?? {}) };
}

/** `idf` is the general IDF the index weighs terms with (loaded only when something is written). */
export async function openLibrary(name: string, idf: () => Promise<Idf>, options: LibraryOptions = {}): Promise<Library> {
  const db = await openLibraryDb(name, options.analysisVersion);
  const indexStore = openIndexStore(db, options);
  /**
   * Records the run's progress unless a write has changed its record since `read` (stories kept
   * unchecked, to be read from the first). At its end, the names that stories stored before the
   * counts left behind go, once every indexed story says which names it teaches.
   */
  const progress = async (read: Analysis | undefined, next: Analysis) => {
    // The docs are scanned apart, so that queries are not held while they are read.
    const forget = next.after === undefined && (await uncountedIn(db.transaction('meta').store)).uncounted.length > 0 && (await everyDocSaysTaught(db));
    const tx = db.transaction('meta', 'readwrite');
    if (sameRun((await tx.store.get(ANALYSIS)) as Analysis | undefined, read)) {
      await tx.store.put(next, ANALYSIS);
      const { names, uncounted } = forget ? await uncountedIn(tx.store) : { names: {}, uncounted: [] };
      for (const name of uncounted) delete names[name];
      if (uncounted.length) await tx.store.put(names, NAMES);
    }
    await tx.done;
  };

  return {
    index: indexStore.reader,
    compact: indexStore.compact,
    async staleStories(version, size) {
      const run = (await db.get('meta', ANALYSIS)) as Analysis | undefined;
      // A run to another version (a newer build came mid-way, a write kept stories unchecked) starts again from the first story.
      let after: IDBKeyRange | null = null;
      if (run?.version === version) {
        if (run.after === undefined) return undefined;
        after = IDBKeyRange.lowerBound(run.after, true);
      }
      const batch = await db.getAll('stories', after, size);
      if (batch.length) return { stale: batch.map(plain).filter((story) => story.analysis?.version !== version), through: batch.at(-1)!.id, run };
      await progress(run, { version });
      return undefined;
    },
    async reanalysed(version, batch, analysed) {
      const { stale, through, run } = batch;
      const next: Analysis = { version, after: through };
      // A batch of current stories moves the run on and writes no index segment.
      if (!stale.length) {
        await progress(run, next);
        return 0;
      }
      const put = indexed(analysed, await idf());
      let written = 0;
      await indexStore.write(async (tx) => {
        const stories = tx.objectStore('stories');
        const now = await Promise.all(stale.map((s) => stories.get(s.id)));
        // A sync's or an import's write since the read has its own analysis; a removal stays.
        const unchanged = new Set(stale.filter((s, i) => now[i] && JSON.stringify(plain(now[i]!)) === JSON.stringify(s)).map((s) => s.id));
        const kept = put.filter(({ story }) => unchanged.has(story.id));
        written = kept.length;
        const record = tx.objectStore('meta');
        const moved = sameRun((await record.get(ANALYSIS)) as Analysis | undefined, run);
        return [
          ...kept.map(
            ({ story }) =>
              () =>
                stories.put(story),
          ),
          ...(await planIndexWrites(
            tx,
            kept,
            [],
            stale.filter((s) => unchanged.has(s.id)),
          )),
          ...(moved ? [() => record.put(next, ANALYSIS)] : []),
        ];
      });
      return written;
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
      await indexStore.write(async (tx) => [
        ...put.map(
          ({ story }) =>
            () =>
              tx.objectStore('stories').put(story),
        ),
        ...(await planIndexWrites(tx, put, [])),
      ]);
    },
    async installBundled(stories, version) {
      const bundled = indexed(
        stories.map((s) => ({ ...s, origin: BUNDLED_ORIGIN })),
        await idf(),
      );
      await indexStore.write(async (tx) => {
        const store = tx.objectStore('stories');
        const keep = new Set(stories.map((s) => s.id));
        const stale = (await store.index('by-origin').getAllKeys(BUNDLED_ORIGIN)).filter((id) => !keep.has(id));
        return [
          ...stale.map((id) => () => store.delete(id)),
          ...bundled.map(
            ({ story }) =>
              () =>
                store.put(story),
          ),
          ...(await planIndexWrites(tx, bundled, stale)),
          () => tx.objectStore('meta').put(version, BUNDLED_VERSION),
        ];
      });
    },
    async getMany(ids) {
      const tx = db.transaction('stories');
      return Promise.all(
        ids.map(async (id) => {
          const story = await tx.store.get(id);
          return story && plain(story);
        }),
      );
    },
    async holds(ids) {
      const tx = db.transaction('stories');
      return Promise.all(ids.map(async (id) => (await tx.store.getKey(id)) !== undefined));
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
      await indexStore.write(async (tx) => {
        const store = tx.objectStore('stories');
        const ids = await store.index('by-origin').getAllKeys(origin);
        removed = ids.length;
        return [...ids.map((id) => () => store.delete(id)), ...(await planIndexWrites(tx, [], ids))];
      });
      return removed;
    },
    async remove(id) {
      let found = false;
      await indexStore.write(async (tx) => {
        const meta = tx.objectStore('meta');
        const [story, kept] = await Promise.all([tx.objectStore('stories').get(id), meta.get(REMOVED) as Promise<StoredStory[] | undefined>]);
        found = story !== undefined;
        if (!story) return [];
        const removed = [...(kept ?? []).filter((s) => s.id !== id), story].slice(-REMOVED_KEPT);
        return [() => tx.objectStore('stories').delete(id), ...(await planIndexWrites(tx, [], [id], [story])), () => meta.put(removed, REMOVED)];
      });
      return found;
    },
    async restore(id) {
      const kept = ((await db.get('meta', REMOVED)) as StoredStory[] | undefined)?.find((s) => s.id === id);
      if (!kept) return false;
      // Indexed as when it was first written: the same story, the same general IDF.
      const put = indexed([plain(kept)], await idf());
      let restored = false;
      await indexStore.write(async (tx) => {
        const meta = tx.objectStore('meta');
        const [present, removed] = await Promise.all([tx.objectStore('stories').getKey(id), meta.get(REMOVED) as Promise<StoredStory[] | undefined>]);
        const rest = (removed ?? []).filter((s) => s.id !== id);
        restored = present === undefined && rest.length < (removed ?? []).length;
        if (!restored) return [() => meta.put(rest, REMOVED)];
        return [() => tx.objectStore('stories').put(kept), ...(await planIndexWrites(tx, put, [])), () => meta.put(rest, REMOVED)];
      });
      return restored;
    },
    browse: libraryBrowser(db),
    async bundledVersion() {
      return (await db.get('meta', BUNDLED_VERSION)) as string | undefined;
    },
    changedElsewhere: indexStore.changedElsewhere,
    close() {
      indexStore.close();
      db.close();
    },
  };
}
