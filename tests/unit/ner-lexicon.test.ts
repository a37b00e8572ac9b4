import { describe, expect, it } from 'vitest';
import { buildLexicon, GENERAL_PLACE, lexiconCodes, namesAt, parseLexiconNames, serializeLexiconNames } from '../../lib/nlp/ner/lexicon';
import { readLexicon } from '../../lib/nlp/ner/read-lexicon';
import { jackknifedNames, labelledNames, type LabelledSentence } from '../../scripts/ner-lexicon';

const PERSON = 1;
const PLACE = 2;
const ORG = 4;
const GENERAL = 1 << GENERAL_PLACE;

/** Per character of `text`, its code as `lexiconCodes` writes it: [parts per kind (kind 0 first), length step]. */
function codes(lexicon: ReturnType<typeof buildLexicon> | undefined, text: string): Array<[number[], number]> {
  const out = new Uint16Array(text.length);
  lexiconCodes(lexicon, text, out);
  return Array.from(out, (code) => {
    const parts = Math.floor(code / 5);
    return [[0, 1, 2, 3].map((k) => Math.floor(parts / 4 ** k) % 4), code % 5];
  });
}

describe('the name lexicon', () => {
  const lexicon = buildLexicon([
    ['株洲', GENERAL],
    ['株洲市', GENERAL],
    ['株洲日报', ORG],
    ['曹慧泉', PERSON],
    ['湘江', PLACE | ORG],
    ['中', PLACE],
  ]);

  it('finds every name that starts at a character, shortest first, with its kinds', () => {
    expect(namesAt(lexicon, '株洲日报社', 0)).toEqual([
      ['株洲', GENERAL],
      ['株洲日报', ORG],
    ]);
    expect(namesAt(lexicon, '株洲市长', 0)).toEqual([
      ['株洲', GENERAL],
      ['株洲市', GENERAL],
    ]);
    expect(namesAt(lexicon, '湘江边', 0)).toEqual([['湘江', PLACE | ORG]]);
    // A prefix of a name is no name, and names under two characters are left out.
    expect(namesAt(lexicon, '株', 0)).toEqual([]);
    expect(namesAt(lexicon, '曹慧', 0)).toEqual([]);
    expect(namesAt(lexicon, '中国', 0)).toEqual([]);
    expect(namesAt(lexicon, '记者曹慧泉', 2)).toEqual([['曹慧泉', PERSON]]);
  });

  it('marks each character with its part of the longest name of each kind, and the longest name’s length', () => {
    // 株洲市 (general, 3), then 曹慧泉 (person, 3); 长 is in no name.
    expect(codes(lexicon, '株洲市长曹慧泉')).toEqual([
      [[0, 0, 0, 1], 2],
      [[0, 0, 0, 2], 2],
      [[0, 0, 0, 3], 2],
      [[0, 0, 0, 0], 0],
      [[1, 0, 0, 0], 2],
      [[2, 0, 0, 0], 2],
      [[3, 0, 0, 0], 2],
    ]);
    // Kinds overlap: 株洲日报 an organisation of four, 株洲 a general place inside it.
    expect(codes(lexicon, '株洲日报')).toEqual([
      [[0, 0, 1, 1], 3],
      [[0, 0, 2, 3], 3],
      [[0, 0, 2, 0], 3],
      [[0, 0, 3, 0], 3],
    ]);
    // A name of two kinds is both.
    expect(codes(lexicon, '湘江')).toEqual([
      [[0, 1, 1, 0], 1],
      [[0, 3, 3, 0], 1],
    ]);
  });

  it('takes names greedily from the left within a kind', () => {
    const overlapping = buildLexicon([
      ['长沙', PLACE],
      ['沙市', PLACE],
    ]);
    expect(codes(overlapping, '长沙市').map(([parts]) => parts[1])).toEqual([1, 3, 0]);
  });

  it('marks nothing without a lexicon', () => {
    expect(codes(undefined, '株洲市长').every(([parts, length]) => parts.every((p) => p === 0) && length === 0)).toBe(true);
  });

  it('reads back the file it writes, and refuses another', () => {
    const names = new Map([
      ['曹慧泉', PERSON],
      ['湘江', PLACE | ORG],
      ['株洲日报', ORG],
    ]);
    const file = serializeLexiconNames(names, 'test');
    expect(parseLexiconNames(file)).toEqual(names);
    expect(() => parseLexiconNames('曹慧泉\n')).toThrow();
    expect(() => parseLexiconNames('# x\n@people\n曹慧泉\n')).toThrow();
    expect(() => parseLexiconNames('# x\n曹慧泉\n')).toThrow();
  });

  it('reads a file’s names with China’s divisions and the countries as a kind of their own', () => {
    const read = readLexicon(serializeLexiconNames(new Map([['曹慧泉', PERSON]]), 'test'));
    expect(namesAt(read, '曹慧泉', 0)).toEqual([['曹慧泉', PERSON]]);
    // Never in the file: the product's own general places, full and short.
    expect(namesAt(read, '株洲市', 0)).toEqual([
      ['株洲', GENERAL],
      ['株洲市', GENERAL],
    ]);
    expect((namesAt(read, '土耳其', 0).at(-1)?.[1] ?? 0) & GENERAL).toBe(GENERAL);
  });
});

describe('the lexicon’s names from labelled sentences', () => {
  const sentence = (text: string, ...entities: Array<[LabelledSentence['entities'][number]['type'], string]>): LabelledSentence => ({
    text,
    entities: entities.map(([type, name]) => ({ type, start: text.indexOf(name), end: text.indexOf(name) + name.length })),
  });

  it('keeps a name labelled twice, or once if three characters or longer, and only where it is mostly labelled', () => {
    const names = labelledNames([
      sentence('王明到北京。', ['PER', '王明'], ['LOC', '北京']),
      sentence('王明在北京。', ['PER', '王明'], ['LOC', '北京']),
      sentence('刘芳来了。', ['PER', '刘芳']),
      sentence('曹慧泉来了。', ['PER', '曹慧泉']),
      sentence('中央领导。', ['ORG', '中央']),
      sentence('中央领导。', ['ORG', '中央']),
      sentence('中央第五督察组、中央环保督察、中央精神。'),
    ]);
    expect(names.get('王明')).toBe(PERSON);
    expect(names.get('北京')).toBe(PLACE);
    expect(names.get('曹慧泉')).toBe(PERSON);
    // Labelled once and two characters long: left out.
    expect(names.has('刘芳')).toBe(false);
    // Labelled in two of its five places: left out.
    expect(names.has('中央')).toBe(false);
  });

  it('gives no training sentence a lexicon with its own names (the jackknife)', () => {
    const sentences = Array.from({ length: 10 }, (_, i) =>
      sentence(`第${i}句说到张${'一二三四五六七八九十'[i]}明。`, ['PER', `张${'一二三四五六七八九十'[i]}明`]),
    );
    const parts = jackknifedNames(sentences, 5);
    sentences.forEach((s, i) => {
      const own = s.text.slice(s.entities[0].start, s.entities[0].end);
      expect(parts[i % 5].has(own)).toBe(false);
      expect(parts[(i + 1) % 5].has(own)).toBe(true);
    });
  });
});
