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
