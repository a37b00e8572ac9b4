import { browser } from 'wxt/browser';

export function storyPageUrl(id: string): string {
  return `${browser.runtime.getURL('/story.html')}?id=${encodeURIComponent(id)}`;
}

/** Opens a story in a new tab beside the current one; the popup closes itself when it loses focus. */
export async function openStory(id: string): Promise<void> {
  await browser.tabs.create({ url: storyPageUrl(id) });
}
