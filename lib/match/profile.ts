/**
 * What ranking compares of a text: its entities under one key per real-world thing, its other
 * content words with their counts, and the years it names. One key per thing means 株洲市 is
 * 株洲, 沙特 is 沙特阿拉伯 is Saudi Arabia, and a Zhuzhou paper's 市国土空间规划委员会 is the
 * 株洲市国土空间规划委员会 of another outlet, while 长沙市国土空间规划委员会 stays another body.
 */
import type { Entities } from '../nlp/analyzer';
import type { EntityType } from '../nlp/entities';
import { nameKnowledge } from '../nlp/knowledge';
import { ownValue } from '../nlp/own-keys';

export interface Profile {
  /** Term → count. Entity terms are `person:…`, `place:…`, `org:…`; other words are themselves. */
  terms: Map<string, number>;
  /** Entity term → the name a reader is shown. */
  names: Map<string, string>;
  /** Years the text names (2024年), and for a story the year it was published. */
  years: Set<number>;
  /** Which of a series the text's event is (`ordinalsIn`; for English, its hotlines only: `phonesIn`). */
  ordinals?: Set<string>;
  /** Entity term → the words an English text names it with (Xi Jinping for 习近平). */
  written?: Map<string, string>;
}

const TYPE_OF_TERM = /^(person|place|org):/;

export function entityType(term: string): EntityType | undefined {
  return TYPE_OF_TERM.exec(term)?.[1] as EntityType | undefined;
}

/** 马其顿共和国, 伊朗伊斯兰共和国: a country's name with its form of state. */
const STATE_FORM = /(?:伊斯兰共和国|民主共和国|人民共和国|联邦共和国|共和国|王国|合众国|联邦)$/;
/** 株洲市, 湖南省: a division named with its level. */
const LEVEL = /^(\p{Script=Han}{2,}?)(?:省|市)$/u;
/** 株洲市国土空间规划委员会 → 株洲 + 国土空间规划委员会. */
const PLACE_LEVEL_PREFIX = /^(\p{Script=Han}{2,3}?)(?:省|市)(\p{Script=Han}{3,})$/u;
/** 市国土空间规划委员会: a body of "the city", which city being the paper's own. */
const OWN_LEVEL_PREFIX = /^(?:市|省|县|区)(\p{Script=Han}{3,})$/u;

/** 市国土空间规划委员会: a name that says which body only with the paper's city. */
export function isBareName(name: string): boolean {
  return OWN_LEVEL_PREFIX.test(name);
}

export function placeKey(name: string): string {
  const codes = nameKnowledge().countryCodes;
  const code = codes.get(name) ?? codes.get(name.replace(STATE_FORM, ''));
  if (code) return `place:${code}`;
  return `place:${LEVEL.exec(name)?.[1] ?? name}`;
}

/**
 * `home` is the place a bare 市/省 means: the paper's city for its stories, the place a passage
 * names most. Without one, a bare 市国土空间规划委员会 names no particular body: it is a word.
 */
export function orgKey(name: string, home?: string): string {
  const own = OWN_LEVEL_PREFIX.exec(name);
  if (own) return home ? `org:${home}${own[1]}` : own[1];
  const prefixed = PLACE_LEVEL_PREFIX.exec(name);
  return `org:${prefixed ? prefixed[1] + prefixed[2] : name}`;
}

export function entityKey(type: EntityType, name: string, home?: string): string {
  if (type === 'place') return placeKey(name);
  if (type === 'org') return orgKey(name, home);
  return `person:${name}`;
}

/** 2024年 and (2024年5月20日…): the years a text names. */
export function yearsIn(text: string): Set<number> {
  return new Set([...text.matchAll(/(?<!\d)((?:19|20)\d\d)\s*年/g)].map((m) => Number(m[1])));
}

export interface TextDate {
  /** Absent when the text leaves the year to the reader (5月12日). */
  year?: number;
  month: number;
  day: number;
}

const HAN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 12, 十二, 二十八, 一百零五 as a number. */
function ordinalNumber(written: string): number {
  if (/^\d+$/.test(written)) return Number(written);
  let total = 0;
  let digit = 0;
  for (const c of written) {
    if (c === '十' || c === '百') {
      total += (digit || 1) * (c === '十' ? 10 : 100);
      digit = 0;
    } else digit = HAN_DIGITS[c] ?? 0;
  }
  return total + digit;
}

const NUMERAL = '(\\d+|[零〇一二两三四五六七八九十百]+)';
/**
 * 第三轮(第二批), 第十五届, 第2回, and an ordinal read into a name (中央第五生态环境保护督察组): the
 * ordinals that say which of a series an event is. A batch, issue or item counted within one
 * event (第十一批信访件, 第16期, 第3件) says nothing of which event it is, save a round's batch.
 */
const ORDINAL = new RegExp(`第\\s*${NUMERAL}\\s*(?:(轮|輪|ラウンド|届|屆|回)(?:\\s*第\\s*${NUMERAL}\\s*(?:批|陣))?|(\\p{Script=Han}))`, 'gu');
/** Counters of things within an event, and words that continue a count (第一至第八批). */
const COUNTERS = new Set('批阵陣期次个個件号號名位条條天年月日章节節季场場项項座趟块塊片家支口至到和页頁版部篇集代');
/** Ordinals read from a text at most: a real event names a few; a page or a feed story of thousands is stored with no more. */
const MAX_ORDINALS = 20;
const SERIES: Record<string, string> = { 轮: 'round', 輪: 'round', ラウンド: 'round', 届: 'session', 屆: 'session', 回: 'session' };

/**
 * `round:3`, `round:3/2`, `session:15`, `name:5`: each ordinal a text names by what it counts, and
 * each hotline it gives (`phone:0731-82673688`). Two texts naming the same kind with different
 * numbers are about different events of one series. A name's 第一 is read as no ordinal: it is
 * mostly a rank (全省第一) or a first time (第一时间).
 */
export function ordinalsIn(text: string): Set<string> {
  const found = phonesIn(text);
  for (const m of text.matchAll(ORDINAL)) {
    if (found.size >= MAX_ORDINALS) break;
    const n = ordinalNumber(m[1]);
    if (m[2]) {
      const kind = SERIES[m[2]];
      found.add(`${kind}:${n}`);
      if (m[3]) found.add(`${kind}:${n}/${ordinalNumber(m[3])}`);
    } else if (m[4] && n > 1 && !COUNTERS.has(m[4])) found.add(`name:${n}`);
  }
  return found;
}

/** 0731-82673688, 0731—81110879: a hotline's area code and number. */
const PHONE = /(?<!\d)(0\d{2,3})\s*[-—－–]+\s*(\d{7,8})(?!\d)/g;

/**
 * `phone:0731-82673688`: a hotline's number says whose it is, as an ordinal says which of a series:
 * an inspection's notice names its own hotline, another year's or province's names another.
 */
export function phonesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(PHONE)) {
    if (found.size >= MAX_ORDINALS) break;
    found.add(`phone:${m[1]}-${m[2]}`);
  }
  return found;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const HAN_DATE = /(?:(?<!\d)((?:19|20)\d\d)\s*年\s*)?(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const LATIN_DATE = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d))?/g;
/** 22 May 2024, 5th November: the day first, as British and many Asian English outlets write it; a month's name whole (3 Mayors is no day). */
const LATIN_DAY_FIRST =
  /\b(\d{1,2})(?:st|nd|rd|th)?\s+(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?(?:,?\s+((?:19|20)\d\d))?/g;
/** Dates read from a text at most: a page of thousands says no more than its first ones. */
const MAX_DATES = 50;

/** 2024年5月12日, 5月12日, May 12, 2024, 12 May 2024: the days a text names, by kind of writing. */
export function datesIn(text: string): TextDate[] {
  const dates: TextDate[] = [];
  const add = (year: string | undefined, month: number, day: number) => {
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && dates.length < MAX_DATES) dates.push({ ...(year ? { year: Number(year) } : {}), month, day });
  };
  for (const m of text.matchAll(HAN_DATE)) {
    if (dates.length >= MAX_DATES) break;
    add(m[1], Number(m[2]), Number(m[3]));
  }
  for (const m of text.matchAll(LATIN_DATE)) {
    if (dates.length >= MAX_DATES) break;
    add(m[3], MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, Number(m[2]));
  }
  for (const m of text.matchAll(LATIN_DAY_FIRST)) {
    if (dates.length >= MAX_DATES) break;
    add(m[3], MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1, Number(m[1]));
  }
  return dates;
}

const DAY_MS = 86_400_000;

/**
 * Days from a story's date (YYYY-MM-DD) to each date of a text, the text's year taken as the
 * story's where it names none (and as the year before when that puts it after the story: a
 * January story recalls a December day).
 */
export function daysFrom(storyDate: string, dates: TextDate[]): number[] {
  const [y, m, d] = storyDate.split('-').map(Number);
  if (!y || !m || !d) return [];
  const story = Date.UTC(y, m - 1, d);
  return dates.map((t) => {
    let at = Date.UTC(t.year ?? y, t.month - 1, t.day);
    if (t.year === undefined && at - story > 31 * DAY_MS) at = Date.UTC(y - 1, t.month - 1, t.day);
    return Math.round((at - story) / DAY_MS);
  });
}

/**
 * The place a paper calls 市: the place its name starts with (株洲日报 → 株洲) when the story names
 * it too.
 */
export function homePlace(publication: string | undefined, entities: Entities): string | undefined {
  if (!publication) return undefined;
  return entities.place.map(placeName).find((p) => p.length >= 2 && publication.startsWith(p));
}

/** The key of a place without its type; an ISO code for a country. */
const placeName = (place: string) => placeKey(place).slice('place:'.length);

/** The place a passage is about: the first place of a few it names most that is not a country. */
export function mainPlace(entities: Entities, terms: Record<string, number>): string | undefined {
  const domestic = entities.place.filter((p) => !/^[A-Z]{2}$/.test(placeName(p)));
  const best = domestic.sort((a, b) => (ownValue(terms, b) ?? 0) - (ownValue(terms, a) ?? 0))[0];
  return best && placeName(best);
}

export interface ProfileInput {
  entities: Entities;
  terms: Record<string, number>;
  text: string;
  home?: string;
  /** A story's publication date, YYYY-MM-DD. */
  date?: string;
}

export function buildProfile({ entities, terms, text, home, date }: ProfileInput): Profile {
  const typeOf = new Map<string, EntityType>();
  for (const type of ['org', 'place', 'person'] as const) for (const name of entities[type]) typeOf.set(name, type);
  const profile: Profile = { terms: new Map(), names: new Map(), years: yearsIn(text), ordinals: ordinalsIn(text) };
  if (date) profile.years.add(Number(date.slice(0, 4)));
  const add = (term: string, count: number) => profile.terms.set(term, (profile.terms.get(term) ?? 0) + count);
  for (const [word, count] of Object.entries(terms)) {
    const type = typeOf.get(word);
    if (!type) {
      add(word, count);
      continue;
    }
    const key = entityKey(type, word, home);
    add(key, count);
    if (!profile.names.has(key)) profile.names.set(key, word);
    // The bare name of a body (国土空间规划委员会) is the subject it shares with every city's.
    const own = type === 'org' ? OWN_LEVEL_PREFIX.exec(word) : null;
    if (own && home) add(own[1], count);
  }
  // A name the terms lack (a partial analysis) still counts once.
  for (const [name, type] of typeOf) {
    const key = entityKey(type, name, home);
    if (!profile.terms.has(key)) {
      add(key, 1);
      if (entityType(key)) profile.names.set(key, name);
    }
  }
  return profile;
}
