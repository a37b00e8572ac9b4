import { MAX_ARTICLES, MAX_FEED_ITEMS, MAX_SHARDS, MAX_STORY_CHARS } from '../lib/library/sync/limits';
import type { SyncResult } from '../lib/library/sync/source';
import type { MessageKey } from './i18n';

/**
 * What a sync left out, cut or left alone, as UI strings with their numbers: nothing a source
 * sent is dropped unsaid. A result kept from before a count existed lacks it.
 */
export function syncNotes(last: SyncResult): Array<[MessageKey, ...number[]]> {
  const notes: Array<[MessageKey, ...number[]]> = [
    ['sourceDuplicates', last.duplicates ?? 0],
    ['sourceConflicts', last.conflicts ?? 0],
    ['sourceTruncated', last.truncated ?? 0, MAX_STORY_CHARS],
    ['sourceSkippedItems', last.skippedItems ?? 0, MAX_FEED_ITEMS],
    ['sourceSkippedShards', last.skippedShards ?? 0, MAX_SHARDS],
    ['sourceUndated', last.undated ?? 0],
    ['sourceSkippedArticles', last.skippedArticles ?? 0, MAX_ARTICLES],
    ['sourceDisallowed', last.disallowed ?? 0],
  ];
  return notes.filter(([, count]) => count > 0);
}
