/**
 * Entity pages in real Chromium: a story page's chip opens the page of that name, which lists the
 * stories naming it by month with the naming sentence marked, a timeline of counts, and the
 * names that appear with it, each opening its own page.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../lib/story';
import { launchExtension, type ExtensionSession } from '../../scripts/launch-extension';
import { bundledStories } from '../unit/helpers';

const shots = new URL('../../test-results/', import.meta.url).pathname;
let session: ExtensionSession;
let seed: Story[];

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  seed = await bundledStories();
  session = await launchExtension({ userDataDir: await mkdtemp(join(tmpdir(), 'zhuzhou-lens-e2e-')) });
});

afterAll(async () => {
  await session?.close();
});

describe('entity pages', () => {
  it('opens from a story page’s chip by keyboard, lists its stories by month with the sentence marked, and links the names with it', async () => {
    const story = seed.find((s) => s.title === '立方新能源获国际权威双认可')!;
    const storyPage = await session.openPage(`story.html?id=${encodeURIComponent(story.id)}`);
    const chip = storyPage.locator('.chip-org a', { hasText: '立方新能源' }).first();
    await chip.waitFor();
    await chip.focus();
    await storyPage.locator('.story-analysis').screenshot({ path: `${shots}entity-chips.png` });
    const [entityPage] = await Promise.all([session.context.waitForEvent('page'), storyPage.keyboard.press('Enter')]);
    await entityPage.waitForURL(/entity\.html\?type=org&name=/);
    await entityPage.locator('.entity-month').first().waitFor();
    // A short name is the full one: the page is the company's.
    expect(await entityPage.locator('h1.headline').textContent()).toBe('湖南立方新能源科技有限责任公司');
    expect(await entityPage.title()).toBe('湖南立方新能源科技有限责任公司 · 株洲日报');
    expect(await entityPage.locator('.month-heading').allTextContents()).toEqual(['2024年5月']);
    expect(await entityPage.locator('.story-card .story-title').allTextContents()).toEqual([story.title]);
    const marked = await entityPage.locator('.snippet mark').allTextContents();
    expect(marked).toContain('湖南立方新能源科技有限责任公司');
    expect(await entityPage.locator('.timeline-bars li').getAttribute('aria-label')).toBe('2024年5月：1 篇');
    // Text, never markup: the snippet holds only text and marks.
    expect(await entityPage.locator('.snippet *:not(mark)').count()).toBe(0);
    await entityPage.screenshot({ path: `${shots}entity-company.png`, fullPage: true });

    const together = entityPage.locator('.entity-together a');
    expect(await together.count()).toBeGreaterThan(0);
    expect(await together.count()).toBeLessThanOrEqual(12);
    const hunan = together.filter({ hasText: '湖南省' });
    await hunan.focus();
    await entityPage.keyboard.press('Enter');
    await entityPage.waitForURL(/entity\.html\?type=place&name=/);
    await entityPage.locator('.entity-month').first().waitFor();
    expect(await entityPage.locator('h1.headline').textContent()).toMatch(/^湖南/);
    expect(await entityPage.locator('.story-card').count()).toBeGreaterThanOrEqual(2);
    // Each story's sentence names it, if only by the key's name (湖南 of 湖南立方新能源 for 湖南省).
    for (const card of await entityPage.locator('.story-card').all()) expect(await card.locator('.snippet mark').count()).toBeGreaterThan(0);
    await entityPage.screenshot({ path: `${shots}entity-place.png`, fullPage: true });
  });

  it('lists every seed story naming 株洲 once, the name marked in each', async () => {
    const page = await session.openPage('entity.html?type=place&name=株洲');
    await page.locator('.entity-month').first().waitFor();
    const cards = page.locator('.story-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(5);
    for (const text of await page.locator('.story-card .snippet').allTextContents()) expect(text).toMatch(/株洲/);
    const ids = await cards.evaluateAll((all) => all.map((a) => a.getAttribute('data-story-id')));
    expect(new Set(ids).size).toBe(ids.length);
    await page.screenshot({ path: `${shots}entity-zhuzhou.png`, fullPage: true });
  });
});
