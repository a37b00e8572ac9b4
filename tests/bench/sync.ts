/**
 * Syncing (issue 6), in the built extension from a library feed the benchmark serves on
 * 127.0.0.1: stories per second fetched, analysed (when the feed carries no analysis) and
 * indexed, end to end; and the popup's responsiveness while a sync runs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { storiesToJsonl } from '../../lib/library/jsonl';
import type { Story } from '../../lib/story';
import { launchExtension, type ExtensionGlobal, type ExtensionSession } from '../../scripts/launch-extension';
import { popupPaint, untilCompacted } from './measure';
import type { Row } from './stats';
import { analysedSentences, syntheticStories } from './synthetic-library';

const SIZE = Number(process.env.BENCH_SYNC_SIZE ?? 10_000);
const SHARD = 1000;

/** Serves `stories` as a library feed of shards of SHARD stories; returns the manifest's address. */
async function serveLibraryFeed(stories: Story[]) {
  const files = new Map<string, string>();
  const shards = [];
  for (let i = 0; i < stories.length; i += SHARD) {
    const name = `shard-${i / SHARD}.jsonl`;
    files.set(`/${name}`, storiesToJsonl(stories.slice(i, i + SHARD)));
    shards.push({ url: name, version: '1' });
  }
  files.set('/manifest.json', JSON.stringify({ library: '基准报道库', shards }));
  const server = createServer((request, response) => {
    const body = files.get(new URL(request.url ?? '/', 'http://x').pathname);
    if (body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/manifest.json`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const ask = (page: Page, message: object) => page.evaluate((m) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(m), message);

type During = (session: ExtensionSession, page: Page) => Promise<void>;

/**
 * Adds the source and waits for its sync to end, then for the index to merge what it wrote;
 * seconds taken by each, and what happened.
 */
async function syncOnce(
  stories: Story[],
  label: string,
  during: { sync?: During; compaction?: During } = {},
): Promise<{ seconds: number; compaction: number; last: unknown }> {
  const feed = await serveLibraryFeed(stories);
  const session = await launchExtension();
  try {
    const page = await session.openPage('options.html');
    await page.getByTestId('library-count').filter({ hasText: '10' }).waitFor();
    const started = Date.now();
    await ask(page, { type: 'UI_ADD_SOURCE', source: { kind: 'library', url: feed.url, name: label } });
    await during.sync?.(session, page);
    let last: { added?: number } | undefined;
    while (!last) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      last = ((await ask(page, { type: 'UI_LIST_SOURCES' })) as Array<{ last?: { added: number } }>)[0]?.last;
    }
    const seconds = (Date.now() - started) / 1000;
    const merged = untilCompacted(page);
    await during.compaction?.(session, page);
    return { seconds, compaction: (await merged) / 1000, last };
  } finally {
    await session.close();
    await feed.close();
  }
}

export async function syncRows(): Promise<Row[]> {
  const { sentences } = await analysedSentences();
  const stories = [...syntheticStories(sentences, SIZE)].map((s, i) => ({ ...s, id: `bench-${i}`, origin: 'import' }));
  const bare = stories.map(({ analysis: _, ...s }) => s as Story);
  const rows: Row[] = [];

  const reader = { sync: { paints: [] as number[], searches: [] as number[] }, compaction: { paints: [] as number[], searches: [] as number[] } };
  /** The popup opening on the library, and a search answered, five times. */
  const useThePopup = (into: { paints: number[]; searches: number[] }) => async (session: ExtensionSession, page: Page) => {
    for (let i = 0; i < 5; i++) {
      into.paints.push((await popupPaint(session, false)).painted);
      const start = performance.now();
      await ask(page, { type: 'UI_SEARCH', text: '株洲市委书记曹慧泉率团访问阿联酋、沙特和土耳其' });
      into.searches.push(performance.now() - start);
    }
  };
  const withAnalysis = await syncOnce(stories, 'with analysis', { sync: useThePopup(reader.sync), compaction: useThePopup(reader.compaction) });
  rows.push({
    measure: `sync a ${SIZE.toLocaleString('en')}-story library feed that carries its analysis (indexing only)`,
    runs: 1,
    values: [withAnalysis.seconds],
    unit: 's',
  });
  rows.push({ measure: '  stories per second', runs: 1, values: [SIZE / withAnalysis.seconds], unit: 'stories/s' });
  rows.push({ measure: '  popup open → library painted, while it syncs', runs: reader.sync.paints.length, values: reader.sync.paints, unit: 'ms' });
  rows.push({ measure: '  search answered while it syncs', runs: reader.sync.searches.length, values: reader.sync.searches, unit: 'ms' });
  rows.push({ measure: '  then: index compaction (merging its segments), in the background', runs: 1, values: [withAnalysis.compaction], unit: 's' });
  rows.push({
    measure: '  popup open → library painted, during compaction',
    runs: reader.compaction.paints.length,
    values: reader.compaction.paints,
    unit: 'ms',
  });
  rows.push({ measure: '  search answered during compaction', runs: reader.compaction.searches.length, values: reader.compaction.searches, unit: 'ms' });

  const small = bare.slice(0, Math.min(SIZE, 1000));
  const analysedHere = await syncOnce(small, 'analysed here');
  rows.push({
    measure: `sync a ${small.length.toLocaleString('en')}-story library feed without analysis (analysed here)`,
    runs: 1,
    values: [analysedHere.seconds],
    unit: 's',
  });
  rows.push({ measure: '  stories per second', runs: 1, values: [small.length / analysedHere.seconds], unit: 'stories/s' });
  return rows;
}
