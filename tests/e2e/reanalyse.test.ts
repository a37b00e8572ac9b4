/**
 * A library analysed by an earlier build, in the built extension: stories synced from a library
 * feed keep the profile the feed gave them (said to be this build's analysis, so it is kept), as an
 * earlier analysis had left them; once the library
 * says an older build analysed it, the worker's next wake analyses and indexes them again in the
 * background, and records the build's analysis. The feed is served on 127.0.0.1 (CORS open, as
 * headless Chromium leaves the host-permission prompt unanswered).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storiesToJsonl } from '../../lib/library/jsonl';
import type { Reply } from '../../lib/messages';
import { analysisVersion } from '../../scripts/analysis-version';
import { launchExtension, type ExtensionGlobal, type ExtensionSession } from '../../scripts/launch-extension';
import { analysisRecord } from '../fixtures/analysis-record';
import { serveFiles, type FilesServer } from '../fixtures/files-server';
import { readerStory } from '../unit/helpers';

let session: ExtensionSession;
let server: FilesServer;
let base: string;

/**
 * A story of the feed, with the profile an earlier analysis gave it: a person it does not name, none
 * of its places. It says this build's analysis made it, as a story stored before analyses said
 * theirs would be exported by it.
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

describe('a library analysed by an earlier build', () => {
  it('is analysed and indexed again after a wake, in the background', async () => {
    const options = await session.openPage('options.html');
    await options.getByLabel('来源类型').selectOption('library');
    await options.getByLabel('地址').fill(`${base}/archive/manifest.json`);
    await options.getByRole('button', { name: '添加并同步' }).click();
    await expect.poll(() => options.getByTestId('source-last').first().textContent(), { timeout: 30_000 }).toMatch(/新增 3 篇/);
    const send = <T>(message: object) =>
      options.evaluate((m) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(m), message) as Promise<T>;
    const profile = async () => (await send<Reply<{ type: 'UI_GET_STORY'; id: string }>>({ type: 'UI_GET_STORY', id: 'lyhp-2' }))?.analysis?.entities;

    // Synced with the feed's profile, under a library this build created: nothing is stale.
    expect(await profile()).toEqual({ person: ['张旧名'], place: [], org: [] });
    const current = await analysisRecord(options);
    expect(current).toEqual({ version: analysisVersion() });

    // As if an older build had written the library: the next wake brings it to this build's analysis.
    await analysisRecord(options, { version: 'an-older-build' });
    await session.stopWorker();
    await expect.poll(async () => (await profile())?.place, { timeout: 60_000, interval: 1000 }).toContain('浏阳');
    expect((await profile())?.person).not.toContain('张旧名');
    await expect.poll(() => analysisRecord(options), { timeout: 30_000, interval: 500 }).toEqual(current);
    // The index followed: the name the old profile gave them finds nothing, the place finds all three.
    const search = async (text: string) => (await send<Reply<{ type: 'UI_SEARCH'; text: string }>>({ type: 'UI_SEARCH', text })).related.map((s) => s.id);
    expect(await search('张旧名')).toEqual([]);
    expect((await search('浏阳')).sort()).toEqual(['lyhp-1', 'lyhp-2', 'lyhp-3']);
    await options.close();
  }, 120_000);
});
