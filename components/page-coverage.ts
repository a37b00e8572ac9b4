import { browser } from 'wxt/browser';
import type { PageCoverage } from '../lib/messages';
import { tabKey } from '../lib/page/tab-coverage';
import { useSessionValue } from './session-value';

/** The tab the popup is about: `?tabId=N` (a detached popup, tests), else the active tab. */
async function popupTab(): Promise<number | undefined> {
  const asked = new URLSearchParams(location.search).get('tabId');
  if (asked !== null && /^\d+$/.test(asked)) return Number(asked);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/** The coverage the background keeps for the popup's tab, followed as it is refined; null when the page holds no article. */
export function usePageCoverage(): PageCoverage | null | undefined {
  return useSessionValue<PageCoverage>(async () => {
    const tabId = await popupTab();
    return tabId === undefined ? undefined : tabKey(tabId);
  });
}
