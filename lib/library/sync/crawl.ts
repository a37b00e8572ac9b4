/**
 * A source read without a library: its stories as a sync would write them, for `insight crawl`
 * (a newsroom builds a library file with it) and for the options page's preview before a source
 * is added. The very sync code runs, with the library and the source's state held in memory.
 */
import type { Story } from '../../story';
import type { Fetched, Validators } from './fetch-source';
import { noCounts, type Source, type SyncResult } from './source';
import { SyncStopped, syncSource } from './sync-source';

export interface CrawlOptions {
  fetch(url: string, known: Validators): Promise<Fetched>;
  today: string;
  /** Stories wanted at most: the crawl stops once it has them (and an edition fetches no more articles). */
  max?: number;
  pauseMs?: number;
  /** A dated edition: the last this many days ending at its address's day, not the address's day only. */
  days?: number;
  /** Each story as it is read, in the source's order. */
  onStory?(story: Story): void;
}

export async function crawlSource(source: Source, options: CrawlOptions): Promise<{ stories: Story[]; result: SyncResult }> {
  const stories = new Map<string, Story>();
  const max = options.max ?? Number.POSITIVE_INFINITY;
  let result: SyncResult | undefined;
  const state = { load: async () => undefined, save: async (_: string, saved: { last?: SyncResult }) => void (result = saved.last ?? result) };
  try {
    result = await syncSource(source, {
      fetch: options.fetch,
      today: options.today,
      crawl: { pauseMs: options.pauseMs, maxArticles: Number.isFinite(max) ? max : undefined, days: options.days },
      stories: {
        getMany: async (ids) => ids.map((id) => stories.get(id)),
        duplicatesOf: async (list) => list.map(() => undefined),
        put: async (list) => {
          for (const story of list) {
            if (stories.size >= max || stories.has(story.id)) continue;
            stories.set(story.id, story);
            options.onStory?.(story);
          }
        },
      },
      analyze: async (list) => list,
      state,
      batchSize: 1,
      stopped: () => stories.size >= max,
    });
  } catch (error) {
    if (!(error instanceof SyncStopped)) throw error;
  }
  return { stories: [...stories.values()], result: result ?? { at: new Date().toISOString(), ...noCounts() } };
}
