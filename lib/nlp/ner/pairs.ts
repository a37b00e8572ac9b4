/**
 * Two countries or regions written by one character each (中美, 日俄, 印巴, 意中) are two places, as
 * People's Daily marks them (its dev split: 15 of 16 中美, every 印巴, 日俄, 巴以, 中葡), where the
 * model read the pair as one place or found only one of the two:
 *  - a place of two such characters is split, unless it is a country's name (印尼, 巴西, 南非) or a
 *    region's, a direction and a continent (东亚, 北美, 西欧, 中亚, 中东); 中非 of China and Africa,
 *    the usual sense in Hunan's news (中非经贸博览会), is split;
 *  - a place of one such character takes in its neighbour, another such character the model left
 *    out, where jieba reads the two as one word (意中/ns) or the neighbour as a word of its own
 *    (日/m 俄/j, 巴/ns 以/p): 美 and 加强 stay apart.
 * One of the two must be a usual abbreviation (美, 日, 华: `placeAbbreviations`), the other at least
 * a country's first character.
 */
import type { NameKnowledge } from '../knowledge';
import type { Span } from './model';
import { endingAt, startingAt, type Words } from './word-index';

/** A direction names a region with the other character (东亚, 北美, 华北, 台北), not a second place. */
const DIRECTION = /[东西南北]/;
/** 中亚, 中东: a region; 中非 of China and Africa, the only country's name of China and a continent split. */
const MIDDLE_REGION = /^中亚$/;
const CHINA_AND_CONTINENT = /^中[非欧美]$/;
/** jieba's tags of a pair read as one word that leave it a pair: a place, an abbreviation, unknown (not 海港/n, 新法). */
const PAIR_TAG = /^(?:ns|j|x|nz)$/;

export function placePairs(text: string, words: Words, spans: Span[], k: NameKnowledge): Span[] {
  if (!spans.some((s) => s.type === 'place' && s.end - s.start <= 2)) return spans;
  const strong = (c: string) => k.placeAbbreviations.has(c);
  const initial = (c: string) => strong(c) || k.countryInitials.has(c);
  const pair = (two: string) =>
    two.length === 2 &&
    (strong(two[0]) || strong(two[1])) &&
    initial(two[0]) &&
    initial(two[1]) &&
    !DIRECTION.test(two) &&
    !MIDDLE_REGION.test(two) &&
    (!k.countryNames.has(two) || CHINA_AND_CONTINENT.test(two));
  /** jieba's one word over the pair at `from`, if it reads the two characters as one. */
  const joined = (from: number) => {
    const word = startingAt(words, from);
    return word?.word.length === 2 ? word : undefined;
  };
  const free = (at: number) => !spans.some((s) => s.start <= at && at < s.end);
  /** The character at `at` is a usual abbreviation and a word of its own (日/m 俄/j), or jieba reads the pair as a place (意中/ns). */
  const partner = (at: number, from: number) =>
    (strong(text[at]) && startingAt(words, at) !== undefined && endingAt(words, at + 1) !== undefined) || PAIR_TAG.test(joined(from)?.tag ?? '');
  let changed = false;
  const out: Span[] = [];
  for (const span of spans) {
    const name = text.slice(span.start, span.end);
    if (span.type !== 'place' || name.length > 2) {
      out.push(span);
      continue;
    }
    if (name.length === 2) {
      const word = joined(span.start);
      const split = word ? PAIR_TAG.test(word.tag) : startingAt(words, span.start) !== undefined && startingAt(words, span.start + 1) !== undefined;
      if (pair(name) && strong(name[0]) && strong(name[1]) && split) {
        out.push({ type: 'place', start: span.start, end: span.start + 1 }, { type: 'place', start: span.start + 1, end: span.end });
        changed = true;
      } else out.push(span);
      continue;
    }
    const before = span.start - 1;
    if (before >= 0 && free(before) && !out.some((s) => s.end > before) && pair(text.slice(before, span.end)) && partner(before, before)) {
      out.push({ type: 'place', start: before, end: span.start });
      changed = true;
    }
    out.push(span);
    const after = span.end;
    if (after < text.length && free(after) && pair(text.slice(span.start, after + 1)) && partner(after, span.start)) {
      out.push({ type: 'place', start: after, end: after + 1 });
      changed = true;
    }
  }
  return changed ? out : spans;
}
