/**
 * The units below a county that local news names after a district (荷塘区月塘街道, 天元区栗雨街道):
 * jieba cuts a street's name into
 * pieces (月/m 塘/j) and the model reads half of it into a body (塘街道办事处) or nothing. Both
 * corpora label a street as a place (长安街道) and its office with the place before it as one
 * organisation (龙岗区坂田街道执法队).
 */
import { MORPHEME_TAG } from './glued';
import type { Span } from './model';
import { endingAt, startingAt, type Words } from './word-index';

/** Units below a county, written after their own name. */
const UNIT = /^(?:街道|镇|乡)$/;
/** Tags of a word that is a street's or town's name of its own: unknown words, places, abbreviations. */
const NAME_TAG = /^(?:x|ns|nz|j|nr)$/;
/** An office of a street or a town, written right after it. */
const OFFICE = /^(?:办事处|街道办|党工委|人民政府|政府|党委)$/;

/** A name of two characters ending at `at`: one word of a name's tags, or pieces right after a division's span. */
function nameBefore(text: string, words: Words, spans: readonly Span[], at: number): number | undefined {
  const start = at - 2;
  // 藏族乡: a nationality's township takes its name before the nationality (勿角藏族乡).
  if (start < 0 || !/^\p{Script=Han}{2}$/u.test(text.slice(start, at)) || text[at - 1] === '族') return undefined;
  const word = startingAt(words, start);
  // 响/zg 石岭/ns of 响石岭街道: a morpheme before is the name's first character, cut off by jieba.
  if (MORPHEME_TAG.test(endingAt(words, start)?.tag ?? '')) return undefined;
  if (word && word.word.length === 2 && NAME_TAG.test(word.tag)) return start;
  const division = spans.find((s) => s.type === 'place' && s.end === start);
  return division && word ? start : undefined;
}

/**
 * Streets and towns named by two characters before their unit: each a place, or with its office
 * after it the office, named from the district before it (荷塘区月塘街道办事处). A zone keeps its
 * city as the place (株洲 of 株洲高新区, as the seed stories' reader marks it).
 */
export function townsAndOffices(text: string, words: Words, spans: Span[]): Span[] {
  let out = spans;
  let at = 0;
  for (const { word } of words.tokens) {
    const start = at;
    at += word.length;
    if (!UNIT.test(word)) continue;
    const from = nameBefore(text, words, out, start);
    if (from === undefined) continue;
    let span: Span = { type: 'place', start: from, end: at };
    const office = startingAt(words, at);
    if (office && OFFICE.test(office.word)) {
      const district = out.find((s) => s.type === 'place' && s.end === from);
      span = { type: 'org', start: district?.start ?? from, end: at + office.word.length };
    }
    if (out.some((s) => s.start <= span.start && s.end >= span.end && s.end - s.start > span.end - span.start)) continue;
    out = [...out.filter((s) => s.end <= span.start || s.start >= span.end), span].sort((a, b) => a.start - b.start);
  }
  return out;
}
