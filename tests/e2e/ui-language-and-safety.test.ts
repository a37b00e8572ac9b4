/**
 * The English UI, and stories carrying hostile HTML: whatever a story holds is shown as text in
 * the popup and on the story page, never run or rendered as markup.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storiesToJsonl } from '../../lib/library/jsonl';
import { launchExtension, type ExtensionSession } from '../../scripts/launch-extension';
import { keptFor } from '../fixtures/page-probes';
import { servePages, type PagesServer } from '../fixtures/pages-server';
import { readerStory } from '../unit/helpers';

const shots = new URL('../../test-results/', import.meta.url).pathname;
let session: ExtensionSession;
let server: PagesServer;
beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  server = await servePages();
  session = await launchExtension({ language: 'en' });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

const hostile = {
  ...readerStory('hostile-1', '<img src=x onerror="document.title=\'pwned\'">标题<script>alert(1)</script>'),
  kicker: '<b>kicker</b>',
  paragraphs: ['<iframe src="https://example.com"></iframe>正文', '<a href="javascript:alert(1)">link</a>'],
  date: '2030-01-01',
};

describe('the extension in English', () => {
  it('speaks English when the browser does', async () => {
    const popup = await session.openPage('popup.html');
    await popup.locator('[data-story-id]').nth(9).waitFor();
    expect(await popup.locator('h1').textContent()).toBe('Zhuzhou Daily Lens');
    expect(await popup.locator('.section-heading .count').textContent()).toBe('10 stories');
    expect(await popup.locator('#search').getAttribute('placeholder')).toBe('Search a name or a word, or paste a news passage');
    expect(await popup.locator('.story-meta').first().textContent()).toBe('株洲日报 · May 22, 2024 · page 1');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
    await popup.close();
  });
});

describe('the popup in English', () => {
  it('counts one story as one, labels names in full, shows an English passage’s names as written, and marks Chinese text as Chinese', async () => {
    const popup = await session.openPage('popup.html?tabId=1');
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.locator('[data-story-id]').first().waitFor();
    await popup.locator('#search').fill('Xi Jinping congratulated Mahamat Idriss Deby Itno on his election as president of Chad.');
    const results = popup.locator('.results[data-mode=related]');
    await results.locator('[data-story-id]').first().waitFor({ timeout: 15_000 });
    expect(await results.locator('.section-heading .count').textContent()).toBe('1 story');
    await results.locator('details summary').click();
    expect(await results.locator('.chip-person').allTextContents()).toContain('Xi Jinping · 习近平');
    expect(await results.locator('.chip-place').allTextContents()).toContain('Chad · 乍得');
    // The label column fits its longest label: nothing is cut.
    for (const label of await results.locator('.entities dt').all()) {
      expect(await label.evaluate((e) => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().width > 0)).toBe(true);
    }
    expect(await results.locator('.story-title').first().getAttribute('lang')).toBe('zh-CN');
    const storyId = await results.locator('[data-story-id]').first().getAttribute('data-story-id');
    expect(await results.locator('.snippet').first().getAttribute('lang')).toBe('zh-CN');
    expect(await popup.locator('html').getAttribute('lang')).toBe('en');
    await popup.screenshot({ path: `${shots}popup-english-passage.png` });
    await popup.close();

    const story = await session.openPage(`story.html?id=${encodeURIComponent(storyId!)}`);
    await story.locator('h1.headline').waitFor();
    expect(await story.locator('h1.headline').getAttribute('lang')).toBe('zh-CN');
    expect(await story.locator('.story-body').getAttribute('lang')).toBe('zh-CN');
    expect(await story.locator('p.story-meta').getAttribute('lang')).toBeNull();
    await story.close();
  });

  it('shows a news page’s coverage in English', async () => {
    const page = await session.context.newPage();
    const url = `${server.base}/news.html`;
    await page.goto(url);
    await expect.poll(async () => (await keptFor(session, url))?.partial, { timeout: 20_000 }).toBe(false);
    const popup = await session.openPage(`popup.html?tabId=${(await keptFor(session, url))!.tabId}`);
    await popup.setViewportSize({ width: 380, height: 600 });
    const section = popup.locator('[data-state=page-related]');
    await section.locator('[data-story-id]').first().waitFor();
    expect(await section.locator('.section-heading').textContent()).toBe('Related to this page1 story');
    await section.locator('details summary').click();
    const labels = await section.locator('.entities dt').allTextContents();
    expect(labels).toContain('Organisations');
    await popup.screenshot({ path: `${shots}popup-english.png` });
    await popup.close();
    await page.close();
  });
});

describe('a story with hostile HTML', () => {
  it('is shown as text in the popup and on the story page', async () => {
    const options = await session.openPage('options.html');
    await options
      .locator('input[type=file]')
      .setInputFiles({ name: 'hostile.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(storiesToJsonl([hostile])) });
    await options.locator('[role=status]').filter({ hasText: 'Imported 1' }).waitFor();
    await options.close();

    const popup = await session.openPage('popup.html');
    const card = popup.locator('[data-story-id="hostile-1"]');
    await card.waitFor();
    expect(await card.locator('.story-title').textContent()).toBe(hostile.title);
    expect(await popup.locator('img, script:not([src]), iframe').count()).toBe(0);
    await popup.close();

    const page = await session.openPage('story.html?id=hostile-1');
    await page.locator('h1.headline').waitFor();
    expect(await page.locator('h1.headline').textContent()).toBe(hostile.title);
    expect(await page.locator('.kicker').textContent()).toBe('<b>kicker</b>');
    expect(await page.locator('.story-body p').allTextContents()).toEqual(hostile.paragraphs);
    expect(await page.locator('article img, article script, article iframe, article a, article b').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await page.close();
  });
});
