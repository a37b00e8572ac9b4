import { describe, expect, it } from 'vitest';
import { surnamesAddressed } from '../../lib/nlp/ner/addressed';
import type { Span } from '../../lib/nlp/ner/model';
import { wordsAt } from '../../lib/nlp/ner/word-index';
import { names, sentence, spansOf } from './tagged-sentence';

const person = (text: string, name: string): Span => ({ type: 'person', start: text.indexOf(name), end: text.indexOf(name) + name.length });
const cut = (text: string, spans: Span[]) => names(text, surnamesAddressed(text, wordsAt([]), spans));
const added = (tagged: string, named: Array<[Span['type'], string]> = []) => {
  const { text, tokens } = sentence(tagged);
  return names(text, surnamesAddressed(text, wordsAt(tokens), spansOf(text, named)));
};

describe('a person named by surname and form of address', () => {
  it('is the surname, one or two characters, after a form or a title', () => {
    const text = '骂骂咧咧的陈小姐顿时瞠目，欧阳先生和职工王某也在场，唐外长说。';
    expect(cut(text, [person(text, '陈小姐'), person(text, '欧阳先生'), person(text, '王某'), person(text, '唐外长')])).toEqual([
      'person:陈',
      'person:欧阳',
      'person:王',
      'person:唐',
    ]);
  });

  it('leaves a full name, a word that is no surname, and the other kinds be', () => {
    const text = '邵一夫先生和老先生来到公司。';
    const org: Span = { type: 'org', start: text.indexOf('公司') - 1, end: text.indexOf('公司') + 2 };
    expect(cut(text, [person(text, '邵一夫先生'), person(text, '老先生'), org])).toEqual(['person:邵一夫先生', 'person:老先生', 'org:到公司']);
  });

  it('is found where the model found nothing: the surname starts jieba’s word, with its form or before it', () => {
    expect(added('胡老/x 介绍/v 说/v ：/x')).toEqual(['person:胡']);
    expect(added('江主席/n 洞察/n 世界/n 军事/n 。/x')).toEqual(['person:江']);
    expect(added('周先生/nr 的/uj 这番话/n')).toEqual(['person:周']);
    expect(added('贺龙/nr 元帅/nr 也/d 为/p 程/nr 先生/n 写/v 信/n', [['person', '贺龙']])).toEqual(['person:贺龙', 'person:程']);
  });

  it('is not an ordinary word jieba knows (古老, 元老, 养老) nor a name already found', () => {
    expect(added('比如/v 古老/nr 而/c 可爱/v')).toEqual([]);
    expect(added('政坛/n 元老/nr 宋双/x', [['person', '宋双']])).toEqual(['person:宋双']);
    expect(added('国家/n 主席/n 江泽民/nr', [['person', '江泽民']])).toEqual(['person:江泽民']);
    expect(added('王小姐/nr 说/v', [['person', '王小姐']])).toEqual(['person:王']);
  });
});
