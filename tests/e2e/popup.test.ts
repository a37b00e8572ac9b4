/**
 * The popup as a reader uses it, in real Chromium: it scrolls under a masthead that stays, a name
 * typed into the box finds the stories that mention it, a cold worker's first answer is never
 * taken back, the page's stories come before the page's names, and narrow windows reflow.
 */
import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExtensionGlobal } from '../../scripts/launch-extension';
import { forgetPageAnswers, keptFor } from '../fixtures/page-probes';
import { extensionSuite, SHOTS } from '../fixtures/extension-suite';
import { openToolbarPopup } from '../fixtures/toolbar-popup';

const suite = extensionSuite();

const titleOf = (fragment: string) => suite.seed.find((s) => s.title.includes(fragment))!.title;

async function openPopup(path = 'popup.html?tabId=1', size = { width: 380, height: 600 }): Promise<Page> {
  const popup = await suite.session.openPage(path);
  await popup.setViewportSize(size);
  return popup;
}

/** The titles the results list shows once `query` has been typed and answered. */
async function searchTitles(popup: Page, query: string): Promise<string[]> {
  await popup.locator('#search').fill(query);
  const results = popup.locator(`.results[data-query="${query}"]`);
  await results.waitFor({ timeout: 15_000 });
  return results.locator('[data-story-id] .story-title').allTextContents();
}

const visibleInViewport = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });

describe('the popup scrolls', () => {
  it('with the wheel to the last library story and back, and Tab keeps the masthead in view', async () => {
    const popup = await openPopup();
    const cards = popup.locator('[data-story-id]');
    await cards.nth(9).waitFor();
    expect(await visibleInViewport(popup, '[data-story-id] >> nth=9')).toBe(false);

    await popup.mouse.move(190, 400);
    for (let i = 0; i < 20 && !(await visibleInViewport(popup, '[data-story-id] >> nth=9')); i++) await popup.mouse.wheel(0, 200);
    expect(await visibleInViewport(popup, '[data-story-id] >> nth=9')).toBe(true);
    expect(await visibleInViewport(popup, '.masthead')).toBe(true);
    await popup.screenshot({ path: `${SHOTS}popup-scrolled.png` });
    for (let i = 0; i < 20 && (await popup.evaluate(() => scrollY)) > 0; i++) await popup.mouse.wheel(0, -300);
    expect(await popup.evaluate(() => scrollY)).toBe(0);

    // End reaches the bottom too, and Home comes back.
    await popup.keyboard.press('End');
    await expect.poll(() => popup.evaluate(() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight)).toBe(true);
    expect(await visibleInViewport(popup, '[data-story-id] >> nth=9')).toBe(true);
    await popup.keyboard.press('Home');
    await expect.poll(() => popup.evaluate(() => scrollY)).toBe(0);

    // Tab from the search box to the eighth story: it is scrolled into view below the masthead
    // and the search box, which stay on screen.
    await popup.locator('#search').focus();
    const target = await cards.nth(7).getAttribute('data-story-id');
    for (let i = 0; i < 20 && (await popup.evaluate(() => document.activeElement?.closest('[data-story-id]')?.getAttribute('data-story-id'))) !== target; i++)
      await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.closest('[data-story-id]')?.getAttribute('data-story-id'))).toBe(target);
    expect(await popup.evaluate(() => scrollY)).toBeGreaterThan(0);
    const top = (await popup.locator('.popup-top').boundingBox())!;
    const card = (await cards.nth(7).boundingBox())!;
    expect(top.y).toBe(0);
    expect(await visibleInViewport(popup, '#search')).toBe(true);
    expect(card.y).toBeGreaterThanOrEqual(top.y + top.height);
    expect(card.y + card.height).toBeLessThanOrEqual(600);
    await popup.close();
  });

  it('in the toolbar: 380 px wide, as tall as Chrome allows, scrolling under its masthead', async () => {
    const popup = await openToolbarPopup(suite.session);
    const layout = () =>
      popup.evaluate<{ width: number; height: number; scrollable: number; cards: number; top: number; view: string }>(
        `({ width: document.body.offsetWidth, height: innerHeight, scrollable: document.documentElement.scrollHeight - innerHeight,
            cards: document.querySelectorAll('[data-story-id]').length, top: document.querySelector('.popup-top').getBoundingClientRect().top,
            view: document.documentElement.dataset.view })`,
      );
    await expect.poll(async () => (await layout()).cards, { timeout: 10_000 }).toBe(10);
    const before = await layout();
    expect(before).toMatchObject({ width: 380, view: 'toolbar', top: 0 });
    expect(before.height).toBeGreaterThanOrEqual(400);
    expect(before.scrollable).toBeGreaterThan(0);
    await popup.evaluate('scrollTo(0, document.documentElement.scrollHeight)');
    await expect.poll(async () => popup.evaluate<number>('scrollY')).toBe(before.scrollable);
    expect((await layout()).top).toBe(0);
    await writeFile(`${SHOTS}toolbar-popup.png`, await popup.screenshot());
    await popup.close();
  });

  it('reflows in a narrow window (a 250 px window, or 380 px at 150% zoom) instead of clipping', async () => {
    for (const width of [250, 190]) {
      const popup = await openPopup('popup.html?tabId=1', { width, height: 400 });
      await popup.locator('[data-story-id]').first().waitFor();
      expect(await popup.evaluate(() => document.documentElement.scrollWidth), `${width}px`).toBeLessThanOrEqual(width);
      const count = (await popup.locator('#library-heading .count').boundingBox())!;
      expect(count.x + count.width, `${width}px`).toBeLessThanOrEqual(width);
      expect(await popup.locator('#library-heading .count').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
      if (width === 250) await popup.screenshot({ path: `${SHOTS}popup-narrow.png` });
      await popup.close();
    }
  });
});

describe('a name typed into the search box', () => {
  it('lists the stories that mention it, the name marked, and says it is a search', async () => {
    const popup = await openPopup();
    await popup.locator('[data-story-id]').first().waitFor();
    expect(await popup.locator('#search').getAttribute('placeholder')).toBe('搜索人名、地名、词语，或粘贴一段新闻');

    expect(await searchTitles(popup, '厂BA')).toEqual([titleOf('厂BA')]);
    expect(await popup.locator('.results[data-mode=search] .section-heading').textContent()).toContain('提到「厂BA」的报道');
    expect(await popup.locator('.results [data-story-id] .story-title mark').allTextContents()).toEqual(['厂BA']);

    const zhuzhou = await searchTitles(popup, '株洲');
    expect(zhuzhou.length).toBeGreaterThanOrEqual(5);
    expect(zhuzhou[0]).toBe(titleOf('株洲标准'));
    expect(await popup.locator('.results [data-story-id] .story-title mark').first().textContent()).toBe('株洲');

    const xi = await searchTitles(popup, 'Xi Jinping');
    expect(xi.slice(0, 2).sort()).toEqual([titleOf('乍得'), titleOf('北马其顿')].sort());
    expect(await popup.locator('.results [data-story-id] .snippet mark').first().textContent()).toBe('习近平');
    await popup.screenshot({ path: `${SHOTS}popup-name-search.png` });

    await searchTitles(popup, '量子计算机');
    expect(await popup.locator('[data-state=no-related]').textContent()).toBe('报道库中没有提到「量子计算机」的报道。');

    // A pasted passage still asks for related coverage.
    await searchTitles(popup, '市委书记曹慧泉率团访问土耳其，调研中车株机土耳其基地。');
    expect(await popup.locator('.results').getAttribute('data-mode')).toBe('related');
    expect(await popup.locator('.results [data-story-id] .story-title').first().textContent()).toBe(titleOf('曹慧泉'));
    await popup.close();
  });
});

describe('related coverage in two tiers', () => {
  it('lists the same event and the related background apart, each labelled', async () => {
    const popup = await openPopup();
    await popup.locator('[data-story-id]').first().waitFor();
    // The visit itself (same event), and another meeting of the same committee under the same
    // mayor a year earlier (related background: the same subject, another occurrence).
    const passage =
      '市委书记曹慧泉5月14日率团访问土耳其，调研中车株机土耳其基地。2023年10月11日，株洲市国土空间规划委员会召开2023年第8次专题会议，市长陈恢清主持，审议城区地块控规修改方案。';
    await popup.locator('#search').fill(passage);
    const results = popup.locator('.results[data-mode=related]');
    await results.locator('[data-tier=background] [data-story-id]').first().waitFor({ timeout: 15_000 });
    expect(await results.locator('.tier-heading').allTextContents()).toEqual(['同一事件', '相关背景']);
    expect(await results.locator('[data-tier=same_event] .story-title').allTextContents()).toEqual([titleOf('曹慧泉')]);
    expect(await results.locator('[data-tier=background] .story-title').allTextContents()).toEqual([titleOf('国土空间规划委员会')]);
    await popup.screenshot({ path: `${SHOTS}popup-tiers.png` });
    await popup.close();
  });
});

describe('a cold worker’s first answer', () => {
  /** Every list of story ids the background keeps for tabs, as it changes, recorded by an extension page. */
  async function recordTabAnswers(): Promise<Page> {
    const recorder = await suite.session.openPage('options.html');
    await recorder.evaluate(() => {
      const w = window as unknown as { answers: Record<string, string[][]> };
      w.answers = {};
      (globalThis as unknown as ExtensionGlobal).chrome.storage.onChanged.addListener((changes, area) => {
        if (area !== 'session') return;
        for (const [key, change] of Object.entries(changes)) {
          const value = change.newValue as { url: string; related: Array<{ id: string }> } | undefined;
          if (key.startsWith('tab:') && value) (w.answers[value.url] ??= []).push(value.related.map((r) => r.id));
        }
      });
    });
    return recorder;
  }

  it('is never taken back on a page: the full answer keeps every story the first one listed', async () => {
    const recorder = await recordTabAnswers();
    for (const path of ['news.html', 'spa.html']) {
      // An article answered before is answered in full at once (the next test): this one is new to the worker.
      await forgetPageAnswers(suite.session);
      await suite.session.stopWorker();
      const page = await suite.session.context.newPage();
      const url = `${suite.server.base}/${path}?cold=1`;
      await page.goto(url);
      await expect.poll(async () => (await keptFor(suite.session, url))?.partial, { timeout: 20_000 }).toBe(false);
      const answers = await recorder.evaluate((u) => (window as unknown as { answers: Record<string, string[][]> }).answers[u], url);
      expect(answers.length, path).toBeGreaterThanOrEqual(1);
      expect(answers.at(-1)!.length, path).toBeGreaterThan(0);
      for (const [i, answer] of answers.entries()) for (const later of answers.slice(i + 1)) expect(later, path).toEqual(expect.arrayContaining(answer));
      await page.close();
    }
    await recorder.close();
  });

  it('is the full answer, the warm worker’s stories, for an article answered before (a reload, a re-visit)', async () => {
    const recorder = await recordTabAnswers();
    const visit = async (url: string) => {
      const page = await suite.session.context.newPage();
      await page.goto(url);
      await expect.poll(async () => (await keptFor(suite.session, url))?.partial, { timeout: 20_000 }).toBe(false);
      await page.close();
      return recorder.evaluate((u) => (window as unknown as { answers: Record<string, string[][]> }).answers[u], url);
    };
    await forgetPageAnswers(suite.session);
    const warm = await visit(`${suite.server.base}/news.html?seen=1`);
    await suite.session.stopWorker();
    const cold = await visit(`${suite.server.base}/news.html?seen=2`);
    expect(cold).toEqual([warm.at(-1)]);
    await recorder.close();
  });

  it('is never taken back in the popup: a story once listed stays while the question does', async () => {
    const passages = [
      '市长陈恢清主持召开市国土空间规划委员会专题会议，审议山体水体保护专项规划，株洲市委有关负责人出席。',
      '市委书记曹慧泉率团访问阿联酋、沙特和土耳其，副市长王建国陪同，代表团促成一批项目签约。',
    ];
    for (const passage of passages) {
      const popup = await openPopup();
      await popup.locator('[data-story-id]').first().waitFor();
      await popup.evaluate(() => {
        const w = window as unknown as { lists: string[][] };
        w.lists = [];
        new MutationObserver(() => {
          const ids = [...document.querySelectorAll('.results[data-mode] [data-story-id]')].map((e) => e.getAttribute('data-story-id')!);
          if (ids.join() !== w.lists.at(-1)?.join()) w.lists.push(ids);
        }).observe(document.body, { childList: true, subtree: true });
      });
      await suite.session.stopWorker();
      await popup.locator('#search').fill(passage);
      await popup.locator('.results[data-mode] [data-story-id]').first().waitFor({ timeout: 15_000 });
      // Long enough for the retry after jieba is ready (400 ms) to have come and gone.
      await popup.waitForTimeout(2500);
      const lists = await popup.evaluate(() => (window as unknown as { lists: string[][] }).lists.filter((l) => l.length));
      expect(lists.length, passage).toBeGreaterThanOrEqual(1);
      for (const [i, list] of lists.entries()) for (const later of lists.slice(i + 1)) expect(later, passage).toEqual(expect.arrayContaining(list));
      await popup.close();
    }
  });
});

describe('the popup on a news page', () => {
  it('lists the page’s stories right under the heading, with the page’s names folded after them', async () => {
    const page = await suite.session.context.newPage();
    const url = `${suite.server.base}/news.html?order=1`;
    await page.goto(url);
    await expect.poll(async () => (await keptFor(suite.session, url))?.partial, { timeout: 20_000 }).toBe(false);
    const { tabId } = (await keptFor(suite.session, url))!;

    const popup = await openPopup(`popup.html?tabId=${tabId}`);
    const section = popup.locator('[data-state=page-related]');
    await section.locator('[data-story-id]').first().waitFor();
    // In document order: heading, the stories, then the names (closed).
    const order = await section.evaluate((s) => [...s.querySelectorAll('h2, [data-story-id], details')].map((e) => e.localName));
    expect(order[0]).toBe('h2');
    expect(order.indexOf('details')).toBeGreaterThan(order.lastIndexOf('a'));
    expect(await section.locator('details').getAttribute('open')).toBeNull();
    expect(await visibleInViewport(popup, '[data-state=page-related] [data-story-id] >> nth=0')).toBe(true);
    expect(await section.locator('details .chip').first().isVisible()).toBe(false);
    await popup.screenshot({ path: `${SHOTS}popup-page.png` });
    await section.locator('details summary').click();
    await section.locator('.chip-org').first().waitFor();
    expect(await section.locator('.page-title').textContent()).toContain('株洲钠电企业获两项国际认可');
    await popup.screenshot({ path: `${SHOTS}popup-page-names.png` });
    await popup.close();

    // A page nothing relates to: one line, and the library right after it.
    const weather = `${suite.server.base}/weather.html`;
    await page.goto(weather);
    await expect.poll(async () => (await keptFor(suite.session, weather))?.partial, { timeout: 20_000 }).toBe(false);
    const quiet = await openPopup(`popup.html?tabId=${(await keptFor(suite.session, weather))!.tabId}`);
    const line = quiet.locator('[data-state=page-no-related]');
    await line.waitFor();
    expect(await line.textContent()).toBe('报道库中没有与本页相关的报道。');
    expect(await line.locator('details, .chip').count()).toBe(0);
    expect((await line.boundingBox())!.height).toBeLessThan(40);
    await quiet.locator('[data-story-id]').first().waitFor();
    expect(await visibleInViewport(quiet, '[data-story-id] >> nth=0')).toBe(true);
    await quiet.close();
    await page.close();
  });
});
