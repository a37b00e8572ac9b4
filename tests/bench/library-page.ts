/**
 * The library page at scale, in the library related.ts fills: the page opened until its list is
 * painted, and what its messages cost in the service worker — the first page, a page deep in the
 * library, a name searched within a date range, and the counts, which the service counts once
 * after each change of the library (timed here right after one).
 */
import type { Page } from 'playwright-core';
import type { LibraryListing, Message } from '../../lib/messages';
import type { ExtensionGlobal, ExtensionSession } from '../../scripts/launch-extension';
import { measure } from './measure';
import type { Row } from './stats';

const RUNS = 5;
/** Pages followed before the deep one is timed: the 21st page of 50. */
const DEEP = 20;

/** Milliseconds from sending `message` from `page` to its reply; with `afterChange`, the library changed just before (counts are counted again). */
async function replyMs(page: Page, message: Message, afterChange = false): Promise<number> {
  return page.evaluate(
    async ({ m, changed }) => {
      const { runtime } = (globalThis as unknown as ExtensionGlobal).chrome;
      if (changed) await runtime.sendMessage({ type: 'UI_LIBRARY_CHANGED' });
      const start = performance.now();
      await runtime.sendMessage(m);
      return performance.now() - start;
    },
    { m: message, changed: afterChange },
  );
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
  const counts: Message = { type: 'UI_LIBRARY_COUNTS' };
  const monthCount: Message = { type: 'UI_LIBRARY_COUNT', filter: { from: '2024-01-01', to: '2024-01-31' } };
  const rows: Array<[string, () => Promise<number>]> = [
    ['library page opened → first 50 stories painted', () => pagePaint(session)],
    ['library page: first page of 50', () => replyMs(page, first)],
    [`library page: page ${DEEP + 1} of one source`, () => replyMs(page, deep)],
    ['library page: 株洲 searched within a date range', () => replyMs(page, search)],
    ['library page: counts per source, first after a change', () => replyMs(page, counts, true)],
    ['library page: counts per source, again', () => replyMs(page, counts)],
    ['library page: a month counted, first after a change', () => replyMs(page, monthCount, true)],
  ];
  const measured: Row[] = [];
  for (const [measureName, what] of rows) {
    const values = await measure(RUNS, what);
    measured.push({ measure: `${measureName} (${label})`, runs: values.length, values, unit: 'ms' });
  }
  return measured;
}
