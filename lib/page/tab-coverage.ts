/**
 * Each tab's page coverage, kept where a restarted service worker and the popup find it (the
 * browser's session storage in the extension; a Map in tests). A refined answer (the full
 * analysis after a cold worker's partial one) replaces the kept one only while the tab still
 * shows the same page, and keeps the stories the first one listed.
 */
import type { KeyValueStore } from '../key-value-store';
import { keepShown } from '../match/keep-shown';
import type { PageCoverage } from '../messages';

export const tabKey = (tabId: number) => `tab:${tabId}`;

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
  };
}

export type TabCoverage = ReturnType<typeof tabCoverage>;
