/**
 * `npm run screenshots`: the pictures in docs/screenshots/ — the popup (on a news page, and a
 * name searched), the story, entity, library and options pages and the selection bubble, each light and
 * dark, in Chinese and in English — taken from the built extension in Chromium, one browser per
 * language. Each is cropped to what it shows, so the folder stays small.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { bundledStories } from '../tests/unit/helpers';
import { dragSelect, keptFor } from '../tests/fixtures/page-probes';
import { servePages } from '../tests/fixtures/pages-server';
import { launchExtension, type ExtensionSession } from './launch-extension';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const LANGUAGES = [
  { language: 'zh_CN', suffix: 'zh' },
  { language: 'en', suffix: 'en' },
] as const;
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
/** The toolbar popup's own size. */
const POPUP = { width: 380, height: 600 };
/** A reader's window, narrowed to the pages' column. */
const PAGE = { width: 820, height: 900 };
/** The tallest a picture of a page gets; below that the page goes on. */
const MAX_HEIGHT = 1300;

await mkdir(OUT, { recursive: true });
const seed = await bundledStories();
const story = seed.find((s) => s.title === '立方新能源获国际权威双认可')!;
const server = await servePages();

/** Opens `url` (an extension page when it has no scheme) in the theme, at `size`. */
async function open(session: ExtensionSession, url: string, theme: Theme, size = PAGE): Promise<Page> {
  const page = await session.context.newPage();
  await page.emulateMedia({ colorScheme: theme });
  await page.setViewportSize(size);
  await page.goto(url.includes('://') ? url : `chrome-extension://${session.extensionId}/${url}`);
  return page;
}

/** The page down to the end of `last` (the whole page without it), at most MAX_HEIGHT tall. */
async function shootPage(page: Page, name: string, last?: string): Promise<void> {
  const end = last
    ? await page
        .locator(last)
        .first()
        .evaluate((element) => element.getBoundingClientRect().bottom + scrollY + 16)
    : await page.evaluate(() => document.documentElement.scrollHeight);
  const height = Math.min(MAX_HEIGHT, Math.ceil(end));
  await page.screenshot({ path: `${OUT}${name}.png`, clip: { x: 0, y: 0, width: page.viewportSize()!.width, height }, fullPage: true });
}

async function shootAll(session: ExtensionSession, theme: Theme, suffix: string): Promise<void> {
  const name = (what: string) => `${what}-${theme}-${suffix}`;
  const url = `${server.base}/news.html`;
  const news = await open(session, url, theme, { width: 1000, height: 760 });
  for (let i = 0; i < 100 && (await keptFor(session, url))?.partial !== false; i++) await news.waitForTimeout(200);
  const { tabId } = (await keptFor(session, url))!;

  const popup = await open(session, `popup.html?tabId=${tabId}`, theme, POPUP);
  await popup.locator('[data-state=page-related] [data-story-id]').first().waitFor({ timeout: 20_000 });
  await popup.locator('[data-story-id]').nth(10).waitFor();
  await popup.screenshot({ path: `${OUT}${name('popup-page')}.png` });
  await popup.locator('#search').fill('株洲');
  await popup.locator('.results[data-query="株洲"] [data-story-id]').first().waitFor({ timeout: 20_000 });
  await popup.screenshot({ path: `${OUT}${name('popup-search')}.png` });
  await popup.close();

  // The bubble open beside the selected paragraph, with the article around it.
  await dragSelect(news, 'article p:nth-of-type(2)');
  const bubble = news.locator('zhuzhou-lens-bubble');
  await bubble.waitFor({ state: 'attached', timeout: 10_000 });
  const closed = (await bubble.boundingBox())!;
  await news.mouse.click(closed.x + closed.width / 2, closed.y + closed.height / 2);
  for (let i = 0; i < 50 && (await bubble.boundingBox())!.height <= closed.height; i++) await news.waitForTimeout(100);
  const open_ = (await bubble.boundingBox())!;
  const article = (await news.locator('article').boundingBox())!;
  await news.screenshot({
    path: `${OUT}${name('bubble')}.png`,
    clip: {
      x: article.x,
      y: article.y,
      width: Math.max(article.width, open_.x + open_.width - article.x + 16),
      height: open_.y + open_.height - article.y + 16,
    },
  });
  await news.close();

  const storyPage = await open(session, `story.html?id=${encodeURIComponent(story.id)}`, theme);
  await storyPage.locator('.chip-org').first().waitFor();
  // The article, not the related stories after it (the popup shows those).
  await shootPage(storyPage, name('story'), 'article');
  await storyPage.close();

  const entity = await open(session, `entity.html?type=place&name=${encodeURIComponent('株洲')}`, theme);
  await entity.locator('.entity-month').first().waitFor();
  await shootPage(entity, name('entity'));
  await entity.close();

  const library = await open(session, 'library.html', theme);
  await library.locator('[data-row-id]').first().waitFor();
  await shootPage(library, name('library'));
  await library.close();

  const options = await open(session, 'options.html', theme);
  await options.locator('.site-input').waitFor();
  await shootPage(options, name('options'));
  await options.close();
}

try {
  for (const { language, suffix } of LANGUAGES) {
    const session = await launchExtension({ language });
    try {
      for (const theme of THEMES) await shootAll(session, theme, suffix);
    } finally {
      await session.close();
    }
  }
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await server.close();
}
