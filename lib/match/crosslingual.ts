/**
 * English coverage of the library's stories: the people, places and organisations an English
 * text names, as the entity terms of the Chinese stories, and its news words as the Chinese
 * words the stories are ranked on. Countries come from i18n-iso-countries (every English name of
 * each ISO code), Chinese people and places from the pinyin of the library's own names (Xi
 * Jinping = 习近平, Zhuzhou = 株洲; every reading of a character counts, so 曾 is Zeng as well as
 * Ceng), organisations from the pinyin of their names with the English of their generic parts
 * (株洲南方阀门股份有限公司 = Zhuzhou Nanfang Valve, 湖南立方新能源科技有限责任公司 = Lifang New
 * Energy; english.json), organisations' trading names and foreign cities from a small alias list
 * kept as data (aliases.json), and words from a glossary of news words (english.json: inspection
 * = 督察, water hammer = 水锤). The pinyin table (public/nlp/pinyin.txt, from pinyin-pro) is read
 * only when an English text comes.
 */
import { findPhrases, phraseLexicon, sameThing, type PhraseLexicon } from './foreign-names';
import { LEGAL_FORM } from '../nlp/analyzer';
import { nameKnowledge } from '../nlp/knowledge';
import { plainForms } from '../nlp/normalize';
import english from './english.json';
import { phonesIn, type Profile } from './profile';
import { latinSoundKeys, pinyinSoundKey } from './sound-keys';

export interface EnglishLexicon extends PhraseLexicon {
  /** Romanised name without spaces, in lower case (xijinping, zhuzhounanfangvalve) → entity term. */
  romanised: Map<string, string>;
  /** A person's name in Western order (jinpingxi): only read from two words or more, never from one (Xinhua is no 华鑫). */
  westernOrder: Map<string, string>;
  /** The library's entity terms: of a thing's Chinese names (sameThing), those a story holds are the ones read. */
  held: ReadonlySet<string>;
  /** A foreign person's name parts by their sound keys, joined by | (sls…|dfgf): Siljanovska-Davkova is 西莉娅诺夫斯卡-达夫科娃. */
  sounds: Map<string, string>;
  /** The sound keys a name of `sounds` starts with (sls…): a span whose first word has none of them is no such name, looked up no further. */
  soundStarts: Set<string>;
  /** Chinese surnames romanised (zhou, ouyang): the word after one is a given name, not a place (Zhou Jian is no 吉安, Liu Yanling no 炎陵). */
  surnames: Set<string>;
}

const HAN = /\p{Script=Han}/gu;

/**
 * Mostly Latin letters: an English (or other Latin-script) text. Counted without an array of
 * matches, and Han characters only until they outnumber a quarter of the letters: a long Chinese
 * page is decided after a few of its characters (matching all of a 300,000-character page cost
 * more than its normalisation).
 */
export function isLatinText(text: string): boolean {
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if (code >= 0x61 && code <= 0x7a) latin++;
  }
  if (latin < 10) return false;
  HAN.lastIndex = 0;
  for (let han = 0; HAN.test(text); ) if (++han * 4 >= latin) return false;
  return true;
}

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
const HAN_ORG = /^\p{Script=Han}{3,24}$/u;
/** Forms of one name at most: a few readings of a few characters. */
const MAX_FORMS = 16;
/** Words of an English name read at most (CRRC Zhuzhou Electric Locomotive Research Institute). */
const MAX_NAME_WORDS = 6;

/** The characters public/nlp/pinyin.txt covers, from the first (CJK Unified Ideographs). */
export const PINYIN_FIRST = 0x4e00;
export const PINYIN_LAST = 0x9fff;

/**
 * Character → its toneless readings, from public/nlp/pinyin.txt: a comment line, then a line per
 * character from PINYIN_FIRST on, its readings space-separated (empty: none). The characters go
 * without saying: written beside their readings, they deflated to more than half the file's zip.
 */
export function parsePinyinTable(text: string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  const lines = text.split('\n');
  if (!lines[0]?.startsWith('#')) throw new Error('not a pinyin table');
  for (let i = 1; i < lines.length; i++) if (lines[i]) table.set(String.fromCharCode(PINYIN_FIRST + i - 1), lines[i].split(' '));
  return table;
}

/** Every combination of a few choices for each part, joined; at most MAX_FORMS. */
function combinations(parts: string[][]): string[] {
  let forms = [''];
  for (const choices of parts) forms = forms.flatMap((form) => choices.map((c) => form + c)).slice(0, MAX_FORMS);
  return forms;
}

/** The syllables of a name in every combination of the readings of its characters (a few); none when a character has no reading. */
function syllables(name: string, table: Map<string, string[]>): string[][] {
  let forms: string[][] = [[]];
  for (const char of name) {
    const readings = table.get(char);
    if (!readings) return [];
    forms = forms.flatMap((form) => readings.slice(0, 3).map((r) => [...form, r])).slice(0, MAX_FORMS);
  }
  return forms;
}

/** A word as a key: lower case, without spaces and hyphens (New Energy → newenergy). */
const key = (words: string) => words.toLowerCase().replace(/[\s-]+/g, '');

/** Parts of organisation names given in English, longest first, each with its English keys; generic ones (阀门 Valve) or the name's own (时代 Times). */
const ORG_PARTS = [
  ...Object.entries(english.orgParts).map(([zh, names]) => ({ zh, keys: names.map(key), generic: true })),
  ...Object.entries(english.orgWords).map(([zh, names]) => ({ zh, keys: names.map(key), generic: false })),
].sort((a, b) => b.zh.length - a.zh.length);

/**
 * The English names an organisation's Chinese name gives: its legal form dropped, its generic
 * parts in English, the rest in pinyin (株洲南方阀门股份有限公司 → zhuzhounanfangvalve); also
 * without the place it starts with (nanfangvalve) and without a generic word at its end
 * (湖南立方新能源科技 → lifangnewenergy). Always two parts or more: a name of one word is no
 * organisation's own.
 */
function organisationForms(name: string, places: ReadonlySet<string>, table: Map<string, string[]>): string[] {
  const core = name.replace(LEGAL_FORM, '');
  const parts: Array<{ keys: string[]; generic: boolean; place: boolean }> = [];
  let run = '';
  const endRun = () => {
    if (!run) return true;
    const keys = syllables(run, table).map((s) => s.join(''));
    run = '';
    if (keys.length === 0) return false;
    parts.push({ keys, generic: false, place: false });
    return true;
  };
  for (let i = 0; i < core.length; ) {
    const part = ORG_PARTS.find((p) => core.startsWith(p.zh, i));
    const place = part ? undefined : [3, 2].map((n) => core.slice(i, i + n)).find((p) => p.length > 1 && places.has(p));
    if (!part && !place) {
      run += core[i++];
      continue;
    }
    if (!endRun()) return [];
    if (part) parts.push({ keys: part.keys, generic: part.generic, place: false });
    else parts.push({ keys: syllables(place!, table).map((s) => s.join('')), generic: false, place: true });
    i += (part?.zh ?? place!).length;
  }
  if (!endRun()) return [];
  // A shortened form keeps a part of the name's own (立方): CRRC Zhuzhou is no one company.
  const own = (variant: typeof parts) => variant.some((p) => !p.generic && !p.place);
  const variants = [parts];
  if (parts[0]?.place) variants.push(parts.slice(1));
  for (const variant of [...variants]) if (variant.at(-1)?.generic && variant.length > 2) variants.push(variant.slice(0, -1));
  const forms = variants.filter((v, i) => v.length >= 2 && (i === 0 || own(v))).flatMap((v) => combinations(v.map((p) => p.keys)));
  // A group's legal form is part of the name it goes by in English: Zhuzhou Cemented Carbide Group.
  return LEGAL_FORM.exec(name)?.[0].startsWith('集团') ? [...forms, ...forms.map((form) => `${form}group`)] : forms;
}

/** Generic ends of place names with their English keys (县 → county, 火车站 → railwaystation), longest first. */
const PLACE_PARTS = Object.entries(english.placeParts)
  .map(([zh, names]) => ({ zh, keys: names.map(key) }))
  .sort((a, b) => b.zh.length - a.zh.length);
/** Ends a place's English name may leave unsaid: levels of administration (Yanling for 炎陵县, Tianyuan district in lower case). */
const LEVELS = new Set(['省', '市', '区', '县', '镇', '乡', '村', '街道']);
/** A place name read this way at most: 株洲国际会展中心, 神农谷国家森林公园. */
const HAN_PLACE = /^\p{Script=Han}{2,12}$/u;

/**
 * The English names a place's Chinese name gives: the pinyin of its own part with its generic end
 * in English (炎陵县 → yanlingcounty, 株洲火车站 → zhuzhourailwaystation, 湘江 → xiangriver), the
 * city's level left out of its own part (株洲市体育中心 → zhuzhousportscenter), and its own part
 * alone where the end is a level of administration and the part has two characters or more
 * (炎陵县 → yanling). None by a level when the library names the place without it (`places`).
 */
function placeForms(name: string, table: Map<string, string[]>, places: ReadonlySet<string>): string[] {
  const part = PLACE_PARTS.find((p) => name.length > p.zh.length && name.endsWith(p.zh));
  if (!part) return [];
  const own = name.slice(0, -part.zh.length);
  // Zhuzhou County is read as the 株洲 the library names, as it was: a 株洲县 is another place than the city, and English rarely tells which.
  if (LEVELS.has(part.zh) && places.has(own)) return [];
  const owns = [own, ...(/^\p{Script=Han}{2,}?[省市]$/u.test(own) ? [own.slice(0, -1)] : [])];
  return owns.flatMap((o) => {
    const spelled = syllables(o, table).map((s) => s.join(''));
    return [...combinations([spelled, part.keys]), ...(LEVELS.has(part.zh) && o.length >= 2 ? spelled : [])];
  });
}

/** A foreign person's name in characters: its parts between the dots and hyphens of a transliteration. */
const FOREIGN_PARTS = /[·・•‧-]/;
/** Sound keys of a single part of a foreign name this long at least: Davkova (dfgf) alone, never Deby (db). */
const MIN_PART_SOUND = 4;
/** Sound keys of two parts or more this long at least: Mahamat Idriss (mmd|dls), never Deby Itno. */
const MIN_NAME_SOUND = 5;

/**
 * The sound keys of a foreign person's name (戈尔达娜·西莉娅诺夫斯卡-达夫科娃): of each run of its
 * parts that is long enough to tell, as English writes the whole name, the surname or the given
 * names (Gordana Siljanovska-Davkova, Siljanovska-Davkova, Davkova).
 */
function foreignSoundKeys(name: string, table: Map<string, string[]>): string[] {
  const parts = name.split(FOREIGN_PARTS).map((part) => [...new Set(syllables(part, table).map(pinyinSoundKey))]);
  if (parts.length < 2 || parts.some((keys) => keys.length === 0)) return [];
  const found: string[] = [];
  for (let start = 0; start < parts.length; start++) {
    for (let end = start + 1; end <= parts.length; end++) {
      for (const keys of combinations(parts.slice(start, end).map((choices) => choices.map((k) => `${k}|`)))) {
        const key = keys.slice(0, -1);
        const sound = key.replace(/\|/g, '').length;
        if (sound >= (end - start > 1 ? MIN_NAME_SOUND : MIN_PART_SOUND)) found.push(key);
      }
    }
  }
  return found;
}

/** The sound keys of a span of capitalised words, one for each reading of their letters (a few), by `keys` of a word. */
function spanSoundKeys(words: string[], keys: (word: string) => string[]): string[] {
  return combinations(words.map((w, i) => keys(w).map((k) => (i > 0 ? `|${k}` : k))));
}

/** `libraryNames` are the library's entity terms with their Chinese names. */
export function buildEnglishLexicon(libraryNames: Iterable<[string, string]>, pinyinTable: Map<string, string[]>): EnglishLexicon {
  const shared = phraseLexicon();
  const names = [...libraryNames];
  const held = new Set(names.map(([term]) => term));
  const lexicon: EnglishLexicon = {
    phrases: shared.phrases,
    romanised: new Map(),
    westernOrder: new Map(),
    names: new Map(shared.names),
    held,
    sounds: new Map(),
    soundStarts: new Set(),
    surnames: new Set([...nameKnowledge().surnames].flatMap((surname) => syllables(surname, pinyinTable).map((form) => form.join('')))),
  };
  const places = new Set(names.filter(([term, name]) => term.startsWith('place:') && HAN_NAME.test(name)).map(([, name]) => name));
  const learn = (map: Map<string, string>, form: string, term: string, name: string) => {
    if (map.has(form)) return;
    map.set(form, term);
    if (!lexicon.names.has(term)) lexicon.names.set(term, name);
  };
  // People and places first: an organisation's form never takes a name's.
  for (const [term, name] of names) {
    const person = term.startsWith('person:');
    if ((!person && !term.startsWith('place:')) || !HAN_NAME.test(name)) continue;
    for (const s of syllables(name, pinyinTable)) {
      learn(lexicon.romanised, s.join(''), term, name);
      // Jinping Xi in Western order; a place has no such order (Fengri is no 日丰).
      if (person) learn(lexicon.westernOrder, s.slice(1).join('') + s[0], term, name);
    }
  }
  for (const [term, name] of names) {
    if (!term.startsWith('person:') || !FOREIGN_PARTS.test(name)) continue;
    for (const key of foreignSoundKeys(name, pinyinTable)) {
      learn(lexicon.sounds, key, term, name);
      lexicon.soundStarts.add(key.split('|')[0]);
    }
  }
  for (const [term, name] of names) {
    if (term.startsWith('place:') && HAN_PLACE.test(name)) for (const form of placeForms(name, pinyinTable, places)) learn(lexicon.romanised, form, term, name);
  }
  for (const [term, name] of names) {
    if (!term.startsWith('org:') || !HAN_ORG.test(name)) continue;
    for (const form of organisationForms(name, places, pinyinTable)) learn(lexicon.romanised, form, term, name);
  }
  // Another Chinese name of a thing read (sameThing) is shown as the library writes it.
  for (const [term, name] of names) if (sameThing(term).length > 0 && !lexicon.names.has(term)) lexicon.names.set(term, name);
  return lexicon;
}

/** The glossary's words by their key (water hammer → waterhammer), each with its Chinese word. */
const WORDS = new Map(Object.entries(english.words).map(([en, zh]) => [key(en), zh]));
const LONGEST_WORD = Math.max(...Object.keys(english.words).map((w) => w.split(/[\s-]+/).length));

/** The forms a glossary entry may take as the last word of a phrase: standards, inspected, hammering. */
function baseForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return forms;
}

/** The glossary's words in an English text, as Chinese words with their counts; the longest phrase first. */
export function englishWords(text: string): Map<string, number> {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  const found = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(LONGEST_WORD, words.length - i); n >= 1; n--) {
      const head = words.slice(i, i + n - 1).join('');
      const zh = baseForms(words[i + n - 1])
        .map((last) => WORDS.get(head + last))
        .find(Boolean);
      if (zh) {
        // 抽水 蓄能: the words jieba reads the Chinese phrase as, each counted.
        for (const word of zh.split(' ')) found.set(word, (found.get(word) ?? 0) + 1);
        i += n - 1;
        break;
      }
    }
  }
  return found;
}

/**
 * A capitalised word or an acronym (Zhuzhou, CRRC), and the small words an organisation's name
 * may hold between such (Science and Technology). A given name may be hyphenated, its second
 * syllable in lower case (Wang Xiao-ming), or carry an apostrophe (Xi'an; not a possessive's): one word still.
 */
const NAME_WORD = "(?:[A-Z][a-z]+(?:-[a-z]+|['’](?!s\\b)[a-z]+)?|[A-Z]{2,})";
const NAME_RUN = new RegExp(`${NAME_WORD}(?:(?:[ -]|\\s(?:and|of|&)\\s)${NAME_WORD})*`, 'g');

/** The English text's named things as entity terms, its news words as the Chinese words; years by number. */
export function englishProfile(text: string, lexicon: EnglishLexicon): Profile {
  const written = new Map<string, string>();
  const profile: Profile = { terms: new Map(), names: new Map(), years: new Set(), ordinals: phonesIn(text), written };
  const count = (term: string, words: string) => {
    profile.terms.set(term, (profile.terms.get(term) ?? 0) + 1);
    profile.names.set(term, lexicon.names.get(term) ?? term);
    if (!written.has(term)) written.set(term, words);
  };
  // NDRC is the 国家发改委 of one story and the 国家发展和改革委员会 of another: each name of it a story holds.
  const add = (term: string, words: string) => {
    const held = sameThing(term).filter((t) => lexicon.held.has(t));
    for (const t of held.length > 0 ? held : [term]) count(t, words);
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
  // Capitalised runs (Cao Huiquan, Zhuzhou Nanfang Valve): every span of up to MAX_NAME_WORDS words may be a romanised name, the longest first.
  const sounds = new Map<string, string[]>();
  const wordSounds = (w: string) => sounds.get(w) ?? sounds.set(w, latinSoundKeys(w)).get(w)!;
  for (const run of rest.match(NAME_RUN) ?? []) {
    const spelled = run.split(/\s+|-/);
    // Convention & Exhibition Center is the Convention and Exhibition Center.
    const words = spelled.map((w) => (w === '&' ? 'and' : w.toLowerCase().replace(/['’]/g, '')));
    const soundsFrom = (start: number) =>
      lexicon.soundStarts.size > 0 && /^[A-Z][a-z]{2,}/.test(spelled[start]) && wordSounds(words[start]).some((k) => lexicon.soundStarts.has(k));
    /** Where the last name read in the run ends: a surname inside it stands for no person here. */
    let readTo = 0;
    for (let start = 0; start < words.length; start++) {
      const givenName = start > readTo && /^[A-Z][a-z]+$/.test(spelled[start - 1]) && lexicon.surnames.has(words[start - 1]);
      for (let end = Math.min(words.length, start + MAX_NAME_WORDS); end > start; end--) {
        const form = words.slice(start, end).join('');
        const term =
          lexicon.romanised.get(form) ??
          (end - start > 1 ? lexicon.westernOrder.get(form) : undefined) ??
          // A foreign person's name by its sound: every word a name's, none of them an acronym.
          (soundsFrom(start) && spelled.slice(start, end).every((w) => /^[A-Z][a-z]{2,}/.test(w))
            ? spanSoundKeys(words.slice(start, end), wordSounds)
                .map((k) => lexicon.sounds.get(k))
                .find(Boolean)
            : undefined);
        // Hunan University of Technology is not Hunan University.
        if (term && words[end] !== 'of' && !(givenName && end === start + 1 && term.startsWith('place:'))) {
          add(term, spelled.slice(start, end).join(' '));
          readTo = end;
          start = end - 1;
          break;
        }
      }
    }
  }
  for (const [word, count] of englishWords(rest)) profile.terms.set(word, (profile.terms.get(word) ?? 0) + count);
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)) profile.years.add(Number(m[1]));
  return profile;
}
