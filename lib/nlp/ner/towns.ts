/**
 * The units below a county that local news names after a district (荷塘区月塘街道, 天元区栗雨街道):
 * jieba cuts a street's name into
 * pieces (月/m 塘/j) and the model reads half of it into a body (塘街道办事处) or nothing. Both
 * corpora label a street as a place (长安街道) and its office with the place before it as one
 * organisation (龙岗区坂田街道执法队).
 */
import { HAN } from '../han';
import { nameKnowledge } from '../knowledge';
import { divisionNames } from './divisions';
import { MORPHEME_TAG } from './glued';
import { inPlaceOf, type Span } from './model';
import { endingAt, startingAt, type Words } from './word-index';

/** Units below a county, written after their own name (社区: a street's residents' community, 霞湾社区). */
const UNIT = /^(?:街道|镇|乡|社区)$/;
/** Tags of a word that is a street's or town's name of its own: unknown words, places, abbreviations. */
const NAME_TAG = /^(?:x|ns|nz|j|nr)$/;
/** Tags of a one-character word that is no piece of a name: prepositions, conjunctions, particles, verbs, pronouns, adverbs. */
const FUNCTION_TAG = /^(?:p|c|u|uj|ul|v|r|d)/;
/** An office of a street or a town, written right after it. */
const OFFICE = /^(?:办事处|街道办|党工委|人民政府|政府|党委)$/;

/** A place a street's or community's name is written right after: a district or county, a street, a town. */
const PARENT = /(?:[区县]|街道|镇|乡)$/;
/** Tags of a word that begins no street's name written after its district: verbs, pronouns, counts, adverbs (石峰区下辖街道, 荷塘区所有社区). */
const NOT_NAME_START = /^(?:v|vd|vn|p|c|u|uj|ul|d|r|m|q|a|ad|b|f|t)$/;

/**
 * Where a name of three or four characters ending at `at` starts, written right after its parent
 * place's span (石峰区龙头铺街道, 董家塅街道高科园社区, 天心区裕南街街道): jieba cuts it into
 * pieces that no one tag describes.
 */
function nameAfterParent(text: string, words: Words, spans: readonly Span[], at: number): number | undefined {
  for (const parent of spans) {
    if (parent.type !== 'place' || parent.end < at - 4 || parent.end > at - 3) continue;
    const first = startingAt(words, parent.end);
    if (!first || NOT_NAME_START.test(first.tag) || !endingAt(words, at)) continue;
    if (PARENT.test(text.slice(parent.start, parent.end)) && HAN.test(text.slice(parent.end, at))) return parent.end;
  }
  return undefined;
}

/** A name ending at `at`: one word of a name's tags, or pieces right after a division's span. */
function nameBefore(text: string, words: Words, spans: readonly Span[], at: number): number | undefined {
  const start = at - 2;
  // 藏族乡: a nationality's township takes its name before the nationality (勿角藏族乡).
  if (start < 0 || !/^\p{Script=Han}{2}$/u.test(text.slice(start, at)) || text[at - 1] === '族') return undefined;
  const after = nameAfterParent(text, words, spans, at);
  if (after !== undefined) return after;
  const word = endingAt(words, at);
  // 晏家湾/x 社区: a name of three characters jieba did not know, one word, unless a person's name
  // runs into it from before (邹堂权孜许乡: 权孜许/x); the word read alone as a person is the
  // unit's name (石宋路 社区).
  if (word && word.word.length === 3 && word.tag === 'x' && !spans.some((s) => s.type === 'person' && s.end > at - 3 && s.start < at - 3)) return at - 3;
  // 响/zg 石岭/ns of 响石岭街道: a morpheme before is the name's first character, cut off by jieba.
  if (MORPHEME_TAG.test(endingAt(words, start)?.tag ?? '')) return undefined;
  if (word && word.word.length === 2 && word === startingAt(words, start) && NAME_TAG.test(word.tag)) return start;
  const division = spans.find((s) => s.type === 'place' && s.end === start);
  // 月/m 塘/j of 月塘街道: pieces of one character are a name's whatever their tags; a word of two is not (下辖/v).
  const first = startingAt(words, start);
  // The same pieces with only the second read as a place (塘 of 月塘街道): the first is the name's too,
  // unless it is a function word (在/p 塘/j 街道).
  if (
    first?.word.length === 1 &&
    word?.word.length === 1 &&
    !FUNCTION_TAG.test(first.tag) &&
    spans.some((s) => s.type === 'place' && s.start === at - 1 && s.end === at)
  )
    return start;
  return division && first && !(first.word.length === 2 && NOT_NAME_START.test(first.tag)) ? start : undefined;
}

/**
 * Where the model's place right before a unit starts, if the place is a street's own name the unit
 * completes (月塘 of 月塘街道, 泰山路 of 泰山路社区): not one character (义 of 和义街道, 和 read as a
 * conjunction), a division or a country, which a unit after
 * them does not name (株洲 社区).
 */
function placeBefore(text: string, spans: readonly Span[], at: number): number | undefined {
  const place = spans.find((s) => s.type === 'place' && s.end === at);
  if (!place) return undefined;
  const name = text.slice(place.start, place.end);
  return name.length < 2 || divisionNames().has(name) || nameKnowledge().countryCodes.has(name) ? undefined : place.start;
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
    const from = nameBefore(text, words, out, start) ?? placeBefore(text, out, start);
    if (from === undefined) continue;
    let span: Span = { type: 'place', start: from, end: at };
    const office = startingAt(words, at);
    if (office && OFFICE.test(office.word)) {
      const district = out.find((s) => s.type === 'place' && s.end === from);
      span = { type: 'org', start: district?.start ?? from, end: at + office.word.length };
    }
    if (out.some((s) => s.start <= span.start && s.end >= span.end && s.end - s.start > span.end - span.start)) continue;
    out = inPlaceOf(out, span);
  }
  return villagesApart(text, zonesAsCities(text, out));
}

/** A development zone's own word, after the city or county that names it. */
export const ZONE = /(?:高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|开发区)$/;

/**
 * A zone read as a place is its city, as the seed stories' reader marks 株洲高新区 and 荷塘高新区
 * (and CLUENER's addresses and People's Daily leave the zone word out of every name): the model
 * reads some whole (醴陵经开区) and others not, so the same zone's chip would differ by sentence.
 */
function zonesAsCities(text: string, spans: Span[]): Span[] {
  return spans.map((span) => {
    if (span.type !== 'place') return span;
    const zone = ZONE.exec(text.slice(span.start, span.end));
    return zone && span.end - zone[0].length - span.start >= 2 ? { ...span, end: span.end - zone[0].length } : span;
  });
}

/** A town or street and a village or community below it read as one place (网岭镇丫江桥村, 月塘街道泰山路社区). */
const TOWN_AND_VILLAGE = /^(\p{Script=Han}{2,}?(?:镇|乡|街道))(\p{Script=Han}{2,}(?:村|社区))$/u;
/** A branch of the party or the league, or a committee, written right after a village: its own body. */
const VILLAGE = /村$/;
/** A district, a street and a community written together (荷塘区宋家桥街道新华社区). */
const STREET_AND_COMMUNITY = /^(\p{Script=Han}{2,}?[区县市])?(\p{Script=Han}{2,}?街道)(\p{Script=Han}{2,}社区)$/u;
/** A village begun by its town's unit: 镇西草坪村 after 鹿原. */
const UNIT_FIRST = /^[镇乡]\p{Script=Han}{2,}村$/u;
/** A town's name and unit alone between a county and a village. */
const TOWN_BETWEEN = /^\p{Script=Han}{2,3}[镇乡]$/u;
const VILLAGE_BRANCH = /^(?:党支部|党总支|团支部|村委会|居委会|党委)$/;

/**
 * Both corpora mark a town and the village below it as two places (网市镇, 沙矶头村), and a
 * village's party branch with the village as one body (三元朱村团支部, 村党支部): the model runs
 * the two places into one and leaves the branch bare, a chip that says not whose it is.
 */
function villagesApart(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  let covered = 0;
  for (const span of spans) {
    if (span.start < covered) continue;
    const before = out.at(-1);
    const name = text.slice(span.start, span.end);
    const parts = span.type === 'place' ? TOWN_AND_VILLAGE.exec(name) : null;
    // 宋家桥街道 新华社/nt 区: jieba read a community's name and half its unit as a news agency.
    const community = text[span.end] === '区' ? STREET_AND_COMMUNITY.exec(`${name}区`) : null;
    if (community) {
      let at = span.start;
      for (const part of community.slice(1)) {
        if (!part) continue;
        out.push({ type: 'place', start: at, end: at + part.length });
        at += part.length;
      }
      covered = at;
    } else if (span.type === 'place' && before?.type === 'place' && before.end === span.start && UNIT_FIRST.test(name)) {
      // 鹿原 镇西草坪村: the model began the village with its town's unit (jieba's 镇西/ns).
      out[out.length - 1] = { ...before, end: span.start + 1 };
      out.push({ type: 'place', start: span.start + 1, end: span.end });
    } else if (span.type === 'place' && before?.type === 'place' && UNIT_FIRST.test(name) && TOWN_BETWEEN.test(text.slice(before.end, span.start + 1))) {
      // 茶陵县 虎踞 镇乔下村: the town's name unread between the county and the village begun with its unit.
      out.push({ type: 'place', start: before.end, end: span.start + 1 }, { type: 'place', start: span.start + 1, end: span.end });
    } else if (parts) {
      const at = span.start + parts[1].length;
      out.push({ type: 'place', start: span.start, end: at }, { type: 'place', start: at, end: span.end });
    } else if (span.type === 'place' && before?.type === 'place' && VILLAGE.test(name) && TOWN_BETWEEN.test(text.slice(before.end, span.start))) {
      // 茶陵县 虎踞镇 乔下村: jieba cut the town's name across its unit (虎踞/v 镇乔下/x), the model left it out.
      out.push({ type: 'place', start: before.end, end: span.start }, span);
    } else if (
      span.type === 'org' &&
      before?.type === 'place' &&
      before.end === span.start &&
      VILLAGE.test(text.slice(before.start, before.end)) &&
      VILLAGE_BRANCH.test(name)
    )
      out[out.length - 1] = { type: 'org', start: before.start, end: span.end };
    else out.push(span);
  }
  return out;
}
