/**
 * The names a text writes in another script than the library's Chinese: a country or a company in
 * English (Turkey, CRRC ZELC, IEC) or a country or city in Japanese katakana (トルコ,
 * イスタンブール), as the library's entity terms. Countries come from i18n-iso-countries (every
 * English and Japanese name of each ISO code), organisations and foreign cities from a small
 * alias list kept as data (aliases.json), which also gives the English names of a few subjects that
 * are no entity (a league: Factory BA = 厂BA). English text is read through these and more
 * (crosslingual.ts); a Chinese or Japanese text is read through these for the names it leaves in
 * Latin letters or katakana, which segmentation cannot tag.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import ja from 'i18n-iso-countries/langs/ja.json';
import type { EntityType } from '../nlp/entities';
import { normalizeForAnalysis } from '../nlp/normalize';
import aliasData from './aliases.json';
import { entityKey } from './profile';

export interface PhraseLexicon {
  /** Lower-case phrase → entity term. */
  phrases: Map<string, string>;
  /** Entity term → the Chinese name shown. */
  names: Map<string, string>;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

let built: PhraseLexicon | undefined;

/** Built on first use, once per worker. */
export function phraseLexicon(): PhraseLexicon {
  if (built) return built;
  countries.registerLocale(en);
  countries.registerLocale(ja);
  const lexicon: PhraseLexicon = { phrases: new Map(), names: new Map() };
  const japanese = countries.getNames('ja', { select: 'all' });
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    const term = `place:${code}`;
    const zh = countries.getName(code, 'zh');
    for (const name of names) if (name.length > 2 || name === 'UK' || name === 'US') lexicon.phrases.set(name.toLowerCase(), term);
    // A Japanese text is read normalised (its kanji as Chinese): so is the name looked for in it.
    for (const name of japanese[code] ?? []) lexicon.phrases.set(normalizeForAnalysis(name), term);
    if (zh) lexicon.names.set(term, zh);
  }
  for (const [type, entries] of Object.entries(aliasData) as Array<[string, Record<string, string[]> | string]>) {
    if (typeof entries === 'string') continue;
    for (const [zh, names] of Object.entries(entries)) {
      // A subject that is no entity (a league's name, 厂BA) is the word itself, as the analysis counts it.
      const term = type === 'word' ? zh.toLowerCase() : entityKey(type as EntityType, zh);
      lexicon.names.set(term, zh);
      for (const name of names) lexicon.phrases.set(KANA.test(name) ? normalizeForAnalysis(name) : name.toLowerCase(), term);
    }
  }
  return (built = lexicon);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let foreignPattern: RegExp | undefined;

/**
 * A Latin name between non-letters, a katakana one between non-kana (トルコ in トルコ・イスタンブール
 * or トルコ向け), longest first.
 */
function pattern(lexicon: PhraseLexicon): RegExp {
  if (foreignPattern) return foreignPattern;
  const phrases = [...lexicon.phrases.keys()].filter((p) => /[a-z]/.test(p) || KANA.test(p)).sort((a, b) => b.length - a.length);
  const latin = phrases.filter((p) => !KANA.test(p)).map(escape);
  const kana = phrases.filter((p) => KANA.test(p)).map(escape);
  return (foreignPattern = new RegExp(`(?<![A-Za-z\\d])(?:${latin.join('|')})(?![A-Za-z\\d])|(?<![\\p{Script=Katakana}ー])(?:${kana.join('|')})(?![\\p{Script=Katakana}ー])`, 'giu'));
}

/** At most this many names are read from one text: a page of thousands says no more. */
const MAX_NAMES = 500;

export interface ForeignName {
  count: number;
  /** As the text writes it. */
  written: string;
  /** The library's Chinese name. */
  name: string;
}

/** The Latin and katakana names of a (normalised) Chinese or Japanese text, as entity terms. */
export function foreignNames(text: string, lexicon = phraseLexicon()): Map<string, ForeignName> {
  const found = new Map<string, ForeignName>();
  if (!/[A-Za-z\p{Script=Katakana}]/u.test(text)) return found;
  let seen = 0;
  for (const [match] of text.matchAll(pattern(lexicon))) {
    if (++seen > MAX_NAMES) break;
    const term = lexicon.phrases.get(KANA.test(match) ? match : match.toLowerCase());
    if (!term) continue;
    const entry = found.get(term);
    if (entry) entry.count++;
    else found.set(term, { count: 1, written: match, name: lexicon.names.get(term) ?? match });
  }
  return found;
}
