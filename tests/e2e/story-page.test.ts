/**
 * The story page leads on: back where the reader came from, the story's related coverage in its
 * tiers, the original's link, Chinese punctuation shown full-width, and a helpful page for an id
 * the library does not hold.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../lib/story';
import { launchExtension, type ExtensionGlobal, type ExtensionSession } from '../../scripts/launch-extension';
import { importStories, MACEDONIA_REPORT } from '../fixtures/second-report';
import { bundledStories, readerStory } from '../unit/helpers';

const shots = new URL('../../test-results/', import.meta.url).pathname;
/** The two telegrams of the seed page: two presidents congratulated, a near miss of each other. */
const MACEDONIA = '2024-05-22-p1-329309086f';
const CHAD = '2024-05-22-p1-a7c6955864';
/** Another paper's report of the Macedonia telegram: the same event. */
const REPORT = MACEDONIA_REPORT.id;
let session: ExtensionSession;
let seed: Story[];

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  seed = await bundledStories();
  session = await launchExtension();
});

afterAll(async () => {
  await session?.close();
});

const storyUrl = (id: string) => `chrome-extension://${session.extensionId}/story.html?id=${encodeURIComponent(id)}`;

/** One <main>, and nothing on the page outside a landmark (axe's landmark-one-main and region). */
async function landmarks(page: Page): Promise<{ mains: number; outside: string[] }> {
  return page.evaluate(() => ({
    mains: document.querySelectorAll('main').length,
    outside: [...document.getElementById('app')!.children]
      .filter((el) => !['MAIN', 'NAV', 'HEADER', 'FOOTER', 'ASIDE'].includes(el.tagName))
      .map((el) => el.outerHTML.slice(0, 80)),
  }));
}

describe('the story page', () => {
  it('leads back to the library from a new tab, on to its related stories in tiers, and back again', async () => {
    const options = await session.openPage('options.html');
    await options.locator('[data-testid=library-count]').filter({ hasText: '10' }).waitFor();
    await importStories(options, [MACEDONIA_REPORT]);
    await options.close();
    const popup = await session.openPage('popup.html');
    const card = popup.locator(`[data-story-id="${MACEDONIA}"]`);
    await card.waitFor();
    // The card's link is its title.
    await card.getByRole('link').focus();
    const [page] = await Promise.all([session.context.waitForEvent('page'), popup.keyboard.press('Enter')]);
    await page.waitForURL(/story\.html\?id=/);
    await page.setViewportSize({ width: 900, height: 900 });
    // A tab the popup opened has no page before it: Back leads to the library.
    const back = page.getByRole('navigation').getByRole('link');
    expect(await back.textContent()).toBe('← 报道库');
    expect(await back.getAttribute('href')).toBe(`chrome-extension://${session.extensionId}/popup.html`);

    const related = page.locator('.story-related');
    const sameEvent = related.locator('.tier[data-tier="same_event"]');
    await sameEvent.locator(`[data-story-id="${REPORT}"]`).waitFor();
    expect(await sameEvent.locator('.tier-heading').textContent()).toBe('同一事件');
    expect(await related.locator(`[data-story-id="${MACEDONIA}"]`).count()).toBe(0);
    // Another president congratulated the same day is a near miss, not related coverage.
    expect(await related.locator(`[data-story-id="${CHAD}"]`).count()).toBe(0);
    expect(await landmarks(page)).toEqual({ mains: 1, outside: [] });
    // One chip per person: the text's short forms of the president's name are her full name.
    expect(await page.locator('.entities .chip-person').allTextContents()).toEqual(['习近平', '戈尔达娜·西莉娅诺夫斯卡-达夫科娃']);
    await page.screenshot({ path: `${shots}story-related.png`, fullPage: true });

    // A related story opens in this tab, so Back returns to the story the reader came from.
    await sameEvent.locator(`[data-story-id="${REPORT}"]`).click();
    await page.waitForURL(storyUrl(REPORT));
    await page.locator(`.story-related [data-story-id="${MACEDONIA}"]`).waitFor();
    expect(await back.textContent()).toBe('← 返回');
    await back.press('Enter');
    await page.waitForURL(storyUrl(MACEDONIA));
    await page.locator('h1.headline').filter({ hasText: '北马其顿' }).waitFor();
    await page.close();
    await popup.close();
  });

  it('shows Chinese punctuation full-width without changing the story, and keeps names in the headline whole', async () => {
    const page = await session.openPage(`story.html?id=${encodeURIComponent(seed[6].id)}`);
    await page.locator('.subhead').first().waitFor();
    expect(await page.locator('.subhead').allTextContents()).toEqual(['进企业、厂区，长株潭联动开赛', '实力强劲的不仅是球队，更是产业']);
    const stored: Story = await page.evaluate(
      (id) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'UI_GET_STORY', id }),
      seed[6].id,
    );
    expect(stored.subheads.map((s) => s.text)).toEqual(['进企业、厂区,长株潭联动开赛', '实力强劲的不仅是球队,更是产业']);

    await page.goto(storyUrl(seed[0].id));
    await page.locator('.headline-name').first().waitFor();
    expect(await page.locator('h1.headline').textContent()).toBe(seed[0].title);
    expect(await page.locator('.headline-name').allTextContents()).toEqual(expect.arrayContaining(['曹慧泉', '阿联酋', '土耳其']));
    expect(
      await page
        .locator('.headline-name')
        .first()
        .evaluate((el) => getComputedStyle(el).whiteSpace),
    ).toBe('nowrap');
    // A narrow window breaks the headline between names, never inside one.
    await page.setViewportSize({ width: 360, height: 800 });
    const lines = await page.locator('.headline-name').evaluateAll((names) => names.map((n) => n.getClientRects().length));
    expect(lines.every((count) => count === 1)).toBe(true);
    await page.screenshot({ path: `${shots}story-narrow.png`, fullPage: true });
    await page.close();
  });

  it('links to the original when the story has an address, opening it apart from the extension', async () => {
    const options = await session.openPage('options.html');
    const story = { ...readerStory('with-url', '株洲举办龙舟赛,市民踊跃观看'), url: 'https://example.com/news/dragon-boat' };
    await importStories(options, [story]);
    await options.close();

    const page = await session.openPage(`story.html?id=with-url`);
    const source = page.locator('.story-source a');
    await source.waitFor();
    expect(await source.textContent()).toBe('阅读原文');
    expect(await source.getAttribute('href')).toBe(story.url);
    expect(await source.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await source.getAttribute('target')).toBe('_blank');
    expect(await page.locator('h1.headline').textContent()).toBe('株洲举办龙舟赛，市民踊跃观看');
    await page.goto(storyUrl(seed[0].id));
    await page.locator('h1.headline').waitFor();
    expect(await page.locator('.story-source').count()).toBe(0);
    await page.close();
  });

  it('says so when the library does not hold the story, and offers the search and the way back', async () => {
    const page = await session.openPage('story.html?id=no-such-story');
    await page.locator('main h1').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('报道库中没有这篇报道。');
    expect(await page.title()).toBe('报道库中没有这篇报道。');
    expect(await page.locator('main p').first().textContent()).toContain('可以在报道库中搜索');
    const search = page.getByRole('link', { name: '搜索报道库' });
    expect(await search.getAttribute('href')).toBe(`chrome-extension://${session.extensionId}/popup.html`);
    expect(await page.getByRole('navigation').getByRole('link').textContent()).toBe('← 报道库');
    expect(await landmarks(page)).toEqual({ mains: 1, outside: [] });
    await page.screenshot({ path: `${shots}story-not-found.png`, fullPage: true });
    await search.click();
    await page.getByRole('textbox').waitFor();
    await page.close();
  });
});
