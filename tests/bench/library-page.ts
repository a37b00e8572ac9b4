/**
 * The library page at scale, in the library related.ts fills: the page opened until its list is
 * painted, and what its messages cost in the service worker — the first page, a page deep in the
 * library, the counts per source, a name searched within a date range.
 */
import type { Page } from 'playwright-core';
import type { LibraryListing, Message } from '../../lib/messages';
import type { ExtensionGlobal, ExtensionSession } from '../../scripts/launch-extension';
import { measure } from './measure';
import type { Row } from './stats';

const RUNS = 5;
/** Pages followed before the deep one is timed: the 21st page of 50. */
const DEEP = 20;

/** Milliseconds from sending `message` from `page` to its reply. */
async function replyMs(page: Page, message: Message): Promise<number> {
  return page.evaluate(async (m) => {
    const start = performance.now();
    await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(m);
    return performance.now() - start;
  }, message);
}

/** Milliseconds from the library page's navigation start to its first list painted. */
async function pagePaint(session: ExtensionSession): Promise<number> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/library.html`);
  const painted = await page.waitForFunction(() => document.querySelector('.library-results[aria-busy=false] .library-row') && performance.now(), undefined, {
    polling: 5,
  });
  const ms = (await painted.jsonValue()) as number;
  await page.close();
  return ms;
}

export async function libraryPageRows(session: ExtensionSession, page: Page, label: string): Promise<Row[]> {
  const first = { type: 'UI_LIBRARY_LIST', query: { text: '', limit: 50 } } as const;
  let deep: Message = first;
  for (let i = 0; i < DEEP; i++) {
    const { next } = (await page.evaluate((m) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(m), deep)) as LibraryListing;
    deep = { ...first, query: { ...first.query, origin: 'import', after: next } };
  }
  const search: Message = { type: 'UI_LIBRARY_LIST', query: { text: '株洲', from: '2000-01-01', to: '2099-12-31', limit: 50 } };
  const rows: Array<[string, Message | (() => Promise<number>)]> = [
    ['library page opened → first 50 stories painted', () => pagePaint(session)],
    ['library page: first page of 50 and the count', first],
    [`library page: page ${DEEP + 1} of one source`, deep],
    ['library page: counts per source', { type: 'UI_LIBRARY_COUNTS' }],
    ['library page: 株洲 searched within a date range', search],
  ];
  const measured: Row[] = [];
  for (const [measureName, what] of rows) {
    const values = await measure(RUNS, typeof what === 'function' ? what : () => replyMs(page, what));
    measured.push({ measure: `${measureName} (${label})`, runs: values.length, values, unit: 'ms' });
  }
  return measured;
}
