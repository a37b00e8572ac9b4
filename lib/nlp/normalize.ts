/**
 * Text as the analysis sees it: invisible characters dropped and full-width letters, digits and
 * punctuation folded to their ordinary forms (plainForms), traditional characters converted to
 * simplified with OpenCC's maintained tables (a text written in traditional characters also with
 * Taiwan's names and words and Hong Kong's variants: 查德 → 乍得, 紐西蘭 → 新西兰, 衞 → 卫), a
 * Japanese text (one with kana) read as Chinese (japanese.ts), a reading in pinyin that a mirror
 * page puts after the characters dropped (株洲(zhūzhōu) → 株洲), and layout whitespace collapsed.
 * Stored stories keep their printed form; only analysis uses this.
 */
import { Converter } from 'opencc-js/t2cn';
import { readJapanese } from './japanese';

let toSimplified: ((text: string) => string) | undefined;
let fromTaiwan: ((text: string) => string) | undefined;
let fromHongKong: ((text: string) => string) | undefined;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
/**
 * Share of a text's Han characters that must change for it to count as written in traditional
 * characters. Taiwan's phrase table is only for such text: in simplified text its 查德 would
 * turn 理查德 (Richard) into 理乍得.
 */
const TRADITIONAL_SHARE = 0.05;

/** Characters that differ between two forms of a text; every one when conversion changed its length. */
function changedChars(before: string, after: string): number {
  if (before.length !== after.length) return Number.POSITIVE_INFINITY;
  let changed = 0;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) changed++;
  return changed;
}

/** A Chinese text in simplified characters; one written in traditional ones also read with Taiwan's names and words and Hong Kong's variants. */
function simplified(text: string): string {
  toSimplified ??= Converter({ from: 't', to: 'cn' });
  const plain = toSimplified(text);
  // Most texts are simplified already: nothing to count.
  if (plain === text) return plain;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (changedChars(text, plain) < Math.max(2, han * TRADITIONAL_SHARE)) return plain;
  fromTaiwan ??= Converter({ from: 'twp', to: 'cn' });
  // Hong Kong's variants after Taiwan's phrases: 衞 is 卫 only in Hong Kong's table.
  fromHongKong ??= Converter({ from: 'hk', to: 'cn' });
  return fromHongKong(fromTaiwan(text));
}
/**
 * A parenthesis right after a Han character holding only pinyin, with at least one tone mark (so
 * an English gloss such as (CRRC) stays), a capital's too (Ōu in a name's reading): it splits the name it follows for segmentation.
 */
const PINYIN_READING =
  /(?<=\p{Script=Han})\s?\((?=[^()]{0,80}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ])[a-zA-ZüÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ' ·-]{1,80}\)/gu;

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

/** The last text normalised and its result: a query's text is read by the finder and then by the analyzer. */
let last: { text: string; normal: string } | undefined;

export function normalizeForAnalysis(text: string): string {
  if (last?.text !== text) last = { text, normal: normalized(text) };
  return last.normal;
}

function normalized(text: string): string {
  const folded = plainForms(text);
  // The tables are built on first use: they are large and a listing-only wake never needs them.
  // Only a text with kana is Japanese: its shinjitai (気, 際) would be wrong readings of Chinese text.
  return (KANA.test(folded) ? readJapanese(folded) : simplified(folded))
    .replace(PINYIN_READING, '')
    .replace(/\p{Cc}/gu, (c) => (c === '\n' ? '\n' : ' '))
    .replace(/[ \t\u00A0\u3000]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}
