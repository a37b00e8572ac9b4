/**
 * A Japanese text read as Chinese, so that the analysis finds in it the names and words a Chinese
 * report of the same story has: its kanji converted by OpenCC's Japanese table (国際電気 →
 * 国际电气, 習近平 → 习近平) and then to simplified Chinese where OpenCC stops at an old form (挙 →
 * 擧 → 举); news words Japanese writes otherwise read as the Chinese ones (大統領 → 总统, 地下鉄 →
 * 地铁, バスケットボール → 篮球; japanese.json); and the kana between names taken for what they
 * are, grammar and loanwords, never part of a Chinese name: a particle becomes a separator (中国の
 * 習近平 → 中国、习近平, not the name 中国の习) and a katakana word stands apart from the kanji it
 * touches (トルコ航空 → トルコ、航空). The separator is the enumeration comma: the tagger reads a
 * space or a middle dot inside a name (' 技术委员会', 湖南省・株洲南方阀门…), and a space keeps it
 * from 习近平.
 */
import { Converter } from 'opencc-js/t2cn';
import { regExpLiteral } from '../regexp-literal';
import data from './japanese.json';

/** Between kana and names; a name read across a separator is shown without it (foreign-names.ts). */
export const KANA_SEPARATOR = '、';
const HIRAGANA = /\p{Script=Hiragana}+/gu;
/**
 * 氏 after a name and before kana or punctuation: Japanese's "Mr" or "Ms" (陳恢清氏は, ダフコバ氏に),
 * which the Chinese analysis would read as part of the name (陈氏 a person); not 彼氏 (a boyfriend).
 */
const HONORIFIC = /(?<=[\p{Script=Han}\p{Script=Katakana}ー])(?<!彼)氏(?=[\p{Script=Hiragana}\p{Script=Katakana}、。，,.（(」』\s]|$)/gu;
/** 中心 in 「…を中心に」「…を中心とする」 (centred on): grammar, where the tagger saw a body named 中心. */
const CENTRED_ON = /(?<=を)中心(?=[にと])/g;
/**
 * 中心 standing alone before a particle (センターは…, チームのセンターだった, センター read as 中心): Japanese leaves out
 * the demonstrative a Chinese report writes (该中心), and without it the tagger, seeing 中心 alone
 * between separators as in a list of names, reads a body named 中心.
 */
const BARE_CENTRE = /(?<=^|[\p{Script=Hiragana}。、「」（(\s])中心(?=\p{Script=Hiragana})/gmu;
/** A katakana word (with its long-vowel marks) touching a Han character on either side. */
const KATAKANA_BY_HAN = /(?<=\p{Script=Han})(?=[\p{Script=Katakana}ー])|(?<=[\p{Script=Katakana}ー])(?=\p{Script=Han})/gu;

interface Reader {
  kanji: (text: string) => string;
  words: RegExp;
  chinese: Map<string, string>;
}

let reader: Reader | undefined;

/** Built on first use: OpenCC's tables are large, and most texts are not Japanese. */
function japaneseReader(): Reader {
  if (reader) return reader;
  const opencc = Converter({ from: 'jp', to: 'cn' });
  const chars = new Map(Object.entries(data.chars));
  const kanji = (text: string) => opencc(text).replace(/\p{Script=Han}/gu, (c) => chars.get(c) ?? c);
  // Words are looked for as their kanji read: the text is matched after the same conversion.
  const chinese = new Map(Object.entries(data.words).map(([japanese, zh]) => [kanji(japanese), zh]));
  const words = new RegExp(
    [...chinese.keys()]
      .sort((a, b) => b.length - a.length)
      .map(regExpLiteral)
      .join('|'),
    'gu',
  );
  return (reader = { kanji, words, chinese });
}

/** The year before each era's first (令和元年 is 2019): Japanese news dates by era as often as by the Western year. */
const ERA_BASE: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 };
const ERA_YEAR = /(令和|平成|昭和)\s*(元|\d{1,2})\s*年/g;

/** 令和6年 → 2024年: the year a Chinese report writes, so that a date reads as one. */
export function westernYears(text: string): string {
  return text.replace(ERA_YEAR, (_, era: string, year: string) => `${ERA_BASE[era] + (year === '元' ? 1 : Number(year))}年`);
}

/** A text with kana, as the Chinese analysis reads it. */
export function readJapanese(text: string): string {
  const { kanji, words, chinese } = japaneseReader();
  return kanji(westernYears(text))
    .replace(words, (word) => chinese.get(word)!)
    .replace(HONORIFIC, '')
    .replace(CENTRED_ON, '')
    .replace(BARE_CENTRE, '该中心')
    .replace(HIRAGANA, KANA_SEPARATOR)
    .replace(KATAKANA_BY_HAN, KANA_SEPARATOR);
}
