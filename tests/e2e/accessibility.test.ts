/**
 * axe-core on every page of the extension, light and dark: the popup in each of its states, the
 * story page (and its not-found page), an entity page, the options page, and the selection bubble
 * on a news page — no WCAG 2.x A/AA violation and none of axe's best practices broken.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNC_STATUS_KEY } from '../../lib/messages';
import type { ExtensionGlobal } from '../../scripts/launch-extension';
import { axeViolations, openClosedShadowRoots } from '../fixtures/axe';
import { dragSelect, keptFor } from '../fixtures/page-probes';
import { extensionSuite } from '../fixtures/extension-suite';
import { importStories, MACEDONIA_REPORT } from '../fixtures/second-report';

const suite = extensionSuite();

// A story page with related coverage needs a story the seed page has no other report of.
beforeAll(async () => {
  const options = await suite.session.openPage('options.html');
  await options.locator('[data-testid=library-count]').filter({ hasText: '10' }).waitFor();
  await importStories(options, [MACEDONIA_REPORT]);
  await options.close();
});

type Theme = 'light' | 'dark';

/** Opens `url` (an extension page when it has no scheme) in the theme. */
async function open(url: string, theme: Theme): Promise<Page> {
  const page = await suite.session.context.newPage();
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(url.includes('://') ? url : `chrome-extension://${suite.session.extensionId}/${url}`);
  return page;
}

/** Opens a test page and waits until the extension has judged it; its tab's id. */
async function openNews(name: string, theme: Theme): Promise<{ page: Page; tabId: number }> {
  const url = `${suite.server.base}/${name}`;
  const page = await open(url, theme);
  await expect.poll(async () => (await keptFor(suite.session, url))?.partial, { timeout: 20_000 }).toBe(false);
  return { page, tabId: (await keptFor(suite.session, url))!.tabId };
}

/** Sets (or, with null, clears) the sync progress the popup follows, as a running sync writes it. */
async function setSyncStatus(status: object | null): Promise<void> {
  const worker = await suite.session.worker();
  await worker.evaluate(
    async ({ key, value }) => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      if (value) await chrome.storage.session.set({ [key]: value });
      else await chrome.storage.session.remove(key);
    },
    { key: SYNC_STATUS_KEY, value: status },
  );
}

/** Types into the popup's search box and waits for the answer to `query`. */
async function search(popup: Page, query: string): Promise<void> {
  await popup.locator('#search').fill(query);
  await popup.locator(`.results[data-query="${query}"]`).waitFor({ timeout: 15_000 });
}

describe.each<Theme>(['light', 'dark'])('no accessibility violation in the %s theme', (theme) => {
  it('in the popup: a page with related stories (names unfolded), a page without, searches with and without results, a sync running', async () => {
    const found: Record<string, string[]> = {};
    const news = await openNews('news.html', theme);
    const popup = await open(`popup.html?tabId=${news.tabId}`, theme);
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.locator('[data-state=page-related] [data-story-id]').first().waitFor({ timeout: 15_000 });
    await popup.locator('[data-story-id]').nth(10).waitFor();
    found['page related'] = await axeViolations(popup);
    await popup.locator('[data-state=page-related] details summary').click();
    found['page related, names unfolded'] = await axeViolations(popup);

    await search(popup, '株洲');
    found['name search'] = await axeViolations(popup);
    await search(popup, '立方新能源的钠离子电池获得英国皇家化学会期刊认可');
    await popup.locator('.results details summary').click();
    found['passage, related'] = await axeViolations(popup);
    await search(popup, '今年夏天北京的雨水比往年多，市民出行请带好雨具。');
    found['passage, nothing related'] = await axeViolations(popup);
    await search(popup, '不存在的名字');
    found['name search, nothing found'] = await axeViolations(popup);
    await popup.close();
    await news.page.close();

    const weather = await openNews('weather.html', theme);
    await setSyncStatus({ source: '湘江晚报', index: 1, count: 2, done: 20, total: 130 });
    const quiet = await open(`popup.html?tabId=${weather.tabId}`, theme);
    await quiet.setViewportSize({ width: 380, height: 600 });
    await quiet.locator('[data-state=page-no-related]').waitFor();
    await quiet.locator('[data-testid=sync-progress]').waitFor();
    await quiet.locator('[data-story-id]').first().waitFor();
    found['page without related, sync running'] = await axeViolations(quiet);
    await setSyncStatus(null);
    await quiet.close();
    await weather.page.close();

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((state) => [state, []])));
  });

  it('on the story page, with its related stories in tiers, and the page of a story not in the library', async () => {
    const macedonia = suite.seed.find((s) => s.title.includes('北马其顿'))!;
    const story = await open(`story.html?id=${encodeURIComponent(macedonia.id)}`, theme);
    await story.locator('.chip-person').first().waitFor();
    await story.locator('.story-related .tier [data-story-id]').first().waitFor({ timeout: 15_000 });
    expect(await axeViolations(story)).toEqual([]);
    await story.close();

    const missing = await open('story.html?id=no-such-story', theme);
    await missing.locator('.story-missing').waitFor();
    expect(await axeViolations(missing)).toEqual([]);
    await missing.close();
  });

  it('on an entity page', async () => {
    const entity = await open(`entity.html?type=place&name=${encodeURIComponent('株洲')}`, theme);
    await entity.locator('.entity-month').first().waitFor();
    expect(await axeViolations(entity)).toEqual([]);
    await entity.close();
  });

  it('on the options page, with a sync running and a site refused', async () => {
    await setSyncStatus({ source: '湘江晚报', index: 1, count: 2, done: 20, total: 130 });
    const options = await open('options.html', theme);
    await options.locator('[data-testid=sync-progress]').waitFor();
    await options.locator('.site-input').fill('not a site!!');
    await options.locator('.site-input').press('Enter');
    await options.locator('#site-invalid').waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await setSyncStatus(null);
    await options.close();
  });

  it('in the selection bubble on a news page, closed and open', async () => {
    const { page } = await openNews('news.html', theme);
    await dragSelect(page, 'article p:nth-of-type(2)');
    await page.waitForSelector('zhuzhou-lens-bubble', { state: 'attached', timeout: 10_000 });
    // The news page is a fixture, not ours: only the bubble is checked.
    const bubble = { include: 'zhuzhou-lens-bubble' };
    expect(await openClosedShadowRoots(page, 'zhuzhou-lens-bubble')).toBe(1);
    expect(await axeViolations(page, bubble)).toEqual([]);

    const box = (await page.locator('zhuzhou-lens-bubble').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => (await page.locator('zhuzhou-lens-bubble').boundingBox())!.height).toBeGreaterThan(box.height);
    await openClosedShadowRoots(page, 'zhuzhou-lens-bubble');
    expect(await axeViolations(page, bubble)).toEqual([]);
    await page.close();
  });
});
