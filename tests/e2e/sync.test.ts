/**
 * Syncing in the built extension, from a server the test starts on 127.0.0.1: a feed added in the
 * options page is synced with its result shown, its stories are in the popup and are found as
 * related coverage; a library feed whose worker is stopped mid-sync finishes on wake without
 * doubles; a newspaper page is added with the fields its kind asks for. The server allows any origin (CORS), as headless Chromium leaves the host-permission
 * prompt unanswered.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storiesToJsonl } from '../../lib/library/jsonl';
import { launchExtension, type ExtensionGlobal, type ExtensionSession } from '../../scripts/launch-extension';
import { serveFiles, type FilesServer } from '../fixtures/files-server';
import { readerStory } from '../unit/helpers';

const shots = new URL('../../test-results/', import.meta.url).pathname;
let session: ExtensionSession;
let server: FilesServer;
let base: string;
/** Milliseconds the second shard takes to arrive. */
let shardDelay = 0;

const story = (n: number) => ({
  ...readerStory(`xxcb-${n}`, `晨报第${n}篇：浏阳烟花节开幕`),
  paragraphs: [`第${n}届浏阳国际花炮文化节在浏阳开幕，来自多国的烟花企业参展。`],
});

beforeAll(async () => {
  const rss = await readFile(new URL('../fixtures/feeds/rss.xml', import.meta.url), 'utf8');
  const files: Record<string, string> = {
    '/rss.xml': rss,
    '/page.txt': await readFile(new URL('../fixtures/pages/evening-news-p3.txt', import.meta.url), 'utf8'),
    '/archive/manifest.json': JSON.stringify({
      library: '潇湘晨报',
      shards: [
        { url: 'a.jsonl', version: '1' },
        { url: 'b.jsonl', version: '1' },
      ],
    }),
    '/archive/a.jsonl': storiesToJsonl([1, 2, 3].map(story)),
    '/archive/b.jsonl': storiesToJsonl([4, 5].map(story)),
    '/later/manifest.json': JSON.stringify({
      library: '晨报续集',
      shards: [
        { url: 'a.jsonl', version: '1' },
        { url: 'b.jsonl', version: '1' },
      ],
    }),
    '/later/a.jsonl': storiesToJsonl([6, 7, 8].map(story)),
    '/later/b.jsonl': storiesToJsonl([9, 10].map(story)),
  };
  server = await serveFiles(files, (path) => (path.endsWith('/b.jsonl') ? shardDelay : 0));
  base = server.base;
  session = await launchExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function libraryCount(): Promise<number> {
  const page = await session.openPage('options.html');
  const text = await page.getByTestId('library-count').filter({ hasText: /\d/ }).textContent();
  await page.close();
  return Number(/(\d+)/.exec(text ?? '')![1]);
}

/** Adds a library feed in the options page and waits until its first shard (3 stories) is written. */
async function addLibraryFeed(options: Page, path: string): Promise<void> {
  await options.getByLabel('来源类型').selectOption('library');
  await options.getByLabel('地址').fill(`${base}${path}`);
  await options.getByRole('button', { name: '添加并同步' }).click();
  const progress = () =>
    options
      .getByTestId('sync-progress')
      .textContent()
      .catch(() => '');
  await expect.poll(progress, { timeout: 30_000 }).toMatch(/已写入 3\/3 篇/);
}

describe('syncing sources', () => {
  it('adds a feed in the options page, shows its result, and its stories relate in the popup', async () => {
    const before = await libraryCount();
    const options = await session.openPage('options.html');
    await options.getByLabel('地址').fill(`${base}/rss.xml`);
    await options.getByRole('button', { name: '添加并同步' }).click();
    await expect.poll(() => options.getByTestId('source-last').first().textContent(), { timeout: 30_000 }).toMatch(/新增 2 篇，更新 0 篇/);
    // Given no name, the source takes its feed's title in place of its host.
    await expect.poll(() => options.locator('[data-source-id] strong').first().textContent()).toBe('湘江晚报 · 要闻');
    // The page that synced counts the new stories too, without a reload.
    await expect.poll(() => options.getByTestId('library-count').textContent()).toContain(String(before + 2));
    await options.screenshot({ path: `${shots}options-sources.png`, fullPage: true });
    expect(await libraryCount()).toBe(before + 2);

    const popup = await session.openPage('popup.html');
    await popup.locator('#search').fill('长沙举办储能产业大会，来自全国的企业参展。');
    await expect.poll(() => popup.locator('.results [data-story-id] .story-title').first().textContent(), { timeout: 15_000 }).toBe('长沙举办储能产业大会');
    await popup.close();
    await options.close();
  });

  it('finishes a library feed after its worker is stopped mid-sync, without doubles', async () => {
    const before = await libraryCount();
    shardDelay = 4000;
    const options = await session.openPage('options.html');
    await addLibraryFeed(options, '/archive/manifest.json');
    // The first shard is written, the second is on its way: stop the worker now.
    await options.screenshot({ path: `${shots}options-sync-progress.png`, fullPage: true });
    await session.stopWorker();
    shardDelay = 0;
    // Any message wakes the worker, which resumes the sync it was running.
    await expect.poll(() => libraryCount(), { timeout: 30_000, interval: 500 }).toBe(before + 5);
    await expect.poll(() => options.getByTestId('source-last').last().textContent(), { timeout: 30_000 }).toMatch(/新增 2 篇/);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await libraryCount()).toBe(before + 5);
    await options.close();
  });
  it('removes a source with its stories when the reader asks, and keeps them otherwise', async () => {
    const before = await libraryCount();
    const options = await session.openPage('options.html');
    const feed = options.locator('[data-source-id]', { hasText: 'rss.xml' });
    await feed.getByLabel('同时删除它的报道').check();
    await feed.getByRole('button', { name: '删除来源' }).click();
    await expect.poll(() => options.getByRole('alert').textContent()).toBe('已删除来源，并删除其 2 篇报道。');
    expect(await libraryCount()).toBe(before - 2);
    const archive = options.locator('[data-source-id]', { hasText: 'manifest.json' });
    await archive.getByRole('button', { name: '删除来源' }).click();
    await expect.poll(() => options.locator('[data-source-id]').count()).toBe(0);
    expect(await libraryCount()).toBe(before - 2);
    await options.close();
  });

  it('removes a source in the middle of its sync: the sync stops, and nothing of the source is left', async () => {
    const before = await libraryCount();
    shardDelay = 3000;
    const options = await session.openPage('options.html');
    await addLibraryFeed(options, '/later/manifest.json');
    // The second shard is on its way when the reader removes the source with its stories.
    const later = options.locator('[data-source-id]', { hasText: 'later/manifest.json' });
    await later.getByLabel('同时删除它的报道').check();
    await later.getByRole('button', { name: '删除来源' }).click();
    await expect.poll(() => options.getByRole('alert').textContent(), { timeout: 15_000 }).toBe('已删除来源，并删除其 3 篇报道。');
    // Long after the shard arrived: none of its stories, and no state of the source, came back.
    await new Promise((resolve) => setTimeout(resolve, shardDelay + 2000));
    shardDelay = 0;
    expect(await libraryCount()).toBe(before);
    const worker = await session.worker();
    const keys = await worker.evaluate(async () => Object.keys(await (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(null)));
    expect(keys.filter((key) => key.startsWith('source-state:'))).toEqual([]);
    expect(await options.locator('[data-source-id]').count()).toBe(0);
    await options.close();
  });

  it('adds a newspaper page with the fields only that kind asks for, named after its publication', async () => {
    const before = await libraryCount();
    const options = await session.openPage('options.html');
    expect(await options.getByLabel('报纸名称').count()).toBe(0);
    await options.getByLabel('来源类型').selectOption('print-page');
    await options.getByLabel('地址').fill(`${base}/page.txt`);
    await options.getByLabel('报纸名称').fill('潇湘晨报');
    await options.getByLabel('日期').fill('2024-06-01');
    await options.getByLabel('版次').fill('3');
    await options.getByRole('button', { name: '添加并同步' }).click();
    await expect.poll(() => options.getByTestId('source-last').first().textContent(), { timeout: 30_000 }).toMatch(/新增 [1-9]\d* 篇，更新 0 篇/);
    await expect.poll(() => options.locator('[data-source-id] strong').first().textContent()).toBe('潇湘晨报');
    const added = Number(/新增 (\d+) 篇/.exec((await options.getByTestId('source-last').first().textContent()) ?? '')![1]);
    expect(await libraryCount()).toBe(before + added);
    const page = options.locator('[data-source-id]', { hasText: 'page.txt' });
    await page.getByLabel('同时删除它的报道').check();
    await page.getByRole('button', { name: '删除来源' }).click();
    await expect.poll(() => options.locator('[data-source-id]').count()).toBe(0);
    expect(await libraryCount()).toBe(before);
    await options.close();
  });

  it('keeps 立即同步 with the list of sources, and tells a source it cannot reach in plain words', async () => {
    const options = await session.openPage('options.html');
    // Nothing listed, nothing to sync: no button.
    await expect.poll(() => options.getByTestId('sources').count()).toBe(0);
    expect(await options.getByRole('button', { name: '立即同步' }).count()).toBe(0);
    // A port nobody listens on: the browser's own "Failed to fetch" is not what the reader reads.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const unreachable = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/rss.xml`;
    await new Promise((resolve) => closed.close(resolve));
    await options.getByLabel('地址').fill(unreachable);
    await options.getByRole('button', { name: '添加并同步' }).click();
    await expect.poll(() => options.getByTestId('source-last').first().textContent(), { timeout: 30_000 }).toMatch(/同步失败：无法连接到来源$/);
    expect(await options.getByTestId('source-last').first().textContent()).not.toMatch(/fetch/i);

    const syncNow = options.getByRole('button', { name: '立即同步' });
    expect(await options.locator('form').getByRole('button', { name: '立即同步' }).count()).toBe(0);
    // Beside the heading of the list it syncs, right before that list.
    expect(await syncNow.evaluate((button) => button.previousElementSibling?.textContent)).toBe('已添加的来源（1）');
    expect(await syncNow.evaluate((button) => button.parentElement!.nextElementSibling?.getAttribute('data-testid'))).toBe('sources');
    await options.setViewportSize({ width: 900, height: 900 });
    await options.screenshot({ path: `${shots}options-sync-now.png`, fullPage: true });
    await options.locator('[data-source-id]').getByRole('button', { name: '删除来源' }).click();
    await expect.poll(() => options.locator('[data-source-id]').count()).toBe(0);
    await options.close();
  });
});
