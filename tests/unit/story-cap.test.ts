import { describe, expect, it } from 'vitest';
import { capStory } from '../../lib/library/sync/story-cap';
import { readerStory } from './helpers';

const story = (paragraphs: string[], subheads: Array<{ text: string; before: number }> = []) => ({ ...readerStory('cap-1'), paragraphs, subheads });

describe('a story cut to size', () => {
  it('keeps a story within the limit as it is', () => {
    const short = story(['一句。', '两句。']);
    expect(capStory(short, 100)).toEqual({ story: short, truncated: false });
  });

  it('cuts at the last sentence end that fits, and drops the sub-heads of what is gone', () => {
    const { story: cut, truncated } = capStory(story(['第一段。', '第二段第一句。第二段“第二句！”第三句没有完', '第三段。'], [{ text: '小标题', before: 2 }]), 22);
    expect(truncated).toBe(true);
    expect(cut.paragraphs).toEqual(['第一段。', '第二段第一句。第二段“第二句！”']);
    expect(cut.subheads).toEqual([]);
  });

  it('ends at a paragraph when the next has no sentence end that fits; English stops are ends before a space only', () => {
    expect(capStory(story(['First one. ', 'Pi is 3.14159 and more']), 20).story.paragraphs).toEqual(['First one. ']);
    expect(capStory(story(['It costs 3.5 yuan. Then more']), 20).story.paragraphs).toEqual(['It costs 3.5 yuan.']);
    // No sentence ends within 14 (not after 3.): a first paragraph is then cut where the room ends.
    expect(capStory(story(['It costs 3.5 yuan. Then more']), 14).story.paragraphs).toEqual(['It costs 3.5 y']);
  });

  it('cuts a first paragraph without any sentence end hard, never inside a character', () => {
    const { story: cut } = capStory(story(['𠀀'.repeat(10)]), 5);
    expect(cut.paragraphs).toEqual(['𠀀𠀀']);
  });
});
