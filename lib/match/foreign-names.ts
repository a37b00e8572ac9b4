/**
 * The names a text writes in another script than the library's Chinese: a country or a company in
 * English (Turkey, CRRC ZELC, IEC) or a country or city in Japanese katakana (トルコ,
 * イスタンブール), as the library's entity terms. Countries come from i18n-iso-countries (every
 * English and Japanese name of each ISO code), organisations and foreign cities from a small
 * glossary kept as data (aliases.json), which also gives the English names of a few subjects that
 * are no entity (a league: Factory BA = 厂BA; a programme: BeiDou = 北斗) and the other Chinese
 * names of one thing (国家发改委 = 国家发展和改革委员会; sameThing). English text is read through
 * these and more (crosslingual.ts); a Chinese or Japanese text is read through these for the names
 * it leaves in Latin letters or katakana, which segmentation cannot tag.
 */
import { HAN } from '../nlp/han';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import ja from 'i18n-iso-countries/langs/ja.json';
import type { EntityType } from '../nlp/entities';
import { KANA_SEPARATOR } from '../nlp/japanese';
import { normalizeForAnalysis } from '../nlp/normalize';
import { chineseNameGroups } from '../nlp/other-names';
import aliasData from './aliases.json';
import { entityKey } from './profile';

export interface PhraseLexicon {
  /** Phrase (Latin ones in lower case) → entity term. */
  phrases: Map<string, string>;
  /** Entity term → the Chinese name shown. */
  names: Map<string, string>;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The term of a glossary name of `type`; a subject that is no entity is the word the analysis counts. */
const termOf = (type: string, zh: string) => (type === 'word' ? zh.toLowerCase() : entityKey(type as EntityType, zh));

/** Every entry of aliases.json: its type, its term and Chinese name, and its other names. */
function* entries(): Generator<{ type: string; term: string; zh: string; names: string[] }> {
  for (const [type, byName] of Object.entries(aliasData) as Array<[string, Record<string, string[]> | string]>) {
    if (typeof byName === 'string') continue;
    for (const [zh, names] of Object.entries(byName)) yield { type, term: termOf(type, zh), zh, names };
  }
}

/** Every foreign alias of aliases.json (English, acronyms, katakana) with its term. */
function* aliases(): Generator<{ name: string; term: string; zh: string }> {
  for (const { term, zh, names } of entries()) for (const name of names) if (!HAN.test(name)) yield { name, term, zh };
}

let groups: Map<string, string[]> | undefined;

/**
 * The terms of one thing's Chinese names, by each of them (org:国家发改委 → org:国家发展和改革委员会,
 * org:国家发改委 …): a library may hold either, and a text's reading counts those a story holds.
 */
export function sameThing(term: string): readonly string[] {
  if (!groups) {
    groups = new Map();
    for (const { kind, names } of chineseNameGroups()) {
      const group = names.map((n) => termOf(kind, n));
      for (const member of group) groups.set(member, group);
    }
  }
  return groups.get(term) ?? [];
}

let latin: PhraseLexicon | undefined;
let kana: PhraseLexicon | undefined;

/** The names in Latin letters (English, acronyms); built on first use, once per worker. */
export function phraseLexicon(): PhraseLexicon {
  if (latin) return latin;
  countries.registerLocale(en);
  const lexicon: PhraseLexicon = { phrases: new Map(), names: new Map() };
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    const term = `place:${code}`;
    for (const name of names) if (name.length > 2 || name === 'UK' || name === 'US') lexicon.phrases.set(name.toLowerCase(), term);
    const zh = countries.getName(code, 'zh');
    if (zh) lexicon.names.set(term, zh);
  }
  for (const { name, term, zh } of aliases()) {
    lexicon.names.set(term, zh);
    if (!KANA.test(name)) lexicon.phrases.set(name.toLowerCase(), term);
  }
  return (latin = lexicon);
}

/**
 * The names in katakana, as a Japanese text reads once normalised (its kanji as Chinese:
 * アラブ首長国連邦 → アラブ首长国联邦); built only when a text with kana comes.
 */
function kanaLexicon(): PhraseLexicon {
  if (kana) return kana;
  const { names } = phraseLexicon();
  countries.registerLocale(ja);
  const lexicon: PhraseLexicon = { phrases: new Map(), names };
  const add = (name: string, term: string) => lexicon.phrases.set(foldKana(normalizeForAnalysis(name)).text, term);
  for (const [code, written] of Object.entries(countries.getNames('ja', { select: 'all' }))) {
    for (const name of written) add(name, `place:${code}`);
  }
  for (const { name, term } of aliases()) if (KANA.test(name)) add(name, term);
  return (kana = lexicon);
}

/** The sounds katakana writes two ways: ヴ and its row as the b row (ヴェネチア, ベネチア). */
const KANA_SPELLINGS: Record<string, string> = { ヴァ: 'バ', ヴィ: 'ビ', ヴェ: 'ベ', ヴォ: 'ボ', ヴ: 'ブ' };
const KANA_SPELLING = /ヴ[ァィェォ]?|ー/gu;

/**
 * A katakana text with its spelling variants folded, and where each folded character came from.
 * Outlets transliterate one name several ways (イスタンブール, イスタンブル; ヴェトナム, ベトナム),
 * mostly in the long-vowel marks, which are dropped, and in ヴ. Positions map back so that a name is
 * shown as the page writes it.
 */
function foldKana(text: string): { text: string; from: Int32Array } {
  const from = new Int32Array(text.length + 1);
  let folded = '';
  let last = 0;
  const keep = (end: number) => {
    for (let i = last; i < end; i++) from[folded.length + i - last] = i;
    folded += text.slice(last, end);
  };
  for (const match of text.matchAll(KANA_SPELLING)) {
    keep(match.index);
    const spelt = KANA_SPELLINGS[match[0]];
    if (spelt) {
      from[folded.length] = match.index;
      folded += spelt;
    }
    last = match.index + match[0].length;
  }
  keep(text.length);
  from[folded.length] = text.length;
  return { text: folded, from };
}

/** Phrases by their first character, longest first: a text is scanned once, looking up only where a phrase may start. */
const byFirst = new WeakMap<PhraseLexicon, Map<string, string[]>>();
function firstCharIndex(lexicon: PhraseLexicon): Map<string, string[]> {
  let index = byFirst.get(lexicon);
  if (index) return index;
  index = new Map();
  for (const phrase of [...lexicon.phrases.keys()].sort((a, b) => b.length - a.length)) {
    const list = index.get(phrase[0]) ?? [];
    list.push(phrase);
    index.set(phrase[0], list);
  }
  byFirst.set(lexicon, index);
  return index;
}

const LATIN_LETTER = /[a-z0-9]/;
const KATAKANA = /[\p{Script=Katakana}ー]/u;
/** At most this many names are read from one text: a page of thousands says no more. */
const MAX_NAMES = 500;

export interface ForeignName {
  count: number;
  /** As the text writes it. */
  written: string;
  /** The library's Chinese name. */
  name: string;
}

export interface PhraseMatch {
  start: number;
  end: number;
  term: string;
}

/** Upper-case letters folded one for one (never a letter whose lower case is longer), so positions stay. */
const fold = (text: string) =>
  text.replace(/\p{Lu}/gu, (c) => {
    const lower = c.toLowerCase();
    return lower.length === c.length ? lower : c;
  });

/**
 * Every phrase of `lexicon` in `text` that `isLetter` does not run into on either side (CRRC but
 * not CRRCX; トルコ but not トルコイズ), longest first, left to right; at most MAX_NAMES.
 */
export function findPhrases(text: string, lexicon: PhraseLexicon, isLetter: RegExp): PhraseMatch[] {
  const folded = fold(text);
  const index = firstCharIndex(lexicon);
  const matches: PhraseMatch[] = [];
  for (let i = 0; i < folded.length && matches.length < MAX_NAMES; i++) {
    const candidates = index.get(folded[i]);
    if (!candidates || (i > 0 && isLetter.test(folded[i - 1]))) continue;
    const phrase = candidates.find((p) => folded.startsWith(p, i) && !isLetter.test(folded[i + p.length] ?? ''));
    if (!phrase) continue;
    matches.push({ start: i, end: i + phrase.length, term: lexicon.phrases.get(phrase)! });
    i += phrase.length - 1;
  }
  return matches;
}

/** Counts each phrase found in `text` into `found`, under its term. */
function count(text: string, matches: PhraseMatch[], names: PhraseLexicon['names'], found: Map<string, ForeignName>): void {
  for (const { start, end, term } of matches) {
    const entry = found.get(term);
    if (entry) entry.count++;
    else {
      // As the page writes it: 北マケドニア, though read as 北、マケドニア.
      const written = text.slice(start, end).replaceAll(KANA_SEPARATOR, '');
      found.set(term, { count: 1, written, name: names.get(term) ?? written });
    }
  }
}

/** The katakana names of `text` whatever their spelling (foldKana), at their places in `text`, a long-vowel mark after one included. */
function findKanaPhrases(text: string): PhraseMatch[] {
  const folded = foldKana(text);
  return findPhrases(folded.text, kanaLexicon(), KATAKANA).map(({ start, end, term }) => {
    let after = folded.from[end - 1] + 1;
    while (text[after] === 'ー' && KATAKANA.test(text[after - 1])) after++;
    return { start: folded.from[start], end: after, term };
  });
}

/** The Latin and katakana names of a (normalised) Chinese or Japanese text, as entity terms. */
export function foreignNames(text: string): Map<string, ForeignName> {
  const found = new Map<string, ForeignName>();
  if (/[A-Za-z]/.test(text)) count(text, findPhrases(text, phraseLexicon(), LATIN_LETTER), phraseLexicon().names, found);
  if (KATAKANA.test(text)) count(text, findKanaPhrases(text), kanaLexicon().names, found);
  return found;
}
