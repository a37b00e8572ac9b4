/**
 * What a reader waits for on a web page (issue 5), on the test pages served on 127.0.0.1: page
 * load → badge, with the worker warm and stopped; selection → bubble; popup open → the page's
 * coverage painted.
 */
import type { Page } from 'playwright-core';
import { PAGE_PAINTED_MARK } from '../../components/Popup';
import { launchExtension, type ExtensionGlobal, type ExtensionSession } from '../../scripts/launch-extension';
import { badgeMark } from '../../lib/page/badge';
import { badge, dragSelect, forgetPageAnswers, keptFor } from '../fixtures/page-probes';
import { servePages } from '../fixtures/pages-server';
import { measure, popupPaint, type PopupTiming } from './measure';
import type { Row } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
let visits = 0;

/** How late the server answers in the row of a distant site: the time a wake has before the page's first bytes. */
const SERVER_WAIT_MS = 300;

/** How a page load is measured: the worker stopped first or not, and what the worker knows of the page. */
export interface PageLoad {
  cold?: boolean;
  /** The ms the server takes to answer (the bench's pages are otherwise served at once, from this machine). */
  wait?: number;
  /** The answers kept across wakes emptied first (lib/service/page-answers.ts): a cold worker analyses the article as one it never met. */
  unseen?: boolean;
  /**
   * The same address at every load, as a reload (told apart by a jump within the page: a closed
   * tab's coverage may outlive it for a moment); else one of its own each time (the same article).
   */
  again?: boolean;
}

/**
 * Navigation start → the badge shows the page's final count: `polled`, as the bench sees it by
 * asking the worker (whose answer waits for whatever the worker is busy with); `asked`, when the
 * worker asked the browser for that badge (its mark, lib/page/badge.ts; NaN for a build without it).
 */
export interface BadgeTimes {
  polled: number;
  asked: number;
}

/** The epoch ms at which the worker first asked for the tab's badge to read `text`. */
async function badgeAskedAt(session: ExtensionSession, tabId: number, text: string): Promise<number> {
  const worker = await session.worker();
  return worker.evaluate(
    ([name, wanted]) => {
      const mark = (performance.getEntriesByName(name) as PerformanceMark[]).find((entry) => entry.detail === wanted);
      return mark ? performance.timeOrigin + mark.startTime : Number.NaN;
    },
    [badgeMark(tabId), text] as const,
  );
}

export async function pageToBadge(
  session: ExtensionSession,
  base: string,
  { cold = false, wait = 0, unseen = false, again = false }: PageLoad = {},
): Promise<BadgeTimes> {
  if (unseen) await forgetPageAnswers(session);
  if (cold) await session.stopWorker();
  const page = await session.context.newPage();
  const query = `${again ? 'again' : ++visits}${wait ? `&wait=${wait}` : ''}`;
  const url = `${base}/news.html?visit=${query}${again ? `#${++visits}` : ''}`;
  const started = Date.now();
  await page.goto(url);
  let kept = await keptFor(session, url);
  let shown = kept && (await badge(session, kept.tabId)).text;
  while (!kept || kept.partial || !shown) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    kept = await keptFor(session, url);
    shown = kept && (await badge(session, kept.tabId)).text;
  }
  const polled = Date.now() - started;
  const asked = (await badgeAskedAt(session, kept.tabId, shown)) - started;
  await page.close();
  return { polled, asked };
}

/** Mouse released over a selection → the bubble in the page, timed in the page. */
async function selectionToBubble(page: Page): Promise<number> {
  await page.mouse.click(5, 5);
  await page.waitForFunction(() => !document.querySelector('zhuzhou-lens-bubble'));
  await page.evaluate(() => {
    const w = window as unknown as { released?: number; shown?: number };
    w.released = w.shown = undefined;
    document.addEventListener('mouseup', () => (w.released = performance.now()), { capture: true, once: true });
    new MutationObserver((_records, observer) => {
      if (document.querySelector('zhuzhou-lens-bubble')) {
        w.shown = performance.now();
        observer.disconnect();
      }
      // The bubble goes right after the selection (lib/page/bubble-spot.ts), anywhere in the page.
    }).observe(document.documentElement, { childList: true, subtree: true });
  });
  await dragSelect(page, 'article p:nth-of-type(2)');
  await page.waitForFunction(() => (window as unknown as { shown?: number }).shown !== undefined);
  return page.evaluate(() => {
    const w = window as unknown as { released: number; shown: number };
    return w.shown - w.released;
  });
}

/**
 * A reader's search from an extension page, answered while a long article (endless.html, ~280,000
 * characters) rewrites its address sixty times: what a pushy page costs the reader.
 */
async function searchWhilePagePushes(pushing: Page, asker: Page): Promise<number> {
  const pushed = pushing.evaluate(() => (window as unknown as { rewriteAddress(n: number): Promise<void> }).rewriteAddress(60));
  // Ask in the middle of the pushing, when its changes have reached the worker.
  await new Promise((resolve) => setTimeout(resolve, 600));
  const ms = await timedSearch(asker);
  await pushed;
  return ms;
}

/** A search asked 300 ms after a very long article (endless.html) starts loading, while it is analysed (not answered from before). */
async function searchWhileLongPageLoads(session: ExtensionSession, base: string, asker: Page): Promise<number> {
  await forgetPageAnswers(session);
  const page = await session.context.newPage();
  const url = `${base}/endless.html?visit=${++visits}`;
  await page.goto(url);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const ms = await timedSearch(asker);
  while ((await keptFor(session, url))?.partial !== false) await new Promise((resolve) => setTimeout(resolve, 20));
  await page.close();
  return ms;
}

/** A search sent from an extension page → its answer, in that page's clock. */
function timedSearch(asker: Page): Promise<number> {
  return asker.evaluate(async () => {
    const started = performance.now();
    await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'UI_SEARCH', text: '立方新能源' });
    return performance.now() - started;
  });
}

/**
 * Popup open → the page's coverage painted, split at the document's being interactive: before it
 * the browser's share (a new renderer process when the worker's went with it), after it the
 * popup's script, its reads and its render, in that process.
 */
function coverageRows(label: string, timings: PopupTiming[]): Row[] {
  return [
    { measure: `popup open → page coverage painted (${label})`, runs: timings.length, values: timings.map((t) => t.painted), unit: 'ms' },
    { measure: '  of which document interactive', runs: timings.length, values: timings.map((t) => t.interactive), unit: 'ms' },
    { measure: '  of which after it (script, reads, render)', runs: timings.length, values: timings.map((t) => t.painted - t.interactive), unit: 'ms' },
  ];
}

export async function pageRows(): Promise<Row[]> {
  const server = await servePages();
  const session = await launchExtension();
  try {
    const warm = await measure(RUNS, () => pageToBadge(session, server.base));
    const cold = await measure(Math.min(RUNS, 10), () => pageToBadge(session, server.base, { cold: true }));
    const distant = await measure(Math.min(RUNS, 10), () => pageToBadge(session, server.base, { cold: true, wait: SERVER_WAIT_MS }));
    const unseen = await measure(Math.min(RUNS, 10), () => pageToBadge(session, server.base, { cold: true, unseen: true }));
    const reloaded = await measure(Math.min(RUNS, 10), () => pageToBadge(session, server.base, { cold: true, again: true }));
    const page = await session.context.newPage();
    const url = `${server.base}/news.html?visit=${++visits}`;
    await page.goto(url);
    while (!(await keptFor(session, url))?.related.length) await new Promise((resolve) => setTimeout(resolve, 20));
    // The bubble's row alone is left out when the selection cannot be made (the other rows still count).
    const bubble = await measure(RUNS, () => selectionToBubble(page)).catch((error: Error) => {
      console.error(`selection → bubble: ${error.message}`);
      return [] as number[];
    });
    const path = `popup.html?tabId=${(await keptFor(session, url))!.tabId}`;
    const popupWarm = await measure(RUNS, () => popupPaint(session, false, path, PAGE_PAINTED_MARK));
    const popupCold = await measure(RUNS, () => popupPaint(session, true, path, PAGE_PAINTED_MARK));
    const asker = await session.openPage('popup.html');
    const loading = await measure(Math.min(RUNS, 5), () => searchWhileLongPageLoads(session, server.base, asker));
    const pushing = await session.context.newPage();
    const pushingUrl = `${server.base}/endless.html?visit=${++visits}`;
    await pushing.goto(pushingUrl);
    while ((await keptFor(session, pushingUrl))?.partial !== false) await new Promise((resolve) => setTimeout(resolve, 20));
    const quiet = await measure(Math.min(RUNS, 5), () => timedSearch(asker));
    const pushed = await measure(Math.min(RUNS, 5), () => searchWhilePagePushes(pushing, asker));
    const polled = (times: BadgeTimes[]) => times.map((t) => t.polled);
    /** The badge as asked for by the worker: rows only for a build that marks it. */
    const asked = (label: string, times: BadgeTimes[]): Row[] =>
      times.some((t) => Number.isFinite(t.asked))
        ? [{ measure: `  of which until the worker asked for the badge (${label})`, runs: times.length, values: times.map((t) => t.asked), unit: 'ms' }]
        : [];
    return [
      { measure: 'page load → badge count (warm worker)', runs: warm.length, values: polled(warm), unit: 'ms' },
      ...asked('warm', warm),
      { measure: 'page load → badge count (cold worker)', runs: cold.length, values: polled(cold), unit: 'ms' },
      ...asked('cold', cold),
      {
        measure: `page load → badge count (cold worker, server answers in ${SERVER_WAIT_MS} ms)`,
        runs: distant.length,
        values: polled(distant),
        unit: 'ms',
      },
      { measure: 'page load → badge count (cold worker, article not answered before)', runs: unseen.length, values: polled(unseen), unit: 'ms' },
      ...asked('cold, not answered before', unseen),
      { measure: 'page load → badge count (cold worker, the same address again: a reload)', runs: reloaded.length, values: polled(reloaded), unit: 'ms' },
      { measure: 'selection released → bubble shown (warm; 250 ms settle)', runs: bubble.length, values: bubble, unit: 'ms' },
      ...coverageRows('warm worker', popupWarm),
      ...coverageRows('cold worker', popupCold),
      { measure: 'search answered (warm, quiet)', runs: quiet.length, values: quiet, unit: 'ms' },
      { measure: 'search answered while a page of 100,000 chars (cut from 280k) is analysed', runs: loading.length, values: loading, unit: 'ms' },
      { measure: 'search answered while a 280k-char page rewrites its address 60×', runs: pushed.length, values: pushed, unit: 'ms' },
    ];
  } finally {
    await session.close();
    await server.close();
  }
}
