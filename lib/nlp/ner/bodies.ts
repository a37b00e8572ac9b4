/**
 * Organisations the model cut short, completed from jieba's words around them (after the
 * tagger's clean-up, so a head jieba tags as a verb — 分行/v — is not trimmed again):
 *  - a body's unit or branch written after it: 交通部 基础设施 投资 总局, 财政部 金融司,
 *    中国人民银行广州 分行, 交通银行 四川省 分行;
 *  - a one-character head left out: 中交二航 of 中交/二航局 (jieba's one word), and the rest of an
 *    abbreviation: 中联 of 中联重科/j;
 *  - a company's short name, a place and a one-character head: 中车 株洲 所, 南车 株洲 所 (the
 *    model reads 株洲 as the place, or nothing);
 *  - today's official names that join two fields by 和 (湖南省住房和城乡建设厅);
 *  - the words of a body's name between a name and the rest the model marked: 国务院 残疾人
 *    工作协调委员会, 中国 铁路 关心 下一代 工作委员会;
 *  - then a body's name begun late, its place, a named head after a place (body-names.ts);
 * and cut back: a body's team or standing members after it are no part of its name (株洲市人民医院
 * 团队, 株洲市委 常委).
 */
import { HAN } from '../han';
import type { Span } from './model';
import { endingAt, startingAt, type Words } from './word-index';
import { bodyNamesBefore, headsAfterNames, placesOfBodies } from './body-names';
import { MATCH_VERBS } from './matches';
import { companiesByTrade } from './trades';

/** What names a body's branch, whatever jieba tags it (分行/v), and a works' branch factory (分厂). */
const BRANCH = /^(?:分行|支行|分公司|分厂|分局|分理处|分社|分院|分部|办事处|代表处|分中心)$/;
/** Heads of a body's own units: 总局, 司, 署, 办公室 (a department, 部, is no body in either corpus). */
const UNIT_HEAD = /(?:总局|分厂|局|司|署|办公室|办公厅|委员会|研究所|研究院|研究中心|中心|管理处|处)$/;
/** A unit's one-character head and its chief's title as one word: 处处长, 司司长, 局局长. */
const HEAD_AND_CHIEF = /^([局司署处科所厅室])\1长$/;
/** Words between a body and its unit's head: nouns, attributes, abbreviations, unknown words. */
const UNIT_WORD_TAG = /^(?:n|nz|j|b|an|vn|x|nt)$/;
/** jieba's tag of a verb, which a unit's trade may be read as (孵化/v). */
const VERB_TAG = 'v';
/** Words a unit's name holds at most. */
const UNIT_WORDS = 5;
/** Heads of one character that end a body's short name (二航局, 株洲所). */
const ONE_HEAD = /^[局所院厂处社]$/;
/** Tags of a company's short name jieba does not know (中车/x). */
const SHORT_NAME_TAG = /^(?:x|j|nz)$/;
/** Tags of a word that starts a name by itself: a body's name starting with one was not cut. */
const PROPER_TAG = /^(?:ns|nr|nrt|nrfg|nt|nz|j|x|eng)$/;
/** Words a body's name holds between the name before it and the part the model marked. */
const MIDDLE_TAG = /^(?:n|vn|nz|j|b|an|t)$/;
const MIDDLE_WORDS = 4;
/**
 * Words between two bodies written as one span: a company and the one it owns, two teams that
 * meet; two bodies acting together (局联合市公安局) or one engaging the other (局委托市规划设计院),
 * split only where a body's head comes before.
 */
export const TWO_BODIES = [
  { between: new RegExp(`旗下|下属|所属|${MATCH_VERBS}`), headFirst: false },
  { between: /联合|会同|携手|协同|委托/, headFirst: true },
];
/** Conjunctions between two bodies' names; 以及 is in no body's name, 和 and 与 are (住房和城乡建设部). */
const CONJUNCTION = /以及|[和与及]/g;
/** How the first of two bodies joined by 和 ends: a body's head, a committee's (经信委), a ministry's, a team's. */
const FIRST_BODY_END = /(?:公司|集团|协会|学会|商会|银行|大学|学院|学校|医院|中心|政府|[厂局厅署处所院社委部会队团])$/;
/** Tags of a word that names something by itself: a name's, an abbreviation's, a word jieba does not know (比亚迪/nr). */
const OWN_NAME_TAG = /^(?:nr|nrt|nz|nt|j|x|eng)$/;
/** Tags of the word a conjunction stands in: itself, or a word jieba does not know (委和省/x); not 和平, 参与. */
const CONJUNCTION_WORD_TAG = /^(?:c|p|x)$/;

/**
 * Where a conjunction splits an organisation's span into two bodies (比亚迪和霍尼韦尔, 经信委和省纺织
 * 工业协会, 时代新材以及中车时代电气): the first ends in a body's head or is one word naming
 * something, the second is two characters or more; a ministry's name joining two common words
 * (住房和城乡建设部, 国家发展和改革委员会) is one body.
 */
export function conjoinedBodies(text: string, words: Words, start: number, end: number): { at: number; length: number } | undefined {
  for (const match of text.slice(start, end).matchAll(CONJUNCTION)) {
    const at = start + match.index;
    const length = match[0].length;
    if (at - start < 2 || end - at - length < 2) continue;
    let from = at;
    while (from > 0 && words.starts[from] < 0) from--;
    if (!CONJUNCTION_WORD_TAG.test(startingAt(words, from)?.tag ?? '')) continue;
    const first = startingAt(words, start);
    const ownName = first?.word.length === at - start && OWN_NAME_TAG.test(first.tag);
    if (length > 1 || ownName || FIRST_BODY_END.test(text.slice(start, at))) return { at, length };
  }
  return undefined;
}

/** A word that joins two bodies (对阵 between two teams) is no part of either's name. */
const joinsBodies = (word: string) => TWO_BODIES.some(({ between }) => between.exec(word)?.[0] === word);

/** The spans of a sentence with its organisations completed. */
export function completedBodies(text: string, words: Words, spans: Span[]): Span[] {
  if (!words.tokens.length) return spans;
  const completed = namesBeforeBodies(
    words,
    shortNames(
      text,
      words,
      unitsAfter(text, words, officialNames(text, countsApart(words, membersApart(text, unitsOfBodies(words, wholeAbbreviations(words, spans)))))),
    ),
  );
  return companiesByTrade(words, committeeDepartments(text, placesOfBodies(words, bodyNamesBefore(words, headsAfterNames(text, words, completed)))));
}

/** Tags of a common word (交通/n, 控制/vn), which begins a unit's name, not a name of its own. */
const COMMON_WORD_TAG = /^(?:n|vn|b|an)$/;
/** A company (物流公司) is a body of its own, not a unit, though 公司 ends in 司. */
const COMPANY = /公司$/;

/**
 * A body and its unit read as two organisations side by side (济南交警 交通控制指挥中心) are one: the
 * second's name ends in a unit's head and begins with a common word.
 */
function unitsOfBodies(words: Words, spans: Span[]): Span[] {
  let out = spans;
  for (let i = out.length - 1; i > 0; i--) {
    const [body, unit] = [out[i - 1], out[i]];
    if (body.type !== 'org' || unit.type !== 'org' || body.end !== unit.start) continue;
    const first = startingAt(words, unit.start);
    const head = endingAt(words, unit.end)?.word ?? '';
    if (!first || !COMMON_WORD_TAG.test(first.tag) || !UNIT_HEAD.test(head) || COMPANY.test(head)) continue;
    if (out === spans) out = spans.slice();
    out.splice(i - 1, 2, { type: 'org', start: body.start, end: unit.end });
  }
  return out;
}

/** A party committee of a division, and a department of two characters written right after it (社工部, 宣传部; not 老干部, 部署). */
const COMMITTEE_DEPARTMENT = /[区县市]委(?!书记|常委)(\p{Script=Han}{2}(?<!干)部)(?![署分门])/u;

/**
 * A division's party committee and its department are one body (荷塘区委社工部, as 芦淞区委宣传部):
 * jieba cuts a newer department's name across its words (社/n 工部/n) and the model stops inside it.
 */
function committeeDepartments(text: string, spans: Span[]): Span[] {
  let out = spans;
  for (const span of spans) {
    if (span.type !== 'org') continue;
    const department = COMMITTEE_DEPARTMENT.exec(text.slice(span.start, span.end + 3));
    if (!department) continue;
    const end = span.start + department.index + department[0].length;
    if (end <= span.end || end - department[1].length < span.start + 3) continue;
    const whole: Span = { type: 'org', start: span.start, end };
    out = [...out.filter((s) => s !== span && (s.end <= whole.start || s.start >= whole.end)), whole].sort((a, b) => a.start - b.start);
  }
  return out;
}

/**
 * A count of things or bodies (两支, 三个): a body's name holds none. (A count of 家 drops the
 * span at the tagger's end: 广州一家杂志 names no body.)
 */
const COUNT_WORD = /^[一二两三四五六七八九十几数多\d]+[支个名位只批所座条]$/;
/** Tags of a word that is a place's name alone. */
const PLACE_TAG = /^(?:ns|gloc)$/;

/**
 * An organisation run on over a count into what it counts (醴陵电瓷 两支 篮球队): the name ends
 * before the count, and what is counted (篮球队) names no one body. A place alone before it is the
 * place (株洲 两支 球队).
 */
function countsApart(words: Words, spans: Span[]): Span[] {
  let out = spans;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (span.type !== 'org') continue;
    for (let at = span.start; at < span.end; ) {
      const word = startingAt(words, at);
      if (!word) break;
      if (at > span.start && word.tag === 'm' && COUNT_WORD.test(word.word)) {
        if (out === spans) out = spans.slice();
        const first = startingAt(words, span.start);
        out[i] = { type: first?.word.length === at - span.start && PLACE_TAG.test(first.tag) ? 'place' : 'org', start: span.start, end: at };
        break;
      }
      at += word.word.length;
    }
  }
  return out === spans ? spans : out.filter((s) => s.end - s.start >= 2 || s.type === 'place');
}

/**
 * The full names of today's ministries and commissions, and of their provinces' and cities'
 * bureaus, that join two fields by 和 (住房和城乡建设部, 人力资源和社会保障局, 国家发展和改革委员会):
 * the model, which learnt from 1998's names, takes the second field alone (建设厅) or nothing.
 */
const OFFICIAL =
  /(?:住房和城乡建设|人力资源和社会保障|工业和信息化|文化和旅游|发展和改革|卫生和计划生育|自然资源和规划|科学技术和工业信息化|商务和粮食|教育和体育|广播电影电视和新闻出版)(?:委员会|部|厅|局|委)/gu;
/** The country's level before such a name is part of it (国家发展和改革委员会). */
const NATIONAL = /(?:国家|中华人民共和国)$/;

function officialNames(text: string, spans: Span[]): Span[] {
  if (!text.includes('和')) return spans;
  const added: Span[] = [];
  for (const match of text.matchAll(OFFICIAL)) {
    let start = match.index;
    const end = start + match[0].length;
    // Already one body with its place before it (株洲市住房和城乡建设局, from bureaus.ts).
    if (spans.some((s) => s.type === 'org' && s.start < start && s.end >= end)) continue;
    const national = NATIONAL.exec(text.slice(Math.max(0, start - 7), start));
    if (national) start -= national[0].length;
    // A province's or a city's bureau is named from its place (湖南省住房和城乡建设厅).
    const place = national ? undefined : spans.find((s) => s.type === 'place' && s.end === start);
    added.push({ type: 'org', start: place?.start ?? start, end });
  }
  if (!added.length) return spans;
  const kept = spans.filter((s) => !added.some((a) => s.start < a.end && a.start < s.end));
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}

/** Where a body's name goes on past the model's span: its branch (a place between), or its unit's head. */
function unitsAfter(text: string, words: Words, spans: Span[]): Span[] {
  if (!spans.some((s) => s.type === 'org')) return spans;
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (span.type !== 'org' || !endingAt(words, span.end)) {
      out.push(span);
      continue;
    }
    let next = i + 1;
    let at = span.end;
    // 交通银行 四川省 分行: the branch's place, between.
    const place = spans[next];
    if (place?.type === 'place' && place.start === at && BRANCH.test(startingAt(words, place.end)?.word ?? '')) {
      at = place.end;
      next++;
    }
    const limit = spans[next]?.start ?? text.length;
    const branch = startingAt(words, at);
    if (branch && BRANCH.test(branch.word) && at + branch.word.length <= limit) {
      out.push({ type: 'org', start: span.start, end: at + branch.word.length });
      i = next - 1;
      continue;
    }
    // 华荣集团 湖南 招商孵化中心: a region between a body and its unit's words starts the unit, a body
    // of its own, whose trade jieba may read as a verb (孵化/v).
    const regional =
      place?.type === 'place' && place.start === at && next === i + 1 ? unitEnd(words, place.end, spans[next + 1]?.start ?? text.length, true) : -1;
    if (regional >= 0) {
      out.push(span, { type: 'org', start: place.start, end: regional });
      i = next;
      continue;
    }
    const end = unitEnd(words, at, limit, false);
    out.push(end < 0 ? span : { type: 'org', start: span.start, end });
  }
  return out;
}

/** Where a unit's head ends over its words from `at` (−1 where none does): nouns, attributes, and one verb where `verb`. */
function unitEnd(words: Words, from: number, limit: number, verb: boolean): number {
  let at = from;
  let verbs = verb ? 1 : 0;
  for (let count = 0; count < UNIT_WORDS; count++) {
    const word = startingAt(words, at);
    if (!word || at + word.word.length > limit || !HAN.test(word.word)) break;
    // 司/nr, 局/n: a head of one character, or jieba's noun.
    const head = UNIT_HEAD.test(word.word) && (word.tag.startsWith('n') || word.word.length === 1);
    // 处处长/v, 司司长: jieba glued the unit's head to its chief's title; the head ends the unit.
    if (!head && at > from && HEAD_AND_CHIEF.test(word.word)) return at + 1;
    if (!head && !UNIT_WORD_TAG.test(word.tag) && !(word.tag === VERB_TAG && verbs-- > 0 && at > from)) break;
    at += word.word.length;
    if (head) return at > from + word.word.length || !verb ? at : -1;
  }
  return -1;
}

/**
 * Some of a body's people written after it: a hospital's or a university's team (医院团队), a party
 * committee's standing members (市委常委, a title: People's Daily marks 省委 of 省委常委 as the body).
 */
const MEMBERS_AFTER = /(?:(?:医院|大学|学院|研究院|研究所|中心)(团队)|[省市县区]委(常委))$/;

/** An organisation run on into some of its people (株洲市人民医院 团队, 株洲市委常委) is the body: 株洲市人民医院, 株洲市委. */
function membersApart(text: string, spans: Span[]): Span[] {
  let out = spans;
  spans.forEach((span, i) => {
    const members = span.type === 'org' ? MEMBERS_AFTER.exec(text.slice(span.start, span.end)) : null;
    if (!members) return;
    if (out === spans) out = spans.slice();
    out[i] = { type: 'org', start: span.start, end: span.end - (members[1] ?? members[2]).length };
  });
  return out;
}

/** jieba's tag of an abbreviation, a company's short name among them (中联重科/j). */
const ABBREVIATION_TAG = 'j';

/**
 * An organisation the model ended inside the abbreviation jieba reads as one word, from that
 * word's start, is the whole word: 中联 of 中联重科.
 */
function wholeAbbreviations(words: Words, spans: Span[]): Span[] {
  let out = spans;
  spans.forEach((span, i) => {
    const word = startingAt(words, span.start);
    if (span.type !== 'org' || word?.tag !== ABBREVIATION_TAG) return;
    const end = span.start + word.word.length;
    if (end <= span.end || (spans[i + 1]?.start ?? end) < end) return;
    if (out === spans) out = spans.slice();
    out[i] = { type: 'org', start: span.start, end };
  });
  return out;
}

/**
 * A body's short name: an organisation one head short of jieba's word (中交二航 of 交二航局), and
 * a company's short name jieba does not know, a place and a one-character head (中车 株洲 所),
 * over which the model marked at most the place.
 */
function shortNames(text: string, words: Words, spans: Span[]): Span[] {
  // Copied once a span changes: most sentences have no body one head short.
  let out = spans;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    const end = span.end + 1;
    if (span.type !== 'org' || endingAt(words, span.end) || !ONE_HEAD.test(text[span.end] ?? '') || !endingAt(words, end)) continue;
    if ((spans[i + 1]?.start ?? text.length) < end) continue;
    if (out === spans) out = spans.slice();
    out[i] = { type: 'org', start: span.start, end };
  }
  const added: Span[] = [];
  const { tokens } = words;
  for (let t = 0, at = 0; t + 2 < tokens.length; at += tokens[t].word.length, t++) {
    const name = tokens[t];
    const place = tokens[t + 1];
    // The place first: most words are none, and the tests of the name cost more.
    if (place.tag !== 'ns' || !ONE_HEAD.test(tokens[t + 2].word) || !SHORT_NAME_TAG.test(name.tag) || name.word.length < 2 || !HAN.test(name.word)) continue;
    const placeStart = at + name.word.length;
    const end = placeStart + place.word.length + 1;
    if (onlyPlaceOver(out, at, placeStart, end)) added.push({ type: 'org', start: at, end });
  }
  if (!added.length) return out;
  const kept = out.filter((s) => !added.some((a) => s.start < a.end && a.start < s.end));
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}

/**
 * Whether the only span over a short name's words (`start` to `end`) is the place from
 * `placeStart` to its head, if any. (A loop, not a function given the loop's variables: that would
 * keep them in a new object for every word.)
 */
function onlyPlaceOver(spans: Span[], start: number, placeStart: number, end: number): boolean {
  for (const s of spans) if (s.start < end && start < s.end && !(s.type === 'place' && s.start === placeStart && s.end === end - 1)) return false;
  return true;
}

/**
 * An organisation whose first word names nothing by itself (工作 of 工作协调委员会), with only
 * common nouns between it and the place or body before it, is the rest of that one's name:
 * 国务院 残疾人 工作协调委员会 is one body.
 */
function namesBeforeBodies(words: Words, spans: Span[]): Span[] {
  if (spans.length < 2 || !spans.some((s) => s.type === 'org')) return spans;
  const out: Span[] = [];
  for (const span of spans) {
    const first = startingAt(words, span.start);
    const before = out[out.length - 1];
    if (span.type === 'org' && before && before.type !== 'person' && first && !PROPER_TAG.test(first.tag) && first.word.length < span.end - span.start) {
      let at = span.start;
      let count = 0;
      for (let word = endingAt(words, at); at > before.end && count < MIDDLE_WORDS && word; word = endingAt(words, at)) {
        if (!MIDDLE_TAG.test(word.tag) || !HAN.test(word.word) || joinsBodies(word.word)) break;
        at -= word.word.length;
        count++;
      }
      if (at === before.end && count > 0) {
        out[out.length - 1] = { type: 'org', start: before.start, end: span.end };
        continue;
      }
    }
    out.push(span);
  }
  return out;
}
