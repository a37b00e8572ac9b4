/**
 * A text in, its analysis and related coverage out: what the popup lists and `insight analyze`
 * prints as `related`. English text is read through the cross-lingual lexicon (no segmentation
 * needed); Chinese, simplified or traditional, through the analyzer.
 */
import { emptyEntities, withinAnalysisLimit, type Analyzer, type TextAnalysis } from '../nlp/analyzer';
import { normalizeForAnalysis, plainForms } from '../nlp/normalize';
import { buildEnglishLexicon, englishProfile, isLatinText, parsePinyinTable, type EnglishLexicon } from './crosslingual';
import { foreignNames } from './foreign-names';
import { addShortNames } from './org-variants';
import type { IndexReader } from './postings';
import { buildProfile, entityType, mainPlace, type Profile } from './profile';
import { rankRelated, type RelatedStory } from './rank';
import { capitalizeWords, isLatinQuery, queryWords, searchIndex, type SearchResult } from './search';

/** Performance mark after each ranking, with its duration: read by `npm run bench`. */
export const RANK_MARK = 'zhuzhou-lens:rank';

export interface RelatedDeps {
  analyzer: Analyzer;
  index: IndexReader;
  /** The library's entity terms and names, read only when an English text comes. */
  libraryNames: () => Promise<Iterable<[string, string]>>;
  /** Reads a data file of the package (public/): the pinyin table for English text. */
  read: (path: string) => Promise<string>;
}

export interface RelatedResult {
  analysis: TextAnalysis;
  related: RelatedStory[];
}

/**
 * What is read of a text: as much as the analysis reads, in plain forms, so that ＢＹＤ is read as
 * Latin like BYD and a zero-width space splits no name, whichever way the text is then read.
 */
const plainText = (text: string) => plainForms(withinAnalysisLimit(text));

/** A name as a text writes it, with the library's Chinese name when they differ: Xi Jinping · 习近平. */
const shownName = (written: string | undefined, name: string) => (written && written.toLowerCase() !== name.toLowerCase() ? `${written} · ${name}` : name);

/** An English text's names as it writes them, each with the library's Chinese name. */
function analysisOfProfile(profile: Profile): TextAnalysis {
  const entities = emptyEntities();
  for (const [term, name] of profile.names) {
    const type = entityType(term);
    const shown = shownName(profile.written?.get(term), name);
    if (type && !entities[type].includes(shown)) entities[type].push(shown);
  }
  return { entities, keywords: [], aliases: {}, terms: {} };
}

export interface SearchFound extends SearchResult {
  analysis: TextAnalysis;
}

/**
 * The library's answers to a text: `related` for a passage (the stories of the same event), and
 * `search` for a name or a few words (the stories that mention them). Both read the text the same
 * way; English text goes through the cross-lingual lexicon, built once when it is first needed.
 */
export function queryFinder(deps: RelatedDeps) {
  let lexicon: Promise<EnglishLexicon> | undefined;
  const englishLexicon = () =>
    (lexicon ??= Promise.all([deps.libraryNames(), deps.read('nlp/pinyin.txt')]).then(([names, pinyin]) =>
      buildEnglishLexicon(names, parsePinyinTable(pinyin)),
    ));

  /** The text's analysis and profile (`text` in plain forms), and the text as the analysis reads it (normalised once: OpenCC on a long page costs). */
  async function read(text: string, english: boolean, partial?: boolean): Promise<{ analysis: TextAnalysis; profile: Profile; normal: string }> {
    const normal = normalizeForAnalysis(text);
    if (english) {
      const profile = englishProfile(text, await englishLexicon());
      return { analysis: analysisOfProfile(profile), profile, normal };
    }
    const analysis = await deps.analyzer.analyze(text, { partial });
    const profile = buildProfile({ entities: analysis.entities, terms: analysis.terms, text, home: mainPlace(analysis.entities, analysis.terms) });
    // トルコ, CRRC ZELC, IEC: names segmentation cannot tag, in the text's other script.
    for (const [term, { count, name, written }] of foreignNames(normal)) {
      profile.terms.set(term, (profile.terms.get(term) ?? 0) + count);
      if (!profile.names.has(term)) profile.names.set(term, name);
      // Shown with the text's other names as an English text's are: トルコ · 土耳其.
      const type = entityType(term);
      const shown = shownName(written, name);
      if (type && !analysis.entities[type].includes(name) && !analysis.entities[type].includes(shown)) analysis.entities[type].push(shown);
    }
    // 中车株洲电力机车有限公司 is the library's 中车株机.
    await addShortNames(profile, deps.index);
    return { analysis, profile, normal };
  }

  return {
    async related(text: string, options?: { partial?: boolean; limit?: number; all?: boolean; without?: string }): Promise<RelatedResult> {
      const idf = await deps.analyzer.idf();
      const plain = plainText(text);
      const { analysis, profile, normal } = await read(plain, isLatinText(plain), options?.partial);
      const started = performance.now();
      const related = await rankRelated(profile, deps.index, { idf, text: normal, limit: options?.limit, all: options?.all, without: options?.without });
      performance.clearMarks(RANK_MARK);
      performance.mark(RANK_MARK, { detail: { ms: performance.now() - started } });
      return { analysis, related };
    },
    async search(text: string, options?: { partial?: boolean; limit?: number }): Promise<SearchFound> {
      const plain = plainText(text);
      const english = isLatinQuery(plain);
      const { analysis, profile } = await read(english ? capitalizeWords(plain) : plain, english, options?.partial);
      const latinWords = english ? (plain.toLowerCase().match(/[a-z][a-z0-9]+/g) ?? []) : [];
      return { analysis, ...(await searchIndex(queryWords(profile, latinWords), deps.index, options?.limit)) };
    },
  };
}

export type QueryFinder = ReturnType<typeof queryFinder>;
