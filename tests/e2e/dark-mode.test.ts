import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dragSelect, keptFor } from '../fixtures/page-probes';
import { extensionSuite, SHOTS } from '../fixtures/extension-suite';

const suite = extensionSuite();

/** WCAG relative luminance of a computed colour, `rgb(r, g, b)`. */
function luminance(color: string): number {
  const [r, g, b] = color
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

// Dark paper is darker than #333 (luminance 0.033), light ink lighter than #ccc (0.6).
const DARK = 0.04;
const LIGHT = 0.6;

/** The body's background and text colour. */
const bodyColors = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { background: style.backgroundColor, text: style.color };
  });

/** Every element matching `selector`: its text colour and the background it stands on (its own, or the nearest ancestor's that has one). */
const colorsOf = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      let ground: Element | null = element;
      while (ground && getComputedStyle(ground).backgroundColor === 'rgba(0, 0, 0, 0)') ground = ground.parentElement;
      return { text: getComputedStyle(element).color, background: getComputedStyle(ground ?? document.body).backgroundColor };
    }),
  );

async function expectReadable(page: Page, selector: string): Promise<void> {
  const pairs = await colorsOf(page, selector);
  expect(pairs.length, selector).toBeGreaterThan(0);
  for (const { text, background } of pairs) expect(contrast(text, background), `${selector}: ${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
}

async function expectDark(page: Page): Promise<void> {
  const { background, text } = await bodyColors(page);
  expect(luminance(background)).toBeLessThan(DARK);
  expect(luminance(text)).toBeGreaterThan(LIGHT);
}

/** Opens an extension page with the system in dark mode. */
async function openDark(path: string): Promise<Page> {
  const page = await suite.session.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`chrome-extension://${suite.session.extensionId}/${path}`);
  return page;
}

/** Opens the news page and waits until the extension has its related stories. */
async function openNews(): Promise<{ page: Page; tabId: number }> {
  const page = await suite.session.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  const url = `${suite.server.base}/news.html`;
  await page.goto(url);
  await expect.poll(async () => (await keptFor(suite.session, url))?.partial, { timeout: 20_000 }).toBe(false);
  return { page, tabId: (await keptFor(suite.session, url))!.tabId };
}

/** The computed colours of the element with `className` in the bubble's closed shadow root, read through the DevTools protocol. */
async function bubbleColors(page: Page, className: string): Promise<{ background: string; text: string } | undefined> {
  const cdp = await page.context().newCDPSession(page);
  type DomNode = { nodeId: number; localName?: string; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const hasClass = (node: DomNode) =>
    (node.attributes ?? []).some((value, i) => i % 2 === 1 && node.attributes![i - 1] === 'class' && value.split(' ').includes(className));
  const find = (node: DomNode): DomNode | undefined =>
    hasClass(node) ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
  const node = find(root);
  let colors: { background: string; text: string } | undefined;
  if (node) {
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: node.nodeId })) as {
      computedStyle: Array<{ name: string; value: string }>;
    };
    const value = (name: string) => computedStyle.find((p) => p.name === name)!.value;
    colors = { background: value('background-color'), text: value('color') };
  }
  await cdp.detach();
  return colors;
}

describe('dark mode', () => {
  it('darkens the popup, with its tier labels, chips and marked words readable', async () => {
    const { page, tabId } = await openNews();
    const popup = await openDark(`popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.locator('[data-state="page-related"] [data-story-id]').first().waitFor({ timeout: 15_000 });
    await expectDark(popup);
    for (const selector of ['.masthead h1', '.tier-heading', '.why .chip', '.snippet mark', '.story-meta', '.section-heading']) {
      await expectReadable(popup, selector);
    }
    await popup.screenshot({ path: `${SHOTS}dark-popup.png` });

    // The system turning light again turns the popup light: the theme follows it, not a setting.
    await popup.emulateMedia({ colorScheme: 'light' });
    const light = await bodyColors(popup);
    expect(luminance(light.background)).toBeGreaterThan(0.8);
    expect(luminance(light.text)).toBeLessThan(0.05);
    await popup.close();
    await page.close();
  });

  it('darkens the story page, with its people, places and organisations readable', async () => {
    const story = await openDark(`story.html?id=${encodeURIComponent(suite.seed[0].id)}`);
    await story.locator('.chip-person').first().waitFor();
    await expectDark(story);
    const paper = await story.locator('.newspaper').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(luminance(paper)).toBeLessThan(DARK);
    for (const selector of ['.headline', '.byline', '.chip-person', '.chip-place', '.chip-org', '.story-meta', '.keywords']) {
      await expectReadable(story, selector);
    }
    await story.screenshot({ path: `${SHOTS}dark-story.png`, fullPage: true });
    await story.close();
  });

  it('darkens the options page, its form fields and buttons', async () => {
    const options = await openDark('options.html');
    await options.locator('.panel').first().waitFor();
    await expectDark(options);
    for (const selector of ['.options h1', '.panel h2', '.help', 'button']) await expectReadable(options, selector);
    const field = await options.locator('.site-input').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(luminance(field)).toBeLessThan(DARK);
    await options.screenshot({ path: `${SHOTS}dark-options.png`, fullPage: true });
    await options.close();
  });

  it('darkens the selection bubble and its panel on a page', async () => {
    const { page } = await openNews();
    await dragSelect(page, 'article p:nth-of-type(2)');
    await page.waitForSelector('zhuzhou-lens-bubble', { state: 'attached', timeout: 10_000 });
    const bubble = (await bubbleColors(page, 'bubble'))!;
    expect(luminance(bubble.background)).toBeLessThan(DARK);
    expect(luminance(bubble.text)).toBeGreaterThan(LIGHT);
    await page.screenshot({ path: `${SHOTS}dark-bubble.png` });

    const box = (await page.locator('zhuzhou-lens-bubble').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => bubbleColors(page, 'panel')).toBeDefined();
    const panel = (await bubbleColors(page, 'panel'))!;
    expect(luminance(panel.background)).toBeLessThan(DARK);
    expect(luminance(panel.text)).toBeGreaterThan(LIGHT);
    const tier = (await bubbleColors(page, 'tier'))!;
    expect(contrast(tier.text, panel.background)).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: `${SHOTS}dark-bubble-open.png` });
    await page.close();
  });
});
