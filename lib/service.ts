/**
 * What the background does for each message, free of browser APIs so it runs under Node too.
 * The library is opened once per service-worker life and the bundled stories are checked before
 * the first answer, so a popup opened during install still sees the whole library.
 */
import { ImportError, storiesFromJsonl, storiesToJsonl } from './library/jsonl';
import type { Library } from './library/library';
import { firstLine, type Story } from './library/story';
import { searchStories } from './match/search';
import type { Message, Reply, StorySummary } from './messages';
import type { Segmenter } from './nlp/segmenter';

export interface ServiceDeps {
  library: () => Promise<Library>;
  segmenter: Segmenter;
}

export function summarize(story: Story): StorySummary {
  const { id, title, kicker, date, page, publication } = story;
  return { id, title, kicker, date, page, publication, firstLine: firstLine(story) };
}

export function createService({ library, segmenter }: ServiceDeps) {
  return async function handle<M extends Message>(message: M): Promise<Reply<M>> {
    const lib = await library();
    switch (message.type) {
      case 'UI_LIST_STORIES':
        return (await lib.all()).map(summarize) as Reply<M>;
      case 'UI_GET_STORY':
        return ((await lib.get(message.id)) ?? null) as Reply<M>;
      case 'UI_SEARCH': {
        const words = await segmenter.searchWords(message.text);
        return searchStories(await lib.all(), words).map((hit) => summarize(hit.story)) as Reply<M>;
      }
      case 'UI_EXPORT_LIBRARY': {
        const stories = await lib.all();
        return { jsonl: storiesToJsonl(stories), count: stories.length } as Reply<M>;
      }
      case 'UI_IMPORT_LIBRARY': {
        try {
          const stories = storiesFromJsonl(message.text);
          await lib.put(stories);
          return { imported: stories.length, total: await lib.count() } as Reply<M>;
        } catch (error) {
          if (error instanceof ImportError) return { error: error.message } as Reply<M>;
          throw error;
        }
      }
      default:
        throw new Error(`unknown message ${(message as Message).type}`);
    }
  };
}
