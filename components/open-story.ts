import { browser } from 'wxt/browser';
import type { EntityType } from '../lib/nlp/entities';

/** The extension's page of one story: the popup links to it, the worker opens it for the bubble. */
export function storyPageUrl(id: string): string {
  return `${browser.runtime.getURL('/story.html')}?id=${encodeURIComponent(id)}`;
}

/** Opens a story in a new tab beside the current one; the popup closes itself when it loses focus. */
export async function openStory(id: string): Promise<void> {
  await browser.tabs.create({ url: storyPageUrl(id) });
}

/** The extension's page of a person, place or organisation: every story naming it. */
export function entityPageUrl(type: EntityType, name: string): string {
  return `${browser.runtime.getURL('/entity.html')}?type=${type}&name=${encodeURIComponent(name)}`;
}

/** Opens an entity's page in a new tab: from the popup, which closes on losing focus, as from a story. */
export async function openEntity(type: EntityType, name: string): Promise<void> {
  await browser.tabs.create({ url: entityPageUrl(type, name) });
}

/** The library page: every story, to browse, search, filter and remove (the popup's 管理报道库, the options page's link). */
export function libraryPageUrl(): string {
  return browser.runtime.getURL('/library.html');
}
