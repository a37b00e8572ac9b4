/**
 * What the background does for each message, free of browser APIs so it runs under Node too.
 * The library is opened once per service-worker life and the bundled stories are checked before
 * the first answer, so a popup opened during install still sees the whole library; stories an
 * earlier analysis profiled are analysed again after it, in the background.
 */
import { withAnalysis } from './library/analyze-stories';
import type { Library } from './library/library';
import { oneRunAtATime, reanalyse } from './library/reanalyse';
import { crawlSource } from './library/sync/crawl';
import type { Fetched, Validators } from './library/sync/fetch-source';
import type { Source } from './library/sync/source';
import type { KeyValueStore } from './key-value-store';
import { sourceRegistry } from './library/sync/sources';
import { syncRunner, type SyncStatus } from './library/sync/sync-all';
import type { Message, Reply } from './messages';
import type { Analyzer } from './nlp/analyzer';
import { pageQueue } from './page/page-queue';
import type { TabCoverage } from './page/tab-coverage';
import type { ReaderGate } from './reader-gate';
import type { Handler, Handlers, MessageOrigin, ServiceContext } from './service/handler';
import { entityPage } from './service/entity-page';
import { libraryCache } from './service/library-cache';
import type { PageAnswers } from './service/page-answers';
import { libraryCount, libraryCounts, libraryList, removeStory, restoreStory } from './service/library-page';
import { addSource, analyzeImport, importWritten, listSources, previewSource, removeSource, syncNow, updateSource } from './service/library-handlers';
import { getStory, listStories, openStory, pageArticle, pageSelection, pageWake, search, storyRelated } from './service/reader-handlers';

export interface ServiceDeps {
  /** The library, opened and with the bundled stories installed. */
  library: () => Promise<Library>;
  /** The analyzer, taught the library's gazetteer. */
  analyzer: () => Promise<Analyzer>;
  /** Starts loading what a full analysis needs, the library and jieba at once. */
  prepare: () => Promise<unknown>;
  /** Reads a data file of the package (public/). */
  read: (path: string) => Promise<string>;
  /** Each tab's page coverage (and its badge). */
  tabs: TabCoverage;
  /** The full coverage of articles lately analysed, by their text, kept across wakes. */
  answers: PageAnswers;
  /** Opens a story page for the reader. */
  openStory: (id: string) => Promise<void>;
  /** Every message is answered through it, and a sync's every step waits on it. */
  readers: ReaderGate;
  /** Awaited before each step of analysing stories again: readers first, the worker kept awake. */
  backgroundStep: () => Promise<void>;
  /** The analysis the stored stories are brought to (lib/library/reanalyse.ts). */
  analysisVersion: string;
  /** What syncing needs of the browser: bounded fetches, lasting storage, somewhere to show progress, today's date. */
  sync: {
    fetch(url: string, known: Validators): Promise<Fetched>;
    store: KeyValueStore;
    status(status: SyncStatus | null): void | Promise<void>;
    today(): string;
  };
}

/** A handler for every message type, each answering with its type's reply: the annotation checks both. */
const handlers: Handlers = {
  UI_LIST_STORIES: listStories,
  UI_GET_STORY: getStory,
  UI_SEARCH: search,
  UI_STORY_RELATED: storyRelated,
  UI_ENTITY: entityPage,
  UI_LIBRARY_LIST: libraryList,
  UI_LIBRARY_COUNTS: libraryCounts,
  UI_LIBRARY_COUNT: libraryCount,
  UI_REMOVE_STORY: removeStory,
  UI_RESTORE_STORY: restoreStory,
  UI_ANALYZE_STORIES: analyzeImport,
  UI_LIBRARY_CHANGED: importWritten,
  UI_LIST_SOURCES: listSources,
  UI_ADD_SOURCE: addSource,
  UI_PREVIEW_SOURCE: previewSource,
  UI_UPDATE_SOURCE: updateSource,
  UI_REMOVE_SOURCE: removeSource,
  UI_SYNC_NOW: syncNow,
  PAGE_WAKE: pageWake,
  PAGE_ARTICLE: pageArticle,
  PAGE_SELECTION: pageSelection,
  PAGE_OPEN_STORY: openStory,
};

/**
 * Answered outside the readers' gate, because they wait on background work that itself waits for
 * readers: a page's article waits its turn in its tab's line (its first analysis enters the gate
 * then), a removed source waits for its sync to stop. A preview only reads the network (for
 * seconds, politely), and a popup opened meanwhile is not kept waiting for it. A page's wake
 * waits for nothing: it starts the loading that the library's opening would otherwise delay.
 */
const OUTSIDE_READERS_GATE: ReadonlySet<Message['type']> = new Set(['PAGE_ARTICLE', 'UI_REMOVE_SOURCE', 'UI_PREVIEW_SOURCE', 'PAGE_WAKE']);

/**
 * The handler of one message type. Indexed by a generic `T`, the map gives `Handler<T>`, tied to
 * `T`'s message and reply; the caller names `T`, as `message.type` alone widens to every type.
 */
function handlerOf<T extends Message['type']>(type: T): Handler<T> {
  return handlers[type];
}

/** A tab's page analyses start at least this far apart (a reader never navigates faster). */
const PAGE_GAP_MS = 1000;

export function createService(deps: ServiceDeps) {
  const { analyzer, prepare, read, tabs, answers, openStory, sync, readers } = deps;
  const cache = libraryCache(analyzer, read, answers);
  /**
   * Started when the library is first open in a worker's life (a wake that opens no library reads
   * nothing more, and one that does reads one record more when no story is stale), and again
   * after a write that kept a file's or a feed's analysis unchecked. A run that failed goes on at
   * the next wake.
   */
  const checkAnalyses = oneRunAtATime(async () => {
    const lib = await deps.library();
    return reanalyse(lib, deps.analysisVersion, {
      analyzer,
      beforeStep: deps.backgroundStep,
      written: () => cache.libraryChanged(lib, 'here'),
    });
  });
  let opened = false;
  const library = async () => {
    const lib = await deps.library();
    if (!opened) checkAnalyses();
    opened = true;
    return lib;
  };
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
        const lib = await library();
        await lib.put(stories);
        await cache.libraryChanged(lib, 'here');
        checkAnalyses();
      }),
    },
    analyze: afterReaders(async (stories) => withAnalysis(await analyzer(), deps.analysisVersion, stories)),
  });
  const crawl = (source: Source, max: number) => crawlSource(source, { fetch: sync.fetch, today: sync.today(), max });
  const service: ServiceContext = {
    ...cache,
    library,
    checkAnalyses,
    analyzer,
    analysisVersion: deps.analysisVersion,
    prepare,
    tabs,
    answers,
    openStory,
    readers,
    pages: pageQueue(PAGE_GAP_MS),
    sources,
    runner,
    crawl,
  };

  async function handle<M extends Message>(message: M, origin: MessageOrigin = {}): Promise<Reply<M>> {
    const handler = handlerOf<M['type']>(message.type);
    if (OUTSIDE_READERS_GATE.has(message.type)) return handler(message, service, origin);
    return readers.serve(async () => {
      // Whatever it asks, an answer waits for the library to be open and its bundle checked.
      await library();
      return handler(message, service, origin);
    });
  }

  return {
    handle,
    /** The tab closed. */
    forgetTab: (tabId: number) => service.pages.forget(tabId),
    syncAll: () => runner.syncAll(),
    resumeSync: () => runner.resume(),
  };
}
