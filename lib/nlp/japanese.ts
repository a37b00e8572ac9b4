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
import data from './japanese.json';

/** Between kana and names; a name read across a separator is shown without it (foreign-names.ts). */
export const KANA_SEPARATOR = '、';
const HIRAGANA = /\p{Script=Hiragana}+/gu;
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
  const literal = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = new RegExp(
    [...chinese.keys()]
      .sort((a, b) => b.length - a.length)
      .map(literal)
      .join('|'),
    'gu',
  );
  return (reader = { kanji, words, chinese });
}

/** A text with kana, as the Chinese analysis reads it. */
export function readJapanese(text: string): string {
  const { kanji, words, chinese } = japaneseReader();
  return kanji(text)
    .replace(words, (word) => chinese.get(word)!)
    .replace(HIRAGANA, KANA_SEPARATOR)
    .replace(KATAKANA_BY_HAN, KANA_SEPARATOR);
}
