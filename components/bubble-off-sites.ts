/** The reader's list of sites without the selection bubble, in the extension's local storage. */
import { browser } from 'wxt/browser';
import { BUBBLE_OFF_SITES, bubbleOffSites } from '../lib/page/settings';

export async function readBubbleOffSites(): Promise<string[]> {
  return bubbleOffSites((await browser.storage.local.get(BUBBLE_OFF_SITES))[BUBBLE_OFF_SITES]);
}

export function saveBubbleOffSites(sites: string[]): Promise<void> {
  return browser.storage.local.set({ [BUBBLE_OFF_SITES]: sites });
}

/** Calls `changed` with the list whenever it changes (on the options page); the returned function stops that. */
export function watchBubbleOffSites(changed: (sites: string[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[BUBBLE_OFF_SITES];
    if (area === 'local' && change) changed(bubbleOffSites(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
