/**
 * The one message protocol between the extension's contexts. Each type is named by its sender
 * (UI_ = an extension page: popup, options, story page), so anyone can see who talks to whom;
 * the background answers, it never asks.
 */
import type { Story } from './library/story';
import type { Snippet } from './match/snippet';
import type { Entities } from './nlp/analyzer';
import type { EntityType } from './nlp/entities';
import type { Keyword } from './nlp/keywords';

/** What a list shows of a story; the full text stays in the background until a story is opened. */
export interface StorySummary {
  id: string;
  title: string;
  kicker?: string;
  date: string;
  page?: number;
  publication: string;
  firstLine: string;
}

/** A related story as the popup lists it: why it relates, and where. */
export interface RelatedSummary extends StorySummary {
  score: number;
  sharedEntities: Array<{ type: EntityType; name: string }>;
  sharedWords: string[];
  snippet: Snippet;
}

export type Message =
  | { type: 'UI_LIST_STORIES' }
  | { type: 'UI_GET_STORY'; id: string }
  | { type: 'UI_SEARCH'; text: string }
  | { type: 'UI_EXPORT_LIBRARY' }
  | { type: 'UI_IMPORT_LIBRARY'; text: string };

export interface Replies {
  UI_LIST_STORIES: StorySummary[];
  UI_GET_STORY: Story | null;
  /** The typed text's entities and keywords, and the library's related coverage, best first. */
  UI_SEARCH: { entities: Entities; keywords: Keyword[]; related: RelatedSummary[]; partial: boolean };
  UI_EXPORT_LIBRARY: { jsonl: string; count: number };
  UI_IMPORT_LIBRARY: { imported: number; total: number } | { error: string };
}

export type Reply<M extends Message> = Replies[M['type']];

export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Only this extension may talk to the background, and UI_ messages only from its own pages:
 * a content script runs inside web pages and must not reach the library's write paths.
 */
export function isTrustedSender(message: unknown, sender: Sender, extensionId: string, extensionOrigin: string): message is Message {
  if (sender.id !== extensionId) return false;
  if (typeof message !== 'object' || message === null || typeof (message as Message).type !== 'string') return false;
  const type = (message as Message).type;
  if (type.startsWith('UI_')) return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  return false;
}
