/**
 * The library the extension ships with: every page listed in public/seeds/index.json, parsed by
 * the page-text importer. The background reads the files from the extension package, the CLI
 * from disk; both hand in a reader so this module stays free of either environment.
 */
import { parsePageText, type PageInfo } from './page-text';
import { BUNDLED_ORIGIN, type Story } from '../story';

export interface SeedPage extends PageInfo {
  file: string;
}

export const SEED_INDEX = 'seeds/index.json';

export async function loadBundledStories(read: (path: string) => Promise<string>): Promise<Story[]> {
  const pages = JSON.parse(await read(SEED_INDEX)) as SeedPage[];
  const perPage = await Promise.all(pages.map(async ({ file, ...info }) => parsePageText(await read(`seeds/${file}`), { ...info, origin: BUNDLED_ORIGIN })));
  return perPage.flat();
}
