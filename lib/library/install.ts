/**
 * Keeps the shipped stories in the library: parsed, analysed and written on install and update,
 * and re-checked on a service-worker wake in case the install was interrupted.
 */
import type { Analyzer } from '../nlp/analyzer';
import { analyzeStories } from './analyze-stories';
import { loadBundledStories } from './bundled';
import type { ReadPackageFile } from '../package-files';
import type { Library } from './library';

/** `analysisVersion`: the build's analysis, said by each story's (lib/library/analyze-stories.ts). */
export async function installBundled(library: Library, read: ReadPackageFile, version: string, analyzer: Analyzer, analysisVersion: string): Promise<void> {
  await library.installBundled(await analyzeStories(analyzer, analysisVersion, await loadBundledStories(read)), version);
}

/** Installs the bundle when the library holds another version; true when it did. */
export async function ensureBundled(library: Library, read: ReadPackageFile, version: string, analyzer: Analyzer, analysisVersion: string): Promise<boolean> {
  if ((await library.bundledVersion()) === version) return false;
  await installBundled(library, read, version, analyzer, analysisVersion);
  return true;
}
