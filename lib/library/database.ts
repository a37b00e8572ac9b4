/**
 * The library's IndexedDB database: its schema, the migrations that bring every reader's database
 * to it, the keys of its meta records, and how a transaction's writes are made all or nothing.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { DocRecord } from '../match/index-entry';
import type { Posting } from '../match/postings';
import type { Story } from '../story';
import { fingerprint } from './fingerprint';
import type { IndexSegment } from './index-segment';

/** A story as stored: with its fingerprint, by which the same text from elsewhere is known. */
export type StoredStory = Story & { fingerprint?: string };
export const stored = (story: Story): StoredStory => ({ ...story, fingerprint: fingerprint(story) });
export const plain = ({ fingerprint: _, ...story }: StoredStory): Story => story;

/**
 * An indexed story as stored: what ranking reads, and its terms and the names it taught the
 * library (lib/library/name-counts.ts), to take it out again.
 */
export type StoredDoc = DocRecord & { terms: string[]; taught?: string[] };

/**
 * The ANALYSIS record: every story is analysed by `version`, except, while a run analysing them
 * again is under way, those after `after` in id order. A write that keeps a file's or a feed's
 * analysis unchecked sets `version` to UNCHECKED_ANALYSIS, which no build makes: the next run
 * reads every story.
 */
export interface Analysis {
  version: string;
  after?: string;
}

export interface LibrarySchema extends DBSchema {
  stories: {
    key: string;
    value: StoredStory;
    indexes: {
      'by-date': string;
      'by-origin': string;
      'by-url': string;
      'by-fingerprint': string;
      /** The library page's order, newest first: one key per story, so a page resumes exactly where the last one ended. */
      'by-date-id': [string, string];
      /** The same within one origin (a source, the bundle, imports). */
      'by-origin-date-id': [string, string, string];
    };
  };
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

export type LibraryDb = IDBPDatabase<LibrarySchema>;
/** A write of stories with their index entries. */
export type WriteTx = IDBPTransaction<LibrarySchema, Array<'stories' | 'meta' | 'docs' | 'segments'>, 'readwrite'>;
/** A read of the index, or compaction's write. */
export type IndexTx = IDBPTransaction<LibrarySchema, Array<'meta' | 'segments' | 'postings' | 'termCounts'>, IDBTransactionMode>;
/** A transaction's writes, issued together by `writeAll` so that one that throws at once undoes them all. */
export type Writes = Array<() => Promise<unknown>>;

type UpgradeTx = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>;

/** The meta records. */
export const BUNDLED_VERSION = 'bundledVersion';
export const NEXT_ORD = 'nextOrd';
/** How many stories the index holds: counting IndexedDB records costs time in proportion to them. */
export const DOC_COUNT = 'docCount';
/**
 * Written by schema 2's upgrade for the stories stored before the index, deleted by schema 6's: a
 * library without an ANALYSIS record has every story analysed and indexed again instead
 * (lib/library/reanalyse.ts).
 */
const NEEDS_INDEX = 'needsIndex';
/**
 * Which analysis the stored stories' profiles and index entries come from, and how far a run
 * bringing them to another has gone (`Analysis`).
 */
export const ANALYSIS = 'analysis';
export const NEXT_SEGMENT = 'nextSegment';
export const COMPACTION = 'compaction';
/** The library's knowledge in two records: names are read at every wake, word counts only with jieba. */
export const NAMES = 'knownNames';
export const WORD_COUNTS = 'wordCounts';
/** How many stories teach each of NAMES (lib/library/name-counts.ts); absent before the counts. */
export const NAME_COUNTS = 'nameCounts';
/** The stories the reader removed last, as stored, so that undo puts them back exactly. */
export const REMOVED = 'removedStories';

/**
 * One step per schema version; step i takes the database from version i to i + 1. A new version
 * appends a step and never edits an old one, so every reader's database reaches the same shape.
 */
const MIGRATIONS: Array<(db: LibraryDb, tx: UpgradeTx) => void> = [
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
  (_db, tx) => {
    // The library page lists newest first, filtered by origin, a page at a time.
    const stories = tx.objectStore('stories');
    stories.createIndex('by-date-id', ['date', 'id']);
    stories.createIndex('by-origin-date-id', ['origin', 'date', 'id']);
  },
  (_db, tx) => {
    void tx.objectStore('meta').delete(NEEDS_INDEX);
  },
];

/** `analysisVersion`: what a database created now records as its analysis, since it holds no story analysed by another. */
export function openLibraryDb(name: string, analysisVersion?: string): Promise<LibraryDb> {
  return openDB<LibrarySchema>(name, MIGRATIONS.length, {
    upgrade(database, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < MIGRATIONS.length; version++) MIGRATIONS[version](database, tx);
      if (oldVersion === 0 && analysisVersion !== undefined) void tx.objectStore('meta').put({ version: analysisVersion } satisfies Analysis, ANALYSIS);
    },
  });
}

/**
 * Runs the writes of one transaction and waits for it to commit. A write that throws at once
 * (a value IndexedDB cannot store) aborts the transaction, so the earlier writes are undone too.
 */
export async function writeAll(tx: { done: Promise<void>; abort(): void }, writes: Writes): Promise<void> {
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

/** Runs one write transaction, all or nothing: `plan` reads in it and says what to write. */
export async function transact<S extends Array<StoreNames<LibrarySchema>>>(
  db: LibraryDb,
  stores: S,
  plan: (tx: IDBPTransaction<LibrarySchema, S, 'readwrite'>) => Promise<Writes>,
): Promise<void> {
  const tx = db.transaction(stores, 'readwrite');
  let writes: Writes;
  try {
    writes = await plan(tx);
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await writeAll(tx, writes);
}
