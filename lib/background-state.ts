/**
 * What the background holds for one service-worker life, opened lazily and once: the library
 * (with the bundled stories installed) and the analyzer (taught the library's gazetteer).
 * Listing stories never loads jieba; analysing never waits for more than it needs.
 */
import { teachLibrary } from './library/analyze-stories';
import { ensureBundled, installBundled, type ReadPackageFile } from './library/install';
import { openLibrary, type Library } from './library/library';
import { createAnalyzer, type Analyzer } from './nlp/analyzer';
import { lazyJieba, type LoadJieba } from './nlp/segmenter';

export interface BackgroundEnv {
  version: string;
  readPackageFile: ReadPackageFile;
  loadJieba: LoadJieba;
  /** IndexedDB database name; tests use their own. */
  dbName?: string;
}

export function createBackgroundState(env: BackgroundEnv) {
  const jieba = lazyJieba(env.loadJieba);
  const bare = createAnalyzer(jieba, env.readPackageFile);
  let opened: Promise<Library> | undefined;
  let taught: Promise<Analyzer> | undefined;

  const library = () =>
    (opened ??= openLibrary(env.dbName).then(async (lib) => {
      await ensureBundled(lib, env.readPackageFile, env.version, bare);
      return lib;
    }));

  const analyzer = () =>
    (taught ??= library().then(async (lib) => {
      teachLibrary(bare, await lib.all());
      return bare;
    }));

  return {
    library,
    analyzer,
    /** Install and update rewrite the shipped stories; ids are stable, so nothing doubles. */
    reinstall: async () => installBundled(await library(), env.readPackageFile, env.version, bare),
  };
}
