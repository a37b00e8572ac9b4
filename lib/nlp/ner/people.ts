/**
 * People whose name the model ended one character early, where jieba glued the name's last
 * character to what follows or left it alone (刘名/启/参加, 赵致/真的, 亚罗/约/当选, 龚育 of
 * 龚育之/nr): a name of two characters followed by one a given name is written with, standing
 * alone as jieba's word (or before 的, 了), and not one of the words that follow a name (说, 也,
 * 和, 称, 等 …) nor a suffix (人, 杯, 队, 家), is a name of three.
 */
import type { Span } from './model';
import { tradeWordsAfter } from './trade-words';
import { startingAt, type Words } from './word-index';

/** Characters that follow a name as words of their own: verbs of saying, adverbs, prepositions, conjunctions, particles. */
export const AFTER_NAME =
  /[说称讲问答道曰想看笑听写指谈表叫请让给对向把被将要会能可也又都就还才曾已正在是有为于以由从到去来上下的了着过等及并而但却则亦乃即便和与同跟或任兼率赴抵访与见陪携带领及再均各俩们先后仍只很更最不没未至成往自经人杯队家方族氏]/;
const HAN = /^\p{Script=Han}$/u;
/** Tags of jieba's words that hold a whole personal name (not x: 赵华说/x is a name and a verb). */
const NAME_TAG = /^(?:nr|nrfg)$/;
/** How name-like the character must be: the given-name bucket of `nameClasses` (log-odds ≥ −1). */
const GIVEN_BUCKET = 2;

/** Whether a photo's credit ends at `end` (…摄): the text ends there, or a space or a bracket follows. */
const photoCredit = (text: string, end: number) => text[end - 1] === '摄' && (end === text.length || /[\s)）]/.test(text[end]));

/** Tags of a word that goes on a brand's name (方特 欢乐/a 世界/n), not a person's clause (张明 表示/v). */
const BRAND_GOES_ON = /^(?:n|nz|a|an|ns|vn|j)$/;

/**
 * A word jieba does not know, written straight after a place and going on into a noun, is a brand
 * with its city (株洲 方特 欢乐世界), not a person: a person after a place has a word between
 * (株洲市民 张明, 株洲市长 张明) or a verb after.
 */
function brandsAfterPlaces(words: Words, spans: Span[]): Span[] {
  let out = spans;
  for (let i = 1; i < spans.length; i++) {
    const span = spans[i];
    const place = spans[i - 1];
    if (span.type !== 'person' || place.type !== 'place' || place.end !== span.start || spans[i + 1]?.start === span.end) continue;
    const word = startingAt(words, span.start);
    const after = startingAt(words, span.end);
    if (word?.tag !== 'x' || word.word.length !== span.end - span.start || !after || !BRAND_GOES_ON.test(after.tag)) continue;
    if (out === spans) out = spans.slice();
    out[i - 1] = { type: 'org', start: place.start, end: span.end };
    out[i] = { ...span, end: span.start };
  }
  return out === spans ? spans : out.filter((s) => s.end > s.start);
}

/** A foreign name joined by · or - is a person's. */
const JOINED = /[·•・‧\-－]/;

/**
 * A name the model read as a person's, with a company's trade words or legal form right after
 * it, is the company's brand: 东骏 纺织, 华晟 新能源, 艾硅特 新材料 有限公司 (a person's name is
 * followed by a title or a verb, not by a trade).
 */
function brandsBeforeTrades(text: string, words: Words, spans: Span[]): Span[] {
  let out = spans;
  const byPosition = { startingAt: (at: number) => startingAt(words, at) };
  spans.forEach((span, i) => {
    if (span.type !== 'person' || JOINED.test(text.slice(span.start, span.end)) || words.starts[span.end] < 0) return;
    const end = tradeWordsAfter(byPosition, span.end);
    if (end === span.end || (spans[i + 1] && spans[i + 1].start < end)) return;
    if (out === spans) out = spans.slice();
    out[i] = { type: 'org', start: span.start, end };
  });
  return out;
}

export function wholePeople(text: string, words: Words, spans: Span[], nameClass: Uint8Array): Span[] {
  return brandsAfterPlaces(words, brandsBeforeTrades(text, words, wholePeopleNames(text, words, spans, nameClass)));
}

/** How foreign-name-like a character must be: the foreign bucket of `nameClasses` (log-odds ≥ 1). */
const FOREIGN_BUCKET = 3;
const foreignLike = (nameClass: Uint8Array, c: string) => nameClass[c.charCodeAt(0)] % 5 >= FOREIGN_BUCKET;

/**
 * A transliterated name the model ended one character early, where jieba cut its last character
 * off as a word of its own (埃/ns 尔多/nrt 安/v 出席): every character of it and the one after
 * written in foreign names, the one after alone as jieba's word.
 */
function wholeForeignName(text: string, words: Words, span: Span, nameClass: Uint8Array): boolean {
  const name = text.slice(span.start, span.end);
  if (name.length < 3 || ![...name].every((c) => foreignLike(nameClass, c))) return false;
  const alone = startingAt(words, span.end);
  return alone?.word.length === 1 && foreignLike(nameClass, alone.word);
}

function wholePeopleNames(text: string, words: Words, spans: Span[], nameClass: Uint8Array): Span[] {
  let changed = false;
  const out = spans.map((span, i) => {
    if (span.type !== 'person') return span;
    const c = text[span.end];
    if (!c || !HAN.test(c) || AFTER_NAME.test(c) || spans[i + 1]?.start === span.end) return span;
    if (span.end - span.start > 2) {
      if (!wholeForeignName(text, words, span, nameClass)) return span;
      changed = true;
      return { ...span, end: span.end + 1 };
    }
    if (span.end - span.start !== 2) return span;
    // Inside a name jieba read whole (龚育之/nr).
    const word = startingAt(words, span.start);
    const inside = word && word.word.length === 3 && NAME_TAG.test(word.tag);
    const alone = startingAt(words, span.end);
    // 刘周/x 双摄/x: a photo's credit, the name's last character glued to 摄 at the credit's end.
    const own = alone && (alone.word.length === 1 || (alone.word.length === 2 && (/[的了]/.test(alone.word[1]) || photoCredit(text, span.end + 2))));
    // 郭永航率/x: the name and the verb after it, one word jieba does not know.
    const verbGlued = word?.tag === 'x' && word.word.length === 4 && AFTER_NAME.test(word.word[3]);
    if (!inside && !((own || verbGlued) && Math.floor(nameClass[c.charCodeAt(0)] / 5) >= GIVEN_BUCKET)) return span;
    changed = true;
    return { ...span, end: span.end + 1 };
  });
  return changed ? out : spans;
}
