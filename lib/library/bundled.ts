/**
 * The library the extension ships with: every page listed in public/seeds/index.json, parsed by
 * the printed-page importer. The background reads the files from the extension package, the CLI
 * from disk; both hand in a reader so this module stays free of either environment.
 */
import { parsePrintPage, type PrintPageInfo } from './print-page';
import { BUNDLED_ORIGIN, type Story } from '../story';

export interface SeedPage extends PrintPageInfo {
  file: string;
}

export const SEED_INDEX = 'seeds/index.json';

export async function loadBundledStories(read: (path: string) => Promise<string>): Promise<Story[]> {
  const pages = JSON.parse(await read(SEED_INDEX)) as SeedPage[];
  const perPage = await Promise.all(pages.map(async ({ file, ...info }) => parsePrintPage(await read(`seeds/${file}`), { ...info, origin: BUNDLED_ORIGIN })));
  return perPage.flat();
}
