import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyzeStories } from '../../lib/library/analyze-stories';
import { createBackgroundState } from '../../lib/background-state';
import { storiesToJsonl } from '../../lib/library/jsonl';
import type { Library } from '../../lib/library/library';
import type { Story } from '../../lib/story';
import { parseFeed } from '../../lib/library/sync/feed';
import { feedStories } from '../../lib/library/sync/feed-stories';
import { fetchSource } from '../../lib/library/sync/fetch-source';
import { MAX_ERROR_CHARS, MAX_FEED_ITEMS, MAX_SHARDS, MAX_STORY_CHARS } from '../../lib/library/sync/limits';
import type { Source, SourceState } from '../../lib/library/sync/source';
import { SOURCE_FORMS } from '../../lib/library/sync/source-forms';
import { SOURCE_KINDS } from '../../lib/library/sync/source-kinds';
import { makeSource, permissionsToRelease, sourceRegistry } from '../../lib/library/sync/sources';
import { syncRunner } from '../../lib/library/sync/sync-all';
import { syncSource, type SyncDeps, type SyncProgress } from '../../lib/library/sync/sync-source';
import type { Analyzer } from '../../lib/nlp/analyzer';
import { freshDbName, loadJieba, mapStore, readPackageBytes, readPackageFile, readerStory, TEST_ANALYSIS } from './helpers';

/** What the test server serves; a test changes it to play a newsroom updating its files (or sending the reader elsewhere). */
let files: Record<string, { body: string; etag?: string; type?: string; location?: string }>;
let requests: string[];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const file = files[path];
    if (!file) return response.writeHead(404).end();
    if (file.location) return response.writeHead(302, { location: file.location }).end();
    if (file.etag && request.headers['if-none-match'] === file.etag) return response.writeHead(304).end();
    response.writeHead(200, { 'content-type': file.type ?? 'text/plain; charset=utf-8', ...(file.etag && { etag: file.etag }) }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let library: Library;
let analyzer: Analyzer;
let states: Map<string, SourceState>;
let progress: SyncProgress[];
let failPut: (stories: Story[]) => boolean;

beforeEach(async () => {
  const state = createBackgroundState({ version: 'test', analysisVersion: 'test', readPackageFile, readPackageBytes, loadJieba, dbName: freshDbName() });
  library = await state.library();
  analyzer = await state.analyzer();
  states = new Map();
  progress = [];
  requests = [];
  failPut = () => false;
  files = {
    '/rss.xml': { body: await readFile(new URL('../fixtures/feeds/rss.xml', import.meta.url), 'utf8'), etag: '"rss-1"' },
    '/page.txt': { body: await readFile(new URL('../fixtures/pages/evening-news-p3.txt', import.meta.url), 'utf8') },
    '/archive/manifest.json': {
      body: JSON.stringify({
        library: '潇湘晨报',
        shards: [
          { url: 'a.jsonl', version: '1' },
          { url: 'b.jsonl', version: '1' },
        ],
      }),
      etag: '"m-1"',
    },
    '/archive/a.jsonl': { body: storiesToJsonl([1, 2, 3].map((n) => readerStory(`xxcb-${n}`, `晨报第${n}篇`))) },
    '/archive/b.jsonl': { body: storiesToJsonl([4, 5].map((n) => readerStory(`xxcb-${n}`, `晨报第${n}篇`))) },
  };
});

const deps = (): SyncDeps => ({
  fetch: (url, known) => fetchSource(url, known, { timeoutMs: 5000, maxBytes: 1 << 20 }),
  stories: {
    getMany: (ids) => library.getMany(ids),
    duplicatesOf: (stories) => library.duplicatesOf(stories),
    put: async (stories) => {
      if (failPut(stories)) throw new Error('QuotaExceededError: the disk is full');
      await library.put(stories);
    },
  },
  analyze: (stories) => analyzeStories(analyzer, TEST_ANALYSIS, stories),
  state: { load: async (id) => structuredClone(states.get(id)), save: async (id, s) => void states.set(id, structuredClone(s)) },
  progress: (p) => progress.push(p),
  today: '2024-06-01',
  batchSize: 2,
});

const source = (kind: Source['kind'], path: string, extra: Partial<Source> = {}): Source => ({
  id: `src-${kind}`,
  kind,
  url: `${base}${path}`,
  name: '测试来源',
  enabled: true,
  ...extra,
});

describe('syncing a source', { timeout: 30_000 }, () => {
  it('adds a feed’s stories analysed and indexed, then asks again and fetches nothing new', async () => {
    const before = await library.count();
    const indexed = await library.index.size();
    const first = await syncSource(source('feed', '/rss.xml'), deps());
    expect(first).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(first.error).toBeUndefined();
    expect(await library.count()).toBe(before + 2);
    expect(await library.index.size()).toBe(indexed + 2);
    const stored = (await library.all()).find((s) => s.title === '株洲钠电企业获两项国际认可')!;
    expect(stored.analysis?.entities.org).toContain('湖南立方新能源科技有限责任公司');
    const second = await syncSource(source('feed', '/rss.xml'), deps());
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 0 });
    expect(await library.count()).toBe(before + 2);
  });

  it('takes a library feed shard by shard, only the shards whose version changed', async () => {
    const lib = source('library', '/archive/manifest.json');
    expect(await syncSource(lib, deps())).toMatchObject({ added: 5 });
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(['2/3', '3/3', '5/5']);
    expect((await library.get('xxcb-4'))?.origin).toBe('src-library');

    requests = [];
    expect(await syncSource(lib, deps())).toMatchObject({ added: 0, updated: 0 });
    expect(requests).toEqual(['/archive/manifest.json']);

    files['/archive/b.jsonl'] = {
      body: storiesToJsonl([readerStory('xxcb-4', '晨报第4篇（更正）'), readerStory('xxcb-5', '晨报第5篇'), readerStory('xxcb-6', '晨报第6篇')]),
    };
    files['/archive/manifest.json'] = {
      body: JSON.stringify({
        shards: [
          { url: 'a.jsonl', version: '1' },
          { url: 'b.jsonl', version: '2' },
        ],
      }),
      etag: '"m-2"',
    };
    requests = [];
    expect(await syncSource(lib, deps())).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(requests).toEqual(['/archive/manifest.json', '/archive/b.jsonl']);
    expect((await library.get('xxcb-4'))?.title).toBe('晨报第4篇（更正）');
  });

  it('keeps every batch written before a failure, says what failed, and finishes next time without doubles', async () => {
    const lib = source('library', '/archive/manifest.json');
    const before = await library.count();
    let puts = 0;
    failPut = () => ++puts === 2;
    const failed = await syncSource(lib, deps());
    expect(failed).toMatchObject({ problem: 'quota', error: expect.stringContaining('QuotaExceededError') });
    // The first batch of two is in; the failed batch left nothing behind.
    expect(await library.count()).toBe(before + 2);
    expect(states.get('src-library')?.last?.error).toContain('disk is full');

    failPut = () => false;
    const resumed = await syncSource(lib, deps());
    expect(resumed.error).toBeUndefined();
    expect(resumed).toMatchObject({ added: 3, unchanged: 2 });
    expect(await library.count()).toBe(before + 5);
  });

  it('refuses a broken feed with its reason and leaves the library as it was', async () => {
    files['/rss.xml'] = { body: files['/rss.xml'].body.replace('</item>', '') };
    const before = await library.count();
    const result = await syncSource(source('feed', '/rss.xml'), deps());
    expect(result).toMatchObject({ problem: 'format', error: expect.stringMatching(/broken XML at line \d+/) });
    expect(await library.count()).toBe(before);
    expect(await syncSource(source('feed', '/gone.xml'), deps())).toMatchObject({ problem: 'http', error: expect.stringContaining('404') });
  });

  it('leaves out a story the library has from elsewhere: same address, or same text under another id', async () => {
    const seed = (await library.all()).find((s) => s.title === '立方新能源获国际权威双认可')!;
    const retold = { ...readerStory('other-paper-1', seed.title), paragraphs: seed.paragraphs.map((p) => p.replace(/，/g, ', ').replace(/。/g, '. ')) };
    files['/archive/a.jsonl'] = { body: storiesToJsonl([retold, readerStory('xxcb-1', '晨报第1篇')]) };
    files['/archive/b.jsonl'] = { body: storiesToJsonl([{ ...readerStory('xxcb-9', '晨报另一地址'), url: 'https://news.example.com/x.html' }]) };
    await library.put([{ ...readerStory('mine-1', '读者先存的'), url: 'https://news.example.com/x.html' }]);
    const result = await syncSource(source('library', '/archive/manifest.json'), deps());
    expect(result).toMatchObject({ added: 1, duplicates: 2 });
    expect(await library.get('other-paper-1')).toBeUndefined();
    expect(await library.get('xxcb-9')).toBeUndefined();
  });

  it('syncs no source of a kind it does not know (as a library feed or any other), and says so', async () => {
    const stored = source('library', '/archive/manifest.json', { kind: 'opml' as Source['kind'], id: 'src-unknown' });
    const result = await syncSource(stored, deps());
    expect(result).toMatchObject({ added: 0, problem: 'other', error: 'unknown kind of source: opml' });
    expect(requests).toEqual([]);
    expect(states.get('src-unknown')?.fetched).toEqual({});
  });

  it('reads a newspaper page in the seed’s format', async () => {
    const page = source('print-page', '/page.txt', { printPage: { publication: '潇湘晨报', date: '2024-06-01', page: 3 } });
    const result = await syncSource(page, deps());
    expect(result.error).toBeUndefined();
    expect(result.added).toBeGreaterThan(0);
    const all = await library.all();
    expect(all.filter((s) => s.origin === page.id).map((s) => s.title)).toContain('炎陵黄桃开园 首批鲜果销往长三角');
  });
});

const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>测试订阅</title>${items}</channel></rss>`;
const manifest = (shards: Array<{ url: string; version?: string }>, name = '潇湘晨报') => ({
  body: JSON.stringify({ library: name, shards }),
  etag: `"m-${Math.random()}"`,
});
/** Stories are written to nowhere: for a test of what a sync takes, not of the library. */
const counting = (written: Story[]): Pick<SyncDeps, 'stories' | 'analyze'> => ({
  stories: {
    getMany: async (ids) => ids.map(() => undefined),
    duplicatesOf: async (stories) => stories.map(() => undefined),
    put: async (stories) => void written.push(...stories),
  },
  analyze: async (stories) => stories,
});

describe('a source writes its own stories only', { timeout: 30_000 }, () => {
  it('leaves a bundled or imported story a shard carries the id of as it was, counts the conflict, and removing the source keeps it', async () => {
    const seed = (await library.all()).find((s) => s.origin === 'bundled')!;
    await library.put([readerStory('xxcb-2', '读者导入的报道')]);
    files['/archive/b.jsonl'] = { body: storiesToJsonl([{ ...readerStory(seed.id, '改写内置报道'), origin: 'whatever' }, readerStory('xxcb-5', '晨报第5篇')]) };
    const result = await syncSource(source('library', '/archive/manifest.json'), deps());
    expect(result).toMatchObject({ added: 3, conflicts: 2, updated: 0 });
    expect(await library.get('xxcb-2')).toMatchObject({ title: '读者导入的报道', origin: 'import' });
    expect(await library.get(seed.id)).toMatchObject({ title: seed.title, origin: 'bundled' });
    expect(await library.removeOrigin('src-library')).toBe(3);
    expect(await library.get('xxcb-2')).toBeDefined();
    expect(await library.get(seed.id)).toBeDefined();
  });

  it('leaves another source’s page and an imported story with a feed item’s id alone (any kind of source)', async () => {
    const page = (id: string) => source('print-page', '/page.txt', { id, printPage: { publication: '潇湘晨报', date: '2024-06-01', page: 3 } });
    const first = await syncSource(page('src-page'), deps());
    // The same text again from another source: the library has it; changed text: a conflict.
    expect(await syncSource(page('src-page-2'), deps())).toMatchObject({ added: 0, duplicates: first.added, conflicts: 0 });
    files['/page.txt'] = { body: files['/page.txt'].body.replace(/。/g, '！') };
    const second = await syncSource(page('src-page-3'), deps());
    expect(second).toMatchObject({ added: 0, updated: 0 });
    expect(second.conflicts).toBeGreaterThan(0);
    expect((await library.all()).filter((s) => s.origin?.startsWith('src-page')).every((s) => s.origin === 'src-page')).toBe(true);

    const feed = source('feed', '/rss.xml');
    const ids = (await feedStories(parseFeed(files['/rss.xml'].body), feed, '2024-06-01')).stories.map((s) => s.id);
    await library.put(ids.map((id) => readerStory(id, '先导入的同编号报道')));
    expect(await syncSource(feed, deps())).toMatchObject({ added: 0, updated: 0, conflicts: 2 });
    expect((await library.getMany(ids)).map((s) => s?.origin)).toEqual(['import', 'import']);
  });
});

describe('what a sync takes at most', { timeout: 30_000 }, () => {
  it('cuts a huge story at a sentence end and says so', async () => {
    const sentence = '株洲市今天召开会议研究部署防汛工作，要求各地压实责任。';
    const paragraph = sentence.repeat(40);
    files['/huge.xml'] = { body: rss(`<item><title>很长的报道</title><description><![CDATA[${`<p>${paragraph}</p>`.repeat(200)}]]></description></item>`) };
    const result = await syncSource(source('feed', '/huge.xml'), deps());
    expect(result).toMatchObject({ added: 1, truncated: 1 });
    const stored = (await library.all()).find((s) => s.title === '很长的报道')!;
    const length = stored.paragraphs.join('').length;
    expect(length).toBeLessThanOrEqual(MAX_STORY_CHARS);
    expect(length).toBeGreaterThan(MAX_STORY_CHARS - paragraph.length);
    expect(stored.paragraphs.at(-1)!.endsWith('。')).toBe(true);
  });

  it('takes the first items of a feed that lists too many, and counts the rest', async () => {
    const items = Array.from(
      { length: MAX_FEED_ITEMS + 7 },
      (_, i) => `<item><guid>n-${i}</guid><title>第${i}条</title><description>正文${i}。</description></item>`,
    ).join('');
    files['/many.xml'] = { body: rss(items) };
    const written: Story[] = [];
    const result = await syncSource(source('feed', '/many.xml'), { ...deps(), ...counting(written) });
    expect(result).toMatchObject({ added: MAX_FEED_ITEMS, skippedItems: 7 });
    expect(written).toHaveLength(MAX_FEED_ITEMS);
    expect(written[0].title).toBe('第0条');
  });

  it('takes the first shards of a manifest that lists too many, and remembers only what the manifest lists now', async () => {
    files['/archive/manifest.json'] = manifest(Array.from({ length: MAX_SHARDS + 5 }, () => ({ url: 'a.jsonl', version: '1' })));
    const lib = source('library', '/archive/manifest.json');
    expect(await syncSource(lib, deps())).toMatchObject({ added: 3, skippedShards: 5 });
    expect(states.get('src-library')?.shards).toHaveLength(MAX_SHARDS);

    files['/archive/manifest.json'] = manifest([{ url: 'b.jsonl', version: '1' }]);
    await syncSource(lib, deps());
    expect(Object.keys(states.get('src-library')!.fetched).sort()).toEqual([`${base}/archive/b.jsonl`, `${base}/archive/manifest.json`]);
  });

  it('keeps no ETag nor error message of unbounded size in the source’s state', async () => {
    files['/rss.xml'].etag = `"${'e'.repeat(10_000)}"`;
    expect(await syncSource(source('feed', '/rss.xml'), deps())).toMatchObject({ added: 2 });
    expect(states.get('src-feed')?.fetched[`${base}/rss.xml`]?.etag).toBeUndefined();
    // The error names the address, here a long one.
    const failed = await syncSource(source('feed', `/gone.xml?${'q'.repeat(10_000)}`, { id: 'src-bad' }), deps());
    expect(failed.problem).toBe('http');
    expect(failed.error!.length).toBeLessThanOrEqual(MAX_ERROR_CHARS);
    expect(JSON.stringify(states.get('src-bad')).length).toBeLessThan(2_000);
  });
});

describe('where a sync reads from, and how', { timeout: 30_000 }, () => {
  it('refuses a manifest whose shards point off its site: another host, a file, data, the extension', async () => {
    const other = `http://localhost:${new URL(base).port}/archive/a.jsonl`;
    for (const url of [
      other,
      'file:///etc/passwd',
      'data:application/json,{}',
      'chrome-extension://abcdefghijklmnop/x.jsonl',
      `http://u:p@${new URL(base).host}/archive/a.jsonl`,
    ]) {
      files['/archive/manifest.json'] = manifest([
        { url: 'a.jsonl', version: '1' },
        { url, version: '1' },
      ]);
      requests = [];
      const before = await library.count();
      const result = await syncSource(source('library', '/archive/manifest.json'), deps());
      expect(result, url).toMatchObject({ problem: 'format', error: expect.stringContaining("not on the manifest's site") });
      expect(requests).toEqual(['/archive/manifest.json']);
      expect(await library.count()).toBe(before);
    }
  });

  it('refuses an answer a redirect brought from another site, and follows one on the same site', async () => {
    files['/moved.xml'] = { body: '', location: `http://localhost:${new URL(base).port}/rss.xml` };
    const result = await syncSource(source('feed', '/moved.xml'), deps());
    expect(result).toMatchObject({ problem: 'redirect', error: expect.stringContaining(`http://localhost:${new URL(base).port}`) });
    files['/moved.xml'] = { body: '', location: '/rss.xml' };
    expect(await syncSource(source('feed', '/moved.xml'), deps())).toMatchObject({ added: 2 });
  });

  it('reads JSON and JSON Lines as UTF-8 whatever their text says about charsets', async () => {
    const title = '<meta charset="gbk"> 株洲日报';
    files['/archive/manifest.json'] = { ...manifest([{ url: 'a.jsonl', version: '1' }], title), type: 'application/json' };
    files['/archive/a.jsonl'] = { body: storiesToJsonl([readerStory('xxcb-1', '<meta charset=gbk>株洲新闻')]), type: 'application/x-ndjson' };
    expect(await syncSource(source('library', '/archive/manifest.json'), deps())).toMatchObject({ added: 1 });
    expect(states.get('src-library')?.title).toBe(title);
    expect((await library.get('xxcb-1'))?.title).toBe('<meta charset=gbk>株洲新闻');
  });

  it('keeps a feed item whose date names no day, dated the day of the sync, and counts it', async () => {
    files['/dates.xml'] = {
      body: rss(
        '<item><title>日期有误</title><pubDate>2024-13-45</pubDate><description>正文。</description></item><item><title>日期正常</title><pubDate>2024-05-20</pubDate><description>正文二。</description></item>',
      ),
    };
    expect(await syncSource(source('feed', '/dates.xml'), deps())).toMatchObject({ added: 2, undated: 1 });
    expect((await library.all()).find((s) => s.title === '日期有误')?.date).toBe('2024-06-01');
  });

  it('says a feed the XML parser refuses is unreadable, in the parser’s words', async () => {
    files['/entity.xml'] = {
      body: '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>',
    };
    expect(await syncSource(source('feed', '/entity.xml'), deps())).toMatchObject({
      problem: 'format',
      error: expect.stringContaining('External entities are not supported'),
    });
  });
});

describe('sources', () => {
  it('refuses an address with a user name or password when the source is added', async () => {
    await expect(makeSource({ kind: 'feed', url: 'https://reader:secret@news.example.com/rss.xml' })).rejects.toThrow(/user name or password/);
    await expect(makeSource({ kind: 'feed', url: 'https://reader@news.example.com/rss.xml' })).rejects.toThrow(/user name or password/);
  });

  it('reads a printed-page source an earlier version stored as kind "page" in today’s shape', async () => {
    const kept = new Map<string, unknown>([
      [
        'sources',
        [
          {
            id: 'src-old',
            kind: 'page',
            url: 'https://news.example.com/p3.txt',
            name: '潇湘晨报',
            enabled: true,
            page: { publication: '潇湘晨报', date: '2024-06-01', page: 3 },
          },
        ],
      ],
    ]);
    const sources = sourceRegistry(mapStore(kept));
    expect(await sources.list()).toEqual([
      {
        id: 'src-old',
        kind: 'print-page',
        url: 'https://news.example.com/p3.txt',
        name: '潇湘晨报',
        enabled: true,
        printPage: { publication: '潇湘晨报', date: '2024-06-01', page: 3 },
      },
    ]);
    await sources.update('src-old', { enabled: false });
    expect(kept.get('sources')).toEqual([expect.objectContaining({ kind: 'print-page', enabled: false, printPage: expect.objectContaining({ page: 3 }) })]);
  });

  it('takes every kind the options page offers, with what that kind needs, and no other kind', async () => {
    const url = 'https://news.example.com/x';
    expect(Object.keys(SOURCE_KINDS).sort()).toEqual(['edition', 'feed', 'library', 'print-page', 'section']);
    for (const [kind, module] of Object.entries(SOURCE_KINDS)) expect(module.kind).toBe(kind);
    // The options page offers every kind the sync reads, in the same order.
    expect(Object.keys(SOURCE_FORMS)).toEqual(Object.keys(SOURCE_KINDS));
    for (const [kind, form] of Object.entries(SOURCE_FORMS)) expect(form.kind).toBe(kind);
    expect(await makeSource({ kind: 'feed', url })).toMatchObject({
      kind: 'feed',
      url,
      name: 'news.example.com',
      named: false,
      enabled: true,
      printPage: undefined,
    });
    expect(await makeSource({ kind: 'library', url, name: ' 晨报 ' })).toMatchObject({ kind: 'library', name: '晨报', named: true, printPage: undefined });
    // The options page's own form, as it sends a printed page: its fields through the kind's fromForm.
    const form = SOURCE_FORMS['print-page'].settings!.fromForm({ publication: ' 潇湘晨报 ', date: '2024-06-01', page: '3' });
    expect(await makeSource({ kind: 'print-page', url, ...form })).toMatchObject({
      kind: 'print-page',
      name: '潇湘晨报',
      named: true,
      printPage: { publication: ' 潇湘晨报 ', date: '2024-06-01', page: 3 },
    });
    for (const printPage of [
      undefined,
      { publication: ' ', date: '2024-06-01', page: 3 },
      { publication: '晨报', date: '2024-6-1', page: 3 },
      { publication: '晨报', date: '2024-06-01', page: 0 },
    ]) {
      await expect(makeSource({ kind: 'print-page', url, printPage })).rejects.toThrow(
        /newspaper page needs its publication, its date \(YYYY-MM-DD\) and its page number/,
      );
    }
    for (const kind of ['opml', '__proto__', 'constructor', 'toString']) {
      await expect(makeSource({ kind: kind as Source['kind'], url })).rejects.toThrow(`unknown kind of source: ${kind}`);
    }
  });

  it('gives back a site’s host permission with the last source on it', async () => {
    const [a, b, c] = await Promise.all(
      ['https://a.example.com/rss.xml', 'https://a.example.com/other.json', 'http://a.example.com:8080/x'].map((url) => makeSource({ kind: 'feed', url })),
    );
    expect(permissionsToRelease(a, [b, c])).toEqual([]);
    expect(permissionsToRelease(a, [c])).toEqual(['https://a.example.com/*']);
    expect(permissionsToRelease(c, [a, b])).toEqual(['http://a.example.com:8080/*']);
    const kept = new Map<string, unknown>();
    const sources = sourceRegistry(mapStore(kept));
    await sources.add(a);
    expect(await sources.remove(a.id)).toEqual(a);
    expect(await sources.remove(a.id)).toBeUndefined();
  });
});

describe('syncing every source', { timeout: 30_000 }, () => {
  it('names a source the reader left unnamed after what it calls itself, and keeps a name the reader gave', async () => {
    const kept = new Map<string, unknown>();
    const store = mapStore(kept, true);
    const sources = sourceRegistry(store);
    const unnamed = await makeSource({ kind: 'library', url: `${base}/archive/manifest.json` });
    expect(unnamed.name).toBe('127.0.0.1');
    await sources.add(unnamed);
    await sources.add(await makeSource({ kind: 'feed', url: `${base}/rss.xml`, name: '我的订阅' }));
    const { state: _state, progress: _progress, ...rest } = deps();
    const shown: string[] = [];
    await syncRunner({ ...rest, sources, store, status: (s) => void (s && shown.push(s.source)) }).syncAll();
    expect((await sources.list()).map((s) => s.name)).toEqual(['潇湘晨报', '我的订阅']);
    // The progress line uses that name as soon as the manifest has given it.
    expect(shown[0]).toBe('127.0.0.1');
    expect(
      shown
        .slice(1)
        .filter((name) => name !== '我的订阅')
        .every((name) => name === '潇湘晨报'),
    ).toBe(true);
    expect(shown).toContain('潇湘晨报');
  });

  it('removes a source in one step with its sync: nothing of it is written or remembered afterwards', async () => {
    const kept = new Map<string, unknown>();
    const store = mapStore(kept);
    const sources = sourceRegistry(store);
    const archive = await makeSource({ kind: 'library', url: `${base}/archive/manifest.json` });
    await sources.add(archive);
    // The second shard is held back until the removal has begun.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const atSecondShard = new Promise<void>((resolve) => (reached = resolve));
    const { state: _state, progress: _progress, fetch, ...rest } = deps();
    const slowFetch: SyncDeps['fetch'] = async (url, known) => {
      if (url.endsWith('/b.jsonl')) {
        reached();
        await held;
      }
      return fetch(url, known);
    };
    const runner = syncRunner({ ...rest, fetch: slowFetch, sources, store, status: () => undefined });
    const syncing = runner.syncAll();
    await atSecondShard;
    const removing = runner.remove(archive.id, async () => {
      await sources.remove(archive.id);
      return library.removeOrigin(archive.id);
    });
    release();
    expect(await removing).toBe(3);
    expect((await syncing).has(archive.id)).toBe(false);
    expect((await library.all()).filter((s) => s.origin === archive.id)).toEqual([]);
    expect([...kept.keys()].filter((key) => key.startsWith('source-state:'))).toEqual([]);
    expect(await sources.list()).toEqual([]);
  });
});
