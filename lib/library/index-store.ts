/**
 * The inverted index in IndexedDB as queries and writes meet it: the IndexReader over the merged
 * posting lists and the segments not yet merged, what queries read kept in memory until the next
 * write, and compaction, which merges the segments into the lists off the reader's path.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { emptyPosting, type IndexReader, type Posting } from '../match/postings';
import { normalizeForAnalysis } from '../nlp/normalize';
import { storyText } from '../story';
import { COMPACTION, DOC_COUNT, transact, type IndexTx, type LibraryDb, type LibrarySchema, type StoredDoc, type Writes, type WriteTx } from './database';
import { SegmentView, type CompactionCursor } from './index-segment';

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

export interface IndexStoreOptions {
  /** Awaited before each compaction transaction: a reader's request goes first. */
  beforeCompaction?: () => Promise<void>;
}

export interface IndexStore {
  reader: IndexReader;
  /** Writes stories and their index entries (planned by `plan`) all or nothing, then lets compaction follow. */
  write(plan: (tx: WriteTx) => Promise<Writes>): Promise<void>;
  /** Merges pending segments, at most `steps` transactions of it; whether any is left. */
  compact(steps?: number): Promise<boolean>;
  /** Another connection wrote the database: drops what queries kept and merges its segment soon. */
  changedElsewhere(): void;
  /** Stops compaction; the database itself is closed by whoever opened it. */
  close(): void;
}

export function openIndexStore(db: LibraryDb, options: IndexStoreOptions = {}): IndexStore {
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
  const transactForgetting = async <S extends Array<StoreNames<LibrarySchema>>>(
    stores: S,
    plan: (tx: IDBPTransaction<LibrarySchema, S, 'readwrite'>) => Promise<Writes>,
  ) => {
    forget();
    try {
      await transact(db, stores, plan);
    } finally {
      forget();
    }
  };

  /** Segments by number, read once per worker life: a segment never changes, it is only deleted. */
  const segmentViews = new Map<number, SegmentView>();
  /** The segments not yet merged everywhere (oldest first) and how far compaction went, as `tx` sees them. */
  const unmerged = async (tx: IndexTx) => {
    // Both at once: every query that misses the cache starts here.
    const [cursor, seqs] = await Promise.all([
      tx.objectStore('meta').get(COMPACTION) as Promise<CompactionCursor | undefined>,
      tx.objectStore('segments').getAllKeys(),
    ]);
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
    await transactForgetting(['meta', 'segments', 'postings', 'termCounts'], async (tx) => {
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
        ...terms.flatMap((term, i): Writes => {
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

  const reader: IndexReader = {
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
      wanted.forEach((t, i) => {
        if (found[i]) lists.set(t, found[i]);
      });
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
    reader,
    async write(plan) {
      await transactForgetting(['stories', 'meta', 'docs', 'segments'], plan);
      scheduleCompaction(COMPACT_AFTER_WRITE_MS);
    },
    compact,
    changedElsewhere() {
      forget();
      scheduleCompaction(COMPACT_AFTER_WRITE_MS);
    },
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
