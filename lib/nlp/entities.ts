/**
 * The hand-written rules for people, places and organisations in one sentence, from jieba's
 * tagged tokens. Since the trained tagger (lib/nlp/ner) they no longer decide: their labels are
 * among its features, and it learnt where they hold. jieba's tags alone
 * are poor (names come out as unknown `x` or split into surname + word, organisations split
 * before their suffix, noisy dictionary tags), so `findEntitiesInText` rebuilds the entities of a
 * sentence in these steps, in this order:
 *
 *  0. the library's own entities, taught to jieba with tags gper/gloc/gorg, are trusted as they are;
 *  1. a country jieba splits is put back together (北/ns 马其顿/nr);
 *  2. a place inside a word of it and a generic word, or of two places, stands apart
 *     (北京市民 → 北京 + 市民, 中国香港 → 中国 + 香港);
 *  3. in a dateline, the word between the agency and the date is a place (新华社莫斯科5月18日电);
 *  4. in a weather report, the word before the weather is a city (合肥 中雨);
 *  5. a foreign name jieba cut into syllables is put back together (谢苗诺 娃);
 *  6. foreign names joined by · or - are merged (穆罕默德·伊德里斯·代比·伊特诺);
 *  7. unknown words glued to a function character by jieba's HMM are cut free (当丁聪 → 丁聪);
 *  8. only when read again with the people the text names elsewhere: those people where jieba
 *     cut their names apart or glued them (张/q 和平/nz, 和王珠/x), and by surname alone (黄说);
 *  9. a name inside a compound token stands apart (邓小平理论 → 邓小平 + 理论);
 * 10. an organisation is a head (nt, or a word ending in 公司, 委员会, 局 …) with the proper
 *     names before it (宿迁市 中级 人民法院); places inside it are part of it;
 * 11. a name after a role or title is a person (市委书记曹慧泉, 大使张益明, 记者/陈正明), and a
 *     surname followed by a short word is one when something vouches for it;
 * 12. countries listed by one character each are places (中 缅 边境线, 法、德等国);
 * 13. places: jieba's ns without its noise, words ending in 省/市/县 …, compounds of country
 *     abbreviations (中美 → 中, 美), and a place with the road after it (珠江 北路).
 */
import { HAN } from './han';
import { isLearnableName } from './gazetteer';
import type { NameKnowledge } from './knowledge';
import { NAME_THRESHOLD, type NameModel } from './names';

export type EntityType = 'person' | 'place' | 'org';

export interface Token {
  word: string;
  tag: string;
}

export interface Mention {
  type: EntityType;
  text: string;
}

/** Tags the library's gazetteer gives jieba for its own entities. */
export const GAZETTEER_TAGS: Record<EntityType, string> = { person: 'gper', place: 'gloc', org: 'gorg' };
const GAZETTEER_TYPE: Record<string, EntityType> = { gper: 'person', gloc: 'place', gorg: 'org' };

interface Piece extends Token {
  type?: EntityType;
}

const WORD = /^[\p{Script=Han}A-Za-z0-9]+$/u;
/** The marks that join the parts of a foreign name, a one-character word each. */
const NAME_SEPARATORS = '·•・‧-－';
/** By code: searching the marks for a one-character string makes garbage for every piece. */
const isNameSeparator = (word: string) => {
  if (word.length !== 1) return false;
  const code = word.charCodeAt(0);
  for (let i = 0; i < NAME_SEPARATORS.length; i++) if (NAME_SEPARATORS.charCodeAt(i) === code) return true;
  return false;
};

/** Roles and titles that stand right before a person's name. */
const TITLE_WORDS =
  '书记 市长 省长 州长 县长 区长 镇长 乡长 村长 主席 总统 总理 首相 部长 局长 厅长 处长 科长 董事长 总经理 经理 总裁 大使 总领事 领事 代办 记者 通讯员 编辑 教授 院士 博士 主任 校长 院长 厂长 秘书长 司令员 司令 政委 将军 队长 会长 理事长 行长 所长 外长 议长 团长 馆长 导演 作家 画家 老师 研究员 工程师 委员 代表 同志 总书记 国务卿 大法官 法官 检察长 主持人 负责人 发言人 选手 运动员 教练'.split(
    ' ',
  );
const TITLES = new RegExp(`(?:${TITLE_WORDS.join('|')})$`);
/**
 * Their last characters, by code: a word ending otherwise is no title, told without the regular
 * expression (nor the one-character string that reading a set by character would make).
 */
const TITLE_ENDS = new Uint8Array(0x10000);
for (const w of TITLE_WORDS) TITLE_ENDS[w.charCodeAt(w.length - 1)] = 1;
const isTitle = (word: string) => word.length > 0 && TITLE_ENDS[word.charCodeAt(word.length - 1)] === 1 && TITLES.test(word);
/** What a photo's or a story's credit line names before a colon or a slash: 图片：周欣怡, 摄影/李明. */
const CREDIT = /^(?:图片|图|摄影|文|文字|图文|视频|供图|责编|编辑|校对|审核)$/;
/**
 * A title, a title and a slash (记者/陈正明), or a credit and a slash or a colon (图片：周欣怡):
 * the name follows. Not a title and a colon: 主持人：谢谢李杰 is a speech.
 */
const titledBefore = (prev: Piece | undefined, beforePrev: Piece | undefined) =>
  prev !== undefined &&
  (isTitle(prev.word) ||
    (beforePrev !== undefined &&
      ((prev.word === '/' && (isTitle(beforePrev.word) || CREDIT.test(beforePrev.word))) || (prev.word === ':' && CREDIT.test(beforePrev.word)))));
/** Words after which a preceding name is a person: 陈先生, 刘飞勇参加, 张三说. */
const PERSON_AFTER = new Set('先生 女士 同志 教授 老师 师傅 说 表示 指出 认为 强调 介绍 告诉 参加 主持 会见 一行'.split(' '));
/** Words around a place, not a person: 驻X, 赴X, X市. */
const PLACE_BEFORE = /^(?:驻|赴|抵|抵达|飞抵|前往|途经|来自|位于|在)$/;
const PLACE_AFTER = /^(?:市|省|州|港|湾|机场|市政|地铁|大学|当地|地区|城|市民|举行|召开)$/;
/** Endings of things, events and places, never of a personal name: 季前赛, 经开区. */
const NOT_NAME_ENDING = /[区赛会节队院厂站馆路街村镇县市省港湾山河湖园场楼所局部处科团社组委办]$/;
/** A name model score at which a dictionary name is a name even if its given name is a word. */
const CONFIDENT_NAME = 5;
/** 小胡, 老王 (familiar forms) and 刘老师 (surname and form of address) as one token. */
const FAMILIAR = /^(?:[小老](\p{Script=Han})|(\p{Script=Han})(?:老师|师傅|大娘|大爷|大妈|阿姨|老汉|书记|主任|经理|总|氏|老))$/u;
const SURNAME_FORM = /^\p{Script=Han}[氏老]$/u;
/** Kinship terms and forms of address after a bare surname. */
const KINSHIP = /^(?:大娘|大爷|大妈|大伯|大叔|大婶|大哥|大姐|阿姨|老汉|老伯|师傅|老师|同志|先生|女士|小姐|总|老|嫂)$/;
/** Function characters jieba's HMM glues to the front or back of an unknown name. */
const LEADING_GLUE = /^[当使在对向给让被把与和跟由年将从为是据请]/;
const TRAILING_GLUE = /[家说看等的们称讲道告对在和与是也又就为以将把被向从给让带]$/;

/** Heads of organisation names. */
const ORG_SUFFIX =
  /(?:公司|集团|委员会|委|部|局|厅|署|院|学院|大学|中学|小学|学校|职院|商会|协会|学会|联合会|联合社|基金会|报社|杂志社|出版社|通讯社|电视台|电台|银行|法院|检察院|研究所|研究院|研究中心|中心|办公室|办公厅|工厂|厂|党|军|总队|支队|中队|大队|联队|队|委会|督察组|工作组|调查组|领导小组|团|司|残联|侨联|妇联|文联|科协|男队|女队|男篮|女篮|男排|女排|男足|女足|国家队|酒家|宾馆|饭店|联盟|盟|日报|晚报|周刊|季刊|月刊|杂志|俱乐部|合作社|代表处|大使馆|领事馆|使馆|总局|分局|集团公司|有限公司|股份公司|有限责任公司|股份有限公司)$/;
/** The last characters of ORG_SUFFIX's words, by code: a word ending otherwise has no suffix, told without the expression. */
const ORG_SUFFIX_ENDS = new Uint8Array(0x10000);
for (const word of ORG_SUFFIX.source.slice(3, -2).split('|')) ORG_SUFFIX_ENDS[word.charCodeAt(word.length - 1)] = 1;
const orgSuffix = (word: string) => (ORG_SUFFIX_ENDS[word.charCodeAt(word.length - 1)] === 1 ? ORG_SUFFIX.exec(word) : null);
/** Tags that end an organisation name looking leftwards: verbs, prepositions, particles, pronouns. */
const ORG_BREAK_TAG = /^(?:v|vd|vg|p|c|u|uj|ul|uz|ud|ug|uv|r|d|y|e|o|w|zg)$/;
/** Tokens that may begin an organisation name: proper names and names of administrative levels. */
const ORG_START_TAGS = new Set(['ns', 'nt', 'nz', 'j', 'x', 'nr', 'nrt', 'nrfg', 'gloc', 'gorg', 'gper', 'eng']);
const ORG_START_WORD = /^(?:中央|中共|国家|全国|省|市|县|区|镇|乡|村|中国)$/;
/** Titles of people who lead a body: what stands before them is that body (中车株机董事长). */
const CORPORATE_TITLE = new Set('董事长 副董事长 总经理 副总经理 总裁 党委书记 负责人 首席执行官'.split(' '));

const PLACE_SUFFIX = /^\p{Script=Han}{1,6}(?:省|市|县|区|镇|乡|村|州|自治区|自治州|特别行政区)$/u;
/**
 * Ordinary words that jieba's dictionary tags as people (nr, nrt) or places (ns): generic nouns,
 * adjectives and verbs that are never a name on their own.
 */
const NOT_NAMES = new Set([
  ...'高水平 蓝图 深度 祝贺 新台阶 高质量 金名片 走出去 引进来 和平 文明 华夏 令人 明白 明星 古老 关怀 顾客 温馨 甘甜 荣获 弘扬 卫冕 高达 白银 纪念章'.split(
    ' ',
  ),
  // Seen as chips in restated coverage: sports and events, jobs, works and parts of a station or a road.
  ...'马拉松 亚军 冠亚军 东道主 成果展 滑翔翼 高管 宣贯 新建 土建 开园 串联 爱国 深海 大桥 拱桥 候车厅 市中心 出省 建市 市州'.split(' '),
  ...'两国 城市 东西 山区 外国 回国 普及 古城 海洋 大国 英雄 高原 神圣 山峰 兴旺 山村 美丽 名镇 共和国 大都 各国 全国 本国 异国 祖国 故乡 家乡 边疆 内地 海外 中外 惠及 广度 重镇 宜居 山河 新城 三国 调区 扩区 土地利用 内陆地区 宜居城市 北南 科教兴国'.split(
    ' ',
  ),
]);

/** An ordinary word that jieba's dictionary tags as a name (共和国, 高水平): never a name on its own. */
export const isOrdinaryName = (word: string) => NOT_NAMES.has(word);

/**
 * Whether a word is all Han characters. Nearly every word is in the main CJK block (U+4E00–U+9FFF,
 * all Han), read without the regular expression, which the rules would otherwise run per token
 * and per pass.
 */
const isHan = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return HAN.test(s);
  }
  return s.length > 0;
};

const codeTablesOf = new WeakMap<ReadonlySet<string>, Uint8Array>();
/**
 * A set's one-character members (one UTF-16 unit each) as a table by code, made once per set: the
 * surnames and the usual abbreviations are looked up for most words by one character.
 */
export function codeTable(set: ReadonlySet<string>): Uint8Array {
  let codes = codeTablesOf.get(set);
  if (!codes) {
    codes = new Uint8Array(0x10000);
    for (const s of set) if (s.length === 1) codes[s.charCodeAt(0)] = 1;
    codeTablesOf.set(set, codes);
  }
  return codes;
}

function surnameLength(word: string, k: NameKnowledge): number {
  if (word.length >= 3 && k.surnames.has(word.slice(0, 2))) return 2;
  return codeTable(k.surnames)[word.charCodeAt(0)] === 1 ? 1 : 0;
}

/** A Chinese personal name: a surname and one or two more characters. */
function looksLikeChineseName(word: string, k: NameKnowledge): boolean {
  if (!isHan(word) || NOT_NAMES.has(word)) return false;
  const s = surnameLength(word, k);
  return s > 0 && word.length - s >= 1 && word.length - s <= 2;
}

/** Tags of function words: a conjunction or a preposition (和, 与) never starts a name. */
const FUNCTION_TAG = /^(?:c|p|u|uj|ul|uz|ud|ug|uv|d|r|y|e|o)$/;
/** Tags of grammar words (的, 和, 就, 说): never a syllable of a name. */
const GRAMMAR_TAG = /^(?:c|p|u|uj|ul|uz|ud|ug|uv|d|r|v|vd|y|e|o|m|q|f|t|b)$/;

/**
 * The expressions the passes read are made once, here and beside them, and never written inside
 * a function: an expression written there is a new object each time it is reached (once per piece).
 */
const EVERY_NAME_SEPARATOR = /[·•・‧\-－]/g;
const SYLLABLES_TAG = /^(?:nr|nrt|nrfg|x|nz)$/;

function isNameSyllables(p: Piece): boolean {
  if (p.type) return p.type === 'person' && isHan(p.word.replace(EVERY_NAME_SEPARATOR, ''));
  return isHan(p.word) && (SYLLABLES_TAG.test(p.tag) || (p.word.length === 1 && !GRAMMAR_TAG.test(p.tag)));
}

/** Generic words jieba joins to a place: 北京市民, 台湾地区, 台湾同胞, 荷兰人, 香港回归. */
const PLACE_COMPANION = /^(?:地区|市民|同胞|当局|回归|人|人民|方面|境内|全境|一带|沿海|各地|全省|全市|流域|各国|马克|奥运会|民族)$/;

const isKnownPlace = (word: string, k: NameKnowledge, lexicon: Lexicon) => k.countryNames.has(word) || (word.length >= 2 && lexicon(word) === 'ns');

/**
 * Step 2: a place inside a word jieba made of it and a generic word (北京市民 → 北京 + 市民), or of two
 * places (中国香港 → 中国 + 香港), stands apart as the place.
 */
function splitPlaceCompounds(pieces: Piece[], k: NameKnowledge, lexicon: Lexicon, names: NameModel): Piece[] {
  let out: Piece[] | undefined;
  words: for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p.type || p.word.length < 3 || !isHan(p.word) || k.countryNames.has(p.word)) {
      out?.push(p);
      continue;
    }
    for (let cut = 2; cut <= p.word.length - 1; cut++) {
      const head = p.word.slice(0, cut);
      if (!isKnownPlace(head, k, lexicon)) continue;
      const tail = p.word.slice(cut);
      if (PLACE_COMPANION.test(tail)) {
        (out ??= pieces.slice(0, i)).push({ word: head, tag: 'ns', type: 'place' }, { word: tail, tag: 'n' });
        continue words;
      }
      // 中国香港, 中国台北; but 巴西利亚 is one foreign city.
      const twoPlaces = k.countryNames.has(tail) || (k.countryNames.has(head) && isKnownPlace(tail, k, lexicon) && foreignMean(p.word, names) < FOREIGN_MEAN);
      if (twoPlaces) {
        (out ??= pieces.slice(0, i)).push({ word: head, tag: 'ns', type: 'place' }, { word: tail, tag: 'ns', type: 'place' });
        continue words;
      }
    }
    out?.push(p);
  }
  return out ?? pieces;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

const AGENCY = /(?:社|本报|电讯)$/;
const NUMBER = /^\d+$/;
const MONTH_OR_DAY = /^[月日]/;

/** Step 3: 「新华社莫斯科5月18日电」: the word between a news agency and a date is where the story was filed. */
function datelinePlace(pieces: Piece[], i: number): Piece {
  const p = pieces[i];
  // A date's number after it first: most words have none (the expressions below cost more).
  if (p.type || p.word.length < 2 || !isDigit(pieces[i + 1]?.word.charCodeAt(0) ?? 0)) return p;
  const agency = AGENCY.test(pieces[i - 1]?.word ?? '');
  const date = NUMBER.test(pieces[i + 1]?.word ?? '') && MONTH_OR_DAY.test(pieces[i + 2]?.word ?? '');
  return !p.type && agency && date && isHan(p.word) && p.word.length >= 2 ? { ...p, tag: 'ns', type: 'place' as const } : p;
}

/** A weather report's words: 晴, 多云转阴, 小雨, 雷阵雨, 雨夹雪. */
const WEATHER = /^[晴阴多云转小中大暴阵雷雨夹雪雾霾有]{1,6}$/;
const WEATHER_CORE = /[晴阴雨雪雾霾]|多云/;
/** WEATHER's characters by code: a word that starts with none of them is no weather, told without the expression. */
const WEATHER_CHARS = new Uint8Array(0x10000);
for (const c of '晴阴多云转小中大暴阵雷雨夹雪雾霾有') WEATHER_CHARS[c.charCodeAt(0)] = 1;

/** Tags of words that are no city before the weather: verbs, prepositions, conjunctions, particles, adverbs, pronouns. */
const NOT_CITY_TAG = /^[vpcudr]/;

/** Step 4: 「合肥 中雨 15～20°C」: in a weather report, the word before the weather (`p`, at `i`) is a city. */
function weatherPlace(p: Piece, pieces: Piece[], i: number): Piece {
  const city = !p.type && p.word.length >= 2 && p.word.length <= 5 && isHan(p.word);
  if (!city) return p;
  const next = (pieces[i + 1]?.word.trim() ? pieces[i + 1] : pieces[i + 2]?.word.trim() ? pieces[i + 2] : undefined)?.word ?? '';
  // The next word first: it is weather far more rarely than this one is not.
  if (!WEATHER_CHARS[next.charCodeAt(0)] || WEATHER.test(p.word)) return p;
  return WEATHER.test(next) && WEATHER_CORE.test(next) && !NOT_CITY_TAG.test(p.tag) ? { ...p, tag: 'ns', type: 'place' as const } : p;
}

/**
 * Steps 3 and 4 in one walk: either reads only the words around a piece, which neither changes,
 * so a piece step 3 makes a place is one step 4 leaves, as when they ran one after the other.
 */
function datelineAndWeatherPlaces(pieces: Piece[]): Piece[] {
  let out: Piece[] | undefined;
  for (let i = 0; i < pieces.length; i++) {
    const p = weatherPlace(datelinePlace(pieces, i), pieces, i);
    if (p !== pieces[i]) out ??= pieces.slice();
    if (out) out[i] = p;
  }
  return out ?? pieces;
}

const countryNameStartsOf = new WeakMap<NameKnowledge, ReadonlySet<string>>();
/** The beginnings of the country names (北, 北马, 北马其, for 北马其顿), shorter than the names. */
function countryNameStarts(k: NameKnowledge): ReadonlySet<string> {
  let starts = countryNameStartsOf.get(k);
  if (!starts) {
    const all = new Set<string>();
    for (const name of k.countryNames) for (let end = 1; end < name.length; end++) all.add(name.slice(0, end));
    countryNameStartsOf.set(k, (starts = all));
  }
  return starts;
}

/** Step 1: a country jieba splits (北/ns 马其顿/nr) is put back together. */
function mergeKnownPlaces(pieces: Piece[], k: NameKnowledge): Piece[] {
  let out: Piece[] | undefined;
  const starts = countryNameStarts(k);
  for (let i = 0; i < pieces.length; i++) {
    const a = pieces[i];
    const b = pieces[i + 1];
    const c = pieces[i + 2];
    // A piece no country name starts with starts none, and needs no joining to tell.
    if (!b || !starts.has(a.word)) {
      out?.push(a);
      continue;
    }
    const two = !a.type && !b.type ? a.word + b.word : undefined;
    const three = two && c && !c.type ? two + c.word : undefined;
    const word = three && k.countryNames.has(three) ? three : two && k.countryNames.has(two) ? two : undefined;
    if (word) {
      (out ??= pieces.slice(0, i)).push({ word, tag: 'ns', type: 'place' });
      i += word === three ? 2 : 1;
    } else {
      out?.push(a);
    }
  }
  return out ?? pieces;
}

/** Tags of words that may be syllables of a foreign name jieba cut apart (谢苗诺/nr 娃/ng). */
const SYLLABLE_TAG = new Set('nr nrt nrfg ns nz x j n ng a zg q m d f'.split(' '));
/** Those of names and unknown words, whose syllables need not be unknown to jieba on their own. */
const NAMED_SYLLABLE_TAG = /^(?:nr|nrt|nrfg|ns|nz|x)$/;
/** Mean log-odds of a run of characters being a transliteration (斯 7.4, 德 4.3, 多 1.4; 的 −2.3). */
const FOREIGN_MEAN = 2.5;
const FOREIGN_CHAR = 1;

const foreignScoresOf = new WeakMap<NameModel, Float64Array>();
/**
 * `names.foreign` of one UTF-16 unit (not a surrogate), remembered by code per model: the rules
 * ask it of most characters, each time a one-character string and a map's lookup otherwise.
 */
function foreignOf(code: number, names: NameModel): number {
  let scores = foreignScoresOf.get(names);
  if (!scores) foreignScoresOf.set(names, (scores = new Float64Array(0x10000).fill(Number.NaN)));
  let score = scores[code];
  if (Number.isNaN(score)) scores[code] = score = names.foreign(String.fromCharCode(code));
  return score;
}
const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

function foreignMean(word: string, names: NameModel): number {
  let sum = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    // A surrogate pair is one character: read by character, as the model is.
    if (isSurrogate(code)) {
      sum = 0;
      for (const c of word) sum += names.foreign(c);
      break;
    }
    sum += foreignOf(code, names);
  }
  return sum / word.length;
}

/** Whether every character of `word` is one transliterations use. */
function foreignChars(word: string, names: NameModel): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (isSurrogate(code)) {
      for (const c of word) if (names.foreign(c) <= FOREIGN_CHAR) return false;
      return true;
    }
    if (foreignOf(code, names) <= FOREIGN_CHAR) return false;
  }
  return true;
}

/**
 * Step 5: a foreign name jieba cut into pieces (谢苗诺 娃, 戈 麦尔斯 基, 罗马 里奥) is put back
 * together when every character is one transliterations use; a function character jieba's HMM
 * glued to its last syllable (纳森以) is cut off. Joined pieces are tagged nrt, as jieba tags the
 * transliterated names it knows; whether one is a person or a place is decided later, in context.
 */
function mergeTransliterations(pieces: Piece[], k: NameKnowledge, lexicon: Lexicon, names: NameModel): Piece[] {
  const syllables = (p: Piece) =>
    !p.type &&
    isHan(p.word) &&
    !k.countryNames.has(p.word) &&
    SYLLABLE_TAG.has(p.tag) &&
    foreignChars(p.word, names) &&
    (p.word.length === 1 || NAMED_SYLLABLE_TAG.test(p.tag) || lexicon(p.word) === undefined);
  // Each piece judged once, not once per run it might start.
  const isSyllable = pieces.map(syllables);
  let out: Piece[] | undefined;
  for (let i = 0; i < pieces.length; i++) {
    let j = i;
    while (j < pieces.length && isSyllable[j]) j++;
    if (j === i) {
      out?.push(pieces[i]);
      continue;
    }
    // The last piece may carry a glued function character: 纳森以, 基将.
    let tail: Piece | undefined;
    const glued = pieces[j];
    if (
      j > i &&
      glued &&
      !glued.type &&
      glued.tag === 'x' &&
      glued.word.length >= 2 &&
      isHan(glued.word) &&
      foreignChars(glued.word.slice(0, -1), names) &&
      names.foreign(glued.word.slice(-1)) < 0
    ) {
      tail = { word: glued.word.slice(-1), tag: 'x' };
    }
    const group = [...pieces.slice(i, j), ...(tail ? [{ word: glued.word.slice(0, -1), tag: 'x' }] : [])];
    const word = group.map((p) => p.word).join('');
    const mean = foreignMean(word, names);
    // Two whole names side by side (南斯拉夫 贝尔格莱德) stay two.
    const whole = group.filter((p) => p.word.length >= 3).length;
    if (group.length >= 2 && whole < 2 && word.length >= 3 && mean >= FOREIGN_MEAN && group.some((p) => NAME_TAGS.test(p.tag))) {
      out ??= pieces.slice(0, i);
      out.push({ word, tag: 'nrt' });
      if (tail) out.push(tail);
      i = tail ? j : j - 1;
    } else {
      out?.push(pieces[i]);
    }
  }
  return out ?? pieces;
}

/** Step 6: names joined by · or - become one person. */
function mergeForeignNames(pieces: Piece[]): Piece[] {
  // The pieces so far, kept only from the first that changes: until then they are `pieces`' own.
  let out: Piece[] | undefined;
  for (let i = 0; i < pieces.length; i++) {
    const last = out ? out[out.length - 1] : pieces[i - 1];
    // The separator first: most pieces are none, and the syllables' test costs more.
    if (!isNameSeparator(pieces[i].word) || !(last?.tag === 'name-join' || (last !== undefined && isNameSyllables(last)))) {
      out?.push(pieces[i]);
      continue;
    }
    let j = i + 1;
    const right: Piece[] = [];
    while (j < pieces.length && isNameSyllables(pieces[j])) right.push(pieces[j++]);
    if (right.length === 0) {
      out?.push(pieces[i]);
      continue;
    }
    out ??= pieces.slice(0, i);
    const left: Piece[] = [];
    if (last.tag !== 'name-join') {
      while (out.length && isNameSyllables(out[out.length - 1]) && left.length < 4) left.unshift(out.pop()!);
    }
    const parts = [...left, ...right];
    // 中国-东盟 joins two places, not the parts of a name.
    if (parts.every((p) => p.tag === 'ns' || p.tag === 'nt')) {
      out.push(...left, pieces[i], ...right);
    } else {
      const prev: Piece | undefined = out[out.length - 1];
      if (prev?.type === 'person' && prev.tag === 'name-join') {
        prev.word += pieces[i].word + parts.map((p) => p.word).join('');
      } else {
        // No function here that reads the loop's variables: it would make the loop keep them in a new object for every piece.
        out.push({ word: left.map((p) => p.word).join('') + pieces[i].word + right.map((p) => p.word).join(''), tag: 'name-join', type: 'person' });
      }
    }
    i = j - 1;
  }
  return out ?? pieces;
}

/** Step 7: cut function characters that jieba's HMM glued to an unknown name. */
function unglue(pieces: Piece[], k: NameKnowledge, names: NameModel): Piece[] {
  let out: Piece[] | undefined;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    // 1954年王/x 金兰/nr, 使耿/x 志军/n: the glued surname belongs to the word after it.
    const glued = !p.type && p.tag === 'x' && p.word.length === 2 && LEADING_GLUE.test(p.word) && k.surnames.has(p.word[1]);
    const next = glued ? pieces[i + 1] : undefined;
    const given = next && !next.type && next.word.length <= 2 && isHan(next.word) && !GRAMMAR_TAG.test(next.tag) ? next.word : '';
    if (given && names.chinese(p.word[1] + given) > NAME_THRESHOLD) {
      (out ??= pieces.slice(0, i)).push({ word: p.word[0], tag: 'p' }, { word: p.word[1] + given, tag: 'x' });
      i++;
      continue;
    }
    if (p.type || p.tag !== 'x' || !isHan(p.word) || p.word.length < 3) {
      out?.push(p);
      continue;
    }
    let word = p.word;
    const before: Piece[] = [];
    const after: Piece[] = [];
    if (LEADING_GLUE.test(word) && looksLikeChineseName(word.slice(1).replace(TRAILING_GLUE, ''), k)) {
      before.push({ word: word[0], tag: 'p' });
      word = word.slice(1);
    }
    if (TRAILING_GLUE.test(word) && looksLikeChineseName(word.slice(0, -1), k)) {
      after.push({ word: word.slice(-1), tag: 'u' });
      word = word.slice(0, -1);
    }
    // Nothing cut off: the piece as it was (an unknown word, tagged x).
    if (word === p.word) out?.push(p);
    else (out ??= pieces.slice(0, i)).push(...before, { word, tag: 'x' }, ...after);
  }
  return out ?? pieces;
}

/** What a person does or is, glued by jieba to a bare surname before it: 黄说, 黄送. */
const AFTER_SURNAME = /^[说讲问答称道送给让叫去来到对向把被将也又就还却便都在是和与]$/;

/**
 * The people a text names, indexed once for the whole text: every sentence read again looks them
 * up, and rebuilding these per sentence made a long page's analysis quadratic.
 */
export interface People {
  names: ReadonlySet<string>;
  /** Each name's place in reading order: where a token holds several, the first named is taken. */
  order: ReadonlyMap<string, number>;
  longest: number;
  /** The surnames of the Chinese names among them. */
  surnames: ReadonlySet<string>;
  /** The names by their first UTF-16 unit. */
  byFirst: ReadonlyMap<number, readonly string[]>;
  /** Per UTF-16 unit, 1 if a name starts with it: a text is scanned a character at a time, most starting none. */
  firsts: Uint8Array;
}

function indexPeople(names: ReadonlySet<string>, k: NameKnowledge): People {
  const order = new Map<string, number>();
  const surnames = new Set<string>();
  const byFirst = new Map<number, string[]>();
  const firsts = new Uint8Array(0x10000);
  let longest = 0;
  for (const name of names) {
    order.set(name, order.size);
    longest = Math.max(longest, name.length);
    if (name.length <= 3 && k.surnames.has(name[0])) surnames.add(name[0]);
    const same = byFirst.get(name.charCodeAt(0));
    if (same) same.push(name);
    else byFirst.set(name.charCodeAt(0), [name]);
    firsts[name.charCodeAt(0)] = 1;
  }
  return { names, order, longest, surnames, byFirst, firsts };
}

/** The first-named of `people` that `word` holds, looked up by the word's substrings (a word is short, a text's people many). */
function personInside(word: string, { names, order, longest }: People): string | undefined {
  let best: string | undefined;
  for (let start = 0; start + 2 <= word.length; start++) {
    for (let end = start + 2; end <= Math.min(word.length, start + longest); end++) {
      const name = word.slice(start, end);
      if (names.has(name) && (best === undefined || order.get(name)! < order.get(best)!)) best = name;
    }
  }
  return best;
}
/** 黄登仁 … 被黄退回: the surname alone, before what a person does, stands for that person. */
const BARE_SURNAME_TAG = /^(?:nr|a|n|ng|x)$/;
const ACTION_TAG = /^(?:v|vd|uj|d|p|c)$/;
const bareSurname = (p: Token, next: Token | undefined, surnames: ReadonlySet<string>) =>
  p.word.length === 1 && surnames.has(p.word) && BARE_SURNAME_TAG.test(p.tag) && next !== undefined && ACTION_TAG.test(next.tag);
/** 给黄送/x 去: jieba's HMM glued the surname to the verb after it. */
const gluedSurname = (p: Token, surnames: ReadonlySet<string>) =>
  p.tag === 'x' && p.word.length === 2 && surnames.has(p.word[0]) && AFTER_SURNAME.test(p.word[1]);

/** Whether a sentence's tokens hold a bare surname of one of `people`: worth reading again with them. */
function mentionsSurnameOf(tokens: Token[], { surnames }: People): boolean {
  return tokens.some((t, i) => bareSurname(t, tokens[i + 1], surnames) || gluedSurname(t, surnames));
}

/**
 * Step 8: a person the text names elsewhere (with a title, or where jieba knew the name) is the
 * same person here, where jieba cut the name apart (张/q 和平/nz) or glued a function character to
 * it (和王珠/x).
 */
function recallPeople(pieces: Piece[], people: People): Piece[] {
  const { names: known, longest, surnames } = people;
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    // 当张/x 和平/nz: a function character glued to the surname comes off.
    const glue = p.tag === 'x' && p.word.length >= 2 && LEADING_GLUE.test(p.word) ? p.word[0] : '';
    let joined = '';
    let n = 0;
    let found = false;
    while (!found && i + n < pieces.length && !pieces[i + n].type && joined.length < longest + glue.length) {
      joined += pieces[i + n++].word;
      found = n >= 2 && known.has(joined.slice(glue.length));
    }
    if (found) {
      if (glue) out.push({ word: glue, tag: 'p' });
      out.push({ word: joined.slice(glue.length), tag: 'nr', type: 'person' });
      i += n - 1;
      continue;
    }
    if (!p.type && bareSurname(p, pieces[i + 1], surnames)) {
      out.push({ ...p, tag: 'nr', type: 'person' });
      continue;
    }
    if (!p.type && gluedSurname(p, surnames)) {
      out.push({ word: p.word[0], tag: 'nr', type: 'person' }, { word: p.word[1], tag: 'v' });
      continue;
    }
    const name = !p.type && p.tag === 'x' && p.word.length >= 3 ? personInside(p.word, people) : undefined;
    const at = name ? p.word.indexOf(name) : -1;
    const before = p.word.slice(0, at);
    const after = p.word.slice(at + (name?.length ?? 0));
    if (name && before.length <= 1 && after.length <= 1 && (!before || LEADING_GLUE.test(before)) && (!after || TRAILING_GLUE.test(after))) {
      if (before) out.push({ word: before, tag: 'p' });
      out.push({ word: name, tag: 'nr', type: 'person' });
      if (after) out.push({ word: after, tag: 'u' });
      continue;
    }
    out.push(p);
  }
  return out;
}

/**
 * jieba's own tag for a word it knows as one token, or undefined. Used to tell a name from an
 * ordinary word: 雷阵雨 is 雷 + 阵雨 (a word), 江泽民 is 江 + 泽民 (not one).
 */
export type Lexicon = (word: string) => string | undefined;

const NAME_TAGS = /^(?:nr|nrt|nrfg|x)$/;
const isOrdinaryWord = (word: string, lexicon: Lexicon) => {
  const tag = lexicon(word);
  return tag !== undefined && !NAME_TAGS.test(tag);
};

/** Words that follow a name inside one token: 邓小平理论, 毛泽东思想. */
const NAME_COMPOUND = /^(.{2,4}?)(理论|思想|同志|路线|时代|故居|纪念馆)$/u;

/** Step 9: a name inside a compound token stands apart. */
function splitNameCompounds(pieces: Piece[], k: NameKnowledge, lexicon: Lexicon): Piece[] {
  let out: Piece[] | undefined;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    const m = !p.type && p.word.length >= 4 ? NAME_COMPOUND.exec(p.word) : null;
    if (!m || !looksLikeChineseName(m[1], k) || !NAME_TAGS.test(lexicon(m[1]) ?? 'n')) out?.push(p);
    else (out ??= pieces.slice(0, i)).push({ word: m[1], tag: 'nr', type: 'person' }, { word: m[2], tag: 'n' });
  }
  return out ?? pieces;
}

/**
 * 马来西亚 吉隆坡, 新疆的库尔勒, 在卢森堡: where a place stands (after `prev`, the piece before
 * it, and `beforePrev`; before `next`), a foreign-sounding name is a place. Read only for the few
 * pieces that could be a foreign name (two expressions a piece otherwise).
 */
function placeContext(prev: Piece | undefined, beforePrev: Piece | undefined, next: Piece | undefined): boolean {
  return (
    isPlacePiece(prev ?? { word: '', tag: '' }) ||
    (prev?.word === '的' && isPlacePiece(beforePrev ?? { word: '', tag: '' })) ||
    PLACE_BEFORE.test(prev?.word ?? '') ||
    PLACE_AFTER.test(next?.word ?? '')
  );
}

/** jieba's tags of a whole name in one token. */
const WHOLE_NAME_TAG = /^(?:nr|nrfg|x)$/;
/** An administrative level: what a name of two characters never ends with. */
const LEVEL_ENDING = /[县市省区镇乡村]$/;
const FAMILIAR_TAG = /^(?:nr|x)$/;
/** Tags of a word that is no given name after a surname: verbs, function words, numbers, measures, directions. */
const NOT_GIVEN_NAME_TAG = /^(?:v|p|c|u|d|r|m|q|f)/;

/** Step 11: people named after a title, or a surname vouched for by its neighbours. */
function findPeople(pieces: Piece[], k: NameKnowledge, lexicon: Lexicon, names: NameModel): Piece[] {
  // The pieces so far, kept only from the first that changes: until then they are `pieces`' own.
  let out: Piece[] | undefined;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    const prev = out ? out[out.length - 1] : pieces[i - 1];
    const beforePrev = out ? out[out.length - 2] : pieces[i - 2];
    const next = pieces[i + 1];
    const afterTitle = titledBefore(prev, beforePrev);
    if (p.type) {
      out?.push(p);
      continue;
    }
    const context = afterTitle || PERSON_AFTER.has(next?.word ?? '');
    if (
      !afterTitle &&
      p.word.length >= 3 &&
      NAME_TAGS.test(p.tag) &&
      placeContext(prev, beforePrev, next) &&
      isHan(p.word) &&
      foreignMean(p.word, names) >= FOREIGN_MEAN
    ) {
      (out ??= pieces.slice(0, i)).push({ ...p, tag: 'ns', type: 'place' });
      continue;
    }
    // A whole name in one token. Two characters (李鹏, but also 令人, 明白) need context; a longer
    // one is a name unless its given name is an ordinary word (雷阵雨).
    // 杜氏, 吕老: a surname and a form of address, below.
    // After a title, a verb or a function word (记者 怀着, 负责人 要求) is not the name.
    if (looksLikeChineseName(p.word, k) && !SURNAME_FORM.test(p.word) && (WHOLE_NAME_TAG.test(p.tag) || (afterTitle && !GRAMMAR_TAG.test(p.tag)))) {
      const given = p.word.slice(surnameLength(p.word, k));
      // A word new to jieba (x) is judged by the name model; jieba's own names of two characters
      // need context (李鹏说; but 令人, 明白 are words its dictionary tags as names).
      const plausible =
        context ||
        (p.tag === 'x'
          ? names.chinese(p.word) > NAME_THRESHOLD && !(p.word.length === 2 ? LEVEL_ENDING : NOT_NAME_ENDING).test(p.word)
          : p.word.length > 2 && !NOT_NAME_ENDING.test(p.word) && (!isOrdinaryWord(given, lexicon) || names.chinese(p.word) > CONFIDENT_NAME));
      if (plausible) {
        (out ??= pieces.slice(0, i)).push({ ...p, type: 'person' });
        continue;
      }
    }
    const transliterated = p.tag === 'nrt' || (p.tag === 'nrfg' && p.word.length >= 3);
    // 驻伊斯坦布尔, 阿布扎比市政: a foreign name where a place stands is a place.
    if (transliterated && isHan(p.word) && placeContext(prev, beforePrev, next)) {
      (out ??= pieces.slice(0, i)).push({ ...p, tag: 'ns' });
      continue;
    }
    if (transliterated && isHan(p.word) && !NOT_NAMES.has(p.word) && !k.countryNames.has(p.word) && (p.word.length >= 3 || context)) {
      (out ??= pieces.slice(0, i)).push({ ...p, type: 'person' });
      continue;
    }
    // 小胡, 老王, 刘老师 in one token: the surname is the person.
    // Only where jieba does not know the token as an ordinary word (小学, 老师 are words).
    const familiar = p.word.length >= 2 && p.word.length <= 4 && FAMILIAR_TAG.test(p.tag) ? FAMILIAR.exec(p.word) : null;
    if (familiar && k.surnames.has(familiar[1] ?? familiar[2])) {
      const surname = familiar[1] ?? familiar[2];
      const at = p.word.indexOf(surname);
      out ??= pieces.slice(0, i);
      if (at > 0) out.push({ word: p.word.slice(0, at), tag: 'a' });
      out.push({ word: surname, tag: 'nr', type: 'person' });
      if (at + 1 < p.word.length) out.push({ word: p.word.slice(at + 1), tag: 'n' });
      continue;
    }
    // A surname before a kinship term or form of address is the person: 王大娘, 李老师.
    if (p.word.length === 1 && k.surnames.has(p.word) && KINSHIP.test(next?.word ?? '')) {
      (out ??= pieces.slice(0, i)).push({ ...p, type: 'person' });
      continue;
    }
    // A surname on its own followed by a one- or two-character word: 李/nr 国庆/t.
    if (p.word.length <= 2 && k.surnames.has(p.word) && !FUNCTION_TAG.test(p.tag) && next && isHan(next.word) && !next.type && next.word.length <= 2) {
      const after = pieces[i + 2];
      const vouched = afterTitle || PERSON_AFTER.has(after?.word ?? '') || (p.tag === 'nr' && !isOrdinaryWord(next.word, lexicon));
      const merged = p.word + next.word;
      if (vouched && !NOT_GIVEN_NAME_TAG.test(next.tag) && !NOT_NAMES.has(merged) && !NOT_NAME_ENDING.test(merged)) {
        (out ??= pieces.slice(0, i)).push({ word: p.word + next.word, tag: 'nr', type: 'person' });
        i++;
        continue;
      }
    }
    out?.push(p);
  }
  return out ?? pieces;
}

/** More endings of bodies, in jieba's nt words: 世贸组织, 全国总工会, 中央气象台, 解放军报. */
const NT_BODY = /(?:组织|工会|台|处|法庭|报|联)$/;

/** A word of two ordinary words, of two characters or more each (国际 舞台, 长足 发展). */
function ordinaryPair(word: string, lexicon: Lexicon): boolean {
  const ordinary = (part: string) => {
    const tag = lexicon(part);
    return tag !== undefined && !PROPER_TAG.test(tag) && !NAME_TAGS.test(tag);
  };
  for (let cut = 2; cut <= word.length - 2; cut++) if (ordinary(word.slice(0, cut)) && ordinary(word.slice(cut))) return true;
  return false;
}

/** Suffixes a common word names a body with by itself: government (人事部, 畜牧局, 计生委), armies, papers. */
const SELF_NAMED = /^(?:部|局|委|厅|署|委员会|办公室|办公厅|总局|军|日报|晚报)$/;
const PROPER_TAG = /^(?:ns|nr|nrt|nrfg|nz|nt|j)$/;
/** Abbreviated universities, airlines and party congresses (jieba's j): 北大, 北航, 十五大. */
const SHORT_BODY = /^(?:\p{Script=Han}[大航]|十[一二三四五六七八九]?大)$/u;
/** Party and government bodies of one administrative level: 市委, 县委, 镇党委, 省政府. */
const LEVEL_BODY = /^(?:省|市|县|区|镇|乡|村)(?:委|党委|人大|政协|纪委)$/;

const LEVEL_OR_NAME = /^(?:[省市县区镇乡村]|\p{Script=Han}{2,})$/u;
const LEADING_LEVEL = /^[省市县区镇乡]/;

/**
 * An organisation's head word: jieba's nt, or a word ending in an organisation suffix. A
 * one-character suffix must follow a real word (外交部, 商务局), not end an ordinary one (干部, 冠军).
 * `named` heads stand alone; a bare `head` (公司) needs a proper name before it.
 */
function orgHead(p: Piece, lexicon: Lexicon, k: NameKnowledge): 'named' | 'head' | undefined {
  if (p.type || !isHan(p.word)) return undefined;
  // LEVEL_BODY's words are of two or three characters: a longer word is not read against it.
  if ((p.word.length <= 3 && LEVEL_BODY.test(p.word)) || (p.tag === 'j' && SHORT_BODY.test(p.word))) return 'named';
  // jieba's nt, except its noise: two ordinary words and no body's suffix (新兴产业, 公共汽车).
  if (p.tag === 'nt' && (orgSuffix(p.word) !== null || NT_BODY.test(p.word) || VENUE.test(p.word) || !ordinaryPair(p.word, lexicon))) return 'named';
  const m = orgSuffix(p.word);
  if (!m || isTitle(p.word)) return undefined;
  // An abbreviation of a place or a level and a body's suffix names that body: 欧盟, 村委会 (but
  // 党委 is any party committee).
  if (p.tag === 'j' && m.index > 0 && LEVEL_OR_NAME.test(p.word.slice(0, m.index))) return 'named';
  if (p.tag === 'j' && m.index === 1 && k.placeAbbreviations.has(p.word[0])) return 'named';
  // 省公安厅: a level before the word does not change what the word is.
  const rest = p.word.slice(0, m.index).replace(LEADING_LEVEL, '');
  // 人事部, 教育局: a word and a government body's suffix name a body by themselves; 突击队,
  // 歌舞团, 啤酒厂 or 子公司 need a name before them.
  // A proper name and a suffix are one body too (申花队, 马来西亚队, 关东军).
  const restTag = lexicon(rest);
  if (rest.length >= 2 && restTag !== undefined && (SELF_NAMED.test(m[0]) || PROPER_TAG.test(restTag) || k.countryNames.has(rest))) return 'named';
  // 电管局 (a word jieba does not know, and a suffix) heads a name if one stands before it, and
  // so does a suffix jieba leaves on its own (法国 波尔多 队, 台板 厂).
  return m[0].length > 1 || rest.length >= 2 || p.word.length === 1 ? 'head' : undefined;
}

/** Buildings and grounds: a named one is a place people go to, not a body (人民大会堂, 工人体育场). */
const VENUE =
  /(?:堂|博物馆|纪念馆|美术馆|文学馆|天文馆|科技馆|图书馆|体育馆|体育场|体育中心|展览馆|展览中心|会展中心|图书中心|剧院|剧场|音乐厅|广场|机场|车站|码头|公园|批发市场)$/;

/** Characters of grammar, never inside a name: a token jieba made of one is not a name's part. */
const FUNCTION_CHAR = /[是在同已将以诉视聚这那当从对向被把和与跟由为于的了着过都就又还再]/;
const DATELINE_WORD = /^(?:本报讯|本报电|日电|日讯|电|讯)$/;
const CITY_OR_COUNTY = /^\p{Script=Han}{2,}[市县区]$/u;
const isPlacePiece = (p: Piece) => p.type === 'place' || (!p.type && p.tag === 'ns');

const HEAD_IN_NAME = /^[所院局部厂]$/;
const DIGIT = /\d/;

/**
 * Takes from the end of `out` the words that name an organisation before its head: up to five
 * words back to a verb, preposition or punctuation, then forward to the first proper name
 * (common nouns before it are not part of the name).
 */
function takeNameChain(out: Piece[], company = false): Piece[] {
  let start = out.length;
  while (start > 0 && out.length - start < 5) {
    const q = out[start - 1];
    // 所, 院 after a name are the body itself even where jieba tags them as function words, and
    // a company's name may hold a verb (北京建予房地产开发有限公司).
    const inName = HEAD_IN_NAME.test(q.word) || (company && q.tag === 'v' && q.word.length >= 2);
    if (q.type === 'person' || !WORD.test(q.word) || (ORG_BREAK_TAG.test(q.tag) && !inName)) break;
    // 比赛时同 俄罗斯队, 这是 山东省…: words jieba's HMM glued to a function character, and a
    // dateline's 本报讯 or 日电, end the name.
    if ((q.tag === 'x' && FUNCTION_CHAR.test(q.word)) || DATELINE_WORD.test(q.word)) break;
    // A date (北京 5 月 28 日 电) is not part of a name.
    if (DIGIT.test(q.word) || q.tag === 't') break;
    start--;
  }
  const proper = (q: Piece) => ORG_START_TAGS.has(q.tag) || ORG_START_WORD.test(q.word) || q.type === 'place' || q.type === 'org';
  while (start < out.length && !proper(out[start])) start++;
  // 江苏省 宿迁市中级人民法院, 山东 临沂市公安局: a body of a city is named from the city; the
  // province before it is where the city is.
  while (start + 1 < out.length && isPlacePiece(out[start]) && isPlacePiece(out[start + 1]) && CITY_OR_COUNTY.test(out[start + 1].word)) {
    out[start] = { ...out[start], tag: 'ns', type: 'place' };
    start++;
  }
  return out.splice(start);
}

const GOVERNMENT = /^(.+)政府$/;
const LIMITED_COMPANY = /有限(?:责任)?公司$/;

/** Step 10: organisations, absorbing the proper names before their head. */
function findOrganisations(pieces: Piece[], lexicon: Lexicon, k: NameKnowledge): Piece[] {
  // The pieces so far, copied only once a name is taken back from them: until then, `pieces`' own.
  let kept: Piece[] | undefined;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (CORPORATE_TITLE.has(p.word)) {
      const out = (kept ??= pieces.slice(0, i));
      // One proper name alone (株洲) may be a place's leader; two words or a name jieba does not
      // know as a place (中车株机) are a company.
      const chain = takeNameChain(out);
      const company = chain.length >= 2 || (chain.length === 1 && !chain[0].type && chain[0].tag !== 'ns');
      if (company) out.push({ word: chain.map((c) => c.word).join(''), tag: 'nt', type: 'org' });
      else out.push(...chain);
      out.push(p);
      continue;
    }
    // 中国政府, 美国政府: a country and its government, not a body with a name of its own.
    const government = p.word.endsWith('政府') ? GOVERNMENT.exec(p.word) : null;
    if (!p.type && government && k.countryNames.has(government[1])) {
      (kept ??= pieces.slice(0, i)).push({ word: government[1], tag: 'ns', type: 'place' }, { word: '政府', tag: 'n' });
      continue;
    }
    const head = orgHead(p, lexicon, k);
    if (!head) {
      kept?.push(p);
      continue;
    }
    const out = (kept ??= pieces.slice(0, i));
    const chain = takeNameChain(out, LIMITED_COMPANY.test(p.word));
    // Without a proper name before it, only jieba's own organisation names count (外交部 yes,
    // 部队, 医院 no).
    if (chain.length === 0 && head !== 'named') {
      out.push(p);
      continue;
    }
    const name = chain.map((c) => c.word).join('') + p.word;
    if (!VENUE.test(name)) {
      out.push({ word: name, tag: 'nt', type: 'org' });
      continue;
    }
    // 北京 中国剧院 (a name of jieba's, or of two words): the city it stands in is a place of its own.
    const first = chain[0];
    const city = first && isPlacePiece(first) && (chain.length >= 2 || p.tag === 'nt') ? first.word : undefined;
    if (city) out.push({ word: city, tag: 'ns', type: 'place' });
    out.push({ word: name.slice(city?.length ?? 0), tag: 'ns', type: 'place' });
  }
  return kept ?? pieces;
}

/** jieba's tags of ordinary words: adjectives, distinguishing words, adverbs, verbs, idioms. */
const ORDINARY_TAG = /^(?:a|ad|an|b|d|v|vn|vd|i|l|c|p|r|u|m|q)$/;
const IDIOM_TAG = /^[il]$/;
/** Characters after a country abbreviation for its side or its people (中方, 中外, 日军, 华裔), and before it for going there (访华, 抵京). */
const ABBREVIATION_AFTER = /^[方外军人侨裔商籍资企剧]$/;
const ABBREVIATION_BEFORE = /^[访来在驻援侵赴旅抗抵离进返]$/;

/** No places: one array for every word that names none (most words), not one made for each. */
const NONE: readonly string[] = Object.freeze([]);

/**
 * 中美, 德法, 中葡: two countries by their first characters, one of them a usual abbreviation; in a
 * word of four, each half (来华 访问, 华人 华侨, 中美 关系). `next` is the word after.
 */
function abbreviatedPlaces(word: string, k: NameKnowledge, lexicon: Lexicon, next = ''): readonly string[] {
  // Every case below needs a usual abbreviation among the characters (most words have none).
  if ((word.length !== 2 && word.length !== 4) || !hasAbbreviation(word, k)) return NONE;
  // Idioms (黑中有白/i) are not halves.
  if (word.length === 4 && !k.countryNames.has(word) && !IDIOM_TAG.test(lexicon(word) ?? '')) {
    return [...abbreviatedPlaces(word.slice(0, 2), k, lexicon, word.slice(2)), ...abbreviatedPlaces(word.slice(2), k, lexicon, next)];
  }
  if (word.length !== 2 || k.countryNames.has(word)) return NONE;
  const [a, b] = word;
  const strongA = k.placeAbbreviations.has(a);
  const strongB = k.placeAbbreviations.has(b);
  const tag = lexicon(word);
  // 中日, 欧美 are two places; 非法/b is an ordinary word, and 中亚/ns, 中非/ns one region.
  if (strongA && strongB && !ORDINARY_TAG.test(tag ?? '') && !(a === '中' && tag === 'ns')) return [a, b];
  // 中葡 (unknown to jieba, or a noun) is two countries where what follows says so (中葡 双方; not 白中 有黑).
  const unknown = tag === undefined || tag === 'x' || tag === 'n';
  if (unknown && BETWEEN.test(next) && ((strongA && k.countryInitials.has(b)) || (strongB && k.countryInitials.has(a)))) return [a, b];
  if (strongA && ABBREVIATION_AFTER.test(b)) return [a];
  if (strongB && ABBREVIATION_BEFORE.test(a)) return [b];
  return NONE;
}

/** Whether a character of `word` is a usual abbreviation: looked up by code (a word with a surrogate pair, by character). */
function hasAbbreviation(word: string, k: NameKnowledge): boolean {
  const codes = codeTable(k.placeAbbreviations);
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      for (const c of word) if (k.placeAbbreviations.has(c)) return true;
      return false;
    }
    if (codes[code]) return true;
  }
  return false;
}

/** What two or more countries named by one character each do together: 中 美 两国, 中 俄 边境. */
const BETWEEN = /^(?:两国|三国|双方|关系|边境|边境线|边界|边防|边防部队|贸易|经贸|合作|友好|会谈|之间|间|建交|首脑|外长|等国|等)/;
/** 法、德等国, 德等国/x: a list's last abbreviation glued to 等 by jieba. */
const GLUED_ETC = /^(\p{Script=Han})(等.*)$/u;

/**
 * Step 12: countries or regions listed by one character each (中 缅 边境线, 美 中 双方, 亚、非、拉
 * 三大洲, 法、德等国) are places, when one of them is a usual abbreviation and what follows says
 * they are several.
 */
function abbreviationLists(pieces: Piece[], k: NameKnowledge): Piece[] {
  const abbreviation = (c: string) => k.placeAbbreviations.has(c) || k.countryInitials.has(c);
  // Copied once a piece changes: a sentence without a list of abbreviations comes back as it was.
  let out = pieces;
  for (let i = 0; i < out.length; i++) {
    // A list starts with a lone abbreviation (most pieces are none).
    const start = out[i];
    if (start.type || start.word.length !== 1 || !abbreviation(start.word)) continue;
    const run: number[] = [];
    let j = i;
    let listed = false;
    while (j < out.length) {
      const p = out[j];
      const glued = !p.type && p.tag === 'x' ? GLUED_ETC.exec(p.word) : null;
      if (glued && abbreviation(glued[1]) && run.length) {
        if (out === pieces) out = [...pieces];
        out.splice(j, 1, { word: glued[1], tag: 'j' }, { word: glued[2], tag: 'u' });
      } else if (p.type || p.word.length !== 1 || !abbreviation(p.word)) break;
      run.push(j++);
      if (out[j]?.word === '、' && out[j + 1]?.word.length) {
        listed = true;
        j++;
      }
    }
    if (listed && out[j - 1]?.word === '、') j--;
    const strong = run.some((at) => k.placeAbbreviations.has(out[at].word));
    if (run.length >= 2 && strong && BETWEEN.test(out[j]?.word ?? '')) {
      if (out === pieces) out = [...pieces];
      for (const at of run) out[at] = { ...out[at], tag: 'ns', type: 'place' };
    }
    i = Math.max(i, j - 1);
  }
  return out;
}

/** Mountains, villages and towns jieba's dictionary files under people (玉峰山/nr, 乔庄村/nr). */
const FEATURE = /^\p{Script=Han}{2,5}[山村城镇峰岭湖岛寨庄]$/u;
const namedFeature = (p: Piece) => (p.tag === 'nr' || p.tag === 'nz' || p.tag === 'x') && FEATURE.test(p.word);

const ROAD = /^(?:[东西南北中]?(?:路|街|大街|大道)|[东西南北]路|环路|广场|大桥)$/;

/**
 * Ordinary words jieba's dictionary tags ns: idioms of two ordinary words (兴旺发达, 大洋彼岸) and
 * reduplicated words (高高兴兴, 山沟沟; not 齐齐哈尔).
 */
const REDUPLICATED = /^(?:.+(.)\1|(.)\2(.)\3)$/u;
export const placeNoise = (word: string, lexicon: Lexicon) => (word.length >= 4 && ordinaryPair(word, lexicon)) || REDUPLICATED.test(word);

/** Tags of function words (starting p, c, u, d or r), which name no place by abbreviation: told by code, not by an expression per word. */
const isFunctionWordTag = (tag: string) => {
  const first = tag.charCodeAt(0);
  return first === 112 || first === 99 || first === 117 || first === 100 || first === 114;
};

/** Step 13: places. A place and the road or square after it are one place: 珠江 北路. */
function findPlaces(pieces: Piece[], k: NameKnowledge, lexicon: Lexicon): Mention[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    const next = pieces[i + 1];
    if (!p.type && p.tag === 'ns' && next && !next.type && ROAD.test(next.word)) {
      mentions.push({ type: 'place', text: p.word + next.word });
      i++;
      continue;
    }
    if (p.type) {
      mentions.push({ type: p.type, text: p.word });
      continue;
    }
    if (!isHan(p.word)) continue;
    const parts = isFunctionWordTag(p.tag) ? NONE : abbreviatedPlaces(p.word, k, lexicon, next?.word);
    if (!parts.length && NOT_NAMES.has(p.word)) continue;
    if (parts.length) {
      for (const c of parts) mentions.push({ type: 'place', text: c });
    } else if (p.word.length === 1) {
      // A lone character is a place only as a known abbreviation (京, 沪 come with the gazetteer).
      if ((p.tag === 'ns' || p.tag === 'j') && k.placeAbbreviations.has(p.word)) mentions.push({ type: 'place', text: p.word });
    } else if (
      (p.tag === 'ns' && !placeNoise(p.word, lexicon)) ||
      k.countryNames.has(p.word) ||
      (p.tag === 'x' && PLACE_SUFFIX.test(p.word)) ||
      namedFeature(p)
    ) {
      mentions.push({ type: 'place', text: p.word });
    }
  }
  return mentions;
}

export interface SentenceEntities {
  mentions: Mention[];
  /** The sentence's words after entities were put together: what keywords are counted from. */
  pieces: Array<Token & { type?: EntityType }>;
}

/** The sentence's tokens as pieces: the library's names (tagged gper, gloc, gorg) typed, every other token itself. */
function piecesOfTokens(tokens: Piece[]): Piece[] {
  let pieces: Piece[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Only the gazetteer's tags start with g and more: no lookup for the rest.
    if (t.tag.length > 1 && t.tag.charCodeAt(0) === 103 && GAZETTEER_TYPE[t.tag])
      (pieces ??= tokens.slice())[i] = { word: t.word, tag: t.tag, type: GAZETTEER_TYPE[t.tag] };
  }
  return pieces ?? tokens;
}

/**
 * Steps 1–7, which read the sentence alone: a sentence read again with the text's people starts
 * from their pieces. No step changes a piece or an array it was given (a step that changes
 * nothing returns its pieces as they came, jieba's tokens among them, which the tagger reads
 * after), so they can be read twice.
 */
function stepsOfSentence(tokens: Token[], k: NameKnowledge, lexicon: Lexicon, names: NameModel): Piece[] {
  let pieces = piecesOfTokens(tokens);
  pieces = mergeKnownPlaces(pieces, k);
  pieces = splitPlaceCompounds(pieces, k, lexicon, names);
  pieces = datelineAndWeatherPlaces(pieces);
  pieces = mergeTransliterations(pieces, k, lexicon, names);
  pieces = mergeForeignNames(pieces);
  return unglue(pieces, k, names);
}

/** Steps 9–13: the mentions in reading order and the pieces, from steps 1–7's pieces (and step 8's, in a sentence read again). */
function stepsWithPeople(recalled: Piece[], k: NameKnowledge, lexicon: Lexicon, names: NameModel): SentenceEntities {
  let pieces = splitNameCompounds(recalled, k, lexicon);
  pieces = findOrganisations(pieces, lexicon, k);
  pieces = findPeople(pieces, k, lexicon, names);
  pieces = abbreviationLists(pieces, k);
  const mentions = findPlaces(pieces, k, lexicon);
  return { mentions, pieces };
}

/** Whether step 8 left a sentence's pieces as they were (it keeps a piece it does not change). */
function samePieces(a: Piece[], b: Piece[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The rules' entities of a whole text, chunk by chunk (entity mentions in reading order, duplicates
 * kept: a name said twice is two mentions), then again where
 * a person named once comes back (a person named once is that person wherever the name comes
 * again, however jieba cut it, and by surname alone).
 */
export function findEntitiesInText(chunks: string[], tokens: Token[][], k: NameKnowledge, lexicon: Lexicon, names: NameModel): SentenceEntities[] {
  const own = tokens.map((t) => stepsOfSentence(t, k, lexicon, names));
  const sentences = own.map((pieces) => stepsWithPeople(pieces, k, lexicon, names));
  const found = new Set<string>();
  // Chinese personal names only: Han characters are safe in the regular expression indexPeople builds.
  for (const s of sentences) for (const m of s.mentions) if (m.type === 'person' && isLearnableName(m.text) && HAN.test(m.text)) found.add(m.text);
  if (!found.size) return sentences;
  const people = indexPeople(found, k);
  // Read again: sentences that say these names more often than people were found in them,
  // or that hold one of their surnames alone (黄, or 黄说 glued by jieba).
  const saidMoreThan = (text: string, named: number) => {
    let times = 0;
    for (let at = 0; at < text.length; at++) {
      if (!people.firsts[text.charCodeAt(at)]) continue;
      const same = people.byFirst.get(text.charCodeAt(at));
      if (same) for (const name of same) if (text.startsWith(name, at) && ++times > named) return true;
    }
    return false;
  };
  return sentences.map((s, i) => {
    let named = 0;
    for (const m of s.mentions) if (found.has(m.text)) named++;
    if (!saidMoreThan(chunks[i], named) && !mentionsSurnameOf(tokens[i], people)) return s;
    // Steps 9–13 read the pieces step 8 leaves: where it found no one, the first reading stands.
    const recalled = recallPeople(own[i], people);
    return samePieces(recalled, own[i]) ? s : stepsWithPeople(recalled, k, lexicon, names);
  });
}
