/**
 * The built extension in real Chromium: the popup lists the ten seed stories, a story opens in
 * the story page, search goes through jieba in the service worker, the options page imports and
 * exports, and reloading the extension keeps exactly the library it had.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storiesToJsonl } from '../../lib/library/jsonl';
import { type Story, UNCHECKED_ANALYSIS } from '../../lib/story';
import { analysisVersion } from '../../scripts/analysis-version';
import { BUILT_EXTENSION, launchExtension, type ExtensionSession } from '../../scripts/launch-extension';
import { bundledStories, readerStory } from '../unit/helpers';

const shots = new URL('../../test-results/', import.meta.url).pathname;
/** Chromium's limit on one runtime message: the old import and export sent the whole file in one. */
const MESSAGE_LIMIT = 64 * 1024 * 1024;
const BIG_STORIES = 1200;
/** A count as the Chinese UI writes it (1,211). */
const zh = (count: number) => count.toLocaleString('zh-CN');
let session: ExtensionSession;
let seed: Story[];
let profile: string;
/** A copy of the build, so a test can change its version and restart Chromium on it (an update). */
let extensionPath: string;

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  seed = await bundledStories();
  profile = await mkdtemp(join(tmpdir(), 'zhuzhou-lens-e2e-'));
  extensionPath = await mkdtemp(join(tmpdir(), 'zhuzhou-lens-ext-'));
  await cp(BUILT_EXTENSION, extensionPath, { recursive: true });
  session = await launchExtension({ userDataDir: profile, extensionPath });
});

afterAll(async () => {
  await session?.close();
  await rm(profile, { recursive: true, force: true });
  await rm(extensionPath, { recursive: true, force: true });
});

async function restartBrowser(): Promise<void> {
  await session.context.close();
  session = await launchExtension({ userDataDir: profile, extensionPath });
}

/** The bundle version the background last installed, read from the extension's own IndexedDB. */
async function installedBundleVersion(): Promise<string> {
  const page = await session.openPage('options.html');
  const version = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('zhuzhou-daily-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('bundledVersion');
          get.onsuccess = () => resolve(get.result as string);
          get.onerror = () => reject(get.error);
        };
      }),
  );
  await page.close();
  return version;
}

async function popupTitles(path = 'popup.html?tabId=1'): Promise<string[]> {
  const popup = await session.openPage(path);
  await popup.setViewportSize({ width: 380, height: 560 });
  const cards = popup.locator('[data-story-id]');
  await cards.first().waitFor();
  const titles = await popup.locator('[data-story-id] .story-title').allTextContents();
  await popup.close();
  return titles;
}

describe('the built extension in Chromium', () => {
  it('lists the ten seed stories in the popup, in page order', async () => {
    const popup = await session.openPage('popup.html?tabId=1');
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.locator('[data-story-id]').nth(9).waitFor();
    expect(await popup.locator('[data-story-id] .story-title').allTextContents()).toEqual(seed.map((s) => s.title));
    expect(await popup.locator('[data-story-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-story-id')))).toEqual(seed.map((s) => s.id));
    expect(await popup.locator('h1').textContent()).toBe('株洲日报 · 相关报道');
    expect(await popup.locator('.section-heading .count').textContent()).toBe('共 10 篇');
    // Tidy at 380 px: nothing sticks out sideways.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
    await popup.screenshot({ path: `${shots}popup.png` });
    await popup.close();
  });

  it('opens a story from the popup by keyboard and lays it out like the printed article', async () => {
    const popup = await session.openPage('popup.html');
    const target = seed[6];
    const card = popup.locator(`[data-story-id="${target.id}"]`);
    await card.waitFor();
    // The card's link is its title.
    await card.getByRole('link').focus();
    const [storyPage] = await Promise.all([session.context.waitForEvent('page'), popup.keyboard.press('Enter')]);
    await storyPage.waitForURL(/story\.html\?id=/);
    await storyPage.locator('h1.headline').waitFor();
    expect(await storyPage.locator('h1.headline').textContent()).toBe(target.title);
    expect(await storyPage.locator('.story-body > p').count()).toBe(target.paragraphs.length);
    expect(await storyPage.locator('.subhead').allTextContents()).toEqual(['进企业、厂区，长株潭联动开赛', '实力强劲的不仅是球队，更是产业']);
    expect(await storyPage.locator('.caption').textContent()).toContain('罗青 摄');
    expect(await storyPage.locator('.jump').textContent()).toBe('下转02版');
    expect(await storyPage.title()).toBe(`${target.title} · 株洲日报`);
    await storyPage.screenshot({ path: `${shots}story.png`, fullPage: true });
    await storyPage.close();
    await popup.close();
  });

  it('shows kicker, byline and author of other stories', async () => {
    const page = await session.openPage(`story.html?id=${encodeURIComponent(seed[7].id)}`);
    await page.locator('h1.headline').waitFor();
    expect(await page.locator('.kicker').textContent()).toBe('天台快评');
    expect(await page.locator('.byline').first().textContent()).toContain('李奎国');
    await page.goto(`chrome-extension://${session.extensionId}/story.html?id=${encodeURIComponent(seed[0].id)}`);
    await page.locator('.chip-person').first().waitFor();
    expect(await page.locator('.chip-person').allTextContents()).toEqual(expect.arrayContaining(['曹慧泉', '傅成毅', '张益明']));
    expect(await page.locator('.chip-place').allTextContents()).toEqual(expect.arrayContaining(['阿联酋', '沙特', '土耳其']));
    expect(await page.locator('.chip-org').allTextContents()).toEqual(expect.arrayContaining(['中车株机']));
    await page.screenshot({ path: `${shots}story-entities.png`, fullPage: true });
    await page.goto(`chrome-extension://${session.extensionId}/story.html?id=no-such-story`);
    await page.locator('.story-missing h1').filter({ hasText: '报道库中没有这篇报道。' }).waitFor();
    await page.close();
  });

  it('lists related coverage for a pasted passage, says so when there is none, and reads English', async () => {
    const popup = await session.openPage('popup.html');
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.locator('[data-story-id]').first().waitFor();
    const firstTitle = popup.locator('.results [data-story-id] .story-title').first();
    await popup.locator('#search').fill('立方新能源的钠离子电池获得英国皇家化学会期刊认可');
    await expect.poll(() => firstTitle.textContent(), { timeout: 15_000 }).toBe('立方新能源获国际权威双认可');
    // The typed text's organisation, resolved through the library's gazetteer to its full name.
    expect(await popup.locator('.entities .chip-org').allTextContents()).toContain('湖南立方新能源科技有限责任公司');
    // Why it relates, and where: the shared names as chips, the story's sentence with them marked.
    const card = popup.locator('.results [data-story-id]').first();
    expect(await card.locator('.why .chip').allTextContents()).toContain('湖南立方新能源科技有限责任公司');
    expect(await card.locator('.snippet mark').count()).toBeGreaterThan(0);
    await popup.screenshot({ path: `${shots}popup-search.png` });

    await popup.locator('#search').fill('今年夏天北京的雨水比往年多，市民出行请带好雨具。');
    await popup.locator('[data-state="no-related"]').waitFor();
    expect(await popup.locator('.results [data-story-id]').count()).toBe(0);
    expect(await popup.locator('[data-state="no-related"]').textContent()).toBe('报道库中没有相关报道。');
    await popup.screenshot({ path: `${shots}popup-no-related.png` });

    await popup.locator('#search').fill('Xi Jinping congratulated Mahamat Idriss Deby Itno on his election as president of Chad.');
    await expect.poll(() => firstTitle.textContent(), { timeout: 15_000 }).toBe('习近平向乍得当选总统穆罕默德致贺电');
    expect(await popup.locator('.results [data-story-id]').count()).toBe(1);
    await popup.screenshot({ path: `${shots}popup-english.png` });

    await popup.locator('#search').press('Escape');
    await popup.locator('[data-story-id]').nth(9).waitFor();
    await popup.close();
  });

  it('answers a search on a cold worker from the library’s names at once, then completes it', async () => {
    const popup = await session.openPage('popup.html');
    await popup.setViewportSize({ width: 380, height: 560 });
    await popup.locator('[data-story-id]').first().waitFor();
    await session.stopWorker();

    // 曹慧泉 is in the library's gazetteer; 王建国 (after a title) only a full analysis finds.
    await popup.locator('#search').fill('市委书记曹慧泉率团访问阿联酋、沙特和土耳其，副市长王建国陪同，代表团促成一批项目签约。');
    const people = popup.locator('.entities .chip-person');
    await people.first().waitFor({ state: 'attached' });
    await expect.poll(() => people.allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining(['曹慧泉', '王建国']));
    expect(await popup.locator('.results [data-story-id] .story-title').first().textContent()).toBe('曹慧泉率团访问阿联酋、沙特、土耳其');
    await popup.close();
  });

  it('imports a story file in the options page, refuses a broken one and changes nothing', async () => {
    const options = await session.openPage('options.html');
    const count = options.locator('[data-testid=library-count]');
    await count.filter({ hasText: '10' }).waitFor();

    const broken = `${storiesToJsonl([readerStory('reader-a')])}{"id":"reader-b","title":""}\n`;
    await options.locator('input[type=file]').setInputFiles({ name: 'broken.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(broken) });
    await options.locator('[role=alert]').waitFor();
    expect(await options.locator('[role=alert]').textContent()).toMatch(/导入失败，报道库没有任何改动。.*第 2 行：字段不符合要求：date: is missing/s);
    expect(await count.textContent()).toContain('10');

    const good = storiesToJsonl([readerStory('reader-a', '读者导入的第一篇')]);
    await options.locator('input[type=file]').setInputFiles({ name: 'good.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(good) });
    await options.locator('[role=status]').filter({ hasText: '已导入 1 篇' }).waitFor();
    expect(await count.textContent()).toContain('11');

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: '导出报道库' }).click()]);
    const exported = (await download.path()) ?? '';
    expect((await readFile(exported, 'utf8')).trim().split('\n')).toHaveLength(11);
    await options.screenshot({ path: `${shots}options.png`, fullPage: true });
    await options.close();
  });

  it('says in plain words when a file is UTF-16 or the disk is full, and changes nothing', async () => {
    const options = await session.openPage('options.html');
    const count = options.locator('[data-testid=library-count]');
    await count.filter({ hasText: '11' }).waitFor();
    const alert = options.locator('[role=alert]');

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(storiesToJsonl([readerStory('reader-u')]), 'utf16le')]);
    await options.locator('input[type=file]').setInputFiles({ name: 'notepad.jsonl', mimeType: 'text/plain', buffer: utf16 });
    await alert.waitFor();
    expect(await alert.textContent()).toBe('导入失败，报道库没有任何改动。文件是 UTF-16 编码，请另存为 UTF-8。');

    // A GBK file (株洲 is D6EA D6DE there), and a file with a bad line: each problem in the reader's language, by line.
    const gbk = Buffer.concat([Buffer.from('{"id":"g","title":"'), Buffer.from([0xd6, 0xea, 0xd6, 0xde]), Buffer.from('"}\n')]);
    await options.locator('input[type=file]').setInputFiles({ name: 'gbk.jsonl', mimeType: 'text/plain', buffer: gbk });
    await alert.filter({ hasText: 'GBK' }).waitFor();
    expect(await alert.textContent()).toContain('文件不是 UTF-8 文本（可能是 GBK 等其他编码，或二进制文件），请另存为 UTF-8。');
    const twice = storiesToJsonl([readerStory('reader-d'), readerStory('reader-d')]);
    await options.locator('input[type=file]').setInputFiles({ name: 'twice.jsonl', mimeType: 'text/plain', buffer: Buffer.from(`${twice}{oops\n`) });
    await alert.filter({ hasText: '第 2 行' }).waitFor();
    expect(await alert.locator('pre').textContent()).toMatch(/^第 2 行：编号“reader-d”已在第 1 行用过。\n第 3 行：不是 JSON（.+）$/);
    await count.filter({ hasText: '11' }).waitFor();
    await alert.screenshot({ path: `${shots}options-import-problems.png` });

    // A full disk: IndexedDB refuses the write as Chromium does when the quota is reached.
    await options.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function full(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'docs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const { publication: _, ...noPublication } = readerStory('reader-q');
    await options
      .locator('input[type=file]')
      .setInputFiles({ name: 'full.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${JSON.stringify(noPublication)}\n`) });
    await alert.filter({ hasText: '磁盘空间不足' }).waitFor();
    expect(await alert.textContent()).toBe('磁盘空间不足，导入失败，报道库没有任何改动。请腾出磁盘空间后再试。');
    await options.reload();
    await count.filter({ hasText: '11' }).waitFor();
    await options.close();
  });

  it('keeps exactly the same library, reader’s stories included, when the extension updates', async () => {
    const before = await popupTitles();
    expect(before).toHaveLength(11);
    expect(await installedBundleVersion()).toBe('0.1.0');

    const manifestPath = join(extensionPath, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, version: '0.1.1' }));
    await restartBrowser();

    await expect.poll(installedBundleVersion, { timeout: 15_000 }).toBe('0.1.1');
    expect(await popupTitles()).toEqual(before);
  });

  it('keeps exactly the same library when the browser restarts', async () => {
    const before = await popupTitles();
    await restartBrowser();
    expect(await popupTitles()).toEqual(before);
    expect(before.filter((t) => seed.some((s) => s.title === t))).toHaveLength(10);
  });

  it('exports and imports a library larger than a runtime message may be (64 MiB), in pieces', { timeout: 600_000 }, async () => {
    // ~72 MB of JSON Lines: 1,200 stories of 20,000 characters, each with the analysis this build makes (no jieba needed).
    const dir = await mkdtemp(join(tmpdir(), 'zhuzhou-lens-big-'));
    const big = join(dir, 'big.jsonl');
    const out = createWriteStream(big);
    const text = '株洲日报讯 湘江风光带改造工程昨日开工，市住建局宣布工程将于明年完工，沿线居民出行更加方便。'.repeat(11).slice(0, 500);
    for (let i = 0; i < BIG_STORIES; i++) {
      const id = `big-${String(i).padStart(4, '0')}`;
      const story = {
        ...readerStory(id, `大文件第${i}篇`),
        origin: 'bundled',
        paragraphs: Array.from({ length: 40 }, () => text),
        analysis: {
          version: analysisVersion(),
          entities: { person: [], place: ['株洲'], org: [] },
          keywords: [{ word: `词${i}`, weight: 1 }],
          aliases: {},
          terms: { 'place:株洲': 1, [`词${i}`]: 2 },
        },
      };
      if (!out.write(`${JSON.stringify(story)}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    expect((await stat(big)).size).toBeGreaterThan(MESSAGE_LIMIT);

    const options = await session.openPage('options.html');
    const count = options.locator('[data-testid=library-count]');
    await count.filter({ hasText: '11' }).waitFor();
    await options.locator('input[type=file]').setInputFiles(big);
    const done = options.locator('[role=status]').filter({ hasText: `已导入 ${zh(BIG_STORIES)} 篇报道，报道库现有 ${zh(BIG_STORIES + 11)} 篇。` });
    await done.or(options.locator('[role=alert]')).waitFor({ timeout: 300_000 });
    expect(await done.count()).toBe(1);
    expect(await count.textContent()).toContain(zh(BIG_STORIES + 11));

    const [download] = await Promise.all([options.waitForEvent('download', { timeout: 300_000 }), options.getByRole('button', { name: '导出报道库' }).click()]);
    const exported = (await download.path()) ?? '';
    expect((await stat(exported)).size).toBeGreaterThan(MESSAGE_LIMIT);
    let lines = 0;
    const origins = new Set<string>();
    const versions = new Set<string | undefined>();
    for await (const line of createInterface({ input: createReadStream(exported), crlfDelay: Infinity })) {
      lines++;
      const story = JSON.parse(line) as Story;
      origins.add(story.origin);
      versions.add(story.analysis?.version);
    }
    expect(lines).toBe(BIG_STORIES + 11);
    // Every story says the analysis that made it: the seed's, analysed here, this build's; the file's,
    // kept unchecked until the worker has read them again in the background (or already read).
    expect([...versions].every((v) => v === analysisVersion() || v === UNCHECKED_ANALYSIS)).toBe(true);
    expect(versions).toContain(analysisVersion());
    // The file's "bundled" claims were not taken: the next bundle update would have deleted them.
    expect([...origins].sort()).toEqual(['bundled', 'import']);
    await options
      .locator('[role=status]')
      .filter({ hasText: `已导出 ${zh(BIG_STORIES + 11)} 篇报道。` })
      .waitFor();
    await options.close();
    await rm(dir, { recursive: true, force: true });
  });
});
