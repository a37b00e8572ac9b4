/**
 * Related coverage at scale: a 3,000-character article ranked against libraries of 1k, 10k and
 * 100k generated stories (tests/bench/synthetic-library.ts); in the same libraries, the library
 * page (tests/bench/library-page.ts).
 *   in Node      the in-memory index (what a warm worker holds), ranking only;
 *   in Chromium  the extension's IndexedDB index in the real service worker, filled through the
 *                options page's import of a file per batch: import speed, then the rank time of
 *                a query (the worker's RANK_MARK) warm and right after a wake, and the whole reply.
 */
import type { Page, Worker } from 'playwright-core';
import { storiesToJsonl } from '../../lib/library/jsonl';
import type { Story } from '../../lib/story';
import { MemoryIndex } from '../../lib/match/memory-index';
import { buildProfile } from '../../lib/match/profile';
import { rankRelated } from '../../lib/match/rank';
import { RANK_MARK } from '../../lib/match/related';
import { normalizeForAnalysis } from '../../lib/nlp/normalize';
import { launchExtension, type ExtensionGlobal } from '../../scripts/launch-extension';
import { nodeAnalyzer } from '../unit/helpers';
import { ENTITY_PAINTED_MARK } from '../../components/EntityPage';
import { libraryPageRows } from './library-page';
import { measure, popupPaint, searchMs, untilCompacted } from './measure';
import { totalMiB, workerMemory } from './memory';
import type { Row } from './stats';
import { analysedSentences, articleAbout, syntheticStories } from './synthetic-library';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const QUERIES = 10;
const BATCH = 2000;
/** Names typed into the search box: in most stories (中国), in many (株洲), in few (习近平). */
const NAME_QUERIES = ['中国', '株洲', '习近平'];

type Sentences = Awaited<ReturnType<typeof analysedSentences>>['sentences'];

function articles(stories: Story[], sentences: Sentences): string[] {
  return Array.from({ length: QUERIES }, (_, q) => articleAbout(stories[Math.floor((stories.length * q) / QUERIES)], sentences, q + 1));
}

export async function nodeRankingRows(sentences: Sentences): Promise<Row[]> {
  const analyzer = nodeAnalyzer();
  const idf = await analyzer.idf();
  const rows: Row[] = [];
  for (const size of SIZES) {
    const stories = [...syntheticStories(sentences, size)];
    const index = MemoryIndex.ofStories(stories, idf);
    const times: number[] = [];
    for (const article of articles(stories, sentences)) {
      const { entities, terms } = await analyzer.analyze(article);
      const profile = buildProfile({ entities, terms, text: article });
      const text = normalizeForAnalysis(article);
      for (let run = 0; run < 6; run++) {
        const start = performance.now();
        await rankRelated(profile, index, { idf, text });
        if (run > 0) times.push(performance.now() - start);
      }
    }
    rows.push({
      measure: `Node, in-memory index, ${size.toLocaleString('en')} stories: rank a 3,000-char article`,
      runs: times.length,
      values: times,
      unit: 'ms',
    });
  }
  return rows;
}

const lastRankMs = (worker: Worker) =>
  worker.evaluate((n) => (performance.getEntriesByName(n).at(-1) as PerformanceMark | undefined)?.detail?.ms as number | undefined, RANK_MARK);

/** Asks until the worker answers in full (jieba loaded, after a wake). */
async function untilFull(page: Page, text: string): Promise<void> {
  const partial = () =>
    page.evaluate(
      async (t) =>
        ((await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'UI_SEARCH', text: t })) as { partial: boolean }).partial,
      text,
    );
  while (await partial()) await new Promise((resolve) => setTimeout(resolve, 50));
}

export async function browserRankingRows(sentences: Sentences): Promise<Row[]> {
  const session = await launchExtension();
  const rows: Row[] = [];
  try {
    const page = await session.openPage('options.html');
    await page.locator('[data-testid=library-count]').filter({ hasText: '10' }).waitFor();
    const all = [...syntheticStories(sentences, Math.max(...SIZES))];
    const importRates: number[] = [];
    let imported = 0;
    for (const size of SIZES) {
      for (; imported < size; imported = Math.min(size, imported + BATCH)) {
        const text = storiesToJsonl(all.slice(imported, Math.min(size, imported + BATCH)));
        const total = 10 + Math.min(size, imported + BATCH);
        const start = performance.now();
        await page.locator('input[type=file]').setInputFiles({ name: 'batch.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
        await page
          .locator('[data-testid=library-count]')
          .filter({ hasText: new RegExp(`[^\\d,]${total.toLocaleString('zh-CN')}[^\\d,]`) })
          .waitFor({ timeout: 300_000 });
        importRates.push(Math.min(BATCH, size - imported) / ((performance.now() - start) / 1000));
      }
      const label = `${size.toLocaleString('en')} stories`;
      // Ranking is measured on the merged index, as it is most of the time.
      rows.push({ measure: `service worker, ${label}: index compaction after the import`, runs: 1, values: [(await untilCompacted(page)) / 1000], unit: 's' });
      const queries = articles(all.slice(0, size), sentences);
      for (const q of queries) await searchMs(page, q); // warm: jieba loaded, postings cached
      const warmRank: number[] = [];
      const warmReply: number[] = [];
      for (const q of [...queries, ...queries]) {
        warmReply.push(await searchMs(page, q));
        warmRank.push((await lastRankMs(await session.worker()))!);
      }
      // The search box with a name: a common one reads a posting list as long as the library.
      for (const name of NAME_QUERIES) await searchMs(page, name);
      const nameReply: number[] = [];
      for (let run = 0; run < 5; run++) for (const name of NAME_QUERIES) nameReply.push(await searchMs(page, name));
      const coldRank: number[] = [];
      const coldReply: number[] = [];
      for (const q of queries) {
        await session.stopWorker();
        coldReply.push(await searchMs(page, q));
        coldRank.push((await lastRankMs(await session.worker()))!);
      }
      // An entity page reads through the index too: a place most stories name, a person few do.
      const entityPage = (name: string, cold: boolean) =>
        popupPaint(session, cold, `entity.html?type=${name === '株洲' ? 'place' : 'person'}&name=${name}`, ENTITY_PAINTED_MARK);
      const entityWarm = [...(await measure(5, () => entityPage('株洲', false))), ...(await measure(5, () => entityPage('习近平', false)))];
      const entityCold = await measure(5, () => entityPage('株洲', true));
      // Memory right after a wake (jieba restored, a full answer given), then after 100 more queries.
      const woken = await measure(3, async () => {
        await session.stopWorker();
        await untilFull(page, queries[0]);
        return workerMemory(session, page);
      });
      for (let q = 0; q < 100; q++) await searchMs(page, queries[q % queries.length]);
      const queried = await workerMemory(session, page);
      rows.push(
        {
          measure: `entity page, ${label}: open → painted (株洲, 习近平), warm worker`,
          runs: entityWarm.length,
          values: entityWarm.map((t) => t.painted),
          unit: 'ms',
        },
        { measure: `entity page, ${label}: open → painted (株洲), cold worker`, runs: entityCold.length, values: entityCold.map((t) => t.painted), unit: 'ms' },
        { measure: `service worker, ${label}: name search (${NAME_QUERIES.join(', ')}), warm reply`, runs: nameReply.length, values: nameReply, unit: 'ms' },
        { measure: `service worker, ${label}: rank, warm`, runs: warmRank.length, values: warmRank, unit: 'ms' },
        { measure: `service worker, ${label}: whole reply (analysis + rank), warm`, runs: warmReply.length, values: warmReply, unit: 'ms' },
        { measure: `service worker, ${label}: rank, first query after a wake`, runs: coldRank.length, values: coldRank, unit: 'ms' },
        { measure: `service worker, ${label}: whole first reply after a wake`, runs: coldReply.length, values: coldReply, unit: 'ms' },
        {
          measure: `service worker, ${label}: memory after a wake (JS heap + buffers + wasm)`,
          runs: woken.length,
          values: woken.map((m) => totalMiB(m.found)),
          unit: 'MiB',
        },
        { measure: '  of which jieba wasm memory', runs: woken.length, values: woken.map((m) => m.found.wasm / 2 ** 20), unit: 'MiB' },
        { measure: '  after a garbage collection', runs: woken.length, values: woken.map((m) => totalMiB(m.collected)), unit: 'MiB' },
        { measure: `service worker, ${label}: memory after 100 queries (JS heap + buffers + wasm)`, runs: 1, values: [totalMiB(queried.found)], unit: 'MiB' },
        { measure: '  after a garbage collection', runs: 1, values: [totalMiB(queried.collected)], unit: 'MiB' },
        ...(await libraryPageRows(session, page, label)),
      );
    }
    rows.unshift({
      measure: `options page: import with analysis kept, indexed (batches of ${BATCH})`,
      runs: importRates.length,
      values: importRates,
      unit: 'stories/s',
    });
  } finally {
    await session.close();
  }
  return rows;
}

export async function relatedRows(): Promise<Row[]> {
  const { sentences } = await analysedSentences();
  return [...(await nodeRankingRows(sentences)), ...(await browserRankingRows(sentences))];
}
