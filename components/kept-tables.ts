/**
 * Where the background keeps the tagger's tables between wakes (lib/nlp/ner/tables.ts): the
 * Cache API, one entry, named by the hash of what built them (wxt.config.ts) so a copy never
 * meets other weights or other code. Writing a new one drops the old.
 */
import type { TablesStore } from '../lib/nlp/ner/tables';

const CACHE = 'zhuzhou-lens-tables';

export function keptTables(sourcesHash: string): TablesStore {
  // Only a key: the Cache API wants an http(s) address.
  const key = `https://tables.invalid/${sourcesHash}`;
  return {
    async get() {
      return (await (await caches.open(CACHE)).match(key))?.arrayBuffer();
    },
    async put(image) {
      const cache = await caches.open(CACHE);
      for (const old of await cache.keys()) if (old.url !== key) await cache.delete(old);
      await cache.put(key, new Response(image));
    },
  };
}
