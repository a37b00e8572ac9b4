/**
 * How much a sync takes from one source at most. Everything a source sends is hostile in size:
 * these bound the memory a sync uses (a story's text is analysed and indexed whole) and the
 * source's state kept in extension local storage (10 MB for everything the extension keeps).
 * What goes over is cut or left out, and the sync result counts it for the reader.
 */
import { MAX_TEXT_LENGTH } from '../../story';

/**
 * Characters of a story's paragraphs together, the schema's bound: a longer story from a source
 * is cut at a sentence or paragraph end (where an imported one is refused).
 */
export const MAX_STORY_CHARS = MAX_TEXT_LENGTH;

/** Items of a news feed taken per sync (feeds list their newest first). */
export const MAX_FEED_ITEMS = 500;

/** Shards of a library feed's manifest taken (in the manifest's order). */
export const MAX_SHARDS = 1_000;

/** A shard's address and version as the manifest writes them: longer ones make the manifest unreadable. */
export const MAX_SHARD_URL_CHARS = 500;
export const MAX_SHARD_VERSION_CHARS = 64;

/** An ETag or Last-Modified longer than this is not remembered (the next request is unconditional). */
export const MAX_VALIDATOR_CHARS = 200;

/** What a source calls itself, and the details of a failure, as remembered with its state. */
export const MAX_TITLE_CHARS = 200;
export const MAX_ERROR_CHARS = 500;

/** Articles an edition or a news section has fetched per sync, by default (the rest wait for the next sync). */
export const MAX_ARTICLES = 200;

/** The pause between two requests to one site while crawling an edition or a section, by default. */
export const CRAWL_PAUSE_MS = 1_000;

/** Links read of one page of an edition or a section (a link flood gives its first ones). */
export const MAX_LINKS_READ = 5_000;

/** Pages of one day's edition followed (a page list of thousands is no newspaper's). */
export const MAX_EDITION_PAGES = 100;

/** Article links taken from one page of an edition or one section page. */
export const MAX_PAGE_ARTICLES = 200;

/**
 * Article links a source remembers of its listings, all together (in local storage, ~200 bytes
 * each): a listing past the bound is read again in full at the next sync instead.
 */
export const MAX_REMEMBERED_LINKS = 3_000;

/** Per response of a sync: one larger than this, or slower, is refused with the reason. */
export const SYNC_LIMITS = { timeoutMs: 30_000, maxBytes: 20 * 1024 * 1024 };
