/**
 * The extension on web pages, served by the test itself on 127.0.0.1: the badge counts related
 * stories on a news page and the popup lists them; a page that is no article gets nothing; a
 * selection shows a bubble (mouse and keyboard), also on a hostile page that cannot read it; the
 * context menu's path; the per-site switch.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JIEBA_READY_MARK } from '../../lib/nlp/segmenter';
import { SELECTION_DELAY_MS } from '../../lib/page/selection-lookup';
import { launchExtension, type ExtensionGlobal, type ExtensionSession } from '../../scripts/launch-extension';
import { PAGE_PAINTED_MARK } from '../../components/Popup';
import { badge as badgeOf, dragSelect, forgetPageAnswers, keptFor as keptForTab } from '../fixtures/page-probes';
import { servePages, type PagesServer } from '../fixtures/pages-server';

const shots = new URL('../../test-results/', import.meta.url).pathname;
let session: ExtensionSession;
let server: PagesServer;
let base: string;

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  server = await servePages();
  base = server.base;
  session = await launchExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

const keptFor = (url: string) => keptForTab(session, url);
const badge = (tabId: number) => badgeOf(session, tabId);

let visits = 0;
/** Opens a page at an address of its own (a query the server ignores), so its tab is told apart. */
async function openNews(path = 'news.html'): Promise<{ page: Page; tabId: number; url: string }> {
  const page = await session.context.newPage();
  const url = `${base}/${path}?visit=${++visits}`;
  await page.goto(url);
  await expect.poll(async () => (await keptFor(url))?.partial, { timeout: 20_000 }).toBe(false);
  return { page, tabId: (await keptFor(url))!.tabId, url };
}

/** The role and name of the element with keyboard focus, as assistive technology sees it (inside closed shadow roots too). */
async function focused(page: Page): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  type AxNode = { role?: { value?: string }; name?: { value?: string }; properties?: Array<{ name: string; value: { value?: unknown } }> };
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  // The document is "focused" too, and comes first: the element is the last one said to be.
  const node = nodes.findLast((n) => n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
  return node && `${node.role?.value}: ${node.name?.value ?? ''}`;
}

/** The bubble's markup, read through the DevTools protocol: its closed shadow root hides it from pages and from Playwright's selectors. */
async function bubbleHtml(page: Page): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  type DomNode = { nodeId: number; localName?: string; children?: DomNode[]; shadowRoots?: DomNode[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const find = (node: DomNode): DomNode | undefined =>
    node.localName === 'zhuzhou-lens-bubble' ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
  const host = find(root);
  const shadow = host?.shadowRoots?.[0];
  const html = shadow ? ((await cdp.send('DOM.getOuterHTML', { nodeId: shadow.nodeId })) as { outerHTML: string }).outerHTML : undefined;
  await cdp.detach();
  return html;
}

describe('on a news page', () => {
  it('counts the related stories on the badge, and the popup lists the page’s coverage first', async () => {
    const { page, tabId, url } = await openNews();
    const kept = await keptFor(url);
    expect(kept!.related[0].title).toContain('立方新能源');
    const { text, title } = await badge(tabId);
    expect(Number(text)).toBe(kept!.related.length);
    expect(title).toBe(`${kept!.related.length} 篇株洲日报相关报道`);

    const popup = await session.openPage(`popup.html?tabId=${tabId}`);
    const first = popup.locator('[data-state="page-related"] [data-story-id]').first();
    await expect.poll(() => first.textContent()).toContain('立方新能源');
    await expect.poll(() => popup.locator('.page-title').textContent()).toContain('株洲钠电企业获两项国际认可');
    // A card is named by its title alone; its date, names and first line describe it.
    const card = popup.getByRole('link', { name: '立方新能源获国际权威双认可', exact: true }).first();
    expect(await card.getAttribute('aria-describedby')).toMatch(/-meta .*-text$/);
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.screenshot({ path: `${shots}popup-page.png` });
    await popup.close();

    // Leaving the page clears its count.
    await page.goto(`${base}/home.html`);
    await expect.poll(async () => (await badge(tabId)).text).toBe('');
    await page.close();
  });

  it('shows nothing for a tab that left its article for a page without our script: no count, no coverage in the popup', async () => {
    const { page, tabId } = await openNews();
    expect(Number((await badge(tabId)).text)).toBeGreaterThan(0);
    await page.goto('about:blank');
    await expect.poll(async () => (await badge(tabId)).text).toBe('');
    const popup = await session.openPage(`popup.html?tabId=${tabId}`);
    await popup.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, PAGE_PAINTED_MARK);
    await popup.locator('[data-story-id]').first().waitFor();
    expect(await popup.locator('.page-coverage').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('sends the next article of a single-page site when only its address changes', async () => {
    const { page, tabId, url } = await openNews('spa.html');
    expect((await keptFor(url))!.related[0].title).toContain('立方新能源');
    await page.locator('#next').click();
    const next = new URL('?story=2', url).href;
    await expect.poll(async () => (await keptFor(next))?.related[0]?.title, { timeout: 20_000 }).toBe('曹慧泉率团访问阿联酋、沙特、土耳其');
    expect((await keptFor(next))!.tabId).toBe(tabId);
    await page.close();
  });

  it('counts the same stories after the worker was stopped, jieba restored from the copy kept at its first build', async () => {
    const before = await openNews();
    const copies = async () => (await session.worker()).evaluate(async () => (await (await caches.open('zhuzhou-lens-jieba')).keys()).length);
    await expect.poll(copies, { timeout: 20_000 }).toBe(1);
    // A worker that answered this article before would answer from that, jieba not needed.
    await forgetPageAnswers(session);
    await session.stopWorker();
    const after = await openNews();
    const ready = await (await session.worker()).evaluate(
      (name) => (performance.getEntriesByName(name).at(-1) as PerformanceMark | undefined)?.detail?.dictionary,
      JIEBA_READY_MARK,
    );
    expect(ready).toBe('restored');
    const titles = async (url: string) => (await keptFor(url))!.related.map((story) => story.title);
    expect(await titles(after.url)).toEqual(await titles(before.url));
    expect((await badge(after.tabId)).text).toBe((await badge(before.tabId)).text);
    await before.page.close();
    await after.page.close();
  });

  it('does nothing on a page that is no article', async () => {
    const page = await session.context.newPage();
    await page.goto(`${base}/home.html`);
    await page.waitForTimeout(1500);
    expect(await keptFor(`${base}/home.html`)).toBeUndefined();
    await page.close();
  });
});

describe('the selection bubble', () => {
  it('opens beside a selection with the count, lists the stories on a click, and closes on Escape', async () => {
    const { page } = await openNews();
    await dragSelect(page, 'article p:nth-of-type(2)');
    await page.waitForSelector('zhuzhou-lens-bubble', { state: 'attached', timeout: 10_000 });
    expect(await bubbleHtml(page)).toMatch(/\d+ 篇株洲日报相关报道/);
    await page.screenshot({ path: `${shots}bubble.png` });

    const box = (await page.locator('zhuzhou-lens-bubble').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => bubbleHtml(page)).toContain('立方新能源获国际权威双认可');
    await page.screenshot({ path: `${shots}bubble-open.png` });

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('zhuzhou-lens-bubble').count()).toBe(0);

    // A click elsewhere closes it too.
    await dragSelect(page, 'article p:nth-of-type(4)');
    await page.waitForSelector('zhuzhou-lens-bubble', { state: 'attached', timeout: 10_000 });
    await page.mouse.click(5, 5);
    await expect.poll(() => page.locator('zhuzhou-lens-bubble').count()).toBe(0);
    await page.close();
  });

  it('is reached and worked by keyboard alone', async () => {
    const { page } = await openNews();
    // Tab from the selection's paragraph reaches the bubble next, not after the page's every link.
    await dragSelect(page, 'article p:nth-of-type(2)');
    await page.waitForSelector('zhuzhou-lens-bubble', { state: 'attached', timeout: 10_000 });
    expect(await page.evaluate(() => document.querySelector('zhuzhou-lens-bubble')!.previousElementSibling?.textContent)).toContain('记者从株洲市获悉');
    // It took no focus on its own: the reader was reading, not asking.
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('body');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('zhuzhou-lens-bubble');
    await expect.poll(() => focused(page)).toMatch(/^button: \d+ 篇株洲日报相关报道/);
    await page.screenshot({ path: `${shots}bubble-keyboard.png` });
    // The bubble says itself once, politely: the count in a status, not the list.
    expect(await bubbleHtml(page)).toMatch(/<p role="status" aria-live="polite"[^>]*>\d+ 篇株洲日报相关报道<\/p>/);
    await page.keyboard.press('Enter');
    await expect.poll(() => bubbleHtml(page)).toContain('role="dialog"');
    // The keys that worked the bubble (Tab, Enter) look nothing up again: the list stays open.
    await page.waitForTimeout(SELECTION_DELAY_MS * 4);
    expect(await bubbleHtml(page)).toContain('role="dialog"');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('zhuzhou-lens-bubble').count()).toBe(0);

    // Open again, and open the first story: Tab passes the close button, Enter opens the story page.
    await page.keyboard.press('Control+A');
    await page.waitForSelector('zhuzhou-lens-bubble', { state: 'attached', timeout: 10_000 });
    await page.evaluate(() => (document.querySelector('zhuzhou-lens-bubble') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^dialog: /);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    // The title names the story's button; its date and shared names describe it.
    await expect.poll(() => focused(page)).toBe('button: 立方新能源获国际权威双认可');
    expect(await bubbleHtml(page)).toMatch(/aria-describedby="[^"]*-meta[^"]*"/);
    const [story] = await Promise.all([session.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await story.waitForLoadState();
    expect(story.url()).toMatch(/story\.html\?id=/);
    await expect.poll(() => story.locator('h1').textContent()).toBe('立方新能源获国际权威双认可');
    await story.close();
    await page.close();
  });

  it('opens the popup with Alt+Shift+Y, and the selection’s coverage with Alt+Shift+U', async () => {
    const worker = await session.worker();
    const commands = await worker.evaluate(async () => (globalThis as unknown as ExtensionGlobal).chrome.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+Y' }));
    expect(commands).toContainEqual(expect.objectContaining({ name: 'show-selection', shortcut: 'Alt+Shift+U', description: '查找所选文字的相关报道' }));
  });

  it('renders on a hostile page that restyles everything, and the page cannot read it', async () => {
    const { page } = await openNews('hostile.html');
    // The page's rule for the document's last child hid the bubble when it went there; now that it
    // goes after the selection, the page hides what follows a paragraph (and shows its own body again).
    await page.addStyleTag({ content: 'p + :not(p) { opacity: 0 !important; } html > body:last-child { opacity: 1 !important; }' });
    await dragSelect(page, 'p:nth-of-type(1)');
    await page.waitForSelector('zhuzhou-lens-bubble', { state: 'attached', timeout: 10_000 });
    const box = await page.locator('zhuzhou-lens-bubble').boundingBox();
    expect(box!.width).toBeGreaterThan(40);
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await expect.poll(() => bubbleHtml(page)).toContain('曹慧泉率团访问阿联酋、沙特、土耳其');
    await page.screenshot({ path: `${shots}bubble-hostile.png` });
    // What the page's own script could see: the empty host, no shadow root, no story.
    const stolen = await page.evaluate(() => (window as unknown as { stolen: string[] }).stolen.join('\n'));
    expect(stolen).toContain('no-shadow-root');
    expect(stolen).not.toContain('attached');
    expect(stolen).not.toContain('曹慧泉率团访问');
    expect(await page.evaluate(() => document.querySelector('zhuzhou-lens-bubble')!.shadowRoot)).toBeNull();
    await page.close();
  });

  it('tells a page nothing: no announcement, and no bubble for a page script’s fake selection', async () => {
    const { page } = await openNews('probe.html');
    await page.evaluate(() => (window as unknown as { probe(): void }).probe());
    await page.waitForTimeout(1500);
    expect(await page.locator('zhuzhou-lens-bubble').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    // The reader's own selection of the same text is answered (a drag inside a selection would move it).
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await dragSelect(page, 'p:nth-of-type(1)');
    await page.waitForSelector('zhuzhou-lens-bubble', { state: 'attached', timeout: 10_000 });
    await page.close();
  });

  it('shows the selection’s coverage when asked from the context menu', async () => {
    const { page, tabId } = await openNews();
    // A short selection gets no bubble on its own; the menu item asks for it anyway.
    await page.evaluate(() => {
      const p = document.querySelectorAll('article p')[2];
      const range = document.createRange();
      range.setStart(p.firstChild!, 2);
      range.setEnd(p.firstChild!, 7);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const worker = await session.worker();
    // The menu item exists (update fails for an unknown id), and its click sends this command.
    await worker.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      await chrome.contextMenus.update('zhuzhou-lens-selection', {});
      await chrome.tabs.sendMessage(id, { type: 'BG_SHOW_SELECTION' });
    }, tabId);
    await expect.poll(() => bubbleHtml(page), { timeout: 10_000 }).toContain('立方新能源获国际权威双认可');
    // Asked for, it has the focus: the list is where the keys go next, right after the selection.
    await expect.poll(() => focused(page)).toMatch(/^dialog: /);
    expect(await page.evaluate(() => document.querySelector('zhuzhou-lens-bubble')!.previousElementSibling?.textContent)).toContain('Chemical Society Reviews');
    await page.screenshot({ path: `${shots}bubble-asked.png` });
    await page.close();
  });

  it('stays away from a site the reader turned it off for', async () => {
    const options = await session.openPage('options.html');
    await options.getByPlaceholder('网站域名，例如 news.example.com').fill(`${base}/news.html`);
    // Anything but a site name or address is refused, in plain words, and not saved.
    await options.getByPlaceholder('网站域名，例如 news.example.com').fill('not a site!!');
    await options.getByRole('button', { name: '关闭此网站的气泡' }).click();
    await expect.poll(() => options.getByRole('alert').textContent()).toContain('这不是网站域名或网址');
    expect(await options.getByTestId('bubble-off-sites').count()).toBe(0);
    await options.screenshot({ path: `${shots}options-site-invalid.png`, fullPage: true });
    await options.getByPlaceholder('网站域名，例如 news.example.com').fill(`${base}/news.html`);
    await options.getByRole('button', { name: '关闭此网站的气泡' }).click();
    await expect.poll(() => options.getByTestId('bubble-off-sites').textContent()).toContain('127.0.0.1');
    await options.screenshot({ path: `${shots}options-sites.png` });

    const { page } = await openNews();
    await dragSelect(page, 'article p:nth-of-type(2)');
    await page.waitForTimeout(1500);
    expect(await page.locator('zhuzhou-lens-bubble').count()).toBe(0);

    await options.getByRole('button', { name: '恢复此网站的气泡' }).click();
    await page.mouse.click(5, 5);
    await dragSelect(page, 'article p:nth-of-type(2)');
    await page.waitForSelector('zhuzhou-lens-bubble', { state: 'attached', timeout: 10_000 });
    await page.close();
    await options.close();
  });
});

describe('a page that pushes', () => {
  it('badges a very long article from its beginning and analyses it once for sixty address changes', async () => {
    const { page, tabId, url } = await openNews('endless.html');
    expect((await keptFor(url))!.related.length).toBeGreaterThan(0);
    expect((await badge(tabId)).text).toMatch(/^\d+$/);
    // Every analysis of the tab's page is kept in session storage under its key: count the writes.
    const worker = await session.worker();
    await worker.evaluate((key) => {
      const scope = globalThis as unknown as ExtensionGlobal & { keptWrites: number };
      scope.keptWrites = 0;
      scope.chrome.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
        if (area === 'session' && key in changes) scope.keptWrites++;
      });
    }, `tab:${tabId}`);
    await page.evaluate(() => (window as unknown as { rewriteAddress(n: number): Promise<void> }).rewriteAddress(60));
    const last = `${url.replace(/\?.*/, '')}?part=59`;
    await expect.poll(async () => (await keptFor(last))?.partial, { timeout: 20_000 }).toBe(false);
    await page.waitForTimeout(1500);
    // One article sent once the address settled: its first answer and, from a cold worker, its refinement.
    expect(await worker.evaluate(() => (globalThis as unknown as { keptWrites: number }).keptWrites)).toBeLessThanOrEqual(2);
    await page.close();
  });
});
