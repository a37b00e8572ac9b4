/**
 * A digital edition in the built extension, served on 127.0.0.1 in GBK (tests/fixtures/editions):
 * pasted in the options page, its kind is suggested from the address, a preview lists its first
 * titles, and once added its stories (every article of every page) relate in the popup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from '../../scripts/launch-extension';
import { type EditionServer, serveEditions } from '../fixtures/edition-server';

const shots = new URL('../../test-results/', import.meta.url).pathname;
let session: ExtensionSession;
let editions: EditionServer;

beforeAll(async () => {
  editions = await serveEditions();
  session = await launchExtension();
});

afterAll(async () => {
  await session?.close();
  await editions?.close();
});

describe('a digital edition as a source', () => {
  it('is suggested from its address, previewed, added, and its stories relate in the popup', async () => {
    const options = await session.openPage('options.html');
    await options.setViewportSize({ width: 900, height: 1000 });
    await options.getByLabel('地址').fill(`${editions.base}/gbk/html/2024-06/01/node_2.htm`);
    expect(await options.getByLabel('来源类型').inputValue()).toBe('edition');
    await expect.poll(() => options.locator('.source-suggested').textContent()).toBe('按地址判断，这是：数字报（电子版）');
    expect(await options.getByLabel('同步哪几天').inputValue()).toBe('address');

    await options.getByRole('button', { name: '预览' }).click();
    const titles = options.getByTestId('source-preview').locator('li');
    await expect.poll(() => titles.count(), { timeout: 30_000 }).toBe(5);
    expect(await titles.allTextContents()).toEqual([
      '荷塘区新建智能制造产业园开工',
      '湘江风光带新增三处亲水平台',
      '炎陵黄桃进入采摘季 果农盼丰收',
      '市区新开通两条社区微循环公交',
      '让城市绿道真正成为市民的后花园',
    ]);
    await options.screenshot({ path: `${shots}options-edition-preview.png`, fullPage: true });
    // A preview keeps nothing: no source yet.
    expect(await options.locator('[data-source-id]').count()).toBe(0);

    await options.getByRole('button', { name: '添加并同步' }).click();
    await expect.poll(() => options.getByTestId('source-last').first().textContent(), { timeout: 60_000 }).toMatch(/新增 5 篇，更新 0 篇/);
    // Given no name, the source takes the paper's name from its pages.
    await expect.poll(() => options.locator('[data-source-id] strong').first().textContent()).toBe('株洲日报数字报');
    await options.screenshot({ path: `${shots}options-edition-added.png`, fullPage: true });

    const popup = await session.openPage('popup.html');
    await popup.locator('#search').fill('炎陵县的黄桃基地进入采摘期，农业部门指导果农分级包装和冷链运输，电商直播帮助销售。');
    await expect
      .poll(() => popup.locator('.results [data-story-id] .story-title').allTextContents(), { timeout: 20_000 })
      .toContain('炎陵黄桃进入采摘季 果农盼丰收');
    // Where it was printed, as the edition names the page.
    const card = popup.locator('.results [data-story-id]', { hasText: '炎陵黄桃进入采摘季' });
    expect(await card.locator('.story-meta').first().textContent()).toContain('2024年6月1日 · 第2版 经济');
    await popup.screenshot({ path: `${shots}popup-edition-related.png` });
    await popup.close();

    // Nothing of the edition's navigation was fetched: not the day before, not an article's 上一篇 / 下一篇.
    expect(editions.requests.filter((path) => /2024-05|content_1000[06]/.test(path))).toEqual([]);
    await options.locator('[data-source-id]').getByLabel('同时删除它的报道').check();
    await options.locator('[data-source-id]').getByRole('button', { name: '删除来源' }).click();
    await expect.poll(() => options.locator('[data-source-id]').count()).toBe(0);
    await options.close();
  });
});
