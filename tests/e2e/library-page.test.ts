/**
 * The library page in the built extension: reached from the popup's 管理报道库, it counts the
 * stories of each source (the bundle, an import, a sync source served on 127.0.0.1), lists them
 * newest first, searches, filters by day and source, and removes a story with undo — the popup's
 * coverage of a news page in another tab drops it with its badge, and the popup's
 * search no longer finds it, then finds it again. Screenshots in both colour schemes.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storiesToJsonl } from '../../lib/library/jsonl';
import { badgeText } from '../../lib/page/badge';
import type { Story } from '../../lib/story';
import { launchExtension, type ExtensionSession } from '../../scripts/launch-extension';
import { knownNames } from '../fixtures/analysis-record';
import { axeViolations } from '../fixtures/axe';
import { serveFiles, type FilesServer } from '../fixtures/files-server';
import { badge, keptFor } from '../fixtures/page-probes';
import { servePages, type PagesServer } from '../fixtures/pages-server';
import { readerStory } from '../unit/helpers';

const shots = new URL('../../test-results/', import.meta.url).pathname;
const REMOVED_TITLE = '立方新能源获国际权威双认可';
/** Names only the removed story teaches the library: the company and its short name. */
const REMOVED_NAMES = ['湖南立方新能源科技有限责任公司', '立方新能源'];
let session: ExtensionSession;
let server: FilesServer;
let base: string;
let pages: PagesServer;

const imported: Story[] = [
  { ...readerStory('reader-1', '读者导入：湘江风光带改造完工'), date: '2024-06-03' },
  { ...readerStory('reader-2', '读者导入：株洲新建三座公园'), date: '2024-05-30' },
];
const synced: Story[] = [1, 2, 3].map((n) => ({
  ...readerStory(`archive-${n}`, `资料库第${n}篇：浏阳烟花节开幕`),
  date: '2024-06-02',
  page: n,
  paragraphs: [`第${n}届浏阳国际花炮文化节在浏阳开幕，来自多国的烟花企业参展。`],
}));

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  const files: Record<string, string> = {
    '/archive/manifest.json': JSON.stringify({ library: '潇湘晨报资料库', shards: [{ url: 'a.jsonl', version: '1' }] }),
    '/archive/a.jsonl': storiesToJsonl(synced),
  };
  server = await serveFiles(files);
  base = server.base;
  pages = await servePages();
  session = await launchExtension();

  // Two more origins besides the bundle: a file imported, a library feed synced.
  const options = await session.openPage('options.html');
  await options
    .locator('input[type=file]')
    .setInputFiles({ name: 'mine.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(storiesToJsonl(imported)) });
  await options.locator('[role=status]').filter({ hasText: '已导入 2 篇' }).waitFor({ timeout: 30_000 });
  await options.getByLabel('来源类型').selectOption('library');
  await options.getByLabel('地址').fill(`${base}/archive/manifest.json`);
  await options.getByRole('button', { name: '添加并同步' }).click();
  // The source takes the name its manifest gives itself once synced.
  await options.getByText('潇湘晨报资料库').first().waitFor({ timeout: 30_000 });
  await options.close();
}, 120_000);

afterAll(async () => {
  await session?.close();
  await pages?.close();
  await server?.close();
});

/** The source toggles as they read: name and count. */
const sourceCounts = (page: Page) => page.getByTestId('source-counts').locator('button').allTextContents();
const titles = (page: Page) => page.locator('.library-list [data-story-id] .story-title').allTextContents();
/** What the list heading counts, once the list answers the current filters. */
async function shown(page: Page): Promise<string> {
  await page.locator('.library-results[aria-busy=false]').waitFor();
  return (await page.getByTestId('library-shown').textContent()) ?? '';
}

/** The story ids the popup's search box lists for `query`. */
async function popupFinds(query: string): Promise<string[]> {
  const popup = await session.openPage('popup.html?tabId=1');
  await popup.locator('#search').fill(query);
  const results = popup.locator(`.results[data-query="${query}"]`);
  await results.waitFor({ timeout: 15_000 });
  const ids = await results.locator('[data-story-id]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-story-id')));
  await popup.close();
  return ids.filter((id): id is string => id !== null);
}

describe('the library page', () => {
  it('opens from the popup’s 管理报道库, counts each source’s stories and lists the newest first', async () => {
    const popup = await session.openPage('popup.html?tabId=1');
    const [page] = await Promise.all([session.context.waitForEvent('page'), popup.getByRole('link', { name: '管理报道库' }).click()]);
    await page.waitForURL(/\/library\.html/);
    await popup.close().catch(() => undefined);
    await page.setViewportSize({ width: 1000, height: 900 });
    expect(await page.title()).toBe('报道库 · 株洲日报');
    await expect.poll(() => sourceCounts(page), { timeout: 30_000 }).toEqual(['全部 15', '随扩展附带 10', '导入的文件 2', '潇湘晨报资料库 3']);
    expect(await page.getByTestId('library-total').textContent()).toBe('共 15 篇');
    expect(await page.locator('main h1').textContent()).toBe('报道库');
    await expect.poll(() => shown(page)).toBe('共 15 篇');
    const listed = await titles(page);
    expect(listed.slice(0, 5)).toEqual([imported[0].title, ...synced.map((s) => s.title), imported[1].title]);
    expect(listed).toHaveLength(15);
    expect(await page.locator('.library-list .story-meta').first().textContent()).toContain('来源：导入的文件');
    // Its link leads to the options page, which leads back.
    expect(await page.getByRole('link', { name: '同步来源、导入与导出' }).getAttribute('href')).toMatch(/\/options\.html$/);
    await page.screenshot({ path: `${shots}library-light.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    const options = await session.openPage('options.html');
    expect(await options.getByRole('link', { name: '浏览、搜索和删除报道' }).getAttribute('href')).toMatch(/\/library\.html$/);
    await options.close();
  });

  it('filters by source and by day, and searches as the popup does, all keyboard-reachable', async () => {
    const page = await session.openPage('library.html');
    await expect.poll(() => sourceCounts(page), { timeout: 30_000 }).toHaveLength(4);
    const archive = page.getByRole('button', { name: '潇湘晨报资料库 3' });
    await archive.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shown(page)).toBe('共 3 篇');
    expect(await archive.getAttribute('aria-pressed')).toBe('true');
    expect(await titles(page)).toEqual(synced.map((s) => s.title));
    expect(new URL(page.url()).searchParams.get('origin')).toMatch(/^src-/);

    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => shown(page)).toBe('共 15 篇');
    await page.getByLabel('起始日期').fill('2024-05-22');
    await page.getByLabel('截止日期').fill('2024-05-30');
    await expect.poll(() => shown(page)).toBe('共 11 篇');
    expect((await titles(page))[0]).toBe(imported[1].title);
    await page.getByRole('button', { name: '导入的文件 2' }).click();
    await expect.poll(() => shown(page)).toBe('共 1 篇');

    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByLabel('搜索报道库').fill('浏阳');
    await expect.poll(() => shown(page)).toBe('找到 3 篇');
    expect(await page.locator('.library-list .story-title mark').first().textContent()).toBe('浏阳');
    await page.getByLabel('截止日期').fill('2024-06-01');
    await expect.poll(() => shown(page)).toBe('找到 0 篇');
    expect(await page.locator('.empty-state').textContent()).toBe('没有符合条件的报道。');
    await page.close();
  });

  it('removes a story with undo: the popup and an open page no longer list it, then list it again, and nothing jumps', async () => {
    const page = await session.openPage('library.html?q=立方新能源');
    await expect.poll(() => shown(page), { timeout: 30_000 }).toBe('找到 1 篇');
    const row = page.locator('.library-row').first();
    const id = (await row.getAttribute('data-row-id'))!;
    expect(await row.locator('.story-title').textContent()).toBe(REMOVED_TITLE);
    expect(await popupFinds('立方新能源')).toContain(id);
    // A news page in another tab lists it too.
    const newsUrl = `${pages.base}/news.html`;
    const news = await session.context.newPage();
    await news.goto(newsUrl);
    await expect.poll(async () => (await keptFor(session, newsUrl))?.partial, { timeout: 30_000 }).toBe(false);
    const { tabId, related } = (await keptFor(session, newsUrl))!;
    expect(related.map((r) => r.title)).toContain(REMOVED_TITLE);
    // The company and its short name are among the names the analyzer learns at every wake.
    expect(Object.keys(await knownNames(page))).toEqual(expect.arrayContaining(REMOVED_NAMES));
    await page.bringToFront();
    const height = (await row.boundingBox())!.height;

    await page.getByRole('button', { name: `删除「${REMOVED_TITLE}」` }).click();
    await row.locator('.library-undo').waitFor();
    expect(await row.locator('.library-removed-text').textContent()).toBe(`已删除「${REMOVED_TITLE}」`);
    // The undo button has the focus, and the row keeps its height.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('library-undo');
    expect((await row.boundingBox())!.height).toBeCloseTo(height, 0);
    await expect.poll(() => sourceCounts(page)).toEqual(['全部 14', '随扩展附带 9', '导入的文件 2', '潇湘晨报资料库 3']);
    await page.screenshot({ path: `${shots}library-removed.png` });
    expect(await axeViolations(page)).toEqual([]);
    expect(await popupFinds('立方新能源')).not.toContain(id);
    // The news page's popup and badge no longer list it.
    await expect.poll(async () => (await keptFor(session, newsUrl))?.related.map((r) => r.title)).not.toContain(REMOVED_TITLE);
    expect((await badge(session, tabId)).text).toBe(badgeText(related.length - 1));
    // No other story names the company: it is no longer taught.
    const left = await knownNames(page);
    for (const name of REMOVED_NAMES) expect(left).not.toHaveProperty([name]);
    const story = await session.openPage(`story.html?id=${encodeURIComponent(id)}`);
    await story.locator('.story-missing').waitFor();
    await story.close();

    // The reader is still in the row: undo waits for them.
    await page.bringToFront();
    await page.keyboard.press('Enter');
    await row.locator('.story-link').waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-story-id]')?.getAttribute('data-story-id'))).toBe(id);
    await expect.poll(() => sourceCounts(page)).toEqual(['全部 15', '随扩展附带 10', '导入的文件 2', '潇湘晨报资料库 3']);
    expect(await popupFinds('立方新能源')).toContain(id);
    // Undo puts it back where it stood in the news page's popup, and the badge follows.
    await expect.poll(async () => (await keptFor(session, newsUrl))?.related.map((r) => r.title)).toEqual(related.map((r) => r.title));
    expect((await badge(session, tabId)).text).toBe(badgeText(related.length));
    expect(Object.keys(await knownNames(page))).toEqual(expect.arrayContaining(REMOVED_NAMES));
    await news.close();
    await page.close();
  });

  it('is dark when the system is, in the paper’s colours', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`chrome-extension://${session.extensionId}/library.html`);
    await expect.poll(() => sourceCounts(page), { timeout: 30_000 }).toHaveLength(4);
    await page.getByRole('button', { name: '随扩展附带 10' }).click();
    await expect.poll(() => shown(page)).toBe('共 10 篇');
    const colors = await page.evaluate(() => {
      const of = (selector: string) => getComputedStyle(document.querySelector(selector)!);
      return { body: of('body').backgroundColor, list: of('.library-results').backgroundColor, text: of('.story-title').color };
    });
    expect(colors.body).toBe('rgb(26, 24, 21)');
    expect(colors.list).toBe('rgb(36, 33, 29)');
    expect(colors.text).toBe('rgb(236, 230, 218)');
    await page.screenshot({ path: `${shots}library-dark.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows more a page at a time, the focus on the first story added', async () => {
    // Sixty older stories, one a day from 2023-01-01.
    const day = (i: number) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
    const many = Array.from({ length: 60 }, (_, i) => ({ ...readerStory(`many-${i}`, `读者导入的旧报道第${i + 1}篇`), date: day(i) }));
    const options = await session.openPage('options.html');
    await options
      .locator('input[type=file]')
      .setInputFiles({ name: 'many.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(storiesToJsonl(many)) });
    await options.locator('[role=status]').filter({ hasText: '已导入 60 篇' }).waitFor({ timeout: 30_000 });
    await options.close();
    const page = await session.openPage('library.html');
    await expect.poll(() => shown(page), { timeout: 30_000 }).toBe('共 75 篇');
    expect(await titles(page)).toHaveLength(50);
    const more = page.getByRole('button', { name: '显示更多' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => titles(page)).toHaveLength(75);
    expect(await more.count()).toBe(0);
    expect((await titles(page)).slice(49, 51)).toEqual(['读者导入的旧报道第26篇', '读者导入的旧报道第25篇']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('读者导入的旧报道第25篇');
    await page.close();
  });

  it('lets a removed story’s row go once undo is no longer offered and the reader is elsewhere', async () => {
    const page = await session.openPage('library.html?origin=import&from=2024-05-30&to=2024-05-30');
    await expect.poll(() => shown(page), { timeout: 30_000 }).toBe('共 1 篇');
    await page.getByRole('button', { name: `删除「${imported[1].title}」` }).click();
    await page.locator('.library-undo').waitFor();
    await page.getByLabel('搜索报道库').focus();
    await page.locator('.library-row').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => shown(page)).toBe('共 0 篇');
    await page.close();
  });
});
