/**
 * Analysing the library again after the analysis changed (lib/library/reanalyse.ts), in the built
 * extension: BENCH_REANALYSE_SIZE generated stories (1,000 unless set), each carrying this build's
 * analysis, are imported through the options page (how long until the worker has read them all
 * again, as it does a file's analyses), the library is marked as analysed by an older build, and
 * the worker is stopped;
 * from the wake, how long until every story is analysed and indexed again, and a search's round
 * trip meanwhile and after.
 */
import { storiesToJsonl } from '../../lib/library/jsonl';
import { UNCHECKED_ANALYSIS } from '../../lib/story';
import { launchExtension } from '../../scripts/launch-extension';
import { analysisRecord } from '../fixtures/analysis-record';
import { searchMs, untilCompacted } from './measure';
import type { Row } from './stats';
import { analysedSentences, articleAbout, syntheticStories } from './synthetic-library';

const SIZE = Number(process.env.BENCH_REANALYSE_SIZE ?? 1000);

export async function reanalyseRows(): Promise<Row[]> {
  const { sentences } = await analysedSentences();
  const stories = [...syntheticStories(sentences, SIZE)];
  const article = articleAbout(stories[0], sentences);
  const session = await launchExtension();
  try {
    const page = await session.openPage('options.html');
    await page.locator('[data-testid=library-count]').filter({ hasText: '10' }).waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'bench.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(storiesToJsonl(stories)) });
    const total = (SIZE + 10).toLocaleString('zh-CN');
    await page
      .locator('[data-testid=library-count]')
      .filter({ hasText: new RegExp(`[^\\d,]${total}[^\\d,]`) })
      .waitFor({ timeout: 300_000 });
    const imported = performance.now();
    // The file's analyses were kept unchecked: the worker reads every story again in the background.
    let current = await analysisRecord(page);
    while (current?.version === UNCHECKED_ANALYSIS || current?.after !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      current = await analysisRecord(page);
    }
    const checked = (performance.now() - imported) / 1000;
    await untilCompacted(page);
    const after: number[] = [];
    for (let i = 0; i < 6; i++) after.push(await searchMs(page, article));

    await analysisRecord(page, { version: 'an-older-build' });
    await session.stopWorker();
    const woken = performance.now();
    // The wake: a search, answered before the run begins (it waits for readers and a few seconds).
    const during = [await searchMs(page, article)];
    let firstBatch: number | undefined;
    for (;;) {
      const record = await analysisRecord(page);
      if (record?.version === current!.version && record.after === undefined) break;
      if (record?.version === current!.version) firstBatch ??= performance.now() - woken;
      during.push(await searchMs(page, article));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const seconds = (performance.now() - woken) / 1000;
    const stored = SIZE + 10;
    return [
      {
        measure: `import of ${SIZE.toLocaleString('en')} stories carrying this build's analysis → all read again (background)`,
        runs: 1,
        values: [checked],
        unit: 's',
      },
      { measure: `service worker: ${stored.toLocaleString('en')} stories analysed again, wake → library current`, runs: 1, values: [seconds], unit: 's' },
      { measure: '  of which wake → first batch written (includes the 5 s start delay)', runs: 1, values: [(firstBatch ?? 0) / 1000], unit: 's' },
      { measure: '  stories analysed again per second (from the end of the 5 s delay)', runs: 1, values: [stored / (seconds - 5)], unit: 'stories/s' },
      { measure: 'search round trip (3,000-character article) while analysing again', runs: during.length, values: during, unit: 'ms' },
      { measure: 'search round trip (3,000-character article), library current', runs: after.length, values: after, unit: 'ms' },
      { measure: 'index compaction after analysing again', runs: 1, values: [(await untilCompacted(page)) / 1000], unit: 's' },
    ];
  } finally {
    await session.close();
  }
}
