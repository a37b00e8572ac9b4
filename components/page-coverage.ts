import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageCoverage } from '../lib/messages';
import { tabKey } from '../lib/page/tab-coverage';

/** The tab the popup is about: `?tabId=N` (a detached popup, tests), else the active tab. */
async function popupTab(): Promise<number | undefined> {
  const asked = new URLSearchParams(location.search).get('tabId');
  if (asked !== null && /^\d+$/.test(asked)) return Number(asked);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/**
 * The coverage the background keeps for the popup's tab, read straight from session storage
 * (no need to wake the service worker) and followed as it is refined; undefined while reading,
 * null when the page holds no article.
 */
export function usePageCoverage(): PageCoverage | null | undefined {
  const [coverage, setCoverage] = useState<PageCoverage | null | undefined>(undefined);
  useEffect(() => {
    let key: string | undefined;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key && key in changes) setCoverage((changes[key].newValue as PageCoverage | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(onChanged);
    void popupTab().then(async (tabId) => {
      if (tabId === undefined) return setCoverage(null);
      key = tabKey(tabId);
      setCoverage(((await browser.storage.session.get(key))[key] as PageCoverage | undefined) ?? null);
    });
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return coverage;
}
