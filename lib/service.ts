/**
 * What the background does for each message, free of browser APIs so it runs under Node too.
 * The library is opened once per service-worker life and the bundled stories are checked before
 * the first answer, so a popup opened during install still sees the whole library.
 */
import { withAnalysis } from './library/analyze-stories';
import type { Library } from './library/library';
import { firstLine, type Story } from './library/story';
import { queryFinder, type QueryFinder } from './match/related';
import { isSearchQuery, splitMatches } from './match/search';
import { makeSnippet, markWords } from './match/snippet';
import type { Coverage, Message, PageArticle, PageCoverage, RelatedSummary, Replies, Reply, SearchAnswer, StorySummary } from './messages';
import type { Analyzer, TextAnalysis } from './nlp/analyzer';
import { articleText } from './page/article-text';
import { pageQueue, type PageJob } from './page/page-queue';
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

/** A tab's page analyses start at least this far apart (a reader never navigates faster). */
const PAGE_GAP_MS = 1000;

export function createService({ library, analyzer, read, tabs, openStory, sync, readers }: ServiceDeps) {
  /** Made again when the library changes: it caches the library's names for English text. */
  let finder: QueryFinder | undefined;
  const pages = pageQueue(PAGE_GAP_MS);
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
    return withAnalysis(await analyzer(), stories);
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

  /**
   * A page's coverage, kept for its tab at once (the badge's count) and refined when the full
   * analysis is done; the job finishes with the refinement, so the tab's next article waits for it.
   */
  const pageCoverage = async (article: PageArticle, tabId: number): Promise<PageJob<number>> => {
    const page = (found: Coverage): PageCoverage => ({ ...found, url: article.url, title: article.title, site: article.site });
    const first = page(await readers.serve(() => coverage(articleText(article), true)));
    await tabs.keep(tabId, first);
    const finished = first.partial
      ? new Promise((resolve) => setTimeout(resolve, 0)).then(async () => tabs.refine(tabId, page(await coverage(articleText(article), false))))
      : undefined;
    return { value: first.related.length, finished };
  };

  async function handle<M extends Message>(message: M): Promise<Reply<M>> {
    const lib = await library();
    switch (message.type) {
      case 'UI_LIST_STORIES':
        return { stories: (await lib.recent(message.limit)).map(summarize), total: await lib.count() } as Reply<M>;
      case 'UI_GET_STORY':
        return ((await lib.get(message.id)) ?? null) as Reply<M>;
      case 'UI_SEARCH':
        return (await answerQuery(message.text)) as Reply<M>;
      case 'PAGE_SELECTION':
        // The bubble shows one answer: the full one, not the cold worker's first guess.
        return (await coverage(message.text, false)) as Reply<M>;
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
      case 'UI_SYNC_NOW':
        void runner.syncAll();
        return { started: true } as Reply<M>;
      case 'UI_ANALYZE_STORIES':
        return (await analyzeWhereNeeded(message.stories)) as Reply<M>;
      case 'UI_LIBRARY_CHANGED':
        lib.changedElsewhere();
        finder = undefined;
        // The imported stories' names, for the gazetteer (names it knows are skipped).
        (await analyzer()).learnLibrary({ names: await lib.names() });
        return null as Reply<M>;
      default:
        throw new Error(`unknown message ${(message as Message).type}`);
    }
  }

  /** A page's article waits its turn in its tab's line, outside the readers' gate while it waits. */
  async function pageArticle(article: PageArticle, { tabId }: MessageOrigin): Promise<Replies['PAGE_ARTICLE']> {
    if (tabId === undefined) throw new Error('PAGE_ARTICLE comes from a tab');
    return { count: (await pages.submit(tabId, () => pageCoverage(article, tabId))) ?? null };
  }

  /**
   * A source goes with its sync, which may be waiting for readers to be answered: so this waits
   * outside the readers' gate.
   */
  async function removeSource(id: string, removeStories: boolean): Promise<Replies['UI_REMOVE_SOURCE']> {
    const lib = await library();
    const { removed, release } = await runner.remove(id, async () => {
      const gone = await sources.remove(id);
      return {
        removed: removeStories ? await lib.removeOrigin(id) : 0,
        // The site's host permission goes with the last source on it.
        release: gone ? permissionsToRelease(gone, await sources.list()) : [],
      };
    });
    if (removed) finder = undefined;
    return { removed, release };
  }

  /** Messages that wait for background work are answered outside the readers' gate; the rest inside. */
  const answer = <M extends Message>(message: M, origin: MessageOrigin): Promise<unknown> => {
    if (message.type === 'PAGE_ARTICLE') return pageArticle(message.article, origin);
    if (message.type === 'UI_REMOVE_SOURCE') return removeSource(message.id, message.removeStories);
    return readers.serve(() => handle(message));
  };

  return {
    handle: <M extends Message>(message: M, origin: MessageOrigin = {}) => answer(message, origin) as Promise<Reply<M>>,
    /** The tab closed. */
    forgetTab: (tabId: number) => pages.forget(tabId),
    syncAll: () => runner.syncAll(),
    resumeSync: () => runner.resume(),
  };
}
