import { describe, expect, it } from 'vitest';
import { capParagraphs } from '../../lib/library/sync/story-cap';

describe('a feed item’s text cut to size', () => {
  it('keeps text within the limit as it is', () => {
    const short = ['一句。', '两句。'];
    expect(capParagraphs(short, 100)).toEqual({ paragraphs: short, truncated: false });
  });

  it('cuts at the last sentence end that fits', () => {
    const { paragraphs, truncated } = capParagraphs(['第一段。', '第二段第一句。第二段“第二句！”第三句没有完', '第三段。'], 22);
    expect(truncated).toBe(true);
    expect(paragraphs).toEqual(['第一段。', '第二段第一句。第二段“第二句！”']);
  });

  it('ends at a paragraph when the next has no sentence end that fits; English stops are ends before a space only', () => {
    expect(capParagraphs(['First one. ', 'Pi is 3.14159 and more'], 20).paragraphs).toEqual(['First one. ']);
    expect(capParagraphs(['It costs 3.5 yuan. Then more'], 20).paragraphs).toEqual(['It costs 3.5 yuan.']);
    // No sentence ends within 14 (not after 3.): a first paragraph is then cut where the room ends.
    expect(capParagraphs(['It costs 3.5 yuan. Then more'], 14).paragraphs).toEqual(['It costs 3.5 y']);
  });

  it('cuts a first paragraph without any sentence end hard, never inside a character', () => {
    expect(capParagraphs(['𠀀'.repeat(10)], 5).paragraphs).toEqual(['𠀀𠀀']);
  });
});
