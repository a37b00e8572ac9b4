/**
 * Keeps the shipped stories in the library: parsed, analysed and written on install and update,
 * and re-checked on a service-worker wake in case the install was interrupted.
 */
import type { Analyzer } from '../nlp/analyzer';
import { analyzeStories } from './analyze-stories';
import { loadBundledStories } from './bundled';
import type { Library } from './library';

export type ReadPackageFile = (path: string) => Promise<string>;

export async function installBundled(library: Library, read: ReadPackageFile, version: string, analyzer: Analyzer): Promise<void> {
  await library.installBundled(await analyzeStories(analyzer, await loadBundledStories(read)), version);
}

export async function ensureBundled(library: Library, read: ReadPackageFile, version: string, analyzer: Analyzer): Promise<void> {
  if ((await library.bundledVersion()) !== version) await installBundled(library, read, version, analyzer);
}
