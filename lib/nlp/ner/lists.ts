/**
 * Names in lists (「拜访阿联酋湖南商会、安东石油、丸红株式会社中东代表处」): the items of one list are
 * things of one kind, and an item is read whole. What the model marks inside an item, beside it,
 * tells where it took half a name for a name.
 */
import type { Token } from '../entities';
import { HAN } from '../han';
import { nameKnowledge } from '../knowledge';
import { divisionNames } from './divisions';
import type { Span } from './model';
import { ZONE } from './towns';
import { TRADE } from './trade-words';

/** jieba's words of the sentence by position, as the tagger's clean-up reads them. */
export interface WordsAt {
  startingAt(at: number): Token | undefined;
}

interface Item {
  start: number;
  end: number;
  /** Whether 、 stands before it (it is not a list's first item) and after it. */
  afterComma: boolean;
  beforeComma: boolean;
}

/** What ends a list's item: 、 between items, what ends a clause, and 等 after the last. */
const ITEM_END = /[、，。；：,;:！？!?\s等]/;
/**
 * A company's legal form at the end of a name (山港海外供应链(青岛)有限公司, 丸红株式会社), or a
 * group's 集团 after a name of two characters at least (株硬集团: jieba cuts the short form 株/q 硬/a).
 */
const COMPANY = /(?:公司|株式会社|\p{Script=Han}{2}集团)$/u;
/** Brackets a company's name may hold, balanced: 山港海外供应链(青岛)有限公司. */
const BALANCED = /^[^()（）]*(?:[(（][^()（）]+[)）][^()（）]*)?$/;
const MAX_ITEM = 30;
/** What follows a list of companies or other bodies: 等企业, 等公司, 等国际巨头, 等央企, 等学校. */
const COMPANIES_AFTER = /^等(?:企业|公司|单位|厂家|龙头企业|重点企业|民营企业|知名企业|国际巨头|巨头|央企|国企|学校|院校|高校|医院)/;
/** Tags of a word that names something by itself: a name's, an abbreviation's, a word jieba does not know. */
const NAME_TAG = /^(?:nr|nrt|nrfg|ns|nt|nz|j|x|eng)$/;
/** jieba's tag of a word it does not know. */
const UNKNOWN_TAG = 'x';
/** jieba's tag of a place's name: an item that is one place alone is left as it was read. */
const PLACE_TAG = 'ns';
/** Tags of the words of the clause before a list's first item: 走访/v 了/ul, 先后/t. */
const CLAUSE_TAG = /^(?:v|vn|u|ul|uj|p|d|t|c|r|m|q|f)/;
const MAX_COMPANY = 12;
/**
 * Tags of the word after a list's last name that starts its clause or ends the list: a verb, an
 * adverb, a preposition, an idiom, 的 (落户, 纷纷, 在, 积极参与, 的).
 */
const VERB_AFTER = /^(?:v|d|p|i|uj)/;
/** Verbs of a company settling in a place or starting work there, not of a person (落户株洲, 入驻园区). */
const COMPANY_VERB = /^(?:落户|入驻|进驻|投产)$/;
/** Tags of a count's words: a numeral, a measure word. */
const COUNT_TAG = /^(?:m|q)/;
/** Tags of a brand after its country in a list of bodies: a word jieba does not know, an abbreviation. */
const BRAND_TAG = /^(?:x|j)$/;

/** Per UTF-16 unit, whether ITEM_END matches it (1), or not (−1), as units are met: no string made per character read. */
const itemEnds = new Int8Array(0x10000);
function endsItem(code: number): boolean {
  let ends = itemEnds[code];
  if (ends === 0) itemEnds[code] = ends = ITEM_END.test(String.fromCharCode(code)) ? 1 : -1;
  return ends > 0;
}
const COMMA = '、'.charCodeAt(0);

function itemsOf(text: string): Item[] {
  const items: Item[] = [];
  let start = 0;
  for (let at = 0; at <= text.length; at++) {
    if (at < text.length && !endsItem(text.charCodeAt(at))) continue;
    if (at > start) items.push({ start, end: at, afterComma: text.charCodeAt(start - 1) === COMMA, beforeComma: text.charCodeAt(at) === COMMA });
    start = at + 1;
  }
  return items;
}

/** Whether jieba cut the stretch into words none of which is a verb: a name's words, not a clause's. */
function noVerb(words: WordsAt, start: number, end: number): boolean {
  for (let at = start; at < end; ) {
    const word = words.startingAt(at);
    if (!word) return false;
    if (word.tag.startsWith('v')) return false;
    at += word.word.length;
  }
  return true;
}

/**
 * The spans of a sentence with what its lists say about them: a company's full name listed after
 * 、 is one organisation, whatever the model marked inside it (山港 and 青岛 of 山港海外供应链(青岛)有限公司);
 * a place that only begins an item beside an organisation's is the start of a company's name
 * (安东 of 安东石油), and with a brand after it the company (中国中车); an item jieba knows as a place, among places, is a place (德国、法国、意大利等);
 * and a person right before a place is a place's name (阿治曼 of 阿治曼中国城); a name the
 * model left unread in a list of bodies is a body (华为 of 华为、中兴).
 */
export function listedNames(text: string, words: WordsAt, spans: Span[]): Span[] {
  if (!text.includes('、')) return withoutPersonBeforePlace(text, spans);
  const items = itemsOf(text);
  const exactly = (item: Item | undefined) => (item ? spans.find((s) => s.start === item.start && s.end === item.end) : undefined);
  const inside = (item: Item, s: Span) => s.start >= item.start && s.end <= item.end;
  const dropped = new Set<Span>();
  const added: Span[] = [];
  const listed = companiesListed(text, words, items);
  for (const company of listed) {
    for (const s of spans) if (s.start < company.end && company.start < s.end) dropped.add(s);
    added.push(company);
  }
  // 中国 中车/x, 中国 五矿/j: a place and a brand jieba does not know, or knows as an abbreviation, is the company
  // (not a zone: 株洲 经开区/j is the city's zone).
  const branded = (item: Item) => {
    const place = spans.find((s) => s.type === 'place' && s.start === item.start);
    const brand = place && words.startingAt(place.end);
    return brand !== undefined && brand.word.length >= 2 && place!.end + brand.word.length === item.end && BRAND_TAG.test(brand.tag) && !ZONE.test(brand.word);
  };
  // 瑞邦/x of 瑞邦医疗 among companies: a word jieba does not know and no known place, read as a
  // place at the start of a listed item, is a brand's half of a name.
  const unknownStart = (place: Span) => {
    const word = words.startingAt(place.start);
    const name = text.slice(place.start, place.end);
    return word?.tag === UNKNOWN_TAG && word.word === name && !divisionNames().has(name) && !nameKnowledge().countryNames.has(name);
  };
  items.forEach((item, i) => {
    if ((!item.afterComma && !item.beforeComma) || listed.some((c) => c.start < item.end && item.start < c.end)) return;
    const name = text.slice(item.start, item.end);
    // Its neighbours in the same list.
    const neighbours = [item.afterComma ? items[i - 1] : undefined, item.beforeComma ? items[i + 1] : undefined].filter((n) => n !== undefined);
    const within = spans.filter((s) => inside(item, s));
    if (
      item.afterComma &&
      COMPANY.test(name) &&
      name.length <= MAX_ITEM &&
      BALANCED.test(name) &&
      !within.some((s) => s.end === item.end) &&
      noVerb(words, item.start, item.end)
    ) {
      for (const s of within) dropped.add(s);
      added.push({ type: 'org', start: item.start, end: item.end });
      return;
    }
    const first = within[0];
    // 华联 of 华联瓷业 in any list: a name the model read as the item's start, then a trade, is the company.
    const trade = TRADE.exec(name);
    if (
      within.length === 1 &&
      first.type !== 'org' &&
      first.start === item.start &&
      trade &&
      first.end === item.end - trade[0].length &&
      name.length <= MAX_COMPANY &&
      noVerb(words, item.start, item.end)
    ) {
      dropped.add(first);
      added.push({ type: 'org', start: item.start, end: item.end });
      return;
    }
    if (
      within.length === 1 &&
      first.type === 'place' &&
      first.start === item.start &&
      first.end < item.end &&
      noVerb(words, item.start, item.end) &&
      (neighbours.some((n) => exactly(n)?.type === 'org' || branded(n)) || unknownStart(first))
    ) {
      dropped.add(first);
      if (branded(item)) added.push({ type: 'org', start: item.start, end: item.end });
      return;
    }
    const whole = exactly(item);
    const word = words.startingAt(item.start);
    if (whole?.type === 'org' && word?.tag === 'ns' && word.word === name && neighbours.length && neighbours.every((n) => exactly(n)?.type === 'place')) {
      whole.type = 'place';
    }
  });
  for (const company of namesBesideBodies(text, words, items, spans, [...listed, ...added])) {
    for (const s of spans) if (s.start < company.end && company.start < s.end) dropped.add(s);
    added.push(company);
  }
  const kept = spans.filter((s) => !dropped.has(s));
  return withoutPersonBeforePlace(text, added.length ? [...kept, ...added].sort((a, b) => a.start - b.start) : kept);
}

/** The first and last index of the items of the list item `i` belongs to (joined by 、). */
function listAround(items: Item[], i: number): [number, number] {
  let first = i;
  let last = i;
  while (first > 0 && items[first].afterComma) first--;
  while (last < items.length - 1 && items[last].beforeComma) last++;
  return [first, last];
}

/**
 * The word of a list's item that names it: the whole item between two 、; the last word of the
 * first item after its clause's words (走访了 博世); the first word of the last item before its
 * clause's verb (西门子 落户株洲).
 */
function namingWord(text: string, words: WordsAt, item: Item): { start: number; end: number; tag: string } | undefined {
  const cut: Array<{ start: number; end: number; tag: string }> = [];
  for (let at = item.start, word = words.startingAt(at); word && at < item.end; at += word.word.length, word = words.startingAt(at))
    cut.push({ start: at, end: at + word.word.length, tag: word.tag });
  if (!cut.length || cut.at(-1)!.end !== item.end) return undefined;
  if (cut.length === 1) return cut[0];
  // Not after a count: 个班 of 有16个班 is no name.
  if (item.beforeComma && !item.afterComma && cut.slice(0, -1).every((w) => CLAUSE_TAG.test(w.tag)) && !COUNT_TAG.test(cut.at(-2)!.tag)) return cut.at(-1);
  if (item.afterComma && !item.beforeComma && (VERB_AFTER.test(cut[1].tag) || COMPANY_VERB.test(text.slice(cut[1].start, cut[1].end)))) return cut[0];
  return undefined;
}

/**
 * In a list of bodies (华为、中兴), an item named by one word jieba takes for a name, not a place's,
 * that the model left unread, is a body too: the items of one list are things of one kind. A list
 * is of bodies where more than half its items are bodies or such names, or where all are such names
 * and a company's verb follows (博世、西门子落户株洲); not a list of common nouns
 * (钢铁、水泥、煤炭; 存款、资金结算、电子银行、银行卡) nor of places (湖南、湖北). A name the model
 * read as a person stays one: lists of players and of people name a body beside them as often.
 */
function namesBesideBodies(text: string, words: WordsAt, items: Item[], spans: Span[], bodies: Span[]): Span[] {
  const found: Span[] = [];
  const all = [...spans, ...bodies];
  const orgs = all.filter((s) => s.type === 'org');
  // A body at either end of its item: the first item's clause and the last's run on beside it.
  const isBody = items.map((item) => orgs.some((s) => s.start >= item.start && s.end <= item.end && (s.start === item.start || s.end === item.end)));
  // Only the items of a list are read below (listAround): an item no 、 stands beside is not cut into words.
  const unread = items.map((item) => {
    if (!item.afterComma && !item.beforeComma) return undefined;
    const word = namingWord(text, words, item);
    if (!word || !NAME_TAG.test(word.tag) || word.tag === PLACE_TAG || word.end - word.start < 2) return undefined;
    return all.some((s) => s.start < word.end && word.start < s.end) ? undefined : word;
  });
  items.forEach((item, i) => {
    const word = unread[i];
    if (!word || (!item.afterComma && !item.beforeComma)) return;
    const [first, last] = listAround(items, i);
    let kin = 0;
    let bodyBeside = false;
    for (let j = first; j <= last; j++) {
      if (isBody[j] || unread[j]) kin++;
      if (isBody[j] && j !== i) bodyBeside = true;
    }
    const size = last - first + 1;
    // The word after the last name: 落户 of 西门子落户株洲.
    const lastName = unread[last];
    const after = kin === size && lastName ? words.startingAt(lastName.end) : undefined;
    if ((kin * 2 > size && bodyBeside) || (after !== undefined && COMPANY_VERB.test(after.word))) found.push({ type: 'org', start: word.start, end: word.end });
  });
  return found;
}

/**
 * Whether the stretch holds a word that names something by itself (博世/nrt, 中车/x, 北汽/j), not
 * only common words (钢铁、水泥等企业), and is not one place alone.
 */
function namesSomething(words: WordsAt, start: number, end: number): boolean {
  const whole = words.startingAt(start);
  if (whole?.tag === PLACE_TAG && whole.word.length === end - start) return false;
  for (let at = start, word = whole; word && at < end; at += word.word.length, word = words.startingAt(at))
    if (NAME_TAG.test(word.tag) && HAN.test(word.word)) return true;
  return false;
}

/**
 * The items of a list that 等企业 (等单位, 等国际巨头…) ends, each named by a brand and a trade
 * (华联瓷业、醴陵玉茶瓷业等企业) or by a name of its own (博世、西门子、霍尼韦尔等国际巨头): each a
 * body, whatever the model read in it (华联 and 醴陵 as places, 比亚迪 as a person). The list's
 * first item starts after the clause before it (先后走访了); its last ends at 等, whatever jieba
 * glued to it (局等/x).
 */
function companiesListed(text: string, words: WordsAt, items: Item[]): Span[] {
  const found: Span[] = [];
  items.forEach((item, last) => {
    if (!COMPANIES_AFTER.test(text.slice(item.end, item.end + 5))) return;
    let first = last;
    while (first > 0 && items[first].afterComma) first--;
    if (first === last) return;
    for (let i = first; i <= last; i++) {
      let { start } = items[i];
      const { end } = items[i];
      if (i === first)
        for (let at = start, word = words.startingAt(at); word && at < end; at += word.word.length, word = words.startingAt(at))
          if (CLAUSE_TAG.test(word.tag)) start = at + word.word.length;
      const name = text.slice(start, end);
      const trade = TRADE.exec(name);
      const named = (trade && name.length - trade[0].length >= 2) || (name.length >= 2 && namesSomething(words, start, end));
      if (named && name.length <= MAX_COMPANY && noVerb(words, start, end)) found.push({ type: 'org', start, end });
    }
  });
  return found;
}

/** What ends the name of a place written after another name: 阿治曼中国城, 迪拜中国港. */
const PLACE_HEAD = /[城港镇村]/;

/**
 * A person's name run straight into a place's name (阿治曼中国城) is a name of that place. (Only
 * then: 记者公培佳北京报道 and 徐悲鸿中国画展 are a person and a place.)
 */
function withoutPersonBeforePlace(text: string, spans: Span[]): Span[] {
  return spans.filter((s, i) => {
    const next = spans[i + 1];
    return !(s.type === 'person' && next?.type === 'place' && next.start === s.end && PLACE_HEAD.test(text[next.end] ?? ''));
  });
}
