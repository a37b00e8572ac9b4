import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStory, type Story } from '../../lib/story';
import { type EditionServer, serveEditions } from '../fixtures/edition-server';
import { readerStory } from './helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));

function insight(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(args);
}

function run(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'scripts/insight.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

// Each test starts a Node process that loads jieba and analyses the library: seconds, not milliseconds.
describe('insight CLI', { timeout: 60_000 }, () => {
  it('exports the bundled library as JSON Lines, one story per line', async () => {
    const { code, stdout } = await insight('export');
    expect(code).toBe(0);
    const stories = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(stories).toHaveLength(10);
    for (const story of stories) expect(Object.keys(story)).toEqual(expect.arrayContaining(['id', 'title', 'date', 'paragraphs']));
  });

  it('reads an exported library named by --library, before or after the command', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'insight-'));
    const file = join(dir, 'library.jsonl');
    const exported = (await insight('export')).stdout;
    await writeFile(file, `${exported}${JSON.stringify(readerStory('reader-1'))}\n`);
    const before = await insight('--library', file, 'export');
    const after = await insight('export', '--library', file);
    expect(before.stdout.trim().split('\n')).toHaveLength(11);
    expect(after.stdout).toBe(before.stdout);
  });

  it('searches the library for a name: the stories that mention it, best first, as the popup lists them', async () => {
    const { code, stdout } = await insight('search', '厂BA');
    expect(code).toBe(0);
    const hits = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(hits).toHaveLength(1);
    expect(Object.keys(hits[0]).sort()).toEqual(['date', 'id', 'score', 'title']);
    expect(hits[0].title).toContain('厂BA');
    const english = (await insight('search', 'Xi', 'Jinping')).stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(
      english
        .map((h) => h.title)
        .slice(0, 2)
        .every((t: string) => t.startsWith('习近平')),
    ).toBe(true);
    expect(english.map((h) => h.score)).toEqual([...english.map((h) => h.score)].sort((a, b) => b - a));
    expect(await insight('search', '量子计算机')).toMatchObject({ code: 0, stdout: '' });
    const passage = await insight('search', '市委书记曹慧泉率团访问土耳其，调研中车株机土耳其基地。');
    expect(passage.code).toBe(2);
    expect(passage.stderr).toContain('analyze');
    expect((await insight('search')).code).toBe(2);
  });

  it('analyzes JSON Lines: one line out per line in, in order, with entities, keywords and related stories', async () => {
    const input = [
      { id: 'turkey', text: '中车株机董事长傅成毅随团访问土耳其，调研伊斯坦布尔机场线地铁车辆项目。' },
      { id: 'empty', text: '' },
      { id: 'traditional', text: '習近平致電祝賀北馬其頓總統' },
    ];
    const { code, stdout } = await run(['analyze', '--jsonl'], `${input.map((i) => JSON.stringify(i)).join('\n')}\nnot json\n`);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id)).toEqual(['turkey', 'empty', 'traditional', null]);
    expect(lines[0].entities).toEqual({ person: ['傅成毅'], place: expect.arrayContaining(['土耳其']), org: ['中车株机'] });
    expect(lines[0].keywords).toContain('傅成毅');
    expect(lines[0].related[0]).toMatchObject({
      title: '曹慧泉率团访问阿联酋、沙特、土耳其',
      date: '2024-05-22',
      shared: expect.arrayContaining(['傅成毅', '中车株机']),
    });
    expect(lines[0].related[0].score).toBeGreaterThan(0);
    expect(lines[1]).toEqual({ id: 'empty', entities: { person: [], place: [], org: [] }, keywords: [], related: [] });
    expect(lines[2].entities.place).toContain('北马其顿');
    expect(lines[3].error).toMatch(/line 4: not JSON/);
  });

  it.each([
    [['analyze'], /add --jsonl/],
    [['--bogus', 'export'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [[], /no command given/],
    [['export', '--library', '/no/such/file.jsonl'], /cannot read library file .*ENOENT/],
  ])('ends %j with a message on stderr and a non-zero exit', async (args, message) => {
    const { code, stdout, stderr } = await insight(...args);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('names the line and field of a broken library file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'insight-'));
    const file = join(dir, 'broken.jsonl');
    await writeFile(file, `${JSON.stringify(readerStory('a'))}\n{"id":"b"}\n`);
    const { code, stderr } = await insight('export', '--library', file);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/line 2: date: is missing/);
  });

  it('names a UTF-16 library file, and never echoes a binary file’s control bytes to the terminal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'insight-'));
    const utf16 = join(dir, 'utf16.jsonl');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${JSON.stringify(readerStory('a'))}\n`, 'utf16le')]));
    expect((await insight('export', '--library', utf16)).stderr).toMatch(/the file is UTF-16 text; save it as UTF-8/);
    const binary = join(dir, 'binary.jsonl');
    await writeFile(binary, Buffer.from(`\u001b]0;pwned\u0007\u001b[2J${'\u0001'.repeat(2000)}\n`, 'latin1'));
    const { code, stderr } = await insight('export', '--library', binary);
    expect(code).toBe(2);
    expect(stderr).toMatch(/line 1: not JSON/);
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(stderr.split('\n')[0].length).toBeLessThan(300);
  });
  it('answers a line that is JSON but no input object with an error line, and reads on', async () => {
    const lines = [
      'null',
      '42',
      '"株洲"',
      '[{"id":"x","text":"株洲"}]',
      '{"id":"none"}',
      '{"id":7,"text":12}',
      '{"id":"last","text":"株洲南方阀门斩获华夏建设科学技术奖"}',
    ];
    const { code, stdout } = await run(['analyze', '--jsonl'], `${lines.join('\n')}\n`);
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(out.map((o) => o.id)).toEqual([null, null, null, null, 'none', 7, 'last']);
    for (const [i, o] of out.slice(0, 4).entries()) expect(o.error).toBe(`line ${i + 1}: not a JSON object`);
    expect(out[4].error).toBe('line 5: needs a "text" or an "html" string');
    expect(out[5].error).toBe('line 6: needs a "text" or an "html" string');
    expect(out[6].related[0].title).toContain('南方阀门');
  });

  it('extracts the article of html input and relates it as the popup would', async () => {
    const html = await readFile(new URL('../fixtures/pages/news.html', import.meta.url), 'utf8');
    const lines = [
      JSON.stringify({ id: 'page', html, url: 'https://news.example.com/a.html' }),
      JSON.stringify({ id: 'links', html: '<html><body><nav><a href="/">首页</a></nav></body></html>' }),
    ].join('\n');
    const { code, stdout } = await run(['analyze', '--jsonl'], lines);
    expect(code).toBe(0);
    const [page, links] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(page.article.title).toBe('株洲钠电企业获两项国际认可');
    expect(page.article.date).toBe('2024-05-23');
    expect(page.article.text).toContain('德国柏林洪堡大学');
    expect(page.article.text).not.toMatch(/相关阅读|热门评论|分享到/);
    expect(page.related[0].title).toBe('立方新能源获国际权威双认可');
    expect(links).toEqual({ id: 'links', error: 'line 2: the html holds no article' });
  });
});

describe('insight crawl', { timeout: 60_000 }, () => {
  let editions: EditionServer;
  beforeAll(async () => {
    editions = await serveEditions();
  });
  afterAll(() => editions.close());
  const lines = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Story);

  it('prints every article of every page of a GBK edition, with its date, page and title, and nothing from navigation', async () => {
    editions.requests.length = 0;
    const { code, stdout, stderr } = await insight('crawl', `${editions.base}/gbk/html/2024-06/01/node_2.htm`);
    expect(code).toBe(0);
    const stories = lines(stdout);
    expect(stories.map((s) => [s.date, s.page, s.pageName, s.title])).toEqual([
      ['2024-06-01', 1, '要闻', '荷塘区新建智能制造产业园开工'],
      ['2024-06-01', 1, '要闻', '湘江风光带新增三处亲水平台'],
      ['2024-06-01', 2, '经济', '炎陵黄桃进入采摘季 果农盼丰收'],
      ['2024-06-01', 2, '经济', '市区新开通两条社区微循环公交'],
      ['2024-06-01', 3, '评论', '让城市绿道真正成为市民的后花园'],
    ]);
    // In the export format: an import takes every line back.
    for (const story of stories) expect(checkStory(story)).toHaveProperty('story');
    expect(stories[0]).toMatchObject({ kicker: '聚焦产业升级', subheads: [{ text: '首期投资十二亿元 预计明年投产', before: 0 }], author: '本报记者 龙晓岚' });
    expect(stories[0].url).toBe(`${editions.base}/gbk/html/2024-06/01/content_10001.htm`);
    expect(stories[2].byline).toBe('本报讯（记者 罗静 通讯员 彭亮）');
    const text = stdout;
    for (const furniture of ['上一篇', '下一篇', '返回目录', '版权所有', '往期回顾', '端午龙舟赛', '广告']) expect(text).not.toContain(furniture);
    // Neither the day before, nor an article's 上一篇 / 下一篇, nor another site.
    expect(editions.requests.filter((path) => /2024-05|content_1000[06]/.test(path))).toEqual([]);
    expect(stderr).toContain('edition');
    expect(stderr).toContain('5 stories');
  });

  it('caps the articles with --max, and reads a feed and page text too', async () => {
    const capped = await insight('crawl', `${editions.base}/utf8/pc/layout/202406/02/node_01.html`, '--max', '2');
    expect(capped.code).toBe(0);
    expect(lines(capped.stdout).map((s) => s.title)).toEqual(['株洲企业研发新型储能电池通过检测', '渌口区启动农村道路提质改造']);
    const files: Record<string, string> = {
      '/news.xml': await readFile(new URL('../fixtures/feeds/rss.xml', import.meta.url), 'utf8'),
      '/p3.txt': await readFile(new URL('../fixtures/pages/evening-news-p3.txt', import.meta.url), 'utf8'),
    };
    const server = createServer((request, response) => {
      const body = files[request.url ?? ''];
      response.writeHead(body === undefined ? 404 : 200).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const feed = await insight('crawl', `${base}/news.xml`, '--max', '1');
      expect(feed.code).toBe(0);
      expect(lines(feed.stdout)).toHaveLength(1);
      expect(feed.stderr).toContain('feed');
      const page = await insight('crawl', `${base}/p3.txt`);
      expect(page.code).toBe(0);
      expect(lines(page.stdout).length).toBeGreaterThan(1);
      expect(page.stderr).toContain('print-page');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reads the last N days of a dated edition with --days, ending at the address’s day and skipping days without one', async () => {
    editions.requests.length = 0;
    const { code, stdout } = await insight('crawl', `${editions.base}/utf8/content/2024-06/06/node_2.htm`, '--days', '3', '--pause', '0');
    expect(code).toBe(0);
    expect(lines(stdout).map((s) => [s.date, s.page, s.title])).toEqual([
      ['2024-06-06', 1, '轨道交通装备产业园签约五个项目'],
      ['2024-06-06', 1, '湘江株洲段开展水上安全巡查'],
      ['2024-06-06', 2, '图书馆暑期少儿阅读营开始报名'],
      ['2024-06-05', 1, '云龙示范区新建两座人行天桥'],
    ]);
    expect(editions.requests).toContain('/utf8/content/2024-06/04/node_2.htm');
    expect(editions.requests.filter((path) => /2024-06\/0[37]/.test(path))).toEqual([]);
    // An address that is no dated edition (here a page of text): --days is refused.
    editions.robots = '株洲日报\n\n标题\n\n正文。';
    const undated = await insight('crawl', `${editions.base}/robots.txt`, '--days', '3');
    editions.robots = undefined;
    expect(undated.code).toBe(2);
    expect(undated.stderr).toContain('--days');
    expect((await insight('crawl', `${editions.base}/utf8/content/2024-06/06/node_2.htm`, '--days', '400')).code).toBe(2);
  });

  it('says what is wrong with a bad address or an unreachable one, and exits non-zero', async () => {
    const bad = await insight('crawl', 'not an address');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a web address');
    const gone = await insight('crawl', `${editions.base}/gbk/html/2024-06/09/node_2.htm`);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('404');
    expect(gone.stdout).toBe('');
    const max = await insight('crawl', `${editions.base}/gbk/html/2024-06/01/node_2.htm`, '--max', 'many');
    expect(max.code).toBe(2);
  });
});
