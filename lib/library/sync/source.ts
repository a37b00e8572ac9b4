/** What the reader subscribes to, and what the library remembers of each source between syncs. */
import type { Validators } from './fetch-source';
import type { Shard } from './library-feed';

/**
 * A library feed (manifest + JSON Lines shards), a news feed (RSS, Atom, JSON Feed), one printed
 * page of a newspaper in the seed's text format, a paper's digital edition (数字报: its pages and
 * their articles), or a section page of a news site (its articles). ("Page" alone is the web page
 * a reader reads.)
 */
export type SourceKind = 'library' | 'feed' | 'print-page' | 'edition' | 'section';

/** Which days of a digital edition a sync reads: the day its address names, today's, or the last seven. */
export type EditionDays = 'address' | 'today' | 'week';

export interface Source {
  id: string;
  kind: SourceKind;
  url: string;
  /** The publication to credit when the source names none. */
  name: string;
  /** False when the reader gave no name: the one the source gives itself replaces the host's after a sync. */
  named?: boolean;
  enabled: boolean;
  /** For a printed page: which page of which paper of which day it is. */
  printPage?: PrintPage;
  /** For a digital edition: which days to read (the address's day when unsaid). */
  editionDays?: EditionDays;
}

export interface PrintPage {
  publication: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The page number in the printed paper. */
  page: number;
}

/** A sync's outcome, shown to the reader in plain words. */
export interface SyncResult {
  /** ISO time the sync ended. */
  at: string;
  added: number;
  updated: number;
  unchanged: number;
  /** Stories the library already had from elsewhere (same address or same text): left out. */
  duplicates: number;
  /** Stories carrying the id of one from elsewhere (bundled, imported, another source) with other text: left alone, that one kept. */
  conflicts: number;
  /** Feed items whose text was cut to MAX_STORY_CHARS. */
  truncated: number;
  /** A feed's items past MAX_FEED_ITEMS, and a manifest's shards past MAX_SHARDS: not taken. */
  skippedItems: number;
  skippedShards: number;
  /** Feed items whose date names no day: kept, dated the day of the sync. */
  undated: number;
  /** Articles of an edition or section past the per-sync cap: left for the next sync. */
  skippedArticles: number;
  /** Addresses the site's robots.txt keeps us from: not fetched. */
  disallowed: number;
  /** What went wrong, for the reader (the UI words it in the reader's language) … */
  problem?: SyncProblem;
  /** … and the details, as the code found them. */
  error?: string;
}

/** What a sync counts as it goes: its result without the time and the failure. */
export type SyncCounts = Omit<SyncResult, 'at' | 'problem' | 'error'>;

/** Counts of a sync that has done nothing yet. */
export const noCounts = (): SyncCounts => ({
  added: 0,
  updated: 0,
  unchanged: 0,
  duplicates: 0,
  conflicts: 0,
  truncated: 0,
  skippedItems: 0,
  skippedShards: 0,
  undated: 0,
  skippedArticles: 0,
  disallowed: 0,
});

export type SyncProblem = 'network' | 'timeout' | 'too-large' | 'http' | 'redirect' | 'robots' | 'format' | 'quota' | 'other';

export interface SourceState {
  /**
   * What each address last answered (for conditional requests), and the shard version taken from
   * it: the source's own address and the shards its manifest lists now, no other.
   */
  fetched: Record<string, Validators & { version?: string }>;
  /** A library feed's shards as its manifest last listed them. */
  shards?: Shard[];
  /** What each page of an edition, or a section page, listed when last read (a 304 lists it again). */
  listings?: Record<string, Listing>;
  /** What the source calls itself: a feed's title, a library feed's name. */
  title?: string;
  last?: SyncResult;
}

/** The links a page of an edition or a section page gives: its pages (an edition's page list) and its articles. */
export interface Listing {
  /** The page's own label (「第02版：经济」), when it gives one. */
  label?: string;
  pages: Array<{ url: string; label: string }>;
  /** `mapped`: the page's image links it (an <area>), so it is printed on this page. */
  articles: Array<{ url: string; title: string; mapped?: boolean }>;
}

export const emptyState = (): SourceState => ({ fetched: {} });
