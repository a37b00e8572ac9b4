/**
 * What the background does for each message, free of browser APIs so it runs under Node too.
 * The library is opened once per service-worker life and the bundled stories are checked before
 * the first answer, so a popup opened during install still sees the whole library.
 */
import { analyzeStories, needsAnalysis } from './library/analyze-stories';
import { ImportError, storiesFromJsonl, storiesToJsonl } from './library/jsonl';
import type { Library } from './library/library';
import { firstLine, type Story } from './library/story';
import { queryFinder, type QueryFinder } from './match/related';
import { isSearchQuery, splitMatches } from './match/search';
import { makeSnippet, markWords } from './match/snippet';
import type { Coverage, Message, PageArticle, PageCoverage, RelatedSummary, Reply, SearchAnswer, StorySummary } from './messages';
import type { Analyzer, TextAnalysis } from './nlp/analyzer';
import { articleText } from './page/article-text';
import { MAX_SELECTION } from './page/selection';
import type { TabCoverage } from './page/tab-coverage';
import type { Fetched, Validators } from './library/sync/fetch-source';
import { makeSource, permissionsToRelease, SourceError, sourceRegistry, type KeyValueStore } from './library/sync/sources';
import { syncRunner, type SyncStatus } from './library/sync/sync-all';
import type { ReaderGate } from './reader-gate';

export interface ServiceDeps {
  /** The library, opened and with the bundled stories installed. */
  library: () => Promise<Library>;
  /** The analyzer, taught the library's gazetteer. */
  analyzer: () => Promise<Analyzer>;
  /** Reads a data file of the package (public/). */
  read: (path: string) => Promise<string>;
  /** Each tab's page coverage (and its badge). */
  tabs: TabCoverage;
  /** Opens a story page for the reader. */
  openStory: (id: string) => Promise<void>;
  /** Every message is answered through it, and a sync's every step waits on it. */
  readers: ReaderGate;
  /** What syncing needs of the browser: bounded fetches, lasting storage, somewhere to show progress, today's date. */
  sync: {
    fetch(url: string, known: Validators): Promise<Fetched>;
    store: KeyValueStore;
    status(status: SyncStatus | null): void | Promise<void>;
    today(): string;
  };
}

/** Where a message came from: the tab of a content script. */
export interface MessageOrigin {
  tabId?: number;
}



export function summarize(story: Story): StorySummary {
  const { id, title, kicker, date, page, publication } = story;
  return { id, title, kicker, date, page, publication, firstLine: firstLine(story) };
}

export function createService({ library, analyzer, read, tabs, openStory, sync, readers }: ServiceDeps) {
  /** Made again when the library changes: it caches the library's names for English text. */
  let finder: QueryFinder | undefined;
  const sources = sourceRegistry(sync.store);
  const afterReaders =
    <A extends unknown[], R>(step: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await readers.idle();
      return step(...args);
    };
  const runner = syncRunner({
    fetch: sync.fetch,
    sources,
    store: sync.store,
    status: sync.status,
    get today() {
      return sync.today();
    },
    // Each step of a sync waits while a reader is being answered.
    stories: {
      getMany: afterReaders(async (ids) => (await library()).getMany(ids)),
      duplicatesOf: afterReaders(async (stories) => (await library()).duplicatesOf(stories)),
      put: afterReaders(async (stories) => {
        await (await library()).put(stories);
        finder = undefined;
      }),
    },
    analyze: afterReaders(analyzeWhereNeeded),
  });

  /** Stories exported with their analysis (a file, a library feed) keep it; others are analysed now. */
  async function analyzeWhereNeeded(stories: Story[]): Promise<Story[]> {
    const analysed = new Map((await analyzeStories(await analyzer(), stories.filter(needsAnalysis))).map((s) => [s.id, s]));
    return stories.map((s) => analysed.get(s.id) ?? s);
  }

  async function finderOf(lib: Library): Promise<QueryFinder> {
    return (finder ??= queryFinder({ analyzer: await analyzer(), index: lib.index, libraryNames: () => lib.entityNames(), read }));
  }

  /** The stories as the popup lists them, each with why (shared names and words) and where (its sentence, its headline). */
  async function summariesOf(lib: Library, hits: Array<Pick<RelatedSummary, 'id' | 'score' | 'sharedEntities' | 'sharedWords' | 'tier'>>): Promise<RelatedSummary[]> {
    const stories = await lib.getMany(hits.map((hit) => hit.id));
    return hits.flatMap(({ score, sharedEntities, sharedWords, tier }, i) => {
      const story = stories[i];
      if (!story) return [];
      const words = [...sharedEntities.map((e) => e.name), ...sharedWords];
      const snippet = makeSnippet(story.paragraphs, words);
      return [{ ...summarize(story), score, sharedEntities, sharedWords, snippet, titleMarks: markWords(story.title, words).marks, ...(tier && { tier }) }];
    });
  }

  /** A cold worker answered from the library's names: jieba starts loading once that answer is out. */
  function afterPartial(analysis: TextAnalysis) {
    if (analysis.partial) setTimeout(() => void analyzer().then((a) => a.prepare()), 0);
    return analysis.partial ?? false;
  }

  /**
   * The related coverage of a text. With `partial`, a cold worker answers from the library's
   * names at once (jieba's dictionary build would hold the answer back); the caller asks again
   * for the rest.
   */
  const coverage = async (text: string, partial: boolean): Promise<Coverage> => {
    const lib = await library();
    const { analysis, related } = await (await finderOf(lib)).related(text, { partial });
    const { entities, keywords } = analysis;
    return { entities, keywords, related: await summariesOf(lib, related), partial: afterPartial(analysis) };
  };

  /** What the search box answers: the stories naming a short query, or a passage's related coverage. */
  const answerQuery = async (text: string): Promise<SearchAnswer> => {
    if (!isSearchQuery(text)) return { mode: 'related', ...(await coverage(text, true)) };
    const lib = await library();
    const { analysis, hits, total } = await (await finderOf(lib)).search(text, { partial: true });
    const found = hits.map((hit) => ({ ...hit, ...splitMatches(hit) }));
    const { entities, keywords } = analysis;
    return { mode: 'search', total, entities, keywords, related: await summariesOf(lib, found), partial: afterPartial(analysis) };
  };

  /** A page's coverage, kept for its tab at once and refined when the full analysis is done. */
  const pageCoverage = async (article: PageArticle, tabId: number): Promise<number> => {
    const page = (found: Coverage): PageCoverage => ({ ...found, url: article.url, title: article.title, site: article.site });
    const first = page(await coverage(articleText(article), true));
    await tabs.keep(tabId, first);
    if (first.partial) {
      setTimeout(() => void coverage(articleText(article), false).then((full) => tabs.refine(tabId, page(full))), 0);
    }
    return first.related.length;
  };

  async function handle<M extends Message>(message: M, origin: MessageOrigin = {}): Promise<Reply<M>> {
    const lib = await library();
    switch (message.type) {
      case 'UI_LIST_STORIES':
        return { stories: (await lib.recent(message.limit)).map(summarize), total: await lib.count() } as Reply<M>;
      case 'UI_GET_STORY':
        return ((await lib.get(message.id)) ?? null) as Reply<M>;
      case 'UI_SEARCH':
        return (await answerQuery(message.text)) as Reply<M>;
      case 'PAGE_ARTICLE':
        if (origin.tabId === undefined) throw new Error('PAGE_ARTICLE comes from a tab');
        return { count: await pageCoverage(message.article, origin.tabId) } as Reply<M>;
      case 'PAGE_SELECTION':
        // The bubble shows one answer: the full one, not the cold worker's first guess.
        return (await coverage(message.text.slice(0, MAX_SELECTION), false)) as Reply<M>;
      case 'PAGE_OPEN_STORY':
        await openStory(message.id);
        return null as Reply<M>;
      case 'UI_LIST_SOURCES': {
        const all = await sources.list();
        return (await Promise.all(all.map(async (s) => ({ ...s, last: (await sources.state.load(s.id))?.last })))) as Reply<M>;
      }
      case 'UI_ADD_SOURCE':
        try {
          const source = await makeSource(message.source);
          await sources.add(source);
          void runner.syncAll([source.id]);
          return { source } as Reply<M>;
        } catch (error) {
          if (error instanceof SourceError) return { error: error.message } as Reply<M>;
          throw error;
        }
      case 'UI_UPDATE_SOURCE':
        await sources.update(message.id, { enabled: message.enabled });
        return null as Reply<M>;
      case 'UI_REMOVE_SOURCE': {
        const gone = await sources.remove(message.id);
        const removed = message.removeStories ? await lib.removeOrigin(message.id) : 0;
        if (removed) finder = undefined;
        const release = gone ? permissionsToRelease(gone, await sources.list()) : [];
        return { removed, release } as Reply<M>;
      }
      case 'UI_SYNC_NOW':
        void runner.syncAll();
        return { started: true } as Reply<M>;
      case 'UI_EXPORT_LIBRARY': {
        const stories = await lib.all();
        return { jsonl: storiesToJsonl(stories), count: stories.length } as Reply<M>;
      }
      case 'UI_IMPORT_LIBRARY': {
        try {
          const stories = storiesFromJsonl(message.text);
          await lib.put(await analyzeWhereNeeded(stories));
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
  }

  return {
    handle: <M extends Message>(message: M, origin?: MessageOrigin) => readers.serve(() => handle(message, origin)),
    syncAll: () => runner.syncAll(),
    resumeSync: () => runner.resume(),
  };
}
