/**
 * Where the background keeps jieba's built dictionary between wakes (lib/nlp/wasm-snapshot.ts):
 * the Cache API, one entry, named by the wasm's own hash so a snapshot never meets another
 * build of jieba. Writing a new one drops the old. The entry is read as a stream, its sizes
 * from its headers, so the memory is filled as the bytes come.
 */
import type { PageRuns, SnapshotStore } from '../lib/nlp/wasm-snapshot';

const CACHE = 'zhuzhou-lens-jieba';
const TABLE_LENGTH = 'x-table-length';
const MEMORY_BYTES = 'x-memory-bytes';
/** The runs of pages the body holds: `first+count,first+count`. */
const PAGES = 'x-pages';

const runsOf = (header: string | null | undefined): PageRuns | undefined =>
  header && /^\d+\+\d+(,\d+\+\d+)*$/.test(header) ? header.split(',').map((run) => run.split('+').map(Number) as [number, number]) : undefined;

export function cachedSnapshots(wasmHash: string): SnapshotStore {
  // Only a key: the Cache API wants an http(s) address.
  const key = `https://jieba.invalid/${wasmHash}`;
  return {
    async get() {
      const found = await (await caches.open(CACHE)).match(key);
      const tableLength = Number(found?.headers.get(TABLE_LENGTH));
      const byteLength = Number(found?.headers.get(MEMORY_BYTES));
      const runs = runsOf(found?.headers.get(PAGES));
      // An entry kept without its sizes (an older version's) is built again, and replaced.
      return found?.body && tableLength > 0 && byteLength > 0 && runs ? { body: found.body, byteLength, tableLength, runs } : undefined;
    },
    async put({ memory, tableLength, runs }) {
      const cache = await caches.open(CACHE);
      for (const old of await cache.keys()) if (old.url !== key) await cache.delete(old);
      const headers = { [TABLE_LENGTH]: String(tableLength), [MEMORY_BYTES]: String(memory.byteLength), [PAGES]: runs.map((run) => run.join('+')).join(',') };
      const body = new Blob(runs.map(([first, pages]) => new Uint8Array(memory, first * 65_536, pages * 65_536)));
      await cache.put(key, new Response(body, { headers }));
    },
  };
}
