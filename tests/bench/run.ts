/**
 * `npm run bench`: what a reader waits for, measured in the built extension in real Chromium.
 * Timings on this machine are noisy, so each figure is a median (and p95) over several runs;
 * nothing here passes or fails. Record the table in docs/benchmarks.md with the date and machine.
 */
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import * as wasmJieba from 'jieba-wasm';
import type { Page, Worker } from 'playwright-core';
import { ANALYSIS_MARK, JIEBA_READY_MARK } from '../../lib/nlp/segmenter';
import { bundledStories } from '../unit/helpers';
import { launchExtension, type ExtensionGlobal, type ExtensionSession } from '../../scripts/launch-extension';
import { entityRows } from './entities';
import { measure, popupPaint, type PopupTiming } from './measure';
import { pageRows } from './page';
import { reanalyseRows } from './reanalyse';
import { relatedRows } from './related';
import { syncRows } from './sync';
import { printTable, type Row } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
/**
 * Which parts to run (BENCH_PARTS=worker,page for a before/after pair of the cold path): worker
 * (the popup and the service worker), node (jieba and the tagger in Node), page, related, sync, reanalyse.
 */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'worker,node,page,related,sync,reanalyse').split(','));

/** Real text to analyse: the seed stories, repeated to the length wanted. */
const seedText = (await bundledStories()).map((s) => [s.title, ...s.paragraphs].join('\n')).join('\n');
const textOf = (chars: number) => seedText.repeat(Math.ceil(chars / seedText.length)).slice(0, chars);
const ARTICLE = textOf(3000);

/** Round trip of one search message; `partial` when a cold worker answered from its gazetteer. */
async function searchReply(page: Page, text: string): Promise<{ ms: number; partial: boolean }> {
  return page.evaluate(async (t) => {
    const start = performance.now();
    const reply = (await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'UI_SEARCH', text: t })) as { partial: boolean };
    return { ms: performance.now() - start, partial: reply.partial };
  }, text);
}

const search = async (page: Page, text: string) => (await searchReply(page, text)).ms;

/** Waits until the worker answers with a full analysis (jieba loaded); returns the time taken. */
async function untilFull(page: Page, text: string): Promise<number> {
  const start = performance.now();
  while ((await searchReply(page, text)).partial) await new Promise((r) => setTimeout(r, 20));
  return performance.now() - start;
}

interface AnalysisMark {
  chars: number;
  tagMs: number;
  heapBytes?: number;
}

const lastMark = <T>(worker: Worker, name: string) =>
  worker.evaluate((n) => (performance.getEntriesByName(n).at(-1) as PerformanceMark | undefined)?.detail, name) as Promise<T | undefined>;

/** jieba tag throughput and whole-analysis throughput in the service worker, warm, on 300,000 characters. */
async function workerThroughput(session: ExtensionSession, helper: Page): Promise<{ tag: number[]; analysis: number[] }> {
  const text = textOf(300_000);
  const tag: number[] = [];
  const analysis: number[] = [];
  await search(helper, text);
  for (let i = 0; i < 5; i++) {
    const ms = await search(helper, text);
    const mark = await lastMark<AnalysisMark>(await session.worker(), ANALYSIS_MARK);
    tag.push(mark!.chars / mark!.tagMs / 1000);
    analysis.push(text.length / ms / 1000);
  }
  return { tag, analysis };
}

/**
 * Wake → first analysis of a 3,000-character article (from the gazetteer while jieba loads),
 * wake → full analysis, and jieba's load + dictionary build.
 */
async function coldAnalysis(session: ExtensionSession, helper: Page): Promise<{ first: number; full: number; jieba: number }> {
  await session.stopWorker();
  const first = await searchReply(helper, ARTICLE);
  const full = first.partial ? first.ms + (await untilFull(helper, ARTICLE)) : first.ms;
  const ready = await lastMark<{ ms: number }>(await session.worker(), JIEBA_READY_MARK);
  return { first: first.ms, full, jieba: ready?.ms ?? NaN };
}

/** wasm memory after analysing 1 MB of text in the worker (in four pieces, as pages arrive). */
async function heapAfterOneMegabyte(session: ExtensionSession, helper: Page): Promise<number> {
  for (let i = 0; i < 4; i++) await search(helper, textOf(250_000 + i));
  const mark = await lastMark<AnalysisMark>(await session.worker(), ANALYSIS_MARK);
  return (mark?.heapBytes ?? NaN) / 2 ** 20;
}

/** jieba tag throughput in Node: the same wasm, and native @node-rs/jieba, on 1 M characters. */
function nodeThroughput(): { wasm: number[]; native: number[] } {
  const { Jieba } = createRequire(import.meta.url)('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict') as { dict: Uint8Array };
  const native = Jieba.withDict(dict);
  const lines = textOf(1_000_000).split('\n');
  const time = (tag: (line: string) => unknown) => {
    const start = performance.now();
    for (const line of lines) tag(line);
    return 1_000_000 / (performance.now() - start) / 1000;
  };
  time((l) => wasmJieba.tag(l, true));
  time((l) => native.tag(l, true));
  const wasm: number[] = [];
  const nat: number[] = [];
  for (let i = 0; i < 5; i++) {
    wasm.push(time((l) => wasmJieba.tag(l, true)));
    nat.push(time((l) => native.tag(l, true)));
  }
  return { wasm, native: nat };
}

function popupRows(label: string, timings: PopupTiming[]): Row[] {
  return [
    { measure: `popup open → library painted (${label})`, runs: timings.length, values: timings.map((t) => t.painted), unit: 'ms' },
    { measure: `  of which document interactive (${label})`, runs: timings.length, values: timings.map((t) => t.interactive), unit: 'ms' },
    { measure: `  of which interactive → painted (${label})`, runs: timings.length, values: timings.map((t) => t.painted - t.interactive), unit: 'ms' },
  ];
}

/** The popup and the service worker: cold and warm, analysis throughput, wasm memory. */
async function workerRows(session: ExtensionSession): Promise<Row[]> {
  const helper = await session.openPage('options.html');
  await helper.locator('[data-testid=library-count]').filter({ hasText: '10' }).waitFor();
  const rows: Row[] = [
    ...popupRows('warm worker', await measure(RUNS, () => popupPaint(session, false))),
    ...popupRows('cold worker', await measure(RUNS, () => popupPaint(session, true))),
  ];
  const cold = await measure(Math.min(RUNS, 10), () => coldAnalysis(session, helper));
  rows.push(
    { measure: 'cold worker: wake → first analysis of a 3,000-char article', runs: cold.length, values: cold.map((c) => c.first), unit: 'ms' },
    { measure: 'cold worker: wake → full analysis (jieba ready)', runs: cold.length, values: cold.map((c) => c.full), unit: 'ms' },
    { measure: '  of which jieba load + dictionary build', runs: cold.length, values: cold.map((c) => c.jieba), unit: 'ms' },
  );
  await untilFull(helper, ARTICLE);
  rows.push({
    measure: 'warm worker: analysis + search of a 3,000-char article',
    runs: RUNS,
    values: await measure(RUNS, () => search(helper, ARTICLE)),
    unit: 'ms',
  });
  const worker = await workerThroughput(session, helper);
  rows.push(
    { measure: 'service worker: jieba tag throughput (warm)', runs: worker.tag.length, values: worker.tag, unit: 'M chars/s' },
    { measure: 'service worker: whole analysis throughput (warm)', runs: worker.analysis.length, values: worker.analysis, unit: 'M chars/s' },
    { measure: 'service worker: wasm heap after analysing 1 MB', runs: 1, values: [await heapAfterOneMegabyte(session, helper)], unit: 'MiB' },
  );
  return rows;
}

const session = await launchExtension();
const browserVersion = (await session.context.browser()?.version?.()) ?? 'Chromium';
try {
  const rows: Row[] = PARTS.has('worker') ? await workerRows(session) : [];
  await session.close();
  if (PARTS.has('node')) {
    // Measured with Chromium closed: the machine has two cores.
    const node = nodeThroughput();
    rows.push(
      { measure: 'Node: jieba-wasm tag throughput', runs: node.wasm.length, values: node.wasm, unit: 'M chars/s' },
      { measure: 'Node: native @node-rs/jieba tag throughput', runs: node.native.length, values: node.native, unit: 'M chars/s' },
      { measure: 'Node: wasm / native (per run)', runs: node.wasm.length, values: node.wasm.map((w, i) => w / node.native[i]), unit: 'ratio' },
      ...(await entityRows(textOf(1_000_000), 5)),
    );
  }
  // Pages served on 127.0.0.1, related coverage at 1k, 10k and 100k stories (BENCH_SIZES to
  // change), syncing a library feed of BENCH_SYNC_SIZE stories (10,000 unless set), and analysing
  // BENCH_REANALYSE_SIZE stories (1,000 unless set) again: each in its own browser profile. A part that fails is reported and the others' rows still printed.
  const later: Array<[string, () => Promise<Row[]>]> = [
    ['page', pageRows],
    ['related', relatedRows],
    ['sync', syncRows],
    ['reanalyse', reanalyseRows],
  ];
  for (const [part, run] of later) {
    if (!PARTS.has(part)) continue;
    try {
      rows.push(...(await run()));
    } catch (error) {
      console.error(`bench part ${part} failed:`, error);
      process.exitCode = 1;
    }
  }
  console.log(
    `\nZhuzhou Daily Lens benchmarks — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${browserVersion}\n`,
  );
  console.log(printTable(rows.filter((row) => row.values.length)));
} finally {
  await session.close();
}
