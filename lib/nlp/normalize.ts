/**
 * Text as the analysis sees it: invisible characters dropped and full-width letters, digits and
 * punctuation folded to their ordinary forms (plainForms), traditional characters converted to
 * simplified with OpenCC's maintained tables (Hong Kong and Taiwan variants included), Japanese
 * kanji in a Japanese text (one with
 * kana) read as Chinese (国際電気 → 国际电气, 習近平 → 习近平), a reading in pinyin that a mirror page
 * puts after the characters dropped (株洲(zhūzhōu) → 株洲), and layout whitespace collapsed.
 * Stored stories keep their printed form; only analysis uses this.
 */
import { Converter } from 'opencc-js/t2cn';

let toSimplified: ((text: string) => string) | undefined;
let fromJapanese: ((text: string) => string) | undefined;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/**
 * A parenthesis right after a Han character holding only pinyin, with at least one tone mark (so
 * an English gloss such as (CRRC) stays): it splits the name it follows for segmentation.
 */
const PINYIN_READING = /(?<=\p{Script=Han})\s?\((?=[^()]{0,80}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ' ·-]{1,80}\)/gu;

/**
 * Invisible format characters: zero-width spaces and joiners, word joiners, byte-order marks, soft
 * hyphens, direction marks. Inside a name (南方\u200B阀门) they would split it, so they go without a
 * trace rather than becoming a space.
 */
const INVISIBLE = /\p{Cf}/gu;

/**
 * A text in its plain forms: invisible characters dropped, then full-width letters, digits and
 * punctuation folded to their ordinary forms (ＢＹＤ → BYD) by NFKC. What a query is read as
 * before anything decides whether it is Latin or Chinese; the analysis starts from it too. The
 * length changes: offsets into the printed text are never taken from it.
 */
export function plainForms(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFKC');
}

export function normalizeForAnalysis(text: string): string {
  const folded = plainForms(text);
  // Built on first use: the tables are large and a listing-only wake never needs them. Only a
  // text with kana is Japanese: its shinjitai (気, 際) would be wrong readings of Chinese text.
  const convert = KANA.test(folded) ? (fromJapanese ??= Converter({ from: 'jp', to: 'cn' })) : (toSimplified ??= Converter({ from: 't', to: 'cn' }));
  return convert(folded)
    .replace(PINYIN_READING, '')
    .replace(/\p{Cc}/gu, (c) => (c === '\n' ? '\n' : ' '))
    .replace(/[ \t\u00A0\u3000]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}
