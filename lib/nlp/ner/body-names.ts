/**
 * Organisations whose name the model began too late or left at its place (called at the end of
 * `completedBodies`, bodies.ts):
 *  - it marked the body's generic part (信托银行, 歌舞团, 职业培训学校) and left out the words that
 *    name which one (三井, 总政, 二七): the words right before such a span that can be part of a
 *    name — nouns, abbreviations, words jieba does not know, a numbered name — are taken into it,
 *    up to the previous name or a word that names no body (a verb, a particle, a pronoun, 原 or 前
 *    of a former body);
 *  - a place right before such a body is its own (湘乡市 公安局: People's Daily marks it whole);
 *  - a place followed by one word that ends in a body's head and names it (成都 地质所), and a
 *    country and 队 (its team).
 */
import { HAN } from '../han';
import type { Span } from './model';
import { endingAt, startingAt, type Words } from './word-index';

/**
 * Tags of words that start a name by themselves: a body's name starting with one was not cut.
 * The library's own names (gper, gloc, gorg: GAZETTEER_TAGS) stand as they are.
 */
const PROPER_TAG = /^(?:ns|nr|nrt|nrfg|nt|nz|j|x|eng|gper|gloc|gorg)$/;
/** Tags of the words a body's name may hold before its generic part. */
const NAME_WORD_TAG = /^(?:n|nz|j|x|nt|vn|zg|s|an|m)$/;
/** Words that qualify a body without naming it: former, present, this, every … */
const QUALIFIER =
  /^(?:原|前|现|新|老|该|本|各|全|其|这|那|每|各级|有关|所属|下属|旗下|对阵|迎战|当地|地方|国内|国外|海外|全国|我国|所在|上述|各大|主流|本地|部分|一些|其他|其它)$/;
const CLAUSE_START = /^(?:这|那|是|有|在|为|对|向|从|被|把|将|就|也|都|还|又|已|但|而|并|及|与|和|中有|其中)/;
/** Digits, or a number written in characters without a unit (二七, not 三年 or 十五大). */
const NUMBERED = /^[〇一二三四五六七八九十零\d]+$/;
/** Tags of words that never begin a name: prepositions, conjunctions, particles, pronouns, adverbs, verbs, numbers. */
const FUNCTION_TAG = /^(?:p|c|u|uj|ul|uz|ud|ug|uv|r|d|y|e|o|v|vd|m|f|t)$/;
/** Words taken at most. */
const MOST_WORDS = 3;
/** The day's character and 电 of a dateline (新华社北京5月10日电). */
const DATELINE_WIRE = '日电';

export function bodyNamesBefore(words: Words, spans: Span[]): Span[] {
  if (!spans.some((s) => s.type === 'org')) return spans;
  let changed = false;
  const out = spans.map((span, i) => {
    if (span.type !== 'org') return span;
    const first = startingAt(words, span.start);
    if (!first || PROPER_TAG.test(first.tag)) return span;
    const limit = i > 0 ? spans[i - 1].end : 0;
    let at = span.start;
    for (let count = 0; count < MOST_WORDS; count++) {
      const word = endingAt(words, at);
      if (!word || at - word.word.length < limit || !HAN.test(word.word) || QUALIFIER.test(word.word)) break;
      // A word jieba does not know that begins with a pronoun, a verb or a preposition is a clause's (这是, 中有).
      if (word.tag === 'x' && CLAUSE_START.test(word.word)) break;
      // 5月10日 电: a dateline's day and wire, which jieba reads as one abbreviation (日电/j).
      if (word.word === DATELINE_WIRE && endingAt(words, at - word.word.length)?.tag === 'm') break;
      const lone = word.word.length === 1 && at === span.start && first.word.length === 1 && !FUNCTION_TAG.test(word.tag);
      if (!lone && (!NAME_WORD_TAG.test(word.tag) || (word.tag === 'm' && !NUMBERED.test(word.word)))) break;
      // One character: a morpheme or an abbreviation's, or the first of a short name the model
      // began one character late (株 of 株/硬/集团, where the span starts with a character alone).
      const short =
        word.word.length === 1 && (word.tag === 'zg' || word.tag === 'j' || (at === span.start && first.word.length === 1 && !FUNCTION_TAG.test(word.tag)));
      if (word.word.length === 1 && !short) break;
      at -= word.word.length;
    }
    if (at === span.start) return span;
    changed = true;
    return { ...span, start: at };
  });
  return changed ? out : spans;
}

/**
 * A place right before an organisation whose name starts with a generic word (美国 财政部, 湘乡市
 * 公安局, 郑州市 二七司法培训学校) is the body's own place: People's Daily marks them as one body.
 * A body named by a proper name of its own (美国 密执安州立大学) keeps the place apart.
 */
export function placesOfBodies(words: Words, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const original of spans) {
    const before = out[out.length - 1];
    const span = withSession(words, original, before?.end ?? 0);
    const first = startingAt(words, span.start);
    if (span.type === 'org' && before?.type === 'place' && before.end === span.start && first && (!PROPER_TAG.test(first.tag) || CONGRESS.test(first.word))) {
      out[out.length - 1] = { type: 'org', start: before.start, end: span.end };
      continue;
    }
    // 株洲市 人民代表大会/nt, where the model read the congress as a place that the clean-up dropped,
    // or read nothing after the place, the congress's term between (株洲市 第十六届 人民代表大会).
    const after = span.type === 'place' ? startingAt(words, span.end) : undefined;
    const term = after && SESSION.test(after.word) ? after.word.length : 0;
    const congress = after && startingAt(words, span.end + term);
    const end = congress ? span.end + term + congress.word.length : 0;
    if (congress && CONGRESS.test(congress.word) && !spans.some((s) => s.start >= span.end && s.start < end)) {
      out.push({ type: 'org', start: span.start, end });
      continue;
    }
    out.push(span);
  }
  return out;
}

/**
 * A congress or a political consultative conference is its place's (全国人大常委会, 县人大): People's
 * Daily marks the place with it as one body, though not with a government (自治区 人民政府).
 */
const CONGRESS = /^(?:人民代表大会|人大|人大常委会|人民代表大会常务委员会|政协)$/;

/** A body's term by its number: 第十六届, 六届 (jieba's one word). */
const SESSION = /^第?[一二三四五六七八九十百\d]+届$/;

/**
 * A congress's term written before it is part of its name, as both corpora mark it (第二届全国人民代表大会,
 * 六届人大常委会, 重庆第三届人大): the model reads the body without it, and so without its place
 * (株洲市 第十六届 人民代表大会). An event's edition is not (第四届 博览会: the labels leave it out).
 */
function withSession(words: Words, span: Span, limit: number): Span {
  if (span.type !== 'org') return span;
  const session = endingAt(words, span.start);
  if (!session || !SESSION.test(session.word) || span.start - session.word.length < limit || !CONGRESS.test(startingAt(words, span.start)?.word ?? ''))
    return span;
  return { ...span, start: span.start - session.word.length };
}

/** A body's head of one character, ending a word of three or more (地质所, 蝶阀厂, 电视台); not 会, a meeting's (动员会). */
const ONE_CHAR_HEAD = /[所厂院局社台馆校团部处]$/;
const LIBRARY_TAG = /^(?:gper|gloc|gorg)$/;
/** Words that end like a body but count or point: 第一所, 西北部. */
const NOT_NAMED = /^(?:第|[一二三四五六七八九十几多每各这那该本])|^[东西南北中内外上下]{1,2}部$/;
/** A body's head of several, ending a word at least two characters longer (服装公司, 文化基金会). */
const LONG_HEAD = /(?:公司|集团|银行|大学|学院|中学|小学|学会|协会|基金会|委员会|研究所|研究院|中心)$/;
/** What follows 队 in a word that is no team (队员, 队长, 队伍). */
const NOT_TEAM = /^队[员长伍列友形旗部]/;

/** Whether a word of jieba's ends in a body's head and says which body besides: 地质所, not 所 or 建厂. */
function namedHead(word: string): boolean {
  const long = LONG_HEAD.exec(word);
  if (NOT_NAMED.test(word)) return false;
  return long ? word.length >= long[0].length + 2 : word.length >= 3 && ONE_CHAR_HEAD.test(word);
}

/**
 * A place, or a body the model marked as far as its place, followed straight by one word that
 * ends in a body's head and names it (成都 地质所, 郑州 蝶阀厂/v): one body. A country's or a
 * place's name and 队 is its team (哥伦比亚 队以: jieba glued 队 to what follows).
 */
export function headsAfterNames(text: string, words: Words, spans: Span[]): Span[] {
  let changed = false;
  const out = spans.map((span, i) => {
    if (span.type === 'person') return span;
    const next = spans[i + 1]?.start ?? text.length;
    const word = startingAt(words, span.end);
    if (word && !LIBRARY_TAG.test(word.tag) && span.end + word.word.length <= next && HAN.test(word.word) && namedHead(word.word)) {
      changed = true;
      return { type: 'org' as const, start: span.start, end: span.end + word.word.length };
    }
    if (span.type === 'place' && text[span.end] === '队' && !NOT_TEAM.test(text.slice(span.end, span.end + 2)) && next > span.end) {
      changed = true;
      return { type: 'org' as const, start: span.start, end: span.end + 1 };
    }
    return span;
  });
  return changed ? out : spans;
}
