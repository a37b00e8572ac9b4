/**
 * Companies local news names by their brand and trade alone, with no legal form after them
 * (三一石油智能装备, 孚能新能源), or by a group's brand and their own (大唐华银): jieba knows the
 * brand as no word or cuts it in pieces, and the model, which learnt companies from their 公司,
 * marks nothing, or reads the brand as a place (醴陵 华鑫 电瓷: the city and the brand).
 */
import { HAN } from '../han';
import { divisionNames } from './divisions';
import { inPlaceOf, type Span } from './model';
import { TRADE } from './trade-words';
import { endingAt, startingAt, type Words } from './word-index';

/**
 * Tags of a brand of one word: a word jieba does not know, an abbreviation, a short form it was
 * taught as a body's (三一/nt); not nz, which jieba gives set phrases (大力发展/nz).
 */
const BRAND_TAG = /^(?:x|j|nt)$/;
/** Tags of a brand's first character cut off by jieba (孚/nrt 能/v of 孚能). */
const PIECE_TAG = /^(?:nr|nrt)$/;
/** Tags of a second piece that no brand ends with: prepositions, conjunctions, particles, adverbs, pronouns. */
const NOT_PIECE_TAG = /^(?:p|c|u|uj|ul|d|r|m|q|f)$/;
/** Tags of a word after the trade that continues a common noun, not a company (科技 工作者, 食品 消费量). */
const NOUN_AFTER = /^(?:n|vn|nz|ng)$/;
/** Trade words between a brand and its last trade word (石油 智能 of 三一石油智能装备). */
const MIDDLE_TAG = /^(?:n|nz)$/;
const MIDDLE_WORDS = 2;
/** Tags of a trade word: a noun's, or a verb noun's (重工/vn of 三一重工). */
const TRADE_TAG = /^(?:n|vn)/;
/** jieba's tag of a place's name. */
const PLACE_TAG = 'ns';
/** A brand's characters at most: a longer unknown word is a phrase jieba did not cut (亿万人民投身于). */
const MAX_BRAND = 4;

/** Where the brand before a company's trade words starts, if one stands right before `at`. */
function brandBefore(words: Words, at: number): number | undefined {
  const word = endingAt(words, at);
  if (!word) return undefined;
  if (word.word.length >= 2 && word.word.length <= MAX_BRAND && BRAND_TAG.test(word.tag) && HAN.test(word.word)) return at - word.word.length;
  // 孚/nrt 能/v: two characters jieba cut apart, the first a name's character.
  const first = word.word.length === 1 ? endingAt(words, at - 1) : undefined;
  return first && first.word.length === 1 && PIECE_TAG.test(first.tag) && !NOT_PIECE_TAG.test(word.tag) && HAN.test(first.word + word.word)
    ? at - 2
    : undefined;
}

/**
 * A brand and trade words ending in a trade (三一 石油 智能 装备, 孚 能 新能源), or two brands
 * (大唐 华银), where the model marked nothing is the company. Only a trade word of its own ends
 * one, not one a common noun continues (科技 工作者), and only where no name of the model's overlaps it.
 */
export function companiesByTrade(words: Words, spans: Span[]): Span[] {
  let out = spans;
  let at = 0;
  /** With `overPlaces`, places the model read inside the company give way to it. */
  const add = (start: number, end: number, overPlaces = false) => {
    if (out.some((s) => s.start < end && start < s.end && !(overPlaces && s.type === 'place' && s.start >= start && s.end <= end))) return;
    out = inPlaceOf(out, { type: 'org', start, end });
  };
  for (const { word, tag } of words.tokens) {
    const start = at;
    at += word.length;
    // 大唐/nz 华银/nz: a group's brand and its company's short name, both names jieba knows as brands.
    const before = endingAt(words, start);
    if (tag === 'nz' && before?.tag === 'nz' && word.length === 2 && before.word.length === 2 && !NOUN_AFTER.test(startingAt(words, at)?.tag ?? ''))
      add(start - 2, at);
    if (word.length < 2 || !TRADE_TAG.test(tag) || !TRADE.test(word) || NOUN_AFTER.test(startingAt(words, at)?.tag ?? '')) continue;
    let head = start;
    let brand = brandBefore(words, head);
    for (let middle = 0; brand === undefined && middle < MIDDLE_WORDS; middle++) {
      const before = endingAt(words, head);
      if (!before || before.word.length < 2 || !MIDDLE_TAG.test(before.tag)) break;
      head -= before.word.length;
      brand = brandBefore(words, head);
    }
    if (brand === undefined) continue;
    // 醴陵 华鑫 电瓷: a company's city before its brand, both read by the model as places.
    const city = endingAt(words, brand);
    if (city?.tag === PLACE_TAG && divisionNames().has(city.word)) add(brand - city.word.length, at, true);
    else add(brand, at);
  }
  return out;
}
