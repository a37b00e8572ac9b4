import { browser } from 'wxt/browser';

/** The extension's page of one story: the popup links to it, the worker opens it for the bubble. */
export function storyPageUrl(id: string): string {
  return `${browser.runtime.getURL('/story.html')}?id=${encodeURIComponent(id)}`;
}

/** Opens a story in a new tab beside the current one; the popup closes itself when it loses focus. */
export async function openStory(id: string): Promise<void> {
  await browser.tabs.create({ url: storyPageUrl(id) });
}
