/**
 * A school named by its city and its number (株洲市二中, 醴陵一中, 株洲市十三中, 株洲市第一中学) is
 * one body: jieba cuts the number apart (十三/m 中/f, 八/m 中等学校/nt, 二中/nrt) and the model marks
 * the city alone, or the number as another place (二中).
 */
import { divisionNames } from './divisions';
import { inPlaceOf, type Span } from './model';
import { endingAt, type Words } from './word-index';

/**
 * A school's number after its city: 二中, 十三中, 第一中学, 三小; 中学 not when 生 follows (十三中
 * 学生 are the school's students), no party plenum (三中全会) and no court (第一中级人民法院).
 */
const NUMERALS = '一二三四五六七八九十';
const NUMBERED = new RegExp(`^第?[${NUMERALS}]{1,3}(?:中学(?!生)|小学(?!生)|中(?![级全])|小(?![组时学]))`);
/** The longest division's name a school's name starts with: 株洲市. */
const MOST_DIVISION = 4;
/** What a school's number starts with (NUMBERED), by character code: looked at before a division's name is cut out of the text. */
const NUMBER_START = new Set(Array.from(`第${NUMERALS}`, (c) => c.charCodeAt(0)));

/** The spans with each school named by its city and number made one organisation, in place of what the model read over it. */
export function numberedSchools(text: string, words: Words, spans: Span[]): Span[] {
  let out = spans;
  for (const span of spans) {
    const school = schoolAt(text, span.start);
    if (school === undefined) continue;
    // An organisation the model read over the whole school is its unit's (第五中学 教导处) or the
    // school itself, unless jieba glued the school's end to the next word (八/m 中等学校/nt).
    const glued = endingAt(words, school) === undefined;
    if (!glued && out.some((s) => s.type === 'org' && s.start <= span.start && s.end >= school)) continue;
    const whole: Span = { type: 'org', start: span.start, end: school };
    out = inPlaceOf(out, whole);
  }
  return out;
}

/** Where the school named from `start` by a division and a number ends, if one is. */
function schoolAt(text: string, start: number): number | undefined {
  for (let length = MOST_DIVISION; length >= 2; length--) {
    if (!NUMBER_START.has(text.charCodeAt(start + length)) || !divisionNames().has(text.slice(start, start + length))) continue;
    const number = NUMBERED.exec(text.slice(start + length, start + length + 6));
    if (number) return start + length + number[0].length;
  }
  return undefined;
}
