/**
 * A text in, its analysis and related coverage out: what the popup lists and `insight analyze`
 * prints as `related`. English text is read through the cross-lingual lexicon (no segmentation
 * needed); Chinese, simplified or traditional, through the analyzer.
 */
import { emptyEntities, type Analyzer, type TextAnalysis } from '../nlp/analyzer';
import { normalizeForAnalysis } from '../nlp/normalize';
import { buildEnglishLexicon, englishProfile, isLatinText, parsePinyinTable, type EnglishLexicon } from './crosslingual';
import { buildProfile, entityType, mainPlace, type Profile } from './profile';
import { rankRelated, type IndexReader, type RelatedStory } from './rank';

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

function analysisOfProfile(profile: Profile): TextAnalysis {
  const entities = emptyEntities();
  for (const [term, name] of profile.names) {
    const type = entityType(term);
    if (type && !entities[type].includes(name)) entities[type].push(name);
  }
  return { entities, keywords: [], aliases: {}, terms: {} };
}

export function relatedFinder(deps: RelatedDeps) {
  let lexicon: Promise<EnglishLexicon> | undefined;
  return async function findRelated(text: string, options?: { partial?: boolean; limit?: number; all?: boolean }): Promise<RelatedResult> {
    const idf = await deps.analyzer.idf();
    let analysis: TextAnalysis;
    let profile: Profile;
    if (isLatinText(text)) {
      lexicon ??= Promise.all([deps.libraryNames(), deps.read('nlp/pinyin.txt')]).then(([names, pinyin]) => buildEnglishLexicon(names, parsePinyinTable(pinyin)));
      profile = englishProfile(text, await lexicon);
      analysis = analysisOfProfile(profile);
    } else {
      analysis = await deps.analyzer.analyze(text, { partial: options?.partial });
      profile = buildProfile({ entities: analysis.entities, terms: analysis.terms, text, home: mainPlace(analysis.entities, analysis.terms) });
    }
    const started = performance.now();
    const related = await rankRelated(profile, deps.index, { idf, text: normalizeForAnalysis(text), limit: options?.limit, all: options?.all });
    performance.clearMarks(RANK_MARK);
    performance.mark(RANK_MARK, { detail: { ms: performance.now() - started } });
    return { analysis, related };
  };
}
