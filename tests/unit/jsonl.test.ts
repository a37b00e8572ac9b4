import { describe, expect, it } from 'vitest';
import { ImportError, storiesFromJsonl, storiesToJsonl } from '../../lib/library/jsonl';
import { bundledStories, readerStory } from './helpers';

const problemsOf = (text: string): string[] => {
  try {
    storiesFromJsonl(text);
  } catch (error) {
    if (error instanceof ImportError) return error.problems;
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
      'line 4: date: must be a date written YYYY-MM-DD',
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
});
