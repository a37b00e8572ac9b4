import { describe, expect, it } from 'vitest';
import {
  describeImportProblem,
  ImportError,
  jsonlParts,
  MAX_LINE_LENGTH,
  readJsonl,
  storiesFromJsonl,
  storiesToJsonl,
  storyLine,
} from '../../lib/library/jsonl';
import type { Story } from '../../lib/story';
import { MAX_NAME_CHARS } from '../../lib/nlp/gazetteer';
import { bundledStories, readerStory } from './helpers';

const problemsOf = (text: string): string[] => {
  try {
    storiesFromJsonl(text);
  } catch (error) {
    if (error instanceof ImportError) return error.problems.map(describeImportProblem);
    throw error;
  }
  throw new Error('expected the import to fail');
};

describe('JSON Lines', () => {
  it('reads back exactly what it wrote', async () => {
    const stories = await bundledStories();
    const text = storiesToJsonl(stories);
    expect(text.trim().split('\n')).toHaveLength(10);
    expect(storiesFromJsonl(text)).toEqual(stories);
  });

  it('accepts a byte-order mark, CRLF line ends and blank lines', () => {
    const line = JSON.stringify(readerStory('a'));
    expect(storiesFromJsonl(`\uFEFF${line}\r\n\r\n${JSON.stringify(readerStory('b'))}\r\n`).map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('fills defaults a minimal story leaves out', () => {
    const [story] = storiesFromJsonl('{"id":"x1","publication":"株洲日报","date":"2024-05-22","title":"标题","paragraphs":["正文。"]}');
    expect(story).toMatchObject({ subheads: [], captions: [], origin: 'import' });
  });

  it('names the line and the field of every problem', () => {
    const good = JSON.stringify(readerStory('ok'));
    const noTitle = JSON.stringify({ ...readerStory('t'), title: '  ' });
    const badDate = JSON.stringify({ ...readerStory('d'), date: '22/05/2024' });
    const problems = problemsOf([good, '{not json', noTitle, badDate, good].join('\n'));
    expect(problems).toEqual([
      expect.stringMatching(/^line 2: not JSON/),
      'line 3: title: must not be empty',
      'line 4: date: must be a real day written YYYY-MM-DD, in 1900–2100',
      'line 5: id: "ok" is already used on line 1',
    ]);
  });

  it('reports a missing field by name', () => {
    const { paragraphs: _, ...noParagraphs } = readerStory('p');
    expect(problemsOf(JSON.stringify(noParagraphs))).toEqual([expect.stringMatching(/^line 1: paragraphs: /)]);
  });

  it('refuses an empty file and a file of another format', () => {
    expect(problemsOf('\n\n')).toEqual(['the file holds no stories']);
    expect(problemsOf('<?xml version="1.0"?><rss></rss>')[0]).toMatch(/^line 1: not JSON/);
    expect(problemsOf('[1, 2]')[0]).toMatch(/^line 1: /);
  });

  it('says in its message that nothing was imported', () => {
    expect(() => storiesFromJsonl('nope')).toThrow(/nothing was imported/);
  });

  it('refuses days that do not exist and years no newspaper story has, naming line and field', () => {
    const lines = ['2024-02-31', '0000-01-01', '2023-02-29', '1899-12-31', '2101-01-01'].map((date, i) => JSON.stringify({ ...readerStory(`d${i}`), date }));
    expect(problemsOf(lines.join('\n'))).toEqual([1, 2, 3, 4, 5].map((n) => `line ${n}: date: must be a real day written YYYY-MM-DD, in 1900–2100`));
    expect(storiesFromJsonl(JSON.stringify({ ...readerStory('leap'), date: '2024-02-29' }))[0].date).toBe('2024-02-29');
  });

  it('refuses numbers JSON cannot hold, and never writes them', () => {
    const story = { ...readerStory('w'), analysis: { entities: { person: [], place: [], org: [] }, keywords: [{ word: '株洲', weight: 1 }], aliases: {} } };
    const line = JSON.stringify(story).replace('"weight":1', '"weight":1e309');
    expect(problemsOf(line)).toEqual(['line 1: analysis.keywords.0.weight: must be a finite number']);
    const infinite = { ...story, analysis: { ...story.analysis, keywords: [{ word: '株洲', weight: Infinity }] } };
    expect(() => storyLine(infinite)).toThrow(/w: weight is not a finite number/);
  });

  it('says a line that is not an object is not a story', () => {
    expect(problemsOf('[1,2,3]\n"text"\nnull\n42')).toEqual([
      'line 1: not a story object but an array',
      'line 2: not a story object but a string',
      'line 3: not a story object but null',
      'line 4: not a story object but a number',
    ]);
  });

  it('names UTF-16 and binary files instead of calling them not JSON', async () => {
    const text = JSON.stringify(readerStory('u'));
    const bytes = (buffer: Buffer) =>
      readJsonl(
        (async function* () {
          yield new Uint8Array(buffer);
        })(),
      );
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await expect(bytes(utf16le)).rejects.toThrow(/UTF-16 text; save it as UTF-8/);
    await expect(bytes(Buffer.from(text, 'utf16le'))).rejects.toThrow(/UTF-16 text; save it as UTF-8/);
    await expect(bytes(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x1b, 0x5b]))).rejects.toThrow(/binary/);
    await expect(bytes(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]))).rejects.toThrow(/not UTF-8 text/);
    // The same UTF-16 text already decoded as UTF-8 (the command line reads it so).
    expect(problemsOf(Buffer.from(text, 'utf16le').toString('utf8'))[0]).toMatch(/UTF-16 or binary/);
  });

  it('quotes the file without its control characters, and briefly', () => {
    const hostile = `\u001b[2J\u001b]0;pwned\u0007${'x'.repeat(5000)}`;
    const [problem] = problemsOf(hostile);
    expect(problem).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(problem).toContain('\\u001b');
    expect(problem.length).toBeLessThan(200);
    const field = problemsOf(JSON.stringify({ ...readerStory('c'), page: `\u001b[31m${'y'.repeat(5000)}` }))[0];
    expect(field).not.toMatch(/[\u0000-\u001f]/);
    expect(field.length).toBeLessThan(300);
  });

  it('gives a story without a publication the paper’s own, and counts it', async () => {
    const { publication: _, ...bare } = readerStory('np');
    const read = await readJsonl(
      (async function* () {
        yield new TextEncoder().encode(`${JSON.stringify(bare)}\n${JSON.stringify(readerStory('p'))}\n`);
      })(),
    );
    expect(read.stories.map((s) => s.publication)).toEqual(['株洲日报', '潇湘晨报']);
    expect(read.defaulted).toBe(1);
  });

  it('bounds names in the analysis and the story’s text', () => {
    const long = (n: number) => '株'.repeat(n);
    const analysis = (name: string) => ({ entities: { person: [name], place: [], org: [] }, keywords: [], aliases: {} });
    const problems = problemsOf(
      [
        { ...readerStory('n1'), analysis: analysis(long(MAX_NAME_CHARS + 1)) },
        { ...readerStory('n2'), title: long(501) },
        { ...readerStory('n3'), paragraphs: Array.from({ length: 11 }, () => long(5000)) },
        { ...readerStory('n4'), paragraphs: Array.from({ length: 2001 }, () => '段') },
      ]
        .map((s) => JSON.stringify(s))
        .join('\n'),
    );
    expect(problems).toEqual([
      `line 1: analysis.entities.person.0: must be a name of at most ${MAX_NAME_CHARS} characters`,
      'line 2: title: must be at most 500 characters',
      'line 3: paragraphs: must hold at most 50000 characters in all',
      'line 4: paragraphs: must hold at most 2000 paragraphs',
    ]);
    expect(storiesFromJsonl(JSON.stringify({ ...readerStory('ok'), analysis: analysis(long(MAX_NAME_CHARS)) }))).toHaveLength(1);
  });

  it('reads a file in pieces, a line split anywhere, and refuses an endless line without holding it', async () => {
    const stories = Array.from({ length: 50 }, (_, i) => readerStory(`s${i}`, `第${i}篇`));
    const bytes = new TextEncoder().encode(storiesToJsonl(stories));
    const pieces = async function* (size: number) {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    };
    // 7 bytes cut the three-byte characters of the titles too.
    expect((await readJsonl(pieces(7))).stories).toEqual(stories);
    const endless = async function* () {
      for (let i = 0; i < 30; i++) yield new TextEncoder().encode('x'.repeat(MAX_LINE_LENGTH / 10));
      yield new TextEncoder().encode(`\n${JSON.stringify(readerStory('after'))}\n[]`);
    };
    await expect(readJsonl(endless())).rejects.toThrow(/The file has 2 problems.*\nline 1: longer than 2,000,000 characters.*\nline 3: not a story object/s);
  });

  it('writes the library in bounded parts, batch by batch', async () => {
    const big: Story = { ...readerStory('big'), paragraphs: ['株'.repeat(40_000)] };
    const batches = async function* () {
      for (let b = 0; b < 20; b++) yield Array.from({ length: 5 }, (_, i) => ({ ...big, id: `big-${b}-${i}` }));
    };
    const parts: string[] = [];
    for await (const part of jsonlParts(batches())) parts.push(part);
    expect(parts.length).toBeGreaterThan(3);
    const longestLine = storyLine({ ...big, id: 'big-19-4' }).length;
    for (const part of parts) expect(part.length).toBeLessThan((1 << 20) + longestLine);
    expect(storiesFromJsonl(parts.join(''))).toHaveLength(100);
  });
});
