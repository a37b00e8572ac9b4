/**
 * English coverage of the library's stories: the people, places and organisations an English
 * text names, as the entity terms of the Chinese stories. Countries come from i18n-iso-countries
 * (every English name of each ISO code), Chinese people and places from the pinyin of the
 * library's own names (Xi Jinping = 习近平, Zhuzhou = 株洲; every reading of a character counts,
 * so 曾 is Zeng as well as Ceng), organisations and foreign cities from a small alias list kept as
 * data (aliases.json). The pinyin table (public/nlp/pinyin.txt, from pinyin-pro) is read only
 * when an English text comes.
 */
import { findPhrases, phraseLexicon, type PhraseLexicon } from './foreign-names';
import { plainForms } from '../nlp/normalize';
import type { Profile } from './profile';

export interface EnglishLexicon extends PhraseLexicon {
  /** Romanised name without spaces (xijinping) → entity term. */
  romanised: Map<string, string>;
}

/** Mostly Latin letters: an English (or other Latin-script) text. */
export function isLatinText(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return latin >= 10 && han * 4 < latin;
}

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;

/** Character → its toneless readings, from the lines of public/nlp/pinyin.txt. */
export function parsePinyinTable(text: string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const [char, readings] = line.split('\t');
    if (readings) table.set(char, readings.split(' '));
  }
  return table;
}

/** The ways a name can be romanised: every combination of readings (a few), both name orders. */
function romanise(name: string, table: Map<string, string[]>): string[] {
  let forms: string[][] = [[]];
  for (const char of name) {
    const readings = table.get(char);
    if (!readings) return [];
    forms = forms.flatMap((form) => readings.slice(0, 3).map((r) => [...form, r])).slice(0, 16);
  }
  // Xi Jinping, but also Jinping Xi in Western order.
  return forms.flatMap((syllables) => [syllables.join(''), syllables.slice(1).join('') + syllables[0]]);
}

/** `libraryNames` are the library's entity terms with their Chinese names. */
export function buildEnglishLexicon(libraryNames: Iterable<[string, string]>, pinyinTable: Map<string, string[]>): EnglishLexicon {
  const shared = phraseLexicon();
  const lexicon: EnglishLexicon = { phrases: shared.phrases, romanised: new Map(), names: new Map(shared.names) };
  for (const [term, name] of libraryNames) {
    if ((!term.startsWith('person:') && !term.startsWith('place:')) || !HAN_NAME.test(name)) continue;
    for (const form of romanise(name, pinyinTable)) if (!lexicon.romanised.has(form)) lexicon.romanised.set(form, term);
    if (!lexicon.names.has(term)) lexicon.names.set(term, name);
  }
  return lexicon;
}

/** The English text's named things as entity terms; years by number. */
export function englishProfile(text: string, lexicon: EnglishLexicon): Profile {
  const written = new Map<string, string>();
  const profile: Profile = { terms: new Map(), names: new Map(), years: new Set(), written };
  const add = (term: string, words: string) => {
    profile.terms.set(term, (profile.terms.get(term) ?? 0) + 1);
    profile.names.set(term, lexicon.names.get(term) ?? term);
    if (!written.has(term)) written.set(term, words);
  };
  const normal = plainForms(text);
  // The phrases found are taken out, so that no romanised name is read inside one.
  let rest = '';
  let from = 0;
  for (const { start, end, term } of findPhrases(normal, lexicon, /[\p{L}\d]/u)) {
    add(term, normal.slice(start, end));
    rest += `${normal.slice(from, start)} . `;
    from = end;
  }
  rest += normal.slice(from);
  // Capitalised runs (Cao Huiquan, Zhuzhou): every span of one to three words may be a romanised name.
  for (const run of rest.match(/[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*/g) ?? []) {
    const words = run.split(/[ -]/).map((w) => w.toLowerCase());
    for (let start = 0; start < words.length; start++) {
      for (let end = Math.min(words.length, start + 3); end > start; end--) {
        const term = lexicon.romanised.get(words.slice(start, end).join(''));
        if (term) {
          add(term, run.split(/[ -]/).slice(start, end).join(' '));
          start = end - 1;
          break;
        }
      }
    }
  }
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)) profile.years.add(Number(m[1]));
  return profile;
}
