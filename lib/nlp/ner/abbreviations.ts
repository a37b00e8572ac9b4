/**
 * Countries and regions written by one character inside a word of jieba's (访华, 赴法, 港人, 港台地区,
 * 中葡 双方, 中美关系) are places, as People's Daily marks them; the model, reading jieba's word as one
 * ordinary word, leaves them unread (on held-out fifths of its dev split the commonest kind of name
 * it misses, docs/quality.md). The rules' reading of such words (`abbreviatedPlaces`,
 * lib/nlp/entities.ts) decides, with cases it leaves out, added here so that its hints to the
 * features stay as the weights learnt them:
 *  - a pair as a word jieba tags ns (中美/ns, and 意中/ns before 两国): the rules keep 中亚/ns one
 *    region by refusing every 中X/ns; here a direction or 亚 in the pair is what keeps it one;
 *  - 对 and 反 before a usual abbreviation (对华, 对美, 反华): a stance towards the country, not 对非法;
 *  - a usual abbreviation before 寇, 医, 药 (日寇, 中医, 中药), which People's Daily marks too;
 *  - a country's first character alone before 方, its side (以方/f, 巴方/x), or after a visit (访意/x),
 *    in a word jieba does not know or files as a locality.
 * A character some span already covers is left as it is (the passes before read more of the text),
 * unless the span is a person over exactly the word (韩中/x, 巴方/x: 韩 and 巴 are surnames too).
 */
import { abbreviatedPlaces, BETWEEN, type Lexicon } from '../entities';
import type { NameKnowledge } from '../knowledge';
import type { Span } from './model';
import type { Words } from './word-index';

/** Tags of function words and numbers, which name no country (以及/c, 一台/m): the rules' test, and numbers'. */
const FUNCTION_TAG = /^[pcudrmq]/;
/** Words the rules' reading would split but that are ordinary: a legal person, outside the law, a beauty, a runner-up. */
const ORDINARY = new Set(['法人', '法外', '美人', '亚军']);
/** After a usual abbreviation, what People's Daily marks the country in beside the rules' list: 日寇, 中医, 中药. */
const PEOPLE_AND_CRAFTS = /^[寇医药]$/;
/** A direction or 亚 makes one region of the two (中亚, 中东, 东亚, 北美): not two places. */
const REGION_AFTER_MIDDLE = /[亚东西南北]/;
/** A direction: 南方, 北方 are no country's side. */
const DIRECTION = /[东西南北]/;
/** Going to a country: 访意, 赴埃. */
const VISIT = /^[访赴抵]$/;
/** Before a usual abbreviation, a stance towards that country (对华, 反华); 非 after them is "not" (对非法). */
const TOWARDS = /^[对反]$/;

/** Where each of `word`'s characters that name a country stands in it by the cases the rules leave out; a word of four by its halves (中美关系). */
function ownPlaces(word: string, tag: string, next: string, k: NameKnowledge, lexicon: Lexicon): number[] {
  if (word.length === 4 && !k.countryNames.has(word))
    return [
      ...ownPlaces(word.slice(0, 2), lexicon(word.slice(0, 2)) ?? '', word.slice(2), k, lexicon),
      ...ownPlaces(word.slice(2), '', next, k, lexicon).map((i) => i + 2),
    ];
  if (word.length !== 2) return [];
  const strong = (c: string) => k.placeAbbreviations.has(c);
  const [a, b] = word;
  const initial = (c: string) => strong(c) || k.countryInitials.has(c);
  // 中美/ns, and 意中/ns where what follows says two countries (意中 两国关系).
  const both = strong(a) && strong(b);
  const pair = (strong(a) || strong(b)) && initial(a) && initial(b) && !REGION_AFTER_MIDDLE.test(word) && !k.countryNames.has(word);
  if (tag === 'ns' && pair && (both || BETWEEN.test(next))) return [0, 1];
  if (TOWARDS.test(a) && strong(b) && b !== '非') return [1];
  if (strong(a) && PEOPLE_AND_CRAFTS.test(b)) return [0];
  // Not 南方, nor 多方/m.
  const glued = tag === 'x' || tag === 'f';
  if (glued && b === '方' && k.countryInitials.has(a) && !DIRECTION.test(a)) return [0];
  if (tag === 'x' && VISIT.test(a) && k.countryInitials.has(b)) return [1];
  return [];
}

/** The rules' reading and the cases above, as positions in `word`; none in an ordinary word or half (法人 of 法人代表). */
function placesInWord(word: string, tag: string, next: string, k: NameKnowledge, lexicon: Lexicon): number[] {
  const at = new Set(ownPlaces(word, tag, next, k, lexicon));
  let from = 0;
  for (const c of abbreviatedPlaces(word, k, lexicon, next)) {
    const i = word.indexOf(c, from);
    if (i < 0) continue;
    at.add(i);
    from = i + 1;
  }
  const ordinary = (i: number) => ORDINARY.has(word.length === 4 ? word.slice(i < 2 ? 0 : 2, i < 2 ? 2 : 4) : word);
  return [...at].filter((i) => !ordinary(i));
}

/** `spans` with the abbreviations inside jieba's words that no span covers, in order. */
export function abbreviationsInWords(words: Words, spans: Span[], k: NameKnowledge, lexicon: Lexicon): Span[] {
  let out = spans;
  let changed = false;
  let start = 0;
  for (let i = 0; i < words.tokens.length; i++) {
    const { word, tag } = words.tokens[i];
    const from = start;
    start += word.length;
    if (word.length < 2 || FUNCTION_TAG.test(tag)) continue;
    const at = placesInWord(word, tag, words.tokens[i + 1]?.word ?? '', k, lexicon);
    if (!at.length) continue;
    // A word of countries the model read as a person (韩中/x, 巴方/x: 韩 and 巴 are surnames) names the countries.
    const person = out.find((s) => s.type === 'person' && s.start === from && s.end === start);
    if (person) out = out.filter((s) => s !== person);
    for (const j of at) {
      if (out.some((s) => s.start <= from + j && from + j < s.end)) continue;
      if (!changed) out = [...out];
      changed = true;
      out.push({ type: 'place', start: from + j, end: from + j + 1 });
    }
  }
  return changed ? out.sort((a, b) => a.start - b.start) : out;
}
