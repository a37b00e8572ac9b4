import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PrintPageError, parsePrintPage, type PrintPageInfo } from '../../lib/library/print-page';

const info: PrintPageInfo = { publication: '湘江晚报', date: '2024-07-13', page: 3, origin: 'test' };
const fixture = (name: string) => readFile(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8');

describe('printed-page importer on a page it was not written for', () => {
  it('finds the four stories with their parts', async () => {
    const stories = await parsePrintPage(await fixture('evening-news-p3.txt'), info);
    expect(stories.map((s) => s.title)).toEqual([
      '炎陵黄桃开园 首批鲜果销往长三角',
      '天元区图书馆夜间开放 市民读书到十点',
      '游泳安全课开到家门口',
      '让夜经济亮起来也静下来',
    ]);
    const [peach, library, swimming, comment] = stories;

    expect(peach.kicker).toBe('乡村振兴进行时');
    expect(peach.byline).toBe('湘江晚报讯(记者/欧阳林 通讯员/谭小芸)');
    expect(peach.paragraphs).toHaveLength(2);
    expect(peach.paragraphs[0]).toContain('种植面积达到十万亩,预计产值');
    expect(peach.paragraphs[1]).toContain('设立了冷链分拣中心,果农');

    expect(library.byline).toBe('本报讯（记者 刘洋）');
    expect(library.paragraphs[0]).toMatch(/^天元区图书馆自本月起/);

    expect(swimming.captions).toEqual(['暑期游泳安全课走进社区。黄晓东 摄']);
    expect(swimming.subheads).toEqual([{ text: '社区课堂,家长也来听', before: 1 }]);
    expect(swimming.paragraphs[1]).toBe('讲台设在小区的游泳池边,二十多名家长跟着孩子一起学习溺水急救的要领。多个社区表示,将把安全课办到暑假结束。');
    expect(swimming.continuation).toBe('下转A4版');

    expect(comment).toMatchObject({ kicker: '街谈巷议', author: '周明远', paragraphs: [expect.stringMatching(/^夜市热闹/)] });
    for (const story of stories) expect(story).toMatchObject({ publication: '湘江晚报', date: '2024-07-13', page: 3, origin: 'test' });
  });

  it('accepts Windows line ends and full-width spaces', async () => {
    const text = '\u3000小标题新闻一则\r\n\r\n本报讯(记者/李明) 今天天气晴。\r\n';
    const [story] = await parsePrintPage(text, info);
    expect(story.title).toBe('小标题新闻一则');
    expect(story.paragraphs).toEqual(['今天天气晴。']);
  });
});

describe('printed-page importer on bad input', () => {
  const cases: Array<[what: string, text: string, message: RegExp]> = [
    ['empty text', '', /empty/],
    ['only blank lines', '\n \n\u3000\n', /empty/],
    ['binary data', 'PK\u0003\u0004\u0000\u0000garbage', /not plain text/],
    ['a wrong decode', '鏍囬\uFFFD\uFFFD鏂伴椈', /not plain text/],
    ['text with no headline', '这是一段没有标题的正文,而且很长很长很长很长很长很长很长很长很长很长很长很长很长。', /line 1: text before the first headline/],
    ['a headline with nothing under it', '正文之前\n\n只有标题', /has no text under it/],
  ];

  it.each(cases)('rejects %s with a clear message', async (_what, text, message) => {
    const attempt = parsePrintPage(text, info);
    await expect(attempt).rejects.toBeInstanceOf(PrintPageError);
    await expect(attempt).rejects.toThrow(message);
  });
});
