/** Shared by the benchmark's parts: repeated measurement, and a popup's time to paint. */
import { PAINTED_MARK } from '../../components/Popup';
import type { Page } from 'playwright-core';
import { LIBRARY_DB } from '../../lib/library/library';
import type { ExtensionGlobal, ExtensionSession } from '../../scripts/launch-extension';

export interface PopupTiming {
  /** Navigation start → document interactive: the browser's share (new renderer, parsing). */
  interactive: number;
  /** Navigation start → library painted: what the reader waits for. */
  painted: number;
}

/**
 * Milliseconds from a popup's navigation start to its document being interactive and to `mark`
 * (library painted, or the page's coverage painted for `popup.html?tabId=N`).
 */
export async function popupPaint(session: ExtensionSession, cold: boolean, path = 'popup.html?tabId=1', mark = PAINTED_MARK): Promise<PopupTiming> {
  if (cold) await session.stopWorker();
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/${path}`);
  // No helper functions inside evaluate: tsx would wrap them in a `__name` the page lacks.
  await popup.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { polling: 5 });
  const timing = await popup.evaluate(
    (name) => ({
      interactive: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
      painted: performance.getEntriesByName(name)[0].startTime,
    }),
    mark,
  );
  await popup.close();
  return timing;
}

export async function measure<T>(runs: number, once: () => Promise<T>): Promise<T[]> {
  await once(); // one unrecorded run: first-load effects (disk cache, compilation) are not what readers see
  const values: T[] = [];
  for (let i = 0; i < runs; i++) values.push(await once());
  return values;
}

/**
 * Waits, polling from an extension page, until the library's index has merged every segment
 * (lib/library/index-segment.ts); returns the milliseconds waited.
 */
export async function untilCompacted(page: Page): Promise<number> {
  const start = performance.now();
  const pending = () =>
    page.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('segments').objectStore('segments').count();
            count.onerror = () => reject(count.error);
            count.onsuccess = () => {
              open.result.close();
              resolve(count.result);
            };
          };
        }),
      LIBRARY_DB,
    );
  while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  return performance.now() - start;
}

/** Milliseconds a reader's search takes, sent from one of the extension's pages. */
export async function searchMs(page: Page, text: string): Promise<number> {
  return page.evaluate(async (t) => {
    const start = performance.now();
    await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'UI_SEARCH', text: t });
    return performance.now() - start;
  }, text);
}
