/**
 * The English UI, and stories carrying hostile HTML: whatever a story holds is shown as text in
 * the popup and on the story page, never run or rendered as markup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storiesToJsonl } from '../../lib/library/jsonl';
import { launchExtension, type ExtensionSession } from '../../scripts/launch-extension';
import { readerStory } from '../unit/helpers';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension({ language: 'en' });
});
afterAll(async () => {
  await session?.close();
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
    expect(await popup.locator('#search').getAttribute('placeholder')).toBe('Paste a news passage to find Zhuzhou Daily coverage');
    expect(await popup.locator('.story-meta').first().textContent()).toBe('株洲日报 · May 22, 2024 · page 1');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
    await popup.close();
  });
});

describe('a story with hostile HTML', () => {
  it('is shown as text in the popup and on the story page', async () => {
    const options = await session.openPage('options.html');
    await options.locator('input[type=file]').setInputFiles({ name: 'hostile.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(storiesToJsonl([hostile])) });
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
