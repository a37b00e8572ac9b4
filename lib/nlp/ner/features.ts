/**
 * The features the entity tagger reads at each character, as 32-bit hashes: the characters around
 * it, where it sits in jieba's word and that word's part of speech, the words before and after
 * (titles such as 市长 and verbs such as 表示 vouch for a name), and whether it starts a surname.
 * Training and the service worker compute them with this one function, so the shipped weights
 * always mean what they meant in training; templates of few values come as one code per group,
 * which training spells out as their hashes (`trainedFeatures`) and the tagger reads as one row.
 * Integers only: no string is built per character.
 */
import type { Token } from '../entities';
import type { NameModel } from '../names';
import { LEXICON_CODES, lexiconCodes, type NameLexicon } from './lexicon';

/** Hashed feature templates per character: what the weights are trained on (`trainedFeatures`). */
export const TRAINED_TEMPLATES = 36;
/**
 * Templates whose every value is one of few — the rules' labels around a character; its word's
 * tag with its place in the word, length, title beside it and surname; the heads ahead; the name
 * lexicon's parts (lib/nlp/ner/lexicon.ts) with the place in the word and the name's length — summed
 * into one row per value when the tagger reads them (lib/nlp/ner/model.ts `emit`): one lookup a
 * group instead of one a template. Members by template number, each group's code below.
 */
export const GROUPS: readonly (readonly number[])[] = [[0, 28, 29], [11, 12, 18, 31, 32], [25, 26], [30], [33, 34, 35]];
/** Templates read one by one: the rest. */
const SPARSE = Int32Array.from({ length: TRAINED_TEMPLATES }, (_, t) => t).filter((t) => !GROUPS.some((members) => members.includes(t)));
/** Entries per character `sentenceFeatures` writes, the lookups a character costs: the sparse templates' hashes, then the groups' codes. */
export const TEMPLATES = SPARSE.length + GROUPS.length;

/** Tags of the library's own names, read as the dictionary's tags for the same kind of name. */
const TAG_ALIASES: Record<string, string> = { gper: 'nr', gloc: 'ns', gorg: 'nt' };

const enum Where {
  Begin = 1,
  Middle = 2,
  End = 3,
  Single = 4,
}

/** Character classes: what a name may be made of and what separates names. */
const enum Kind {
  Space = 1,
  Han,
  Numeral,
  Digit,
  Latin,
  Joiner,
  Punctuation,
  Other,
}

const NUMERALS = '〇一二三四五六七八九十百千万亿两零';
const JOINERS = '·•・‧-－';

/** Every UTF-16 unit in order, as one string (a lone surrogate reads as U+FFFD, at its own index). */
function allUnits(): string {
  const codes = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) codes[code] = code;
  return new TextDecoder('utf-16le').decode(codes);
}

/** Marks each unit in a run of `pattern` (global) within the first `below` units. */
function mark(table: Uint8Array, units: string, pattern: RegExp, kind: Kind, below = 0x10000): void {
  const text = units.slice(0, below);
  for (let run = pattern.exec(text); run; run = pattern.exec(text)) table.fill(kind, run.index, run.index + run[0].length);
}

let kindTable: Uint8Array | undefined;
/**
 * Every UTF-16 unit's class, built once on first use. Each pattern runs over one string of all
 * units, not once per unit: 65,536 separate tests cost a cold worker 50–95 ms.
 * Later marks win, so they go from the weakest class to the strongest.
 */
function kinds(): Uint8Array {
  if (kindTable) return kindTable;
  const table = new Uint8Array(0x10000).fill(Kind.Other);
  const units = allUnits();
  mark(table, units, /[^\p{L}]+/gu, Kind.Punctuation, 0x3000);
  mark(table, units, /[\p{P}\p{S}]+/gu, Kind.Punctuation);
  table.fill(Kind.Han, 0x3400, 0x4dc0);
  table.fill(Kind.Han, 0x4e00, 0xa000);
  for (const c of JOINERS) table[c.charCodeAt(0)] = Kind.Joiner;
  for (const c of NUMERALS) table[c.charCodeAt(0)] = Kind.Numeral;
  table.fill(Kind.Latin, 65, 91);
  table.fill(Kind.Latin, 97, 123);
  table.fill(Kind.Digit, 48, 58);
  table[32] = Kind.Space;
  table.fill(Kind.Other, 0xd800, 0xe000);
  kindTable = table;
  return table;
}

/** Words that end a body's name (株洲南方阀门股份 有限公司, 中央第五生态环境保护 督察组). */
const ORG_HEADS = '公司 集团 委员会 委 部 局 厅 署 院 学校 职院 会 社 台 行 所 中心 办公室 办 厂 党 军 队 组 团 司 联 盟 报 刊 杂志 俱乐部 处 馆 店 家';
/** Words that end a place's name (岐山 县, 麦禾营 镇). */
const PLACE_HEADS = '省 市 县 区 镇 乡 村 州 路 街 道 港 湾 山 河 江 湖 岛 桥 园 场';
/** Words a name does not run across: verbs, prepositions, conjunctions, particles, pronouns, adverbs. */
const BREAK_TAGS = new Set('v vd vg vn p c u uj ul uz ud ug uv r d y e o w zg m q t f'.split(' '));
const FAR = 7;

/**
 * Whether a word ends with one of `heads` (space-separated), by its last character first: a table
 * of last characters tells most words from the heads before any map is read.
 */
function endsWithOneOf(heads: string): (word: string) => boolean {
  const byLast = new Map<number, string[]>();
  const lasts = new Uint8Array(0x10000);
  for (const head of heads.split(' ')) {
    const last = head.charCodeAt(head.length - 1);
    byLast.set(last, [...(byLast.get(last) ?? []), head]);
    lasts[last] = 1;
  }
  return (word) => {
    const last = word.charCodeAt(word.length - 1);
    if (!lasts[last]) return false;
    const candidates = byLast.get(last);
    if (!candidates) return false;
    for (const head of candidates) if (head.length === 1 || word.endsWith(head)) return true;
    return false;
  };
}
const isOrgHead = endsWithOneOf(ORG_HEADS);
const isPlaceHead = endsWithOneOf(PLACE_HEADS);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Per UTF-16 unit: 0 not yet known, 1 neither a letter nor a digit, 2 one: learnt as units come. */
const letterOrDigit = new Uint8Array(0x10000);
/** `LETTER_OR_DIGIT.test(word)`, its units looked up in a table (a regular expression per word cost more than the word's features). */
function hasLetterOrDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    // A surrogate is half a character: the expression reads the pair.
    if (code >= 0xd800 && code <= 0xdfff) return LETTER_OR_DIGIT.test(word);
    let known = letterOrDigit[code];
    if (!known) letterOrDigit[code] = known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 2 : 1;
    if (known === 2) return true;
  }
  return false;
}

/**
 * Per word, how many words ahead the nearest organisation head and place head are, with no break
 * between (FAR: none), into `org` and `place`. `breaks` marks the words whose tag is a break.
 */
function headsAhead(tokens: readonly Token[], breaks: Uint8Array, org: Uint8Array, place: Uint8Array): void {
  let nearestOrg = -1;
  let nearestPlace = -1;
  for (let t = tokens.length - 1; t >= 0; t--) {
    const { word } = tokens[t];
    if (breaks[t] || !hasLetterOrDigit(word)) {
      nearestOrg = -1;
      nearestPlace = -1;
    } else {
      if (isOrgHead(word)) nearestOrg = t;
      if (isPlaceHead(word)) nearestPlace = t;
    }
    org[t] = nearestOrg >= 0 ? Math.min(FAR, nearestOrg - t) : FAR;
    place[t] = nearestPlace >= 0 ? Math.min(FAR, nearestPlace - t) : FAR;
  }
}

/** FNV-1a over a string's UTF-16 units. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

const mix = (h: number, v: number) => {
  const x = Math.imul(h ^ v, 0x9e3779b1);
  return (x ^ (x >>> 15)) | 0;
};
/** A feature's copy for one training corpus (domain adaptation). */
export const saltFeature = (hash: number, salt: number) => mix(hash, salt);
/** Each template's seed, the start of its features' hashes. */
const SEEDS = Int32Array.from({ length: TRAINED_TEMPLATES }, (_, t) => Math.imul(t + 1, 0x85ebca6b));
/**
 * Template `seed`'s feature of a, b and c: three rounds of `mix`, written out in one small
 * function that the loops below inline (a call per hash, 22 a character, cost as much as the
 * arithmetic).
 */
function hashOf(seed: number, a: number, b: number, c: number): number {
  let x = Math.imul(seed ^ a, 0x9e3779b1);
  x = Math.imul(x ^ (x >>> 15) ^ b, 0x9e3779b1);
  x = Math.imul(x ^ (x >>> 15) ^ c, 0x9e3779b1);
  return (x ^ (x >>> 15)) | 0;
}

/** What the features read of a tag: its hash, its number in `tagHashes`, and whether a name runs across it (BREAK_TAGS). */
interface TagInfo {
  hash: number;
  index: number;
  breaks: number;
}
/** Tags' hashes: a few dozen tags, hashed once. */
const tagInfos = new Map<string, TagInfo>();
/** Tags' hashes by their number, in the order first met; number 0 is no word's (hash 0). */
const tagHashes = [0];
function tagInfoOf(tag: string): TagInfo {
  let info = tagInfos.get(tag);
  if (info === undefined) {
    info = { hash: hashString(TAG_ALIASES[tag] ?? tag), index: tagHashes.length, breaks: BREAK_TAGS.has(tag) ? 1 : 0 };
    tagInfos.set(tag, info);
    tagHashes.push(info.hash);
  }
  return info;
}

/** Outside the sentence: a code no character has. */
const EDGE = -1;

/**
 * Arrays one sentence's features are computed in, reused across sentences (grown, never shrunk):
 * a text of thousands of sentences allocates them once, not fifteen times a sentence.
 */
const scratch = {
  /** Per character: its place in its word (Where) and the word's index in `tokens`. */
  where: new Uint8Array(0),
  word: new Int32Array(0),
  surname: new Uint8Array(0),
  /** Characters, classes and name classes padded by PAD on each side: no bounds checks per read. */
  cp: new Int32Array(0),
  kp: new Uint8Array(0),
  np: new Uint8Array(0),
  /** Per word: its length and whether it is a space, read from the token once for every pass below. */
  wordLength: new Int32Array(0),
  space: new Uint8Array(0),
  wordHash: new Int32Array(0),
  tagHash: new Int32Array(0),
  tagIndex: new Int32Array(0),
  breaks: new Uint8Array(0),
  tokenEnd: new Int32Array(0),
  titled: new Uint8Array(0),
  orgAhead: new Uint8Array(0),
  placeAhead: new Uint8Array(0),
  prevWordOf: new Int32Array(0),
  nextWordOf: new Int32Array(0),
  prevTagOf: new Int32Array(0),
  nextTagOf: new Int32Array(0),
  lengthOf: new Uint8Array(0),
  /** Per character, its code in the name lexicon (`lexiconCodes`). */
  lexicon: new Uint16Array(0),
};
const PAD = 2;

/** Room in the scratch arrays for `chars` characters and `words` words (and a word 0 when there are none). */
function reserve(chars: number, words: number): typeof scratch {
  const s = scratch;
  if (s.where.length < chars) {
    const size = chars * 2;
    s.where = new Uint8Array(size);
    s.word = new Int32Array(size);
    s.surname = new Uint8Array(size);
    s.cp = new Int32Array(size + 2 * PAD);
    s.kp = new Uint8Array(size + 2 * PAD);
    s.np = new Uint8Array(size + 2 * PAD);
    s.lexicon = new Uint16Array(size);
  }
  if (s.wordHash.length <= words) {
    const size = (words + 1) * 2;
    s.wordLength = new Int32Array(size);
    s.space = new Uint8Array(size);
    s.wordHash = new Int32Array(size);
    s.tagHash = new Int32Array(size);
    s.tagIndex = new Int32Array(size);
    s.breaks = new Uint8Array(size);
    s.tokenEnd = new Int32Array(size);
    s.titled = new Uint8Array(size);
    s.orgAhead = new Uint8Array(size);
    s.placeAhead = new Uint8Array(size);
    s.prevWordOf = new Int32Array(size);
    s.nextWordOf = new Int32Array(size);
    s.prevTagOf = new Int32Array(size);
    s.nextTagOf = new Int32Array(size);
    s.lengthOf = new Uint8Array(size);
  }
  return s;
}

/**
 * Where each character sits in jieba's words, into `where` and `word`. `tokens` must spell `text`
 * exactly (jieba's `tag` output does; any other input is a bug in the caller: the characters
 * beyond them read as word 0).
 */
function placeCharacters(n: number, words: number, wordLength: Int32Array, where: Uint8Array, word: Int32Array): void {
  let at = 0;
  for (let t = 0; t < words && at < n; t++) {
    const length = Math.min(wordLength[t], n - at);
    for (let k = 0; k < length; k++) {
      where[at + k] = length === 1 ? Where.Single : k === 0 ? Where.Begin : k === length - 1 ? Where.End : Where.Middle;
      word[at + k] = t;
    }
    at += length;
  }
  where.fill(0, at, n);
  word.fill(0, at, n);
}

/** What the features need to know about names, beyond the text. */
export interface FeatureKnowledge {
  surnames: ReadonlySet<string>;
  /** Per UTF-16 unit, how name-like it is (`nameClasses`). */
  nameClass: Uint8Array;
  /** Titles and roles (市长, 董事长, 记者): a name stands before or after one. */
  titles: ReadonlySet<string>;
  /** Names by kind (lib/nlp/ner/lexicon.ts): without it, every character reads as in no name. */
  lexicon?: NameLexicon;
}

/** The longest title looked for. */
export const LONGEST_TITLE = 6;

interface TitleIndex {
  /**
   * Titles as character codes, by their first two characters, and by their last two (`pair`):
   * by one, a word after 长, 员 or 人 was compared with some eighty titles each.
   */
  starting: Map<number, Int32Array[]>;
  ending: Map<number, Int32Array[]>;
  /**
   * Per UTF-16 unit, where it stands in some title: first, second, last, before the last. A map is
   * read only for two characters that could start or end a title: most words' neighbours cannot.
   */
  edges: Uint8Array;
}
const STARTS_TITLE = 1;
const SECOND_IN_TITLE = 2;
const ENDS_TITLE = 4;
const BEFORE_LAST_IN_TITLE = 8;
/**
 * Two characters' key in the title maps: a small integer (a larger one is a heap number, which a
 * map hashes more slowly). Two pairs may share a key: `spells` checks every title it lists.
 */
const pair = (first: number, second: number) => ((first & 0x7fff) << 15) | (second & 0x7fff);
/** `build`, once per table it is given (the tables live as long as the analyzer). */
function perTable<T>(build: (table: ReadonlySet<string>) => T): (table: ReadonlySet<string>) => T {
  const built = new WeakMap<ReadonlySet<string>, T>();
  return (table) => {
    if (!built.has(table)) built.set(table, build(table));
    return built.get(table)!;
  };
}

const titleIndex = perTable((titles): TitleIndex => {
  const index: TitleIndex = { starting: new Map(), ending: new Map(), edges: new Uint8Array(0x10000) };
  for (const title of titles) {
    if (title.length < 2 || title.length > LONGEST_TITLE) continue;
    const codes = Int32Array.from({ length: title.length }, (_, k) => title.charCodeAt(k));
    const add = (map: Map<number, Int32Array[]>, c: number) => map.set(c, [...(map.get(c) ?? []), codes]);
    add(index.starting, pair(codes[0], codes[1]));
    add(index.ending, pair(codes[codes.length - 2], codes[codes.length - 1]));
    index.edges[codes[0]] |= STARTS_TITLE;
    index.edges[codes[1]] |= SECOND_IN_TITLE;
    index.edges[codes[codes.length - 2]] |= BEFORE_LAST_IN_TITLE;
    index.edges[codes[codes.length - 1]] |= ENDS_TITLE;
  }
  return index;
});

/** Whether `codes` from `at` spell `title`. */
function spells(codes: Int32Array, at: number, title: Int32Array): boolean {
  if (at < 0 || at + title.length > codes.length) return false;
  for (let k = 0; k < title.length; k++) if (codes[at + k] !== title[k]) return false;
  return true;
}

const SPACE = 32;
/** Per word: 1 if a title ends right before it, 2 if one starts right after it (a space skipped). */
function besideTitles(codes: Int32Array, words: number, wordLength: Int32Array, titles: ReadonlySet<string>, beside: Uint8Array): void {
  beside.fill(0, 0, words);
  if (!titles.size) return;
  const { starting, ending, edges } = titleIndex(titles);
  let at = 0;
  for (let t = 0; t < words; t++) {
    const start = at;
    const end = (at += wordLength[t]);
    const before = start > 0 && codes[start - 1] === SPACE ? start - 1 : start;
    const after = end < codes.length && codes[end] === SPACE ? end + 1 : end;
    // A title has two characters at least: the two before, or the two after, name the titles it could be.
    const endingBefore =
      before > 1 && edges[codes[before - 1]] & ENDS_TITLE && edges[codes[before - 2]] & BEFORE_LAST_IN_TITLE
        ? ending.get(pair(codes[before - 2], codes[before - 1]))
        : undefined;
    if (endingBefore)
      for (const title of endingBefore)
        if (spells(codes, before - title.length, title)) {
          beside[t] |= 1;
          break;
        }
    const startingAfter =
      after + 1 < codes.length && edges[codes[after]] & STARTS_TITLE && edges[codes[after + 1]] & SECOND_IN_TITLE
        ? starting.get(pair(codes[after], codes[after + 1]))
        : undefined;
    if (startingAfter)
      for (const title of startingAfter)
        if (spells(codes, after, title)) {
          beside[t] |= 2;
          break;
        }
  }
}

const bucket = (logOdds: number) => (logOdds === 0 ? 0 : logOdds < -1 ? 1 : logOdds < 1 ? 2 : logOdds < 3 ? 3 : 4);

/**
 * Per character, how often it is written in Chinese given names and in transliterated foreign
 * names against ordinary words (the name model's log-odds, in five steps each).
 */
export function nameClasses(names: Pick<NameModel, 'given' | 'foreign'>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let code = 0x3400; code < 0xa000; code++) {
    const c = String.fromCharCode(code);
    table[code] = bucket(names.given(c)) * 5 + bucket(names.foreign(c));
  }
  return table;
}

interface SurnameCodes {
  /** Per UTF-16 unit: SURNAME if it is a surname alone, COMPOUND_START if a compound surname starts with it. */
  marks: Uint8Array;
  /** Compound surnames as pairs of codes. */
  double: Set<number>;
}
const SURNAME = 1;
const COMPOUND_START = 2;
/** The surname table as character codes: a character is looked up in an array, not a set. */
const codesOf = perTable((surnames): SurnameCodes => {
  const codes: SurnameCodes = { marks: new Uint8Array(0x10000), double: new Set() };
  for (const s of surnames) {
    if (s.length === 1) codes.marks[s.charCodeAt(0)] |= SURNAME;
    else if (s.length === 2) {
      codes.marks[s.charCodeAt(0)] |= COMPOUND_START;
      codes.double.add(s.charCodeAt(0) * 0x10000 + s.charCodeAt(1));
    }
  }
  return codes;
});

/**
 * TEMPLATES entries per character of `text`, position-major: features[i * TEMPLATES + k], the
 * sparse templates' hashes, then each group's code (`GROUPS`; `trainedFeatures` spells them out
 * as hashes). `hints` are the hand-written rules' labels per character (lib/nlp/entities.ts): the
 * model learns where they are right. `salt` gives a training corpus its own copy of every hash
 * written (0 for none); the codes are salted as `trainedFeatures` spells them out.
 */
export function sentenceFeatures(
  text: string,
  tokens: readonly Token[],
  k: FeatureKnowledge,
  hints: Uint8Array,
  salt = 0,
  /** Where to write the features (at least `text.length` × TEMPLATES long); a new array if none. */
  into?: Int32Array,
): Int32Array {
  const n = text.length;
  const words = tokens.length;
  const arrays = reserve(n, words);
  const {
    where,
    word,
    surname,
    cp,
    kp,
    np,
    wordLength,
    space,
    wordHash,
    tagHash,
    tagIndex,
    breaks,
    tokenEnd,
    titled,
    orgAhead,
    placeAhead,
    prevWordOf,
    nextWordOf,
    prevTagOf,
    nextTagOf,
    lengthOf,
  } = arrays;
  // A sentence without words reads word 0 as nothing, as an empty array would.
  for (const perWord of [wordHash, tagHash, tagIndex, tokenEnd, titled, orgAhead, placeAhead, prevWordOf, nextWordOf, prevTagOf, nextTagOf, lengthOf])
    perWord[words] = 0;
  for (let t = 0; t < words; t++) {
    const token = tokens[t];
    const spelt = token.word;
    wordLength[t] = spelt.length;
    space[t] = spelt === ' ' ? 1 : 0;
    tokenEnd[t] = spelt.charCodeAt(spelt.length - 1);
    wordHash[t] = hashString(spelt);
    const tag = tagInfoOf(token.tag);
    tagHash[t] = tag.hash;
    tagIndex[t] = tag.index;
    breaks[t] = tag.breaks;
  }
  placeCharacters(n, words, wordLength, where, word);
  headsAhead(tokens, breaks, orgAhead, placeAhead);
  const table = kinds();
  const { marks, double } = codesOf(k.surnames);
  cp.fill(EDGE, 0, PAD);
  cp.fill(EDGE, n + PAD, n + 2 * PAD);
  kp.fill(0, 0, PAD);
  kp.fill(0, n + PAD, n + 2 * PAD);
  np.fill(255, 0, PAD);
  np.fill(255, n + PAD, n + 2 * PAD);
  for (let i = 0; i < n; i++) cp[i + PAD] = text.charCodeAt(i);
  for (let i = 0; i < n; i++) {
    const code = cp[i + PAD];
    kp[i + PAD] = table[code];
    np[i + PAD] = k.nameClass[code];
    const mark = table[code] === Kind.Han ? marks[code] : 0;
    surname[i] = !mark ? 0 : mark & COMPOUND_START && i + 1 < n && double.has(code * 0x10000 + cp[i + PAD + 1]) ? 2 : mark & SURNAME ? 1 : 0;
  }
  besideTitles(cp.subarray(PAD, PAD + n), words, wordLength, k.titles, titled);
  // Per word, once: its neighbours (a space token stands between words; the word beyond it is
  // the real neighbour) and their hashes.
  for (let w = 0; w < words; w++) {
    const before = w - 1;
    const after = w + 1 < words ? w + 1 : -1;
    const prev = before >= 0 && space[before] && before > 0 ? before - 1 : before;
    const next = after >= 0 && space[after] && after + 1 < words ? after + 1 : after;
    prevWordOf[w] = prev >= 0 ? wordHash[prev] : EDGE;
    nextWordOf[w] = next >= 0 ? wordHash[next] : EDGE;
    prevTagOf[w] = prev >= 0 ? tagHash[prev] : EDGE;
    nextTagOf[w] = next >= 0 ? tagHash[next] : EDGE;
    lengthOf[w] = Math.min(wordLength[w], 6);
  }
  const out = into ?? new Int32Array(n * TEMPLATES);
  // Three loops of about ten entries each: one loop of them all is too big for the compiler to inline every hash.
  windowFeatures(out, n, where, surname, cp, kp, np);
  wordFeatures(out, n, where, word, surname, arrays, cp);
  hintFeatures(out, n, where, word, tagIndex, hints);
  lexiconCodes(k.lexicon, text, arrays.lexicon);
  for (let i = 0, base = 0; i < n; i++, base += TEMPLATES) out[base + 26] = arrays.lexicon[i] * 5 + where[i];
  if (salt) for (let i = 0, base = 0; i < n; i++, base += TEMPLATES) for (let k = 0; k < SPARSE.length; k++) out[base + k] = saltFeature(out[base + k], salt);
  return out;
}

/*
 * Where each template's entry stands in a character's TEMPLATES (SPARSE order, then the groups):
 * 0–9 templates 1–10, 10–14 templates 13–17, 15–20 templates 19–24, 21 template 27; then the
 * codes of the groups: 22 the hints', 23 the word's, 24 the heads', 25 the hint with the word's tag,
 * 26 the lexicon's with the place in the word.
 */
const HINTS = 13;
/** The code of a hint, a label below HINTS; HINTS stands for none (beyond the sentence). */
const hintCode = (hint: number) => Math.min(hint, HINTS);

/** Templates 1–10, 19, 21–23: the characters around each one, their classes and name classes. */
function windowFeatures(out: Int32Array, n: number, where: Uint8Array, surname: Uint8Array, cp: Int32Array, kp: Uint8Array, np: Uint8Array): void {
  for (let i = 0, base = 0; i < n; i++, base += TEMPLATES) {
    const place = where[i];
    const p = i + PAD;
    const c0 = cp[p];
    const c1 = cp[p - 1];
    const c2 = cp[p - 2];
    const d1 = cp[p + 1];
    const d2 = cp[p + 2];
    out[base] = hashOf(SEEDS[1], c0, 0, 0);
    out[base + 1] = hashOf(SEEDS[2], c1, 0, 0);
    out[base + 2] = hashOf(SEEDS[3], d1, 0, 0);
    out[base + 3] = hashOf(SEEDS[4], c2, 0, 0);
    out[base + 4] = hashOf(SEEDS[5], d2, 0, 0);
    out[base + 5] = hashOf(SEEDS[6], c1, c0, 0);
    out[base + 6] = hashOf(SEEDS[7], c0, d1, 0);
    out[base + 7] = hashOf(SEEDS[8], c1, d1, 0);
    out[base + 8] = hashOf(SEEDS[9], c2, c1, 0);
    out[base + 9] = hashOf(SEEDS[10], d1, d2, 0);
    out[base + 15] = hashOf(SEEDS[19], kp[p - 1] * 16 + kp[p], kp[p + 1], 0);
    out[base + 17] = hashOf(SEEDS[21], i > 0 ? surname[i - 1] : 0, place, c0);
    out[base + 18] = hashOf(SEEDS[22], np[p - 1], np[p], place);
    out[base + 19] = hashOf(SEEDS[23], np[p], np[p + 1], surname[i]);
  }
}

/** Templates 13–17, 20, 24, 27 and the word's and the heads' groups: the character's place in its word, the word and its neighbours. */
function wordFeatures(
  out: Int32Array,
  n: number,
  where: Uint8Array,
  word: Int32Array,
  surname: Uint8Array,
  /** The per-word arrays of `scratch`, filled for this sentence. */
  { tagHash, tagIndex, wordHash, prevWordOf, nextWordOf, prevTagOf, nextTagOf, lengthOf, orgAhead, placeAhead, tokenEnd, titled }: typeof scratch,
  cp: Int32Array,
): void {
  for (let i = 0, base = 0; i < n; i++, base += TEMPLATES) {
    const w = word[i];
    const place = where[i];
    const tag = tagHash[w];
    const prevWord = prevWordOf[w];
    const placed = tagIndex[w] * 5 + place;
    out[base + 10] = hashOf(SEEDS[13], place, wordHash[w], 0);
    out[base + 11] = hashOf(SEEDS[14], place, prevWord, 0);
    out[base + 12] = hashOf(SEEDS[15], place, nextWordOf[w], 0);
    out[base + 13] = hashOf(SEEDS[16], place, prevTagOf[w], tag);
    out[base + 14] = hashOf(SEEDS[17], place, tag, nextTagOf[w]);
    out[base + 16] = hashOf(SEEDS[20], cp[i + PAD], place, tag);
    out[base + 20] = hashOf(SEEDS[24], place, prevWord, tag);
    out[base + 21] = hashOf(SEEDS[27], place, tokenEnd[w], 0);
    out[base + 23] = ((placed * 7 + lengthOf[w]) * 4 + titled[w]) * 3 + surname[i];
    out[base + 24] = (placed * 8 + orgAhead[w]) * 8 + placeAhead[w];
  }
}

/** The hints' groups: the rules' labels (lib/nlp/entities.ts) at and around the character, and with its word's tag. */
function hintFeatures(out: Int32Array, n: number, where: Uint8Array, word: Int32Array, tagIndex: Int32Array, hints: Uint8Array): void {
  for (let i = 0, base = 0; i < n; i++, base += TEMPLATES) {
    const hint = hintCode(hints[i]);
    out[base + 22] = (hint * (HINTS + 1) + (i > 0 ? hintCode(hints[i - 1]) : HINTS)) * (HINTS + 1) + (i + 1 < n ? hintCode(hints[i + 1]) : HINTS);
    out[base + 25] = (tagIndex[word[i]] * 5 + where[i]) * (HINTS + 1) + hint;
  }
}

/** Codes a group has per tag met so far (the hints' group: in all). */
const GROUP_CODES = [(HINTS + 1) ** 3, 5 * 7 * 4 * 3, 5 * 8 * 8, 5 * (HINTS + 1), LEXICON_CODES * 5];
/** Groups whose codes hold no tag. */
const UNTAGGED = [true, false, false, false, true];

/** How many codes group `g` has now: its codes per tag times the tags met so far, which grow as new tags are met. */
export const groupSize = (g: number) => (UNTAGGED[g] ? GROUP_CODES[g] : GROUP_CODES[g] * tagHashes.length);

/** A hint's value as its templates hashed it: HINTS is none (255). */
const hintOf = (code: number) => (code === HINTS ? 255 : code);

/**
 * The hashes of group `g`'s member templates at `code` (as sentenceFeatures wrote it), into `out`
 * from `at`, in the order of GROUPS[g]: the values each template hashed, read back from the code.
 */
export function groupHashes(g: number, code: number, out: Int32Array, at: number): void {
  if (g === 0) {
    const hint = (code / (HINTS + 1) ** 2) | 0;
    out[at] = hashOf(SEEDS[0], 0, 0, 0);
    out[at + 1] = hashOf(SEEDS[28], hint, 0, 0);
    out[at + 2] = hashOf(SEEDS[29], hint, hintOf(((code / (HINTS + 1)) | 0) % (HINTS + 1)), hintOf(code % (HINTS + 1)));
  } else if (g === 1) {
    const surname = code % 3;
    const titled = ((code / 3) | 0) % 4;
    const length = ((code / 12) | 0) % 7;
    const place = ((code / 84) | 0) % 5;
    const tag = tagHashes[(code / 420) | 0];
    out[at] = hashOf(SEEDS[11], place, tag, 0);
    out[at + 1] = hashOf(SEEDS[12], place, length, tag);
    out[at + 2] = hashOf(SEEDS[18], surname, place, length);
    out[at + 3] = hashOf(SEEDS[31], place, titled, 0);
    out[at + 4] = hashOf(SEEDS[32], place, titled, tag);
  } else if (g === 2) {
    const placeAhead = code % 8;
    const orgAhead = (code >> 3) % 8;
    const place = (code >> 6) % 5;
    const tag = tagHashes[((code >> 6) / 5) | 0];
    out[at] = hashOf(SEEDS[25], place, orgAhead, tag);
    out[at + 1] = hashOf(SEEDS[26], place, placeAhead * 8 + orgAhead, 0);
  } else if (g === 3) {
    const where = ((code / (HINTS + 1)) | 0) % 5;
    out[at] = hashOf(SEEDS[30], code % (HINTS + 1), where, tagHashes[(code / (5 * (HINTS + 1))) | 0]);
  } else {
    const where = code % 5;
    const length = ((code / 5) | 0) % 5;
    const parts = (code / 25) | 0;
    out[at] = hashOf(SEEDS[33], parts, 0, 0);
    out[at + 1] = hashOf(SEEDS[34], parts, where, 0);
    out[at + 2] = hashOf(SEEDS[35], parts, length, 0);
  }
}

/**
 * `sentenceFeatures`' output for `n` characters with each group's code spelt out as its members'
 * hashes (salted with `salt`): TRAINED_TEMPLATES hashes per character, what training updates.
 */
export function trainedFeatures(features: Int32Array, n: number, salt = 0): Int32Array {
  const out = new Int32Array(n * TRAINED_TEMPLATES);
  for (let i = 0; i < n; i++) {
    const from = i * TEMPLATES;
    let at = i * TRAINED_TEMPLATES;
    for (let k = 0; k < SPARSE.length; k++) out[at++] = features[from + k];
    for (let g = 0; g < GROUPS.length; g++) {
      groupHashes(g, features[from + SPARSE.length + g], out, at);
      for (const end = at + GROUPS[g].length; at < end; at++) if (salt) out[at] = saltFeature(out[at], salt);
    }
  }
  return out;
}
