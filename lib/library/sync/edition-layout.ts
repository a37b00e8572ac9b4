/**
 * The addresses of a digital edition (数字报), read by their shape. The platforms most Chinese
 * papers use put a day's edition in a dated folder and name its pages and articles by pattern
 * (README, "Digital editions recognised"):
 *
 *   …/html/2024-06/01/node_2.htm          a page          …/html/2024-06/01/content_1234.htm   an article
 *   …/html/202406/01/node_A01.html         a page          …/html/202406/01/content_1234.html   an article
 *   …/pc/layout/202406/01/node_01.html     a page          …/pc/content/202406/01/content_1234.html
 *   …/html/2024-06/01/nbs.D110000xxx_01.htm  a page       …/nw.D110000xxx_20240601_3-01.htm    an article
 */

export type EditionRole = 'page' | 'article';

/** /2024-06/01/ or /202406/01/: the year and month, then the day, as folders. */
const DATED_FOLDER = /\/((?:19|20)\d{2})(-?)(\d{2})\/(\d{2})\//;
/** nw.D110000xxx_20240601_3-01.htm carries its day in its name. */
const DATED_NAME = /_((?:19|20)\d{2})(\d{2})(\d{2})_\d{1,3}-/;
const PAGE_NAME = /\/(?:node_[A-Za-z]{0,2}\d{1,4}|nbs\.D\w{1,60}?_([A-Za-z]{0,2}\d{1,3}))\.s?html?$/;
const ARTICLE_NAME = /\/(?:content_\d{1,12}(?:_\d{1,4})?|nw\.D\w{1,60}?_\d{8}_\d{1,3}-[A-Za-z]{0,2}\d{1,3})\.s?html?$/;

/** YYYY-MM-DD when the numbers name a day of the calendar. */
export function calendarDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The day an edition's address names, if it names one. */
export function editionDay(url: string): string | undefined {
  const path = safePath(url);
  const folder = DATED_FOLDER.exec(path);
  if (folder) return calendarDay(Number(folder[1]), Number(folder[3]), Number(folder[4]));
  const name = DATED_NAME.exec(path);
  return name ? calendarDay(Number(name[1]), Number(name[2]), Number(name[3])) : undefined;
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Whether an address is a page of an edition, an article of one, or neither. */
export function editionRole(url: string): EditionRole | undefined {
  const path = safePath(url);
  if (PAGE_NAME.test(path)) return 'page';
  if (ARTICLE_NAME.test(path)) return 'article';
  return undefined;
}

/** An edition's page address (dated): what the options page and `insight crawl` take for an edition. */
export const isEditionPage = (url: string) => editionRole(url) === 'page' && editionDay(url) !== undefined;

/** The page number an address gives itself (nbs.…_02.htm, node_A02.html), if it gives one. */
export function pageNumberOf(url: string): number | undefined {
  const found = /(?:nbs\.D\w{1,60}?_|node_)[A-Za-z]{0,2}(\d{1,3})\.s?html?$/.exec(safePath(url));
  // node_N of the classic platform is a node id, not a page number, unless lettered (node_A02).
  if (!found || (/\/node_\d/.test(safePath(url)) && !/\/pc\/layout\//.test(safePath(url)))) return undefined;
  return Number(found[1]) || undefined;
}

/** The page an article's address names (nw.D110000xxx_20240601_3-02.htm is on page 02), if it names one. */
export function articlePage(url: string): number | undefined {
  return Number(/_\d{8}_\d{1,3}-[A-Za-z]{0,2}(\d{1,3})\.s?html?$/.exec(safePath(url))?.[1]) || undefined;
}

/** The same address on another day, written the way the address writes its day. */
export function onDay(url: string, day: string): string {
  const parsed = new URL(url);
  const [year, month, date] = day.split('-');
  parsed.pathname = parsed.pathname.replace(DATED_FOLDER, (_, _y, dash: string) => `/${year}${dash}${month}/${date}/`);
  return parsed.href;
}

/** YYYY-MM-DD of `count` days ending with `today`, newest first. */
export function lastDays(today: string, count: number): string[] {
  const [y, m, d] = today.split('-').map(Number);
  return Array.from({ length: count }, (_, back) => new Date(Date.UTC(y, m - 1, d - back)).toISOString().slice(0, 10));
}

/**
 * A page's label as an edition writes it (「第02版：经济」, 「A03版 本地」, 「第 2 版」, and a lettered
 * page without 版: 「A01：要闻」): the page's number and its name, when the label says them.
 */
export function pageLabel(text: string): { page: number; name?: string } | undefined {
  const found = /^\s*第?\s*(?:[A-Za-z]{1,2}\s*(\d{1,3})\s*版?|(\d{1,3})\s*版)\s*[：:\-—·|｜\s]*\s*(.*?)\s*$/.exec(text.replace(/\s+/g, ' '));
  const page = Number(found?.[1] ?? found?.[2]);
  if (!found || !page) return undefined;
  const name = found[3]
    .replace(/^[（(]|[)）]$/g, '')
    .trim()
    .slice(0, 40);
  return { page, name: name || undefined };
}

/** An address that is no edition's page: said in the reader's terms, a "format" problem. */
export class EditionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditionError';
  }
}
