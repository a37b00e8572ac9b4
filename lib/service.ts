/**
 * What the background does for each message, free of browser APIs so it runs under Node too.
 * The library is opened once per service-worker life and the bundled stories are checked before
 * the first answer, so a popup opened during install still sees the whole library.
 */
import { analyzeStories, needsAnalysis } from './library/analyze-stories';
import { ImportError, storiesFromJsonl, storiesToJsonl } from './library/jsonl';
import type { Library } from './library/library';
import { firstLine, type Story } from './library/story';
import { relatedFinder } from './match/related';
import { makeSnippet } from './match/snippet';
import type { Message, RelatedSummary, Reply, StorySummary } from './messages';
import type { Analyzer } from './nlp/analyzer';

export interface ServiceDeps {
  /** The library, opened and with the bundled stories installed. */
  library: () => Promise<Library>;
  /** The analyzer, taught the library's gazetteer. */
  analyzer: () => Promise<Analyzer>;
  /** Reads a data file of the package (public/). */
  read: (path: string) => Promise<string>;
}

export function summarize(story: Story): StorySummary {
  const { id, title, kicker, date, page, publication } = story;
  return { id, title, kicker, date, page, publication, firstLine: firstLine(story) };
}

export function createService({ library, analyzer, read }: ServiceDeps) {
  /** Made again when the library changes: it caches the library's names for English text. */
  let finder: ReturnType<typeof relatedFinder> | undefined;
  const findRelated = async (text: string) => {
    const lib = await library();
    finder ??= relatedFinder({ analyzer: await analyzer(), index: lib.index, libraryNames: () => lib.entityNames(), read });
    return finder(text, { partial: true });
  };

  return async function handle<M extends Message>(message: M): Promise<Reply<M>> {
    const lib = await library();
    switch (message.type) {
      case 'UI_LIST_STORIES':
        return (await lib.all()).map(summarize) as Reply<M>;
      case 'UI_GET_STORY':
        return ((await lib.get(message.id)) ?? null) as Reply<M>;
      case 'UI_SEARCH': {
        // A cold worker answers from the library's names at once; the popup asks again for the rest.
        const { analysis, related } = await findRelated(message.text);
        const summaries: RelatedSummary[] = [];
        for (const hit of related) {
          const story = await lib.get(hit.id);
          if (!story) continue;
          const { score, sharedEntities, sharedWords } = hit;
          const snippet = makeSnippet(story.paragraphs, [...sharedEntities.map((e) => e.name), ...sharedWords]);
          summaries.push({ ...summarize(story), score, sharedEntities, sharedWords, snippet });
        }
        const { entities, keywords, partial } = analysis;
        // jieba loads once this answer has gone out: its dictionary build would hold it back.
        if (partial) setTimeout(() => void analyzer().then((a) => a.prepare()), 0);
        return { entities, keywords, related: summaries, partial: partial ?? false } as Reply<M>;
      }
      case 'UI_EXPORT_LIBRARY': {
        const stories = await lib.all();
        return { jsonl: storiesToJsonl(stories), count: stories.length } as Reply<M>;
      }
      case 'UI_IMPORT_LIBRARY': {
        try {
          const stories = storiesFromJsonl(message.text);
          // Stories exported with their analysis keep it; others are analysed now.
          const fresh = stories.filter(needsAnalysis);
          const analysed = new Map((await analyzeStories(await analyzer(), fresh)).map((s) => [s.id, s]));
          await lib.put(stories.map((s) => analysed.get(s.id) ?? s));
          finder = undefined;
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
