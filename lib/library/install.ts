/**
 * Keeps the shipped stories in the library: written on install and update, and re-checked on a
 * service-worker wake in case the install was interrupted.
 */
import { loadBundledStories } from './bundled';
import type { Library } from './library';

export type ReadPackageFile = (path: string) => Promise<string>;

export async function installBundled(library: Library, read: ReadPackageFile, version: string): Promise<void> {
  await library.installBundled(await loadBundledStories(read), version);
}

export async function ensureBundled(library: Library, read: ReadPackageFile, version: string): Promise<void> {
  if ((await library.bundledVersion()) !== version) await installBundled(library, read, version);
}
