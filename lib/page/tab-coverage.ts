/**
 * Each tab's page coverage, kept where a restarted service worker and the popup find it (the
 * browser's session storage in the extension; a Map in tests). A refined answer (the full
 * analysis after a cold worker's partial one) replaces the kept one only while the tab still
 * shows the same page, and keeps the stories the first one listed.
 */
import type { KeyValueStore } from '../key-value-store';
import { keepShown } from '../match/keep-shown';
import type { PageCoverage } from '../messages';

const TAB = 'tab:';
export const tabKey = (tabId: number) => `${TAB}${tabId}`;

export function tabCoverage(store: KeyValueStore, changed: (tabId: number, coverage: PageCoverage | null) => void | Promise<void>) {
  const get = async (tabId: number) => ((await store.get(tabKey(tabId))) as PageCoverage | undefined) ?? null;
  return {
    async keep(tabId: number, coverage: PageCoverage) {
      await store.set(tabKey(tabId), coverage);
      await changed(tabId, coverage);
    },
    /** The full answer: in its order, with every story the first answer listed still there. */
    async refine(tabId: number, coverage: PageCoverage) {
      const kept = await get(tabId);
      if (kept?.url !== coverage.url) return;
      const refined = { ...coverage, related: keepShown(kept.related, coverage.related) };
      await store.set(tabKey(tabId), refined);
      await changed(tabId, refined);
    },
    async forget(tabId: number) {
      await store.remove(tabKey(tabId));
      await changed(tabId, null);
    },
    /**
     * Takes the stories the library no longer holds (a story or a source removed) out of every
     * tab's coverage, so no popup lists a story that is gone; the badges follow.
     */
    async prune(held: (ids: string[]) => Promise<boolean[]>) {
      for (const key of await store.keys()) {
        if (!key.startsWith(TAB)) continue;
        const tabId = Number(key.slice(TAB.length));
        const kept = await get(tabId);
        if (!kept) continue;
        const present = await held(kept.related.map((story) => story.id));
        if (present.every(Boolean)) continue;
        const pruned = { ...kept, related: kept.related.filter((_, i) => present[i]) };
        await store.set(key, pruned);
        await changed(tabId, pruned);
      }
    },
  };
}

export type TabCoverage = ReturnType<typeof tabCoverage>;
