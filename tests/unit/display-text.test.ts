import { describe, expect, it } from 'vitest';
import { displayPunctuation } from '../../lib/display-punctuation';
import { nameRuns } from '../../lib/name-runs';
import { sourceLink } from '../../lib/story';

describe('display punctuation', () => {
  it('shows half-width marks between Chinese characters full-width', () => {
    expect(displayPunctuation('14日,市委书记曹慧泉;随后:')).toBe('14日，市委书记曹慧泉；随后:');
    expect(displayPunctuation('进企业、厂区,长株潭联动开赛')).toBe('进企业、厂区，长株潭联动开赛');
    expect(displayPunctuation('一是;二是:三是')).toBe('一是；二是：三是');
    expect(displayPunctuation('他说:“好”')).toBe('他说：“好”');
    expect(displayPunctuation('真的吗?是的! 好')).toBe('真的吗？是的！ 好');
    expect(displayPunctuation('株洲(湖南)报道,(记者 李明)')).toBe('株洲（湖南）报道，（记者 李明）');
  });

  it('leaves numbers, times and English alone', () => {
    for (const text of ['1,000元', '10:30开始', 'Hello, world! (AI)', 'CRRC ZELC (Turkey)', '2024年,']) expect(displayPunctuation(text)).toBe(text);
  });

  it('keeps the text’s length, so ranges into it (a snippet’s marks) stay valid', () => {
    const text = '株洲(湖南)报道,市委书记:曹慧泉?';
    expect(displayPunctuation(text)).toHaveLength(text.length);
  });
});

describe('name runs', () => {
  it('cuts a headline into names and the text between, the longer name where two overlap', () => {
    expect(nameRuns('曹慧泉率团访问阿联酋、沙特、土耳其', ['曹慧泉', '阿联酋', '沙特', '土耳其'])).toEqual([
      { text: '曹慧泉', name: true },
      { text: '率团访问', name: false },
      { text: '阿联酋', name: true },
      { text: '、', name: false },
      { text: '沙特', name: true },
      { text: '、', name: false },
      { text: '土耳其', name: true },
    ]);
    expect(nameRuns('中车株机签约', ['株机', '中车株机'])).toEqual([
      { text: '中车株机', name: true },
      { text: '签约', name: false },
    ]);
  });

  it('gives the whole text as one run when it names none of them', () => {
    expect(nameRuns('以“株洲标准”擦亮城市品牌', ['曹慧泉'])).toEqual([{ text: '以“株洲标准”擦亮城市品牌', name: false }]);
    expect(nameRuns('', ['曹慧泉'])).toEqual([]);
  });
});

describe('a story’s source link', () => {
  it('is the story’s address only when that is a web page', () => {
    expect(sourceLink({ url: 'https://example.com/a?b=1' })).toBe('https://example.com/a?b=1');
    expect(sourceLink({ url: 'http://example.com/' })).toBe('http://example.com/');
    for (const url of [undefined, '', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'not a url'])
      expect(sourceLink({ url })).toBeUndefined();
  });
});
