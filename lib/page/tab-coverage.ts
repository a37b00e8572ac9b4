/**
 * Each tab's page coverage, kept where a restarted service worker and the popup find it (the
 * browser's session storage in the extension; a Map in tests). A refined answer (the full
 * analysis after a cold worker's partial one) replaces the kept one only while the tab still
 * shows the same page, and keeps the stories the first one listed.
 */
import type { KeyValueStore } from '../key-value-store';
import { keepShown } from '../match/keep-shown';
import type { PageCoverage, RelatedSummary } from '../messages';

/** Stories a tab's coverage keeps aside once pruned, the latest: as many as the library keeps for undo. */
const PRUNED_KEPT = 20;

/**
 * A tab's coverage as kept: the stories pruned from it (a story removed) set aside with where
 * they stood, so that undo puts them back in the tab's popup and badge. A new page starts afresh.
 */
interface KeptCoverage extends PageCoverage {
  pruned?: Array<{ at: number; story: RelatedSummary }>;
}

const TAB = 'tab:';
export const tabKey = (tabId: number) => `${TAB}${tabId}`;

export function tabCoverage(store: KeyValueStore, changed: (tabId: number, coverage: PageCoverage | null) => void | Promise<void>) {
  const get = async (tabId: number) => ((await store.get(tabKey(tabId))) as KeptCoverage | undefined) ?? null;
  /** Every tab with coverage kept, with it. */
  async function* kept(): AsyncGenerator<[number, KeptCoverage]> {
    for (const key of await store.keys()) {
      if (!key.startsWith(TAB)) continue;
      const tabId = Number(key.slice(TAB.length));
      const coverage = await get(tabId);
      if (coverage) yield [tabId, coverage];
    }
  }
  const save = async (tabId: number, coverage: KeptCoverage): Promise<void> => {
    await store.set(tabKey(tabId), coverage);
    await changed(tabId, coverage);
  };
  return {
    keep: save,
    /** The full answer: in its order, with every story the first answer listed still there. */
    async refine(tabId: number, coverage: PageCoverage) {
      const kept = await get(tabId);
      if (kept?.url !== coverage.url) return;
      await save(tabId, { ...coverage, related: keepShown(kept.related, coverage.related), ...(kept.pruned && { pruned: kept.pruned }) });
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
      for await (const [tabId, coverage] of kept()) {
        const present = await held(coverage.related.map((story) => story.id));
        if (present.every(Boolean)) continue;
        const gone = coverage.related.flatMap((story, at) => (present[at] ? [] : [{ at, story }]));
        const pruned = [...(coverage.pruned ?? []), ...gone].slice(-PRUNED_KEPT);
        await save(tabId, { ...coverage, related: coverage.related.filter((_, i) => present[i]), pruned });
      }
    },
    /** Puts a story undo brought back where it stood in every tab it was pruned from; the badges follow. */
    async restore(id: string) {
      for await (const [tabId, coverage] of kept()) {
        const back = coverage.pruned?.find((p) => p.story.id === id);
        if (!back) continue;
        const related = coverage.related.filter((story) => story.id !== id);
        related.splice(Math.min(back.at, related.length), 0, back.story);
        await save(tabId, { ...coverage, related, pruned: coverage.pruned!.filter((p) => p !== back) });
      }
    },
  };
}

export type TabCoverage = ReturnType<typeof tabCoverage>;
