import { describe, expect, it } from 'vitest';
import type { Token } from '../../lib/nlp/entities';
import { abbreviationsInWords } from '../../lib/nlp/ner/abbreviations';
import type { Span } from '../../lib/nlp/ner/model';
import { wordsAt } from '../../lib/nlp/ner/word-index';
import { nameKnowledge } from '../../lib/nlp/knowledge';
import { nodeAnalyzer } from './helpers';
import { expectNameCases, type NameCase } from './name-cases';

/** `word/tag` pieces, as jieba gives them. */
const tokens = (tagged: string): Token[] =>
  tagged.split(' ').map((piece) => {
    const [word, tag] = piece.split('/');
    return { word, tag };
  });

/** The pass over `tagged` with the model's `spans`, each name as `type:text`. */
const read = (tagged: string, spans: Span[] = []) => {
  const pieces = tokens(tagged);
  const text = pieces.map((t) => t.word).join('');
  // jieba's dictionary as the pass reads it: each piece's word with its tag.
  const dictionary = new Map(pieces.map((t) => [t.word, t.tag]));
  return abbreviationsInWords(wordsAt(pieces), spans, nameKnowledge(), (word) => dictionary.get(word)).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
};

/**
 * Restated sentences (our own wording) with a country by one character inside a word of jieba's
 * that the shipped tagger without the pass leaves unread (访意/x, 以方/f, 日寇/n, 中医/j).
 */
const ABBREVIATIONS: NameCase[] = [
  ['他访意期间受到热情接待。', ['place:意'], []],
  ['以方坚持对机场实施控制。', ['place:以'], []],
  ['村里老人讲述日寇的暴行。', ['place:日'], []],
  ['他出生在一个中医世家。', ['place:中'], []],
  // An ordinary word with a usual abbreviation in its first half names no country.
  ['该公司法人代表出席了签约仪式。', [], ['place:法']],
];

describe('countries by one character inside jieba’s words', () => {
  const analyzer = nodeAnalyzer();

  it('reads them where the model left them unread, and not in ordinary words', async () => {
    await expectNameCases(analyzer, ABBREVIATIONS);
  });

  it('reads the cases the rules leave out', () => {
    // A pair jieba tags ns, 中 first (the rules refuse every 中X/ns) or before what says two countries.
    expect(read('中美/ns 两国/ns')).toEqual(['place:中', 'place:美']);
    expect(read('意中/ns 两国关系/l')).toEqual(['place:意', 'place:中']);
    // A direction or 亚 makes one region.
    expect(read('中亚/ns 国家/n')).toEqual([]);
    expect(read('中东/ns 和平/n')).toEqual([]);
    // A stance towards a country, not 对非 of 对非法.
    expect(read('反华/nz 噪音/n')).toEqual(['place:华']);
    expect(read('对非/x 法/n')).toEqual([]);
    // 日寇, 中药; a country's side and a visit by its first character alone, not a direction's.
    expect(read('日寇/n 侵略/v')).toEqual(['place:日']);
    expect(read('以方/f 坚持/v')).toEqual(['place:以']);
    expect(read('南方/f 地区/n')).toEqual([]);
    expect(read('他/r 访意/x 期间/f')).toEqual(['place:意']);
    // Ordinary words the rules would split: a runner-up, a legal person as half of a word of four.
    expect(read('坐拥/v 亚军/n 宝座/n')).toEqual([]);
    expect(read('法人代表/n 出席/v')).toEqual([]);
  });

  it('leaves a character a span covers, unless the span is a person over exactly the word', () => {
    // 中 of 中葡 read by the model: 葡 is added beside it, 中 not read twice.
    expect(read('中葡/n 双方/n', [{ type: 'place', start: 0, end: 1 }])).toEqual(['place:中', 'place:葡']);
    // A body the passes before read over the word stays as it is.
    expect(read('中美/ns 公司/n', [{ type: 'org', start: 0, end: 4 }])).toEqual(['org:中美公司']);
    // 韩中/x read as a person (韩 is a surname): the two countries.
    expect(read('韩中/x 经济/n 合作/vn', [{ type: 'person', start: 0, end: 2 }])).toEqual(['place:韩', 'place:中']);
    expect(read('巴方/x 表示/v', [{ type: 'person', start: 0, end: 2 }])).toEqual(['place:巴']);
  });
});
