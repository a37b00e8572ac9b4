/**
 * Text → people, places, organisations and keywords. One jieba `tag` pass per chunk feeds both
 * the entity tagger and the keyword weights.
 */
import { findEntities, GAZETTEER_TAGS, type EntityType, type Mention, type Token } from './entities';
import { extractKeywords, parseIdf, type Idf, type Keyword } from './keywords';
import { nameKnowledge } from './knowledge';
import { normalizeForAnalysis } from './normalize';
import { analysisChunks, type Jieba } from './segmenter';

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
export const MAX_ANALYSIS_CHARS = 300_000;

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

export interface TextAnalysis {
  entities: Entities;
  keywords: Keyword[];
  /** Short names this text establishes for its entities: 立方新能源 → 湖南立方新能源科技有限责任公司. */
  aliases: Record<string, string>;
}

/** 「湖南立方新能源科技有限责任公司(以下简称立方新能源)」: the text defines a short form. */
const SHORT_FORM = /[(（](?:以下)?(?:简称|下称)[“"「]?([\p{Script=Han}A-Za-z0-9]{2,16})[”"」]?[)）]/gu;
const LEGAL_FORM = /(?:集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|股份公司|集团公司|公司)$/;
const TRADE_WORDS = /(?:科技|实业|控股|发展|股份|集团|国际)$/;

/**
 * The name a company goes by: without its legal form, the place before it and a trailing trade
 * word (株洲南方阀门股份有限公司 → 南方阀门, 湖南立方新能源科技有限责任公司 → 立方新能源).
 */
export function companyShortName(full: string, places: Iterable<string>): string | undefined {
  if (!LEGAL_FORM.test(full)) return undefined;
  let name = full.replace(LEGAL_FORM, '');
  for (const place of [...places].sort((a, b) => b.length - a.length)) {
    if (name.startsWith(place) && name.length - place.length >= 2) {
      name = name.slice(place.length);
      break;
    }
  }
  name = name.replace(TRADE_WORDS, '');
  return name.length >= 2 && name !== full ? name : undefined;
}

/**
 * Short names the text defines or that a company name implies, each to its full name. An implied
 * short name that is an ordinary word (跨国 of 跨国公司) names nothing.
 */
export function findAliases(text: string, mentions: Mention[], isWord: (word: string) => boolean): Map<string, Mention> {
  const aliases = new Map<string, Mention>();
  for (const match of text.matchAll(SHORT_FORM)) {
    if (aliases.has(match[1])) continue;
    const before = text.slice(Math.max(0, match.index - 64), match.index);
    const full = mentions.find((m) => m.text.length > match[1].length && before.endsWith(m.text));
    if (full) aliases.set(match[1], full);
  }
  const places = mentions.filter((m) => m.type === 'place').map((m) => m.text);
  for (const m of mentions) {
    const short = m.type === 'org' ? companyShortName(m.text, places) : undefined;
    if (short && short.length <= 8 && !isWord(short) && !aliases.has(short)) aliases.set(short, m);
  }
  return aliases;
}

/**
 * Mentions with every short name resolved to its full name, so 立方新能源 and
 * 湖南立方新能源科技有限责任公司 are one organisation. Short names are counted where the text
 * uses them, since the tagger often does not know them as words.
 */
export function resolveAliases(text: string, mentions: Mention[], defined: Map<string, Mention>, known: Map<string, Mention>): Mention[] {
  const resolved = mentions.map((m) => {
    const full = defined.get(m.text) ?? known.get(m.text);
    return full ? { ...full } : m;
  });
  // The library's names are jieba words already; a name this text defines may not be, so its
  // uses outside the full name and outside the definition are counted in the text itself.
  for (const [short, full] of defined) {
    const uses = occurrences(text, short) - (full.text.includes(short) ? occurrences(text, full.text) : 0) - occurrences(text, `简称${short}`);
    const found = mentions.filter((m) => m.text === short).length;
    for (let i = found; i < uses; i++) resolved.push({ ...full });
  }
  return resolved;
}

function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count++;
  return count;
}

export interface Analyzer {
  /** Tokens of normalised text, chunk by chunk. */
  tokens(text: string): Promise<Token[][]>;
  /** Entity mentions in reading order, duplicates kept. */
  mentions(text: string): Promise<Mention[]>;
  /** Entities and keywords of a text. */
  analyze(text: string): Promise<TextAnalysis>;
  /**
   * Teaches jieba entities it should keep whole and trust, and short names to resolve to their
   * full names: the library's gazetteer.
   */
  teach(entities: Entities, aliases?: Record<string, string>): Promise<void>;
}

/** Remembers jieba's answers about single words; a bounded cache, reset when full. */
function lexiconOf(j: Jieba): (word: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (word) => {
    if (!known.has(word)) {
      if (known.size > 50_000) known.clear();
      const tokens = j.tag(word, false);
      known.set(word, tokens.length === 1 ? tokens[0].tag : undefined);
    }
    return known.get(word);
  };
}

/**
 * `jieba` and `readIdf` load on first use: the wasm and the IDF table are fetched only when a text
 * is analysed.
 */
export function createAnalyzer(jieba: () => Promise<Jieba>, readIdf: () => Promise<string>): Analyzer {
  const taught = new Set<string>();
  /** Short names the library knows, to their full names. */
  const known = new Map<string, Mention>();
  let idf: Promise<Idf> | undefined;
  let lexicon: ((word: string) => string | undefined) | undefined;
  const analyzer: Analyzer = {
    async tokens(text) {
      return (await tagged(text)).tokens;
    },
    async mentions(text) {
      return (await tagged(text)).mentions;
    },
    async analyze(text) {
      const [{ tokens, mentions, aliases }, weights] = await Promise.all([tagged(text), (idf ??= readIdf().then(parseIdf))]);
      // One-character abbreviations (中, 美) count as mentions but say nothing on their own.
      return {
        entities: entitiesOf(mentions.filter((m) => m.text.length >= 2)),
        keywords: extractKeywords(tokens, mentions, weights),
        aliases: Object.fromEntries([...aliases].map(([short, full]) => [short, full.text])),
      };
    },
    async teach(entities, aliases = {}) {
      const j = await ready();
      const teachWord = (type: EntityType, name: string) => {
        const key = `${type}:${name}`;
        if (taught.has(key) || name.length < 2) return;
        taught.add(key);
        j.add_word(name, undefined, GAZETTEER_TAGS[type]);
        lexicon = undefined;
      };
      for (const type of ENTITY_TYPES) for (const name of entities[type]) teachWord(type, name);
      for (const [short, full] of Object.entries(aliases)) {
        const type = ENTITY_TYPES.find((t) => entities[t].includes(full));
        if (!type) continue;
        teachWord(type, short);
        known.set(short, { type, text: full });
      }
    },
  };

  let prepared: Promise<Jieba> | undefined;
  /** jieba, taught once the country and region names it would otherwise split (北/马其顿). */
  const ready = () =>
    (prepared ??= jieba().then((j) => {
      for (const name of nameKnowledge().countryNames) if (name.length >= 2) j.add_word(name, undefined, 'ns');
      return j;
    }));

  async function tagged(text: string): Promise<{ tokens: Token[][]; mentions: Mention[]; aliases: Map<string, Mention> }> {
    const k = nameKnowledge();
    const j = await ready();
    lexicon ??= lexiconOf(j);
    const words = lexicon;
    const normal = normalizeForAnalysis(text.length > MAX_ANALYSIS_CHARS ? text.slice(0, MAX_ANALYSIS_CHARS) : text);
    const sentences = [...analysisChunks(normal)].map((chunk) => findEntities(j.tag(chunk, true), k, words));
    const found = sentences.flatMap((s) => s.mentions);
    const aliases = findAliases(normal, found, (w) => {
      const tag = words(w);
      return tag !== undefined && !/^(?:x|nr|nrt|nrfg|ns|nt|nz|eng|g)/.test(tag);
    });
    return { tokens: sentences.map((s) => s.pieces), mentions: resolveAliases(normal, found, aliases, known), aliases };
  }

  return analyzer;
}
