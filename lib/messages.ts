/**
 * The one message protocol between the extension's contexts. Each type is named by its sender
 * (UI_ = an extension page: popup, options, story page; PAGE_ = the content script in a web page;
 * BG_ = the background, to a tab's content script), so anyone can see who talks to whom. The
 * background answers UI_ and PAGE_ messages; it sends BG_ ones only on the reader's command (the
 * context menu).
 */
import type { Position, StoryFilter } from './library/browse';
import type { Story } from './story';
import type { Source, SyncResult } from './library/sync/source';
import type { NewSource } from './library/sync/sources';
import type { Tier } from './match/ranker';
import { MAX_SELECTION } from './page/selection';
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
  /** The printed page's name, when a digital edition gave it (经济). */
  pageName?: string;
  publication: string;
  firstLine: string;
}

/** A related story, or a story found by a search, as the popup lists it: why it is listed, and where. */
export interface RelatedSummary extends StorySummary {
  score: number;
  sharedEntities: Array<{ type: EntityType; name: string }>;
  sharedWords: string[];
  snippet: Snippet;
  /** The shared names and words in the title, as ranges of `title`. */
  titleMarks: Snippet['marks'];
  /** Related coverage only: the same event, or related background. */
  tier?: Tier;
}

/** A text's entities and keywords, and the library's related coverage of it, best first. */
export interface Coverage {
  entities: Entities;
  keywords: Keyword[];
  related: RelatedSummary[];
  /** A cold worker's first answer, from the library's names only: ask again for the rest. */
  partial: boolean;
}

/**
 * What the search box answers: for a name or a few words (`search`), the stories that mention
 * them, `total` in all; for a passage (`related`), its related coverage.
 */
export type SearchAnswer = Coverage & ({ mode: 'related' } | { mode: 'search'; total: number });

/** A story naming an entity, as its page lists it: with the sentence that names it marked. */
export interface EntityStory extends StorySummary {
  snippet: Snippet;
}

/** What an entity's page shows: the stories naming it, how often over time, and who appears with it. */
export interface EntityPage {
  /** The name as the stories write it most (the full name a short one stands for). */
  name: string;
  /** The newest stories naming it, newest first, at most ENTITY_STORIES. */
  stories: EntityStory[];
  /** How many stories name it in all. */
  total: number;
  /** Stories per month (2024-05), oldest first, every month between the first and the last. */
  months: Array<{ month: string; count: number }>;
  /** The names its stories name most besides it, most first: `count` stories each. */
  together: Array<{ type: EntityType; name: string; count: number }>;
}

/** A story as the library page lists it: where it came from, and for a search the words found, marked. */
export interface LibraryStory extends StorySummary {
  origin: string;
  found?: { titleMarks: Snippet['marks']; snippet: Snippet };
}

/** What the library page asks for: a page of the stories a search (when `text` is not blank) and filter show, after `after`. */
export interface LibraryQuery extends StoryFilter {
  text: string;
  after?: Position;
  limit: number;
}

/** A library search is for a name or a few words: a longer query is refused (the page's box takes no more). */
export const MAX_LIBRARY_QUERY = 200;

export interface LibraryListing {
  /** Newest first, a day's stories in page order. */
  stories: LibraryStory[];
  /** A search's: how many it found. (Browsing, the count is UI_LIBRARY_COUNT's: the list never waits for it.) */
  total?: number;
  /** Where the next page starts; none after the last. */
  next?: Position;
  /** A search that named more stories than it ranks: how many it ranks (the best, listed newest first). */
  capped?: number;
}

/** The library's size, and its stories counted by origin: the bundle, imports, each sync source. */
export interface LibraryCounts {
  total: number;
  /** `name`: a sync source's, for an origin that is a source the reader has (not bundled, not import). */
  origins: Array<{ origin: string; count: number; name?: string }>;
  /** The first and the last day. */
  span?: { first: string; last: string };
}

/** The article a content script found on its page. */
export interface PageArticle {
  url: string;
  title: string;
  text: string;
  date?: string;
  site?: string;
}

/**
 * What the background keeps for a tab: its article and the coverage of it. The popup reads it
 * from session storage itself (`tabKey`), without waking the service worker.
 */
export interface PageCoverage extends Coverage {
  url: string;
  title: string;
  site?: string;
}

export type Message =
  | { type: 'UI_LIST_STORIES'; limit: number }
  | { type: 'UI_GET_STORY'; id: string }
  | { type: 'UI_SEARCH'; text: string }
  | { type: 'UI_STORY_RELATED'; id: string }
  | { type: 'UI_ENTITY'; entity: EntityType; name: string }
  | { type: 'UI_LIBRARY_LIST'; query: LibraryQuery }
  | { type: 'UI_LIBRARY_COUNTS' }
  | { type: 'UI_LIBRARY_COUNT'; filter: StoryFilter }
  | { type: 'UI_REMOVE_STORY'; id: string }
  | { type: 'UI_RESTORE_STORY'; id: string }
  | { type: 'UI_ANALYZE_STORIES'; stories: Story[] }
  | { type: 'UI_LIBRARY_CHANGED' }
  | { type: 'UI_LIST_SOURCES' }
  | { type: 'UI_ADD_SOURCE'; source: NewSource }
  | { type: 'UI_PREVIEW_SOURCE'; source: NewSource }
  | { type: 'UI_UPDATE_SOURCE'; id: string; enabled: boolean }
  | { type: 'UI_REMOVE_SOURCE'; id: string; removeStories: boolean }
  | { type: 'UI_SYNC_NOW' }
  | { type: 'PAGE_WAKE' }
  | { type: 'PAGE_ARTICLE'; article: PageArticle }
  | { type: 'PAGE_SELECTION'; text: string }
  | { type: 'PAGE_OPEN_STORY'; id: string };

export interface Replies {
  /** The newest stories (at most `limit`) and how many the library holds. */
  UI_LIST_STORIES: { stories: StorySummary[]; total: number };
  UI_GET_STORY: Story | null;
  UI_SEARCH: SearchAnswer;
  /** A story's own related coverage in the library, the story itself left out; none for an unknown id. */
  UI_STORY_RELATED: RelatedSummary[];
  UI_ENTITY: EntityPage;
  UI_LIBRARY_LIST: LibraryListing;
  UI_LIBRARY_COUNTS: LibraryCounts;
  /** How many stories the filter shows. */
  UI_LIBRARY_COUNT: number;
  /** Whether the library had it; it is kept aside for undo, its index entries gone. */
  UI_REMOVE_STORY: { removed: boolean };
  /** Whether it is back as it was; not when it was not removed lately or its id is in the library again. */
  UI_RESTORE_STORY: { restored: boolean };
  /** The stories with their analysis, for an import in the options page (jieba lives in the worker). */
  UI_ANALYZE_STORIES: Story[];
  /** The options page wrote the library itself (an import): the worker drops what it kept of it. */
  UI_LIBRARY_CHANGED: null;
  /** Each source with how its last sync went. */
  UI_LIST_SOURCES: Array<Source & { last?: SyncResult }>;
  /** The new source (its first sync has started), or what to fix. */
  UI_ADD_SOURCE: { source: Source } | { error: string };
  /** The first few titles a source yields, read as its sync would read it and kept nowhere; or what is wrong. */
  UI_PREVIEW_SOURCE: { titles: string[] } | { error: string };
  UI_UPDATE_SOURCE: null;
  /** Stories removed with the source, and the host permissions no remaining source needs (the options page gives them back). */
  UI_REMOVE_SOURCE: { removed: number; release: string[] };
  /** The sync runs on; its progress is in session storage (SYNC_STATUS_KEY), each result with its source. */
  UI_SYNC_NOW: { started: true };
  /**
   * How many stories relate (what the badge shows; `null` when a newer article from the tab came
   * before this one's turn); the coverage itself is kept for the popup.
   */
  /**
   * A page started loading (sent at document_start): a cold worker wakes and readies the analysis
   * while the page loads, so its article, if it has one, meets jieba ready.
   */
  PAGE_WAKE: null;
  PAGE_ARTICLE: { count: number | null };
  PAGE_SELECTION: Coverage;
  PAGE_OPEN_STORY: null;
}

/** Session-storage key of the running sync's status (`SyncStatus`), read by the options page and the popup. */
export const SYNC_STATUS_KEY = 'sync-status';

/**
 * Sent to a tab's content script: by the background, show related coverage of the selection; by
 * the popup, which address the page has (a string back).
 */
export type TabCommand = { type: 'BG_SHOW_SELECTION' } | { type: 'TAB_ADDRESS' };

/** Two addresses of one page: a jump within it (`#…`) leaves the page, and its coverage, as it was. */
export const samePage = (a: string, b: string | undefined) => b !== undefined && a.split('#')[0] === b.split('#')[0];

/**
 * The longest text a page may send; the content script cuts a longer article to it. A whole
 * analysis of it takes the worker about a second, which a reader's popup may wait behind.
 */
export const MAX_PAGE_TEXT = 100_000;
const isText = (value: unknown, max = MAX_PAGE_TEXT): value is string => typeof value === 'string' && value.length <= max;

export type Reply<M extends Message> = Replies[M['type']];

export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** A content script's message, checked field by field: it comes from a page we do not control. */
function isPageMessage(message: Message): boolean {
  switch (message.type) {
    case 'PAGE_WAKE':
      return true;
    case 'PAGE_ARTICLE': {
      const a = message.article as Partial<PageArticle> | undefined;
      return (
        typeof a === 'object' &&
        a !== null &&
        isText(a.url, 4096) &&
        isText(a.title, 1000) &&
        isText(a.text) &&
        (a.date === undefined || isText(a.date, 40)) &&
        (a.site === undefined || isText(a.site, 200))
      );
    }
    case 'PAGE_SELECTION':
      return isText(message.text, MAX_SELECTION);
    case 'PAGE_OPEN_STORY':
      return isText(message.id, 200);
    default:
      return false;
  }
}

/**
 * Only this extension may talk to the background; UI_ messages only from its own pages, PAGE_
 * messages only from its content scripts in a tab, well formed: a content script runs inside web
 * pages and must not reach the library's write paths.
 */
export function isTrustedSender(message: unknown, sender: Sender, extensionId: string, extensionOrigin: string): message is Message {
  if (sender.id !== extensionId) return false;
  if (typeof message !== 'object' || message === null || typeof (message as Message).type !== 'string') return false;
  const type = (message as Message).type;
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  if (type.startsWith('UI_')) return fromExtensionPage;
  if (type.startsWith('PAGE_')) return !fromExtensionPage && sender.tab !== undefined && isPageMessage(message as Message);
  return false;
}
