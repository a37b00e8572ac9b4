/**
 * The reader's library in IndexedDB. Every write that belongs together happens in one
 * transaction, so a failure leaves the library exactly as it was.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { BUNDLED_ORIGIN, compareStories, type Story } from './story';

interface LibrarySchema extends DBSchema {
  stories: { key: string; value: Story; indexes: { 'by-date': string; 'by-origin': string } };
  meta: { key: string; value: unknown };
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
];

export const LIBRARY_DB = 'zhuzhou-daily-lens';
const BUNDLED_VERSION = 'bundledVersion';

export interface Library {
  count(): Promise<number>;
  get(id: string): Promise<Story | undefined>;
  /** Every story, newest first and in page order. */
  all(): Promise<Story[]>;
  /** Adds or replaces stories by id, all or none. */
  put(stories: Story[]): Promise<void>;
  /**
   * Writes the shipped stories in one transaction and removes bundled stories that a newer
   * bundle no longer has. Stories the reader added are never touched.
   */
  installBundled(stories: Story[], version: string): Promise<void>;
  /** The bundle version last installed, to skip the work on every service-worker wake. */
  bundledVersion(): Promise<string | undefined>;
  close(): void;
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

export async function openLibrary(name = LIBRARY_DB): Promise<Library> {
  const db = await openDB<LibrarySchema>(name, MIGRATIONS.length, {
    upgrade(database, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < MIGRATIONS.length; version++) MIGRATIONS[version](database, tx);
    },
  });

  return {
    count: () => db.count('stories'),
    get: (id) => db.get('stories', id),
    async all() {
      return (await db.getAll('stories')).sort(compareStories);
    },
    async put(stories) {
      const tx = db.transaction('stories', 'readwrite');
      await writeAll(
        tx,
        stories.map((s) => () => tx.store.put(s)),
      );
    },
    async installBundled(stories, version) {
      const tx = db.transaction(['stories', 'meta'], 'readwrite');
      const store = tx.objectStore('stories');
      const keep = new Set(stories.map((s) => s.id));
      const stale = (await store.index('by-origin').getAllKeys(BUNDLED_ORIGIN)).filter((id) => !keep.has(id));
      await writeAll(tx, [
        ...stale.map((id) => () => store.delete(id)),
        ...stories.map((s) => () => store.put({ ...s, origin: BUNDLED_ORIGIN })),
        () => tx.objectStore('meta').put(version, BUNDLED_VERSION),
      ]);
    },
    async bundledVersion() {
      return (await db.get('meta', BUNDLED_VERSION)) as string | undefined;
    },
    close: () => db.close(),
  };
}
