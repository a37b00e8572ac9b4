/**
 * What the background holds for one service-worker life, opened lazily and once: the library
 * (with the bundled stories installed) and the analyzer (taught the library's gazetteer).
 * Listing stories never loads jieba; analysing never waits for more than it needs.
 */
import { ensureBundled, installBundled } from './library/install';
import { LIBRARY_DB, openLibrary } from './library/library';
import { createAnalyzer } from './nlp/analyzer';
import { readerGate } from './reader-gate';
import { lazyJieba, type LoadJieba } from './nlp/segmenter';
import type { ReadPackageBytes, ReadPackageFile } from './package-files';
import type { TablesStore } from './nlp/ner/tables';

export interface BackgroundEnv {
  version: string;
  /**
   * What decides a stored story's profile and index entries (the build's hash of the code and data
   * that analyse and index it): stories analysed by another are analysed again (lib/library/reanalyse.ts).
   */
  analysisVersion: string;
  readPackageFile: ReadPackageFile;
  readPackageBytes: ReadPackageBytes;
  /** Where the tagger's tables are kept between wakes. */
  taggerTables?: TablesStore;
  loadJieba: LoadJieba;
  /** IndexedDB database name; tests use their own. */
  dbName?: string;
  /**
   * Called before each step of the index's compaction: MV3 stops a worker 30 s after its last
   * event or extension API call, and compaction (seconds to tens of seconds after a large sync or
   * import) is neither. Stopped, it goes on at the next wake; meanwhile queries are slower.
   */
  keepAwake?: () => Promise<unknown>;
}

/**
 * A promise made once and kept for the worker's life, unless it fails: then the next call tries
 * again (a database blocked by an old version in another tab, a full disk, a package file that
 * could not be read must not leave the worker broken until the browser stops it).
 */
function keptUnlessFailed<T>(make: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () =>
    (kept ??= make().catch((error: unknown) => {
      kept = undefined;
      throw error;
    }));
}

export function createBackgroundState(env: BackgroundEnv) {
  const jieba = lazyJieba(env.loadJieba);
  /** Background work (a sync, the index's compaction) waits while a reader is being answered. */
  const readers = readerGate();
  /** Before each step of background work (compaction, analysing stories again): readers first, the worker kept awake. */
  const backgroundStep = async () => {
    await readers.idle();
    await env.keepAwake?.();
  };
  /** The database, open; not waiting for the bundle (whose analysis needs jieba and the counts). */
  const openDatabase = keptUnlessFailed(() =>
    openLibrary(env.dbName ?? LIBRARY_DB, () => bare.idf(), { beforeCompaction: backgroundStep, analysisVersion: env.analysisVersion }),
  );
  const bare = createAnalyzer(jieba, { text: env.readPackageFile, bytes: env.readPackageBytes, tables: env.taggerTables }, async () =>
    (await openDatabase()).wordCounts(),
  );
  /** The bundle was (re)installed in this worker life: an install event has nothing left to do. */
  let installedNow = false;

  const library = keptUnlessFailed(() =>
    openDatabase().then(async (lib) => {
      installedNow = await ensureBundled(lib, env.readPackageFile, env.version, bare, env.analysisVersion);
      return lib;
    }),
  );

  const analyzer = keptUnlessFailed(() =>
    library().then(async (lib) => {
      bare.learnLibrary({ names: await lib.names() });
      return bare;
    }),
  );

  return {
    library,
    analyzer,
    /**
     * Readies a full analysis (jieba, the tagger's weights, the IDF) while the library opens and
     * its names are read, not after: a page's wake starts both at once.
     */
    prepare: () => Promise.all([bare.prepare(), analyzer()]),
    readers,
    backgroundStep,
    analysisVersion: env.analysisVersion,
    read: env.readPackageFile,
    /**
     * On install and update the bundle is written once: by `library()` when the version changed,
     * here when it did not (a developer's reload). Ids are stable, so nothing doubles.
     */
    reinstall: async () => {
      const lib = await library();
      if (!installedNow) await installBundled(lib, env.readPackageFile, env.version, bare, env.analysisVersion);
      installedNow = true;
    },
  };
}
