import { describe, expect, it } from 'vitest';
import { nameKnowledge } from '../../lib/nlp/knowledge';
import { placePairs } from '../../lib/nlp/ner/pairs';
import type { Span } from '../../lib/nlp/ner/model';
import { wordsAt } from '../../lib/nlp/ner/word-index';
import { names, sentence, spansOf } from './tagged-sentence';

const pairs = (tagged: string, named: Array<[Span['type'], string]>) => {
  const { text, tokens } = sentence(tagged);
  return names(text, placePairs(text, wordsAt(tokens), spansOf(text, named), nameKnowledge()));
};

describe('two countries by one character each', () => {
  it('are two places where the model read one (中非 of China and Africa)', () => {
    expect(pairs('关于/p 中非/ns 合作/vn', [['place', '中非']])).toEqual(['place:中', 'place:非']);
  });

  it('are two places where the model found one and jieba reads the pair as a place or the other as a word of its own', () => {
    expect(pairs('目前/t 意中/ns 两国关系/l', [['place', '中']])).toEqual(['place:意', 'place:中']);
    expect(pairs('就/d 日/m 俄/j 和约/n', [['place', '俄']])).toEqual(['place:日', 'place:俄']);
    expect(pairs('建立/v 美/ns 中/f 建设性/n 关系/n', [['place', '美']])).toEqual(['place:美', 'place:中']);
  });

  it('leave a country’s name, a region, an ordinary word and a character inside another word be', () => {
    expect(pairs('访问/v 印尼/ns', [['place', '印尼']])).toEqual(['place:印尼']);
    expect(pairs('华北/ns 地区/n', [['place', '华北']])).toEqual(['place:华北']);
    expect(pairs('来自/v 北美/ns', [['place', '北美']])).toEqual(['place:北美']);
    expect(pairs('机场/n 和/c 海港/ns', [['place', '海港']])).toEqual(['place:海港']);
    expect(pairs('美/ns 加强/v 合作/vn', [['place', '美']])).toEqual(['place:美']);
    expect(pairs('重视/v 新/a 法/n', [['place', '法']])).toEqual(['place:法']);
  });
});
