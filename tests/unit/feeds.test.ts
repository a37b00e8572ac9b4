import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { decodeMarkup } from '../../lib/extract/decode';
import { FeedError, parseFeed } from '../../lib/library/sync/feed';
import { feedDate, feedStories } from '../../lib/library/sync/feed-stories';
import { MAX_FEED_ITEMS } from '../../lib/library/sync/limits';
import { htmlParagraphs } from '../../lib/library/sync/html-paragraphs';

const fixture = (name: string) => readFile(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const source = { id: 'src-xjwb', name: '湘江晚报' };

describe('feeds', () => {
  it('reads RSS 2.0: title, link, guid, date, author, and the full content over the description', async () => {
    const feed = parseFeed(await fixture('rss.xml'));
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('湘江晚报 · 要闻');
    expect(feed.items.map((i) => i.title)).toEqual(['株洲钠电企业获两项国际认可', '长沙举办储能产业大会']);
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      id: 'xjwb-20240523-001',
      url: 'https://news.example.com/2024/05/23/sodium.html',
      author: '周敏',
      published: 'Thu, 23 May 2024 07:30:00 +0800',
    });
    expect(first.html).toContain('<p>德国柏林洪堡大学');
    expect(second.html).toBe('<p>储能产业大会在长沙开幕，来自全国的企业参展。</p>');
  });

  it('reads Atom: the alternate link, published before updated, html content or summary', async () => {
    const feed = parseFeed(await fixture('atom.xml'));
    expect(feed.kind).toBe('atom');
    expect(feed.items[0]).toMatchObject({
      id: 'urn:example:xjwb:2024-05-22-mideast',
      url: 'https://news.example.com/2024/05/22/mideast.html',
      published: '2024-05-22T20:15:00+08:00',
      author: '王林',
    });
    expect(feed.items[1]).toMatchObject({
      title: '湘潭新能源汽车销量增长',
      url: 'https://news.example.com/2024/05/23/ev.html',
      html: '一季度湘潭新能源汽车销量同比增长三成。',
    });
  });

  it('reads JSON Feed, html or plain text, and skips empty items', async () => {
    const feed = parseFeed(await fixture('feed.json'));
    expect(feed.kind).toBe('json');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[1]).toMatchObject({ id: '42', text: '岳阳港今年前四个月集装箱吞吐量创历史新高。\n港口负责人介绍了扩建计划。' });
  });

  it('reads a GBK feed that declares its encoding', () => {
    // 株洲 and 新闻 in GBK, around ASCII markup.
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    const bytes = new Uint8Array([
      ...ascii('<?xml version="1.0" encoding="GBK"?><rss version="2.0"><channel><title>'),
      0xd6,
      0xea,
      0xd6,
      0xde,
      0xd0,
      0xc2,
      0xce,
      0xc5,
      ...ascii('</title><item><title>'),
      0xd6,
      0xea,
      0xd6,
      0xde,
      ...ascii('</title><description>x</description></item></channel></rss>'),
    ]);
    const feed = parseFeed(decodeMarkup(bytes, 'application/rss+xml'));
    expect(feed.title).toBe('株洲新闻');
    expect(feed.items[0].title).toBe('株洲');
  });

  it('says what is wrong with a broken or foreign document, and returns nothing of it', async () => {
    const broken = (await fixture('rss.xml')).replace('</item>', '');
    expect(() => parseFeed(broken)).toThrow(FeedError);
    expect(() => parseFeed(broken)).toThrow(/broken XML at line \d+/);
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow(/not RSS or Atom \(its root is <html>\)/);
    expect(() => parseFeed('{"items": []}')).toThrow(/not a JSON Feed/);
    expect(() => parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [')).toThrow(/not valid JSON/);
    expect(() => parseFeed('株洲日报')).toThrow(/neither XML nor JSON/);
  });

  it('says a document the XML parser refuses is unreadable, with the parser’s reason', () => {
    const external = '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>';
    expect(() => parseFeed(external)).toThrow(FeedError);
    expect(() => parseFeed(external)).toThrow(/unreadable XML: External entities are not supported/);
  });

  it('takes a JSON Feed id only when it is a string or a number', async () => {
    const feed = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        items: [
          { id: { a: 1 }, url: 'https://news.example.com/1.html', content_text: '一' },
          { id: ['x'], url: 'https://news.example.com/2.html', content_text: '二' },
          { id: 7, content_text: '三' },
        ],
      }),
    );
    expect(feed.items.map((i) => i.id)).toEqual([undefined, undefined, '7']);
    const { stories } = await feedStories(feed, source, '2024-06-01');
    expect(new Set(stories.map((s) => s.id)).size).toBe(3);
  });
});

describe('feed items as stories', () => {
  it('keeps the text of the html only, with stable ids, the feed as publication and the day as written', async () => {
    const { stories } = await feedStories(parseFeed(await fixture('rss.xml')), source, '2024-06-01');
    expect(stories).toHaveLength(2);
    const [first] = stories;
    expect(first).toMatchObject({
      publication: '湘江晚报 · 要闻',
      date: '2024-05-23',
      title: '株洲钠电企业获两项国际认可',
      author: '周敏',
      origin: 'src-xjwb',
      url: 'https://news.example.com/2024/05/23/sodium.html',
    });
    expect(first.paragraphs).toEqual([
      '湖南立方新能源科技有限责任公司近期在钠离子电池领域接连获得两项国际权威认可。',
      '德国柏林洪堡大学将立方新能源列为钠电领域的知名企业&代表。',
    ]);
    expect(JSON.stringify(first)).not.toMatch(/alert|<script|onerror/);
    const { stories: again } = await feedStories(parseFeed(await fixture('rss.xml')), source, '2024-06-02');
    expect(again.map((s) => s.id)).toEqual(stories.map((s) => s.id));
    const { stories: elsewhere } = await feedStories(parseFeed(await fixture('rss.xml')), { ...source, id: 'src-other' }, '2024-06-01');
    expect(elsewhere[0].id).not.toBe(first.id);
  });

  it('dates undated items by the day of the sync, and JSON Feed plain text by its lines', async () => {
    const { stories } = await feedStories(parseFeed(await fixture('feed.json')), source, '2024-06-01');
    expect(stories.map((s) => s.date)).toEqual(['2024-05-22', '2024-06-01']);
    expect(stories[1].paragraphs).toEqual(['岳阳港今年前四个月集装箱吞吐量创历史新高。', '港口负责人介绍了扩建计划。']);
  });

  it('keeps an item whose date names no day, dated the day of the sync, and counts it', async () => {
    const feed = parseFeed('<rss><channel><item><title>错日期</title><pubDate>2024-02-30</pubDate><description>正文</description></item></channel></rss>');
    const read = await feedStories(feed, source, '2024-06-01');
    expect(read.stories.map((s) => s.date)).toEqual(['2024-06-01']);
    expect(read.undated).toBe(1);
  });

  it('takes the first items of a long feed and counts the rest', async () => {
    const items = Array.from({ length: MAX_FEED_ITEMS + 3 }, (_, i) => `<item><title>第${i}条</title><description>正文</description></item>`).join('');
    const read = await feedStories(parseFeed(`<rss><channel>${items}</channel></rss>`), source, '2024-06-01');
    expect(read.stories).toHaveLength(MAX_FEED_ITEMS);
    expect(read.skipped).toBe(3);
  });

  it('reads the day a feed wrote, in its own time zone', () => {
    expect(feedDate('Thu, 23 May 2024 07:30:00 +0800')).toBe('2024-05-23');
    expect(feedDate('Wed, 22 May 2024 23:30:00 -0500')).toBe('2024-05-22');
    expect(feedDate('2024-05-22T23:30:00-05:00')).toBe('2024-05-22');
    expect(feedDate('not a date')).toBeUndefined();
    expect(feedDate('2024-13-45')).toBeUndefined();
    expect(feedDate('2023-02-29T08:00:00Z')).toBeUndefined();
    expect(feedDate('2024-02-29T08:00:00Z')).toBe('2024-02-29');
    expect(feedDate('Sat, 13 Sep 275760 00:00:00 +0800')).toBeUndefined();
    expect(feedDate(undefined)).toBeUndefined();
  });

  it('reads html for its text: blocks are paragraphs, entities decoded, scripts and styles silent', () => {
    expect(htmlParagraphs('<div>一<br>二</div><p>三 &amp; 四</p><style>p{}</style><script>x()</script><ul><li>五</li><li>六</li></ul>')).toEqual([
      '一',
      '二',
      '三 & 四',
      '五',
      '六',
    ]);
    expect(htmlParagraphs('纯文本')).toEqual(['纯文本']);
    expect(htmlParagraphs('<svg/>图后<iframe src="x"/>仍在')).toEqual(['图后仍在']);
  });

  it('reads 200,000 unclosed tags in one pass', () => {
    // A generous guard against the quadratic cost of a parser's open-element stack (minutes, before).
    const started = performance.now();
    expect(htmlParagraphs(`${'<span>字'.repeat(200_000)}<p>尾</p>`)).toEqual(['字'.repeat(200_000), '尾']);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
