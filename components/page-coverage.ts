import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { samePage, type PageCoverage, type TabCommand } from '../lib/messages';
import { tabKey } from '../lib/page/tab-coverage';
import { useSessionValue } from './session-value';

/** The tab the popup is about: `?tabId=N` (a detached popup, tests), else the active tab. */
async function popupTab(): Promise<number | undefined> {
  const asked = new URLSearchParams(location.search).get('tabId');
  if (asked !== null && /^\d+$/.test(asked)) return Number(asked);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/**
 * The address the tab's page has, as our content script there tells it; none where there is no
 * such script (the browser's own pages, an extension's, a page loaded before the install).
 */
async function shownAddress(tabId: number): Promise<string | undefined> {
  const ask: TabCommand = { type: 'TAB_ADDRESS' };
  return browser.tabs.sendMessage(tabId, ask, { frameId: 0 }).then(
    (address) => (typeof address === 'string' ? address : undefined),
    () => undefined,
  );
}

/**
 * Whether a kept coverage is for the page the tab shows. The first check's address is asked at
 * once, alongside the storage read rather than after it (a round trip less before the first
 * paint); each later one (the coverage refined, or the tab's page changed) asks again.
 */
function showsPage(tab: Promise<number | undefined>): (coverage: PageCoverage) => Promise<boolean> {
  let asked: Promise<string | undefined> | undefined = tab.then((tabId) => (tabId === undefined ? undefined : shownAddress(tabId)));
  return async (coverage) => {
    const address = asked ?? tab.then((tabId) => shownAddress(tabId!));
    asked = undefined;
    return samePage(coverage.url, await address);
  };
}

/**
 * The coverage the background keeps for the popup's tab, followed as it is refined; null when the
 * page holds no article, or when the tab has since left the page it was for for one without our
 * content script (nothing tells the background of that: listening to every tab's updates would
 * wake the worker for each, the popup's own page among them).
 */
export function usePageCoverage(): PageCoverage | null | undefined {
  const [tab] = useState(popupTab);
  const [shown] = useState(() => showsPage(tab));
  return useSessionValue<PageCoverage>(async () => {
    const tabId = await tab;
    return tabId === undefined ? undefined : tabKey(tabId);
  }, shown);
}
