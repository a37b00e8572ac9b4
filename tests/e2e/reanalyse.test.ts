/**
 * Stories whose profile came from outside, in the built extension: a library feed's stories say
 * this build's analysis made their (wrong) profile. They are listed at once by it, but it is kept
 * unchecked — its names are never learnt — and the worker analyses and indexes them again in the
 * background. A library an older build analysed is brought to this build's analysis after a
 * wake. The feed is served on 127.0.0.1 (CORS open, as headless Chromium leaves the
 * host-permission prompt unanswered).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storiesToJsonl } from '../../lib/library/jsonl';
import type { Reply } from '../../lib/messages';
import { analysisVersion } from '../../scripts/analysis-version';
import { launchExtension, type ExtensionGlobal, type ExtensionSession } from '../../scripts/launch-extension';
import { analysisRecord, knownNames } from '../fixtures/analysis-record';
import { serveFiles, type FilesServer } from '../fixtures/files-server';
import { readerStory } from '../unit/helpers';

let session: ExtensionSession;
let server: FilesServer;
let base: string;

/**
 * A story of the feed, with a profile its text does not bear out: a person it does not name, none
 * of its places. It says this build's analysis made it, as a hostile feed, or one from a build
 * with another tagger, may.
 */
const story = (n: number) => ({
  ...readerStory(`lyhp-${n}`, `第${n}届浏阳国际花炮文化节开幕`),
  paragraphs: [`第${n}届浏阳国际花炮文化节在湖南浏阳开幕，来自多国的烟花企业参展。`],
  analysis: {
    version: analysisVersion(),
    entities: { person: ['张旧名'], place: [], org: [] },
    keywords: [{ word: '张旧名', weight: 1 }],
    aliases: {},
    terms: { 张旧名: 1 },
  },
});

beforeAll(async () => {
  const files: Record<string, string> = {
    '/archive/manifest.json': JSON.stringify({ library: '花炮节档案', shards: [{ url: 'a.jsonl', version: '1' }] }),
    '/archive/a.jsonl': storiesToJsonl([1, 2, 3].map(story)),
  };
  server = await serveFiles(files);
  base = server.base;
  session = await launchExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('profiles from outside and from older builds', () => {
  it('keeps a feed’s profile unchecked, analyses its stories again in the background, and never learns its names', async () => {
    const options = await session.openPage('options.html');
    await options.getByLabel('来源类型').selectOption('library');
    await options.getByLabel('地址').fill(`${base}/archive/manifest.json`);
    await options.getByRole('button', { name: '添加并同步' }).click();
    await expect.poll(() => options.getByTestId('source-last').first().textContent(), { timeout: 30_000 }).toMatch(/新增 3 篇/);
    const send = <T>(message: object) =>
      options.evaluate((m) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(m), message) as Promise<T>;
    const profile = async () => (await send<Reply<{ type: 'UI_GET_STORY'; id: string }>>({ type: 'UI_GET_STORY', id: 'lyhp-2' }))?.analysis;
    await expect.poll(async () => (await profile())?.entities.place, { timeout: 60_000, interval: 1000 }).toContain('浏阳');
    expect((await profile())?.entities.person).not.toContain('张旧名');
    expect((await profile())?.version).toBe(analysisVersion());
    await expect.poll(() => analysisRecord(options), { timeout: 30_000, interval: 500 }).toEqual({ version: analysisVersion() });
    // The name only the feed claimed was never taught; the place the text says was.
    const names = await knownNames(options);
    expect(Object.keys(names)).not.toContain('张旧名');
    expect(names.浏阳?.[0]).toBe('place');
    const search = async (text: string) => (await send<Reply<{ type: 'UI_SEARCH'; text: string }>>({ type: 'UI_SEARCH', text })).related.map((s) => s.id);
    expect(await search('张旧名')).toEqual([]);
    expect((await search('浏阳')).sort()).toEqual(['lyhp-1', 'lyhp-2', 'lyhp-3']);
    await options.close();
  }, 120_000);

  it('brings a library an older build analysed to this build’s analysis after a wake', async () => {
    const options = await session.openPage('options.html');
    const current = await analysisRecord(options);
    expect(current).toEqual({ version: analysisVersion() });
    await analysisRecord(options, { version: 'an-older-build' });
    await session.stopWorker();
    // Any message wakes the worker; the run starts 5 s after it opens the library.
    await options.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'UI_LIBRARY_COUNTS' }));
    await expect.poll(() => analysisRecord(options), { timeout: 60_000, interval: 500 }).toEqual(current);
    const send = <T>(message: object) =>
      options.evaluate((m) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(m), message) as Promise<T>;
    const story = await send<Reply<{ type: 'UI_GET_STORY'; id: string }>>({ type: 'UI_GET_STORY', id: 'lyhp-1' });
    expect(story?.analysis?.version).toBe(analysisVersion());
    expect(story?.analysis?.entities.place).toContain('浏阳');
    await options.close();
  }, 120_000);
});
