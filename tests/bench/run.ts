/**
 * `npm run bench`: what a reader waits for, measured in the built extension in real Chromium.
 * Timings on this machine are noisy, so each figure is a median (and p95) over several runs;
 * nothing here passes or fails. Record the table in docs/benchmarks.md with the date and machine.
 */
import { cpus, totalmem } from 'node:os';
import type { Page } from 'playwright-core';
import { PAINTED_MARK } from '../../components/Popup';
import { launchExtension, type ExtensionGlobal, type ExtensionSession } from '../../scripts/launch-extension';
import { printTable, type Row } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function stopServiceWorker(session: ExtensionSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

interface PopupTiming {
  /** Navigation start → document interactive: the browser's share (new renderer, parsing). */
  interactive: number;
  /** Navigation start → library painted: what the reader waits for. */
  painted: number;
}

/** Milliseconds from the popup's navigation start to its document being interactive and to the library painted. */
async function popupPaint(session: ExtensionSession, cold: boolean, helper: Page): Promise<PopupTiming> {
  if (cold) await stopServiceWorker(session, helper);
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=1`);
  // No helper functions inside evaluate: tsx would wrap them in a `__name` the page lacks.
  await popup.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, PAINTED_MARK, { polling: 5 });
  const timing = await popup.evaluate(
    (mark) => ({
      interactive: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
      painted: performance.getEntriesByName(mark)[0].startTime,
    }),
    PAINTED_MARK,
  );
  await popup.close();
  return timing;
}

/** Round trip of a search message right after the worker was stopped: wake + jieba start-up + search. */
async function coldSearch(session: ExtensionSession, helper: Page): Promise<number> {
  await stopServiceWorker(session, helper);
  return helper.evaluate(async () => {
    const start = performance.now();
    await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'UI_SEARCH', text: '立方新能源钠离子电池获得国际权威认可' });
    return performance.now() - start;
  });
}

async function warmSearch(helper: Page): Promise<number> {
  return helper.evaluate(async () => {
    const start = performance.now();
    await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'UI_SEARCH', text: '株洲市国土空间规划委员会专题会议' });
    return performance.now() - start;
  });
}

async function measure<T>(runs: number, once: () => Promise<T>): Promise<T[]> {
  await once(); // one unrecorded run: first-load effects (disk cache, compilation) are not what readers see
  const values: T[] = [];
  for (let i = 0; i < runs; i++) values.push(await once());
  return values;
}

function popupRows(label: string, timings: PopupTiming[]): Row[] {
  return [
    { measure: `popup open → library painted (${label})`, runs: timings.length, values: timings.map((t) => t.painted), unit: 'ms' },
    { measure: `  of which document interactive (${label})`, runs: timings.length, values: timings.map((t) => t.interactive), unit: 'ms' },
    { measure: `  of which interactive → painted (${label})`, runs: timings.length, values: timings.map((t) => t.painted - t.interactive), unit: 'ms' },
  ];
}

const session = await launchExtension();
try {
  const helper = await session.openPage('options.html');
  await helper.locator('[data-testid=library-count]').filter({ hasText: '10' }).waitFor();
  const rows: Row[] = [
    ...popupRows('warm worker', await measure(RUNS, () => popupPaint(session, false, helper))),
    ...popupRows('cold worker', await measure(RUNS, () => popupPaint(session, true, helper))),
    { measure: 'search round trip (warm worker, jieba ready)', runs: RUNS, values: await measure(RUNS, () => warmSearch(helper)), unit: 'ms' },
    { measure: 'search round trip (cold worker: wake + jieba start)', runs: RUNS, values: await measure(RUNS, () => coldSearch(session, helper)), unit: 'ms' },
  ];
  console.log(`\nZhuzhou Daily Lens benchmarks — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${await session.context.browser()?.version?.() ?? 'Chromium'}\n`);
  console.log(printTable(rows));
} finally {
  await session.close();
}
