/**
 * Text → people, places, organisations and keywords. One jieba `tag` pass per chunk feeds both
 * the entity tagger and the keyword weights.
 */
import { findEntitiesInText, GAZETTEER_TAGS, type EntityType, type Mention, type Token } from './entities';
import { countTerms, extractKeywords, LibraryFrequencies, parseIdf, type Idf, type Keyword } from './keywords';
import { nameKnowledge, type NameKnowledge } from './knowledge';
import { parseNameModel, type NameModel } from './names';
import { Gazetteer, isLearnableName, MAX_NAME_CHARS } from './gazetteer';
import { withLibraryTags } from './library-tags';
import { normalizeForAnalysis } from './normalize';
import { chineseNamesOf } from './other-names';
import { ownValue, setOwn } from './own-keys';
import { nameClasses, sentenceFeatures, type FeatureKnowledge } from './ner/features';
import { parseModel, type NerModel } from './ner/model';
import { readLexicon } from './ner/read-lexicon';
import { tablesFromImage, tablesImage, type TaggerTables } from './ner/tables';
import { ruleHints, tagSentence } from './ner/tagger';
import { completedNames } from './ner/text-names';
import { samePeople } from './ner/one-person';
import { levelBodies } from './ner/level-bodies';
import { COMPANY_SHORT_FORMS } from './ner/company-short-forms';
import { UNCUT_BANKS } from './ner/banks';
import { ANALYSIS_MARK, analysisChunks, cachedTagger, type Jieba, type LazyJieba } from './segmenter';
import type { PackageFiles } from '../package-files';

export interface Entities {
  person: string[];
  place: string[];
  org: string[];
}

export const ENTITY_TYPES: EntityType[] = ['person', 'place', 'org'];

/**
 * What one analysis reads at most. An article is a few thousand characters; the first 300,000 of
 * a huge page decide what it is about, and time and wasm memory stay bounded.
 */
const MAX_ANALYSIS_CHARS = 300_000;

/** The part of a text an analysis reads: its first MAX_ANALYSIS_CHARS characters. */
export function withinAnalysisLimit(text: string): string {
  return text.length > MAX_ANALYSIS_CHARS ? text.slice(0, MAX_ANALYSIS_CHARS) : text;
}

export function emptyEntities(): Entities {
  return { person: [], place: [], org: [] };
}

/** Distinct entities by type, in order of first mention. */
export function entitiesOf(mentions: Mention[]): Entities {
  const entities = emptyEntities();
  const seen = new Set<string>();
  for (const m of mentions) {
    const key = `${m.type}:${m.text}`;
    if (!seen.has(key)) {
      seen.add(key);
      entities[m.type].push(m.text);
    }
  }
  return entities;
}

/** 株洲市, 湖南省: a city or a province named with its level, the same place as its name alone. */
const PLACE_LEVEL = /^(\p{Script=Han}{2,}?)[省市]$/u;

/**
 * One chip per place: per country (沙特 and 沙特阿拉伯), and per city or province (株洲 and 株洲市,
 * 湖南 and 湖南省) — the name the text gives it first stands for the others, as ranking already
 * reads them as one (lib/match/profile.ts).
 */
export function onePlaceEach(entities: Entities, countryCodes: ReadonlyMap<string, string>): Entities {
  const named = new Set<string>();
  const place = entities.place.filter((name) => {
    const key = countryCodes.get(name) ?? PLACE_LEVEL.exec(name)?.[1] ?? name;
    if (named.has(key)) return false;
    named.add(key);
    return true;
  });
  return { ...entities, place };
}

export interface TextAnalysis {
  entities: Entities;
  keywords: Keyword[];
  /** Short names this text establishes for its entities: 立方新能源 → 湖南立方新能源科技有限责任公司. */
  aliases: Record<string, string>;
  /** Every content word and entity with its count: what related coverage is ranked on. */
  terms: Record<string, number>;
  /** Names found only in the credits given (`analyze`'s `credits`): listed, not ranked on. */
  credited?: string[];
  /**
   * Only the library's known names were looked for, because jieba was still loading (a cold
   * service worker); a full analysis follows once it is ready.
   */
  partial?: boolean;
}

/** 「湖南立方新能源科技有限责任公司(以下简称立方新能源)」: the text defines a short form. */
const SHORT_FORM = /[(（](?:以下)?(?:简称|下称)[“"「]?([\p{Script=Han}A-Za-z0-9]{2,16})[”"」]?[)）]/gu;
export const LEGAL_FORM = /(?:集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|股份公司|集团公司|公司)$/;
const TRADE_WORDS = /(?:科技|实业|控股|发展|股份|集团|国际)$/;

/**
 * The name a company goes by: without its legal form, the place before it and a trailing trade
 * word (株洲南方阀门股份有限公司 → 南方阀门, 湖南立方新能源科技有限责任公司 → 立方新能源).
 */
export function companyShortName(full: string, places: ReadonlySet<string>): string | undefined {
  if (!LEGAL_FORM.test(full)) return undefined;
  let name = full.replace(LEGAL_FORM, '');
  // The longest place it starts with, looked up by prefix: a name's length, not the text's places, bounds the work.
  for (let length = Math.min(MAX_NAME_CHARS, name.length - 2); length >= 1; length--) {
    if (places.has(name.slice(0, length))) {
      name = name.slice(length);
      break;
    }
  }
  name = name.replace(TRADE_WORDS, '');
  return name.length >= 2 && name !== full ? name : undefined;
}

/**
 * Short names a text establishes at most. An article defines a few; each is counted through the
 * whole text, so a page of thousands of 「(简称…)」 must not multiply that work.
 */
const MAX_ALIASES = 200;
/** How far before 「(简称…)」 the full name is looked for. */
const DEFINITION_REACH = 64;

/**
 * Short names the text defines or that a company name implies, each to its full name. An implied
 * short name that is an ordinary word (跨国 of 跨国公司) names nothing.
 */
export function findAliases(text: string, mentions: Mention[], isWord: (word: string) => boolean): Map<string, Mention> {
  const aliases = new Map<string, Mention>();
  // Each name's first mention, with its place in reading order.
  const first = new Map<string, { mention: Mention; order: number }>();
  mentions.forEach((mention, order) => {
    if (isLearnableName(mention.text) && !first.has(mention.text)) first.set(mention.text, { mention, order });
  });
  for (const match of text.matchAll(SHORT_FORM)) {
    if (aliases.size >= MAX_ALIASES) return aliases;
    const short = match[1];
    if (aliases.has(short)) continue;
    const before = text.slice(Math.max(0, match.index - DEFINITION_REACH), match.index);
    // The full name is the first-mentioned name the text has just before the definition.
    let full: { mention: Mention; order: number } | undefined;
    for (let length = short.length + 1; length <= Math.min(before.length, MAX_NAME_CHARS); length++) {
      const named = first.get(before.slice(before.length - length));
      if (named && (!full || named.order < full.order)) full = named;
    }
    if (full) aliases.set(short, full.mention);
  }
  const places = new Set(mentions.filter((m) => m.type === 'place').map((m) => m.text));
  const orgs = new Map<string, Mention>();
  for (const m of mentions) if (m.type === 'org' && isLearnableName(m.text) && !orgs.has(m.text)) orgs.set(m.text, m);
  for (const org of orgs.values()) {
    if (aliases.size >= MAX_ALIASES) break;
    const short = companyShortName(org.text, places);
    if (short && short.length <= 8 && !isWord(short) && !aliases.has(short)) aliases.set(short, org);
  }
  return aliases;
}

/**
 * Mentions with every short name resolved to its full name, so 立方新能源 and
 * 湖南立方新能源科技有限责任公司 are one organisation. Short names are counted where the text
 * uses them, since the tagger often does not know them as words.
 */
export function resolveAliases(text: string, mentions: Mention[], defined: Map<string, Mention>, known: Map<string, Mention>): Mention[] {
  const mentioned = new Map<string, number>();
  const resolved = mentions.map((m) => {
    mentioned.set(m.text, (mentioned.get(m.text) ?? 0) + 1);
    const full = defined.get(m.text) ?? known.get(m.text);
    return full ? { ...full } : m;
  });
  // The library's names are jieba words already; a name this text defines may not be, so its
  // uses outside the full name and outside the definition are counted in the text itself.
  for (const [short, full] of defined) {
    const uses = occurrences(text, short) - (full.text.includes(short) ? occurrences(text, full.text) : 0) - occurrences(text, `简称${short}`);
    for (let i = mentioned.get(short) ?? 0; i < uses; i++) resolved.push({ ...full });
  }
  return resolved;
}

function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count++;
  return count;
}

/**
 * What the analyzer learns from the whole library, in the form the library stores it (one record,
 * read once per service-worker wake): every name with its type and full name, and how many stories
 * name each word among their keywords and entities.
 */
export interface LibraryKnowledge {
  names: Record<string, [EntityType, string]>;
  df: Record<string, number>;
  stories: number;
}

export function emptyKnowledge(): LibraryKnowledge {
  return { names: {}, df: {}, stories: 0 };
}

type Taught = Pick<TextAnalysis, 'entities' | 'keywords'> & { aliases?: Record<string, string> };

/** The words of a story's analysis that the knowledge counts stories by: its keywords and names, each once. */
const countedWords = ({ entities, keywords }: Pick<TextAnalysis, 'entities' | 'keywords'>) =>
  new Set([...keywords.map((k) => k.word), ...ENTITY_TYPES.flatMap((t) => entities[t])]);

/** A name an analysis teaches the library: the name (or short name), its kind, and its full name. */
export type TaughtName = [name: string, type: EntityType, full: string];

/** The names and short names of an analysis the library learns, each once. */
export function namesTaught({ entities, aliases = {} }: Pick<Taught, 'entities' | 'aliases'>): TaughtName[] {
  const read: TaughtName[] = ENTITY_TYPES.flatMap((type) => entities[type].map((name): TaughtName => [name, type, name]));
  for (const [short, full] of Object.entries(aliases)) {
    const type = ENTITY_TYPES.find((t) => entities[t].includes(full));
    if (type) read.push([short, type, full]);
  }
  const names: LibraryKnowledge['names'] = {};
  addNames(names, read);
  return Object.entries(names).map(([name, [type, full]]) => [name, type, full]);
}

/**
 * Adds one story's analysis to the knowledge (in place): unless `counted` already (a story stored
 * again), its words, and unless `wordsOnly` (an analysis this build has not checked), its names
 * and short names.
 */
export function addKnowledge(
  knowledge: LibraryKnowledge,
  analysis: Taught,
  { counted = false, wordsOnly = false }: { counted?: boolean; wordsOnly?: boolean } = {},
): void {
  if (!counted) knowledge.stories++;
  if (!counted) {
    for (const word of countedWords(analysis)) {
      // A count that is no number was written before prototype keys were guarded: it starts again.
      const count = ownValue(knowledge.df, word);
      setOwn(knowledge.df, word, (Number.isFinite(count) ? count! : 0) + 1);
    }
  }
  if (!wordsOnly) addNames(knowledge.names, namesTaught(analysis));
}

/** Adds names one story teaches to the library's names (in place). */
export function addNames(names: LibraryKnowledge['names'], taught: readonly TaughtName[]): void {
  for (const [name, type, full] of taught) {
    if (!isLearnableName(name) || !isLearnableName(full)) continue;
    // A name first learnt as itself gives way to the full name a later story, or an alias, gives it (as the gazetteer does).
    const known = ownValue(names, name);
    if (!known || (known[1] === name && full !== name)) setOwn(names, name, [type, full]);
  }
}

/**
 * Takes a removed story's words out of the counts (in place), so that putting it back counts them
 * as they were. Its names are counted apart, by the stories that teach them (lib/library/name-counts.ts).
 */
export function removeKnowledge(knowledge: LibraryKnowledge, analysis: Pick<TextAnalysis, 'entities' | 'keywords'>): void {
  knowledge.stories = Math.max(0, knowledge.stories - 1);
  for (const word of countedWords(analysis)) {
    const count = ownValue(knowledge.df, word);
    if (!Number.isFinite(count)) continue;
    if (count! > 1) setOwn(knowledge.df, word, count! - 1);
    else delete knowledge.df[word];
  }
}

export interface Analyzer {
  /** Entity mentions in reading order, duplicates kept. */
  mentions(text: string): Promise<Mention[]>;
  /**
   * Entities and keywords of a text. With `partial`, a call made before jieba is loaded answers
   * at once from the library's gazetteer instead of waiting; the caller starts the load with
   * `prepare()` once its answer is out (building jieba's dictionary holds the thread ~0.7 s).
   */
  analyze(text: string, options?: { partial?: boolean; credits?: string }): Promise<TextAnalysis>;
  /** Loads jieba now if it is not loaded or loading. */
  prepare(): Promise<void>;
  /** The general IDF table (jieba's), loaded on first use. */
  idf(): Promise<Idf>;
  /**
   * Teaches the analyzer one stored story's analysis: its entities to keep whole and trust, its
   * short names to resolve to their full names (the library's gazetteer), and its keywords and
   * entities for the library's document frequencies. Taken at once; jieba learns the names when
   * it is loaded.
   */
  teach(storyId: string, analysis: Taught): void;
  /** Teaches the whole library at once, from the records the library keeps. */
  learnLibrary(knowledge: Partial<LibraryKnowledge>): void;
}

/** Teaches jieba the country names it would otherwise split (北/马其顿), as training does too. */
export function teachCountryNames(j: Pick<Jieba, 'add_word'>, k: NameKnowledge): void {
  for (const name of k.countryNames) if (name.length >= 2) j.add_word(name, undefined, 'ns');
}

/** What the analysis reads of a text: at most MAX_ANALYSIS_CHARS, normalised. */
function analysisText(text: string): string {
  return normalizeForAnalysis(withinAnalysisLimit(text));
}

/** Remembers jieba's answers about single words; a bounded cache, reset when full. */
export function lexiconOf(j: Jieba): (word: string) => string | undefined {
  // null: not one word (one lookup a call, where `undefined` would need a second to tell it from unknown).
  const known = new Map<string, string | null>();
  return (word) => {
    let tag = known.get(word);
    if (tag === undefined) {
      if (known.size > 50_000) known.clear();
      const tokens = j.tag(word, false);
      tag = tokens.length === 1 ? tokens[0].tag : null;
      known.set(word, tag);
    }
    return tag ?? undefined;
  };
}

/** A sentence and a fresh jieba's tags of it, for `warmUp`. */
const WARM_UP: Readonly<{ text: string; tokens: Token[] }> = {
  text: '株洲市长曹慧泉到土耳其考察。',
  tokens: [
    { word: '株洲市', tag: 'ns' },
    { word: '长', tag: 'a' },
    { word: '曹慧泉', tag: 'x' },
    { word: '到', tag: 'v' },
    { word: '土耳其', tag: 'ns' },
    { word: '考察', tag: 'v' },
    { word: '。', tag: 'x' },
  ],
};

/**
 * One sentence through normalisation and the tagger's features, with jieba's words given and no
 * file read: what the first analysis after a wake would otherwise pay on its own (OpenCC's
 * tables and the tagger's character classes, ~30 and 21–75 ms in cold-wake profiles; the names'
 * knowledge) is paid while the worker waits for the wasm's compile and the cache. Nothing it
 * builds depends on the sentence.
 */
function warmUpEarly(): void {
  const text = normalizeForAnalysis(WARM_UP.text);
  const k = { surnames: nameKnowledge().surnames, nameClass: new Uint8Array(0x10000), titles: new Set<string>() };
  sentenceFeatures(text, WARM_UP.tokens, k, new Uint8Array(text.length));
}

/** The same sentence through the rules and the tagger once their files are read: the code's first runs. */
function warmUp({ model, nameModel, features }: { model: NerModel; nameModel: NameModel; features: FeatureKnowledge }): void {
  const chunks = [normalizeForAnalysis(WARM_UP.text)];
  const lexicon = () => undefined;
  const [rules] = findEntitiesInText(chunks, [WARM_UP.tokens], nameKnowledge(), lexicon, nameModel);
  tagSentence(chunks[0], WARM_UP.tokens, model, features, ruleHints(chunks[0], rules.mentions), lexicon);
}

/**
 * `jieba` and the data files (`nlp/idf.txt`, `nlp/names.txt`, `nlp/ner.bin`, `nlp/lexicon.txt`) load on first use:
 * they are fetched only when a text is analysed.
 */
export function createAnalyzer(
  /** With `restoring` (lazyJieba's), a cold answer waits for a dictionary restored rather than built. */
  jieba: (() => Promise<Jieba>) & Partial<Pick<LazyJieba, 'restoring'>>,
  files: PackageFiles,
  /** The library's word counts, loaded with jieba (they matter only for a full analysis). */
  libraryCounts?: () => Promise<Pick<LibraryKnowledge, 'df' | 'stories'>>,
): Analyzer {
  /** Every name the library knows, to the entity it stands for (a short name to its full name). */
  const gazetteer = new Gazetteer();
  /** The gazetteer's short names (南方阀门 → 株洲南方阀门股份有限公司), kept apart as they are learnt. */
  const shortNames = new Map<string, Mention>();
  /** Names the gazetteer knows only as the glossary's other names of a library name: a story that holds one makes it its own. */
  const glossed = new Set<string>();
  /** Every name of the gazetteer with its type's tag, which its tokens carry whatever jieba's dictionary tags the word (lib/nlp/library-tags.ts). */
  const libraryTags = new Map<string, string>();
  /** Names jieba has yet to learn: taught while it was loading. */
  let untaught: Array<[string, EntityType]> = [];
  let loaded: Jieba | undefined;
  let idf: Promise<Idf> | undefined;
  let models: Promise<{ model: NerModel; nameModel: NameModel; features: FeatureKnowledge }> | undefined;
  const library = new LibraryFrequencies();
  const taughtIds = new Set<string>();
  let lexicon: ((word: string) => string | undefined) | undefined;
  let tagger: ReturnType<typeof cachedTagger> | undefined;

  const learn = (j: Jieba) => {
    for (const [name, type] of untaught) j.add_word(name, undefined, GAZETTEER_TAGS[type]);
    if (untaught.length) lexicon = tagger = undefined;
    untaught = [];
  };

  let prepared: Promise<Jieba> | undefined;
  let warmedEarly = false;
  /** jieba, taught the country names it would otherwise split (北/马其顿) and the gazetteer. */
  const ready = () =>
    (prepared ??= Promise.all([jieba(), libraryCounts?.()]).then(([j, counts]) => {
      if (counts) library.add(counts);
      teachCountryNames(j, nameKnowledge());
      for (const name of [...COMPANY_SHORT_FORMS, ...UNCUT_BANKS]) j.add_word(name, undefined, 'nt');
      learn(j);
      loaded = j;
      return j;
    }));

  /**
   * The tagger's tables: last wake's where they were kept (lib/nlp/ner/tables.ts), built from
   * the files otherwise and then kept, in a task of its own.
   */
  const taggerTables = async (nameModel: Promise<NameModel>): Promise<TaggerTables> => {
    const kept = await files.tables?.get().catch(() => undefined);
    if (kept) {
      try {
        return tablesFromImage(kept);
      } catch {
        // Another layout's or a damaged copy: built again below, and replaced.
      }
    }
    // Weights trained without a lexicon ship without one (`npm run train:ner -- --lexicon none`): none is read.
    const lexicon = files.text('nlp/lexicon.txt').then(readLexicon, () => undefined);
    const [model, names, lexiconRead] = await Promise.all([files.bytes('nlp/ner.bin').then(parseModel), nameModel, lexicon]);
    const tables = { model, nameClass: nameClasses(names), lexicon: lexiconRead };
    const store = files.tables;
    if (store) setTimeout(() => void store.put(tablesImage(tables)).catch(() => undefined), 0);
    return tables;
  };

  /** The tagger's tables (its weights and name lexicon) and the name model, read and indexed once; then one sentence tagged (`warmUp`). */
  const loadModels = () =>
    (models ??= (async () => {
      const nameModel = files.text('nlp/names.txt').then(parseNameModel);
      const [{ model, nameClass, lexicon }, nameModelRead] = await Promise.all([taggerTables(nameModel), nameModel]);
      const loadedModels = { model, nameModel: nameModelRead, features: { ...nameKnowledge(), nameClass, titles: model.titles, lexicon } };
      warmUp(loadedModels);
      return loadedModels;
    })());

  const analyzer: Analyzer = {
    async mentions(text) {
      return (await tagged(text)).mentions;
    },
    async analyze(text, options) {
      // A cold worker answers from the gazetteer while jieba builds its dictionary (0.3–0.8 s), but
      // not while it restores last wake's copy: that is ready about when the gazetteer's answer
      // would be, which would only delay the real one (and usually relate nothing).
      if (options?.partial && !loaded && !(await jieba.restoring?.())) return partialAnalysis(text);
      const [{ tokens, mentions, people, aliases }, general] = await Promise.all([tagged(text), analyzer.idf()]);
      const weights = library.combine(general);
      // One-character abbreviations (中, 美) count as mentions but say nothing on their own.
      const terms = countTerms(tokens, mentions);
      // One chip per person (a foreign name's short forms under the full name); the counts keep
      // each form as written, as People's Daily marks them and the ranker learnt them.
      const entities = onePlaceEach(entitiesOf(people.filter((m) => m.text.length >= 2)), nameKnowledge().countryCodes);
      const credited = options?.credits ? await creditedNames(options.credits, entities) : [];
      return {
        entities,
        ...(credited.length ? { credited } : {}),
        keywords: extractKeywords(terms, weights),
        terms: Object.fromEntries(terms),
        aliases: Object.fromEntries([...aliases].map(([short, full]) => [short, full.text])),
      };
    },
    async prepare() {
      // Everything a full analysis waits for, at once: a cold worker's first full answer then
      // waits for the longest of them, not for their sum. The tagger's kept tables are asked for
      // before jieba's copy: the Cache API answered them only after that copy's ~40 MB otherwise.
      const loading = Promise.all([loadModels(), ready(), analyzer.idf()]);
      // Once asked for, they are waited on: meanwhile what needs none of them.
      if (!warmedEarly) warmUpEarly();
      warmedEarly = true;
      await loading;
    },
    idf() {
      return (idf ??= files.text('nlp/idf.txt').then(parseIdf));
    },
    teach(storyId, analysis) {
      if (taughtIds.has(storyId)) return;
      taughtIds.add(storyId);
      const one = emptyKnowledge();
      addKnowledge(one, analysis);
      analyzer.learnLibrary(one);
    },
    learnLibrary({ names = {}, df = {}, stories = 0 }) {
      library.add({ df, stories });
      const know = (name: string, entity: Mention) => {
        const known = gazetteer.get(name) !== undefined;
        if (!gazetteer.add(name, entity, glossed.delete(name))) return;
        libraryTags.set(name, GAZETTEER_TAGS[entity.type]);
        if (!known) untaught.push([name, entity.type]);
        if (name !== entity.text) shortNames.set(name, entity);
        else shortNames.delete(name);
      };
      const entries = Object.entries(names);
      for (const [name, [type, full]] of entries) know(name, { type, text: full });
      // The glossary's other names of what the library holds (南车株机 for 中车株机) read as it, until a story holds them itself.
      for (const [name, [type, full]] of entries) {
        const group = chineseNamesOf(type, full);
        for (const other of group.length > 0 ? group : chineseNamesOf(type, name)) {
          if (gazetteer.get(other) !== undefined) continue;
          know(other, { type, text: full });
          glossed.add(other);
        }
      }
      if (loaded) learn(loaded);
    },
  };

  /** The names of a story's credits that its text lacks, added to `entities` (in place). */
  async function creditedNames(credits: string, entities: Entities): Promise<string[]> {
    const found = entitiesOf((await tagged(credits)).mentions.filter((m) => m.text.length >= 2));
    const credited: string[] = [];
    for (const type of ENTITY_TYPES) {
      for (const name of found[type]) {
        if (Object.values(entities).some((list) => list.includes(name))) continue;
        entities[type].push(name);
        credited.push(name);
      }
    }
    return credited;
  }

  function partialAnalysis(text: string): TextAnalysis {
    const normal = analysisText(text);
    const mentions = gazetteer.scan(normal);
    const counts = new Map<string, number>();
    for (const m of mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
    // Not Math.max(...counts): a page naming 150,000 names would overflow the stack.
    let best = 1;
    for (const n of counts.values()) if (n > best) best = n;
    const keywords = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([word, n]) => ({ word, weight: Math.round((n / best) * 1000) / 1000 }));
    return { entities: entitiesOf(mentions), keywords, aliases: {}, terms: Object.fromEntries(counts), partial: true };
  }

  /** The text's tokens and mentions; `people` is the mentions with each person's short forms read as the full name. */
  async function tagged(text: string): Promise<{ tokens: Token[][]; mentions: Mention[]; people: Mention[]; aliases: Map<string, Mention> }> {
    const k = nameKnowledge();
    const [j, { model, nameModel, features }] = await Promise.all([ready(), loadModels()]);
    lexicon ??= lexiconOf(j);
    const words = lexicon;
    const tag = (tagger ??= cachedTagger(j));
    const normal = analysisText(text);
    let tagMs = 0;
    const chunks = [...analysisChunks(normal)];
    const tokens = chunks.map((chunk) => {
      const start = performance.now();
      const tokens = tag(chunk);
      tagMs += performance.now() - start;
      return withLibraryTags(tokens, libraryTags);
    });
    const rules = findEntitiesInText(chunks, tokens, k, words, nameModel);
    const sentences = chunks.map((chunk, i) => tagSentence(chunk, tokens[i], model, features, ruleHints(chunk, rules[i].mentions), words));
    performance.clearMarks(ANALYSIS_MARK);
    performance.mark(ANALYSIS_MARK, { detail: { chars: normal.length, tagMs, heapBytes: j.memoryBytes?.() } });
    const found = completedNames(
      chunks,
      sentences.map((s) => s.mentions),
      (name) => gazetteer.get(name)?.type === 'org',
    ).flat();
    const aliases = findAliases(normal, found, (w) => {
      const tag = words(w);
      return tag !== undefined && !/^(?:x|nr|nrt|nrfg|ns|nt|nz|eng|g)/.test(tag);
    });
    const mentions = levelBodies(resolveAliases(normal, found, aliases, shortNames));
    const people = samePeople(mentions);
    for (const [short, full] of people.aliases) if (!aliases.has(short)) aliases.set(short, full);
    return { tokens: sentences.map((s) => s.pieces), mentions, people: people.mentions, aliases };
  }

  return analyzer;
}
