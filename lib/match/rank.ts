/**
 * Related coverage: the stories of the index that report the same event as a text or give its
 * background, best first, and none when nothing truly relates.
 *
 * The index's posting lists pick the stories worth a closer look (shared names, shared wording,
 * shared terms few stories hold); each finalist's text is then read and the pair described by the
 * features of ranker.ts (how much naming the two share each way, cosine, quotation, what the text
 * leaves unexplained, years and days against the story's date read from the sentences that name
 * it, distinctive terms, the headline); the trained model says whether it is listed and in which
 * tier. Sharing only a subject is not enough: another president congratulated, another city's
 * committee or another battery maker leaves most of the text's names unexplained.
 */
import type { EntityType } from '../nlp/entities';
import { ENTITY_BOOST, type DocRecord } from './index-entry';
import { findOrd, type IndexReader } from './postings';
import { datesIn, daysFrom, entityType, isBareName, yearsIn, type Profile, type TextDate } from './profile';
import { byTierThenScore, judgePair, type Features, type RankerModel, type Tier } from './ranker';
import shippedModel from './related-model.json';
import { TopK } from './top-k';

export interface RelatedStory {
  id: string;
  title: string;
  date: string;
  score: number;
  /** The shared people, places and organisations, then the shared keywords: why it is listed. */
  shared: string[];
  sharedEntities: Array<{ type: EntityType; name: string }>;
  /** The shared keywords. */
  sharedWords: string[];
  features: Features;
  /** Same event, or related background: what the popup groups it under. */
  tier: Tier;
}

/**
 * Entity weight a text is assumed to have beyond what it names, so that one shared name in a
 * short text (中国, 株洲) is weak evidence while six shared names are strong. About two rare names.
 */
const ENTITY_PRIOR = 20;
/** Word terms read per query: the rest add little but cost a posting read each. */
const MAX_WORD_TERMS = 40;
/** Stories given a full look (their text read), from the best index-only scores. */
const CANDIDATES = 10;
const QUOTE_RUN = 8;
/** A word held by few enough stories (this far along the scale from the commonest to one story) is distinctive. */
const RARE_WORD = 0.6;
/** A word this rare is as good as the story's own: the sentences with it are about the story. */
const OWN_WORD = 0.9;
/** A term in more than this share of the stories (and more than SELECTIVE_MIN_DF) is common. */
const SELECTIVE_SHARE = 0.01;
const SELECTIVE_MIN_DF = 500;

/** Index-only evidence that picks the few stories worth a closer look: shared names, then wording. */
const ROUGH = { named: 0.6, cosine: 0.2 };

const clean = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The runs of QUOTE_RUN characters of a cleaned text, with how often each occurs. */
export function runCounts(text: string): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  let total = 0;
  for (let i = 0; i + QUOTE_RUN <= text.length; i++, total++) {
    const run = text.slice(i, i + QUOTE_RUN);
    counts.set(run, (counts.get(run) ?? 0) + 1);
  }
  return { counts, total };
}

/** The two-character runs of a cleaned text, each once. */
export function bigramsOf(text: string): Set<string> {
  const runs = new Set<string>();
  for (let i = 0; i + 2 <= text.length; i++) runs.add(text.slice(i, i + 2));
  return runs;
}

/** Share of a cleaned headline's two-character runs that the text has. */
export function titleShare(title: string, textBigrams: Set<string>): number {
  if (title.length < 2) return 0;
  let found = 0;
  for (let i = 0; i + 2 <= title.length; i++) if (textBigrams.has(title.slice(i, i + 2))) found++;
  return found / (title.length - 1);
}

/**
 * Share of the query's runs of QUOTE_RUN characters that occur in `story` (both cleaned). The
 * query's runs are counted once per query; each story is only walked, not indexed.
 */
export function quotation(query: string, story: string, queryRuns = runCounts(query)): number {
  if (query.length < QUOTE_RUN) return query.length >= 4 && story.includes(query) ? 1 : 0;
  const seen = new Set<string>();
  let found = 0;
  for (let i = 0; i + QUOTE_RUN <= story.length; i++) {
    const run = story.slice(i, i + QUOTE_RUN);
    const times = queryRuns.counts.get(run);
    if (times && !seen.has(run)) {
      seen.add(run);
      found += times;
    }
  }
  return found / queryRuns.total;
}

/** A report of an occurrence is dated up to a fortnight before the paper prints it, or a day or two after. */
const NEAR_DAYS = { before: -14, after: 2 };
/** Dates all further than this from the story's are another occurrence's. */
const FAR_DAYS = 45;

function dateFeatures(days: number[]): { dateNear: number; dateFar: number } {
  return {
    dateNear: days.some((d) => d >= NEAR_DAYS.before && d <= NEAR_DAYS.after) ? 1 : 0,
    dateFar: days.length > 0 && days.every((d) => Math.abs(d) > FAR_DAYS) ? 1 : 0,
  };
}

/**
 * Whether the text and the story name the same kind of ordinal (a round, a session, a numbered
 * team, a hotline) with no number in common (the fourth team's inspection against the fifth's,
 * another year's hotline against this year's), and whether they share one.
 */
function ordinalFeatures(text: Set<string> | undefined, story: string[] | undefined): { ordinalConflict: number; ordinalMatch: number } {
  if (!text?.size || !story?.length) return { ordinalConflict: 0, ordinalMatch: 0 };
  const kindOf = (ordinal: string) => ordinal.slice(0, ordinal.indexOf(':'));
  const storyKinds = new Set(story.map(kindOf));
  const shared = story.filter((o) => text.has(o));
  const sharedKinds = new Set(shared.map(kindOf));
  const conflict = [...text].some((o) => storyKinds.has(kindOf(o)) && !sharedKinds.has(kindOf(o)));
  return { ordinalConflict: conflict ? 1 : 0, ordinalMatch: shared.length > 0 ? 1 : 0 };
}

/** Sentences of a text read for their dates at most. */
const MAX_SENTENCES = 500;

interface Dated {
  text: string;
  years: Set<number>;
  dates: TextDate[];
}

/**
 * When a text says things happened, sentence by sentence, so that a text about several stories
 * (a roundup, a page of briefs) dates each story by its own sentences, not by the others'.
 */
function datedSentences(text: string): Dated[] {
  return text
    .split(/(?<=[。！？!?\n])/)
    .slice(0, MAX_SENTENCES)
    .map((sentence) => ({ text: sentence, years: yearsIn(sentence), dates: datesIn(sentence) }));
}

/** The years and dates of the sentences naming any of `names`; of the whole text when none does. */
function datedBy(sentences: Dated[], names: string[], whole: { years: Set<number>; dates: TextDate[] }) {
  const naming = sentences.filter((s) => names.some((name) => s.text.includes(name)));
  if (naming.length === 0 || naming.length === sentences.length) return whole;
  return { years: new Set(naming.flatMap((s) => [...s.years])), dates: naming.flatMap((s) => s.dates) };
}

/**
 * Sums by story number (its dot product, named mass and rarity, side by side so that a posting
 * reads and writes one cache line, not three arrays of the library's length apart), and the
 * stories touched, reused by every query: a 100,000-story library would otherwise allocate 2.4 MB
 * of arrays a query. A query zeroes what it touched before its first wait, so two queries in
 * flight never share them.
 */
const SUMS = 3;
let scratch = { totals: new Float64Array(0), touched: new Uint32Array(0) };
function scratchFor(stories: number, postings: number) {
  if (scratch.totals.length < stories * SUMS) scratch = { ...scratch, totals: new Float64Array(stories * SUMS) };
  if (scratch.touched.length < postings) scratch = { ...scratch, touched: new Uint32Array(postings) };
  return scratch;
}

interface Sums {
  dot: number;
  storyShared: number;
  /** Sum of the squares of the story's weights of the shared terms: the share of the story's vector the text covers. */
  storyEnergy: number;
  /** Sum over the shared terms of their rarity to the fourth power. */
  rare: number;
  entities: Set<string>;
  words: Array<{ term: string; weight: number }>;
}

export interface RankOptions {
  /** General IDF of a term's name. */
  idf: (name: string) => number;
  /** The text the profile was made from, normalised for analysis (for quotations). */
  text?: string;
  limit?: number;
  /** Keep stories below the threshold too (evaluation and training). */
  all?: boolean;
  /** The trained model (training passes the one it is fitting). */
  model?: RankerModel;
  /**
   * A story never to list: the text is its own. Left out before any story is compared with the
   * others, as it would lead them all (every other story's lead falls below zero).
   */
  without?: string;
}

export async function rankRelated(
  query: Profile,
  index: IndexReader,
  { idf, text = '', limit = 20, all = false, model = shippedModel as RankerModel, without }: RankOptions,
): Promise<RelatedStory[]> {
  if (query.terms.size === 0) return [];
  const size = await index.size();
  if (size === 0) return [];
  const nameOf = (term: string) => query.names.get(term) ?? term;
  const entityTerms = [...query.terms.keys()].filter((t) => entityType(t));
  // Each term's general IDF and weight computed once, not at every comparison of the sort: the IDF
  // lookup is a binary search over the IDF table.
  const generalIdf = new Map([...query.terms.keys()].map((term) => [term, idf(nameOf(term))]));
  const generalWeight = new Map([...query.terms].map(([term, count]) => [term, (1 + Math.log(count)) * generalIdf.get(term)!]));
  const wordTerms = [...query.terms.keys()]
    .filter((t) => !entityType(t))
    .sort((a, b) => generalWeight.get(b)! - generalWeight.get(a)!)
    .slice(0, MAX_WORD_TERMS);
  // A term in most stories (发展; 株洲 in a Zhuzhou library) cannot tell them apart, and reading its
  // posting list would cost time in proportion to the library: it counts in the text's weights
  // but is not looked up.
  const selectiveLimit = Math.max(SELECTIVE_MIN_DF, size * SELECTIVE_SHARE);
  const { lists: postings, df: counts } = await index.postings([...entityTerms, ...wordTerms], selectiveLimit);

  const weightOf = new Map<string, number>();
  const rarity = new Map<string, number>();
  let squares = 0;
  let entityMass = 0;
  let distinctMass = 0;
  // How well a term tells the library's stories apart, 1 for a term of one story: 株洲 in a
  // Zhuzhou paper's library says almost nothing about which story a text is about.
  const rarest = Math.log((size + 1) / 2) || 1;
  for (const term of query.terms.keys()) {
    const df = counts.get(term) ?? 0;
    const specificity = Math.log((size + 1) / (df + 1)) / rarest;
    rarity.set(term, specificity);
    // A term no story has says nothing about which story a text is about.
    if (df > 0) distinctMass += specificity ** 4;
    const weight = generalWeight.get(term)! * specificity * (entityType(term) ? ENTITY_BOOST : 1);
    weightOf.set(term, weight);
    squares += weight * weight;
    if (entityType(term)) entityMass += weight;
  }
  const queryNorm = Math.sqrt(squares);
  const shrink = entityMass + ENTITY_PRIOR;

  // The lists read, each with its term's weight: walked once per posting, then once per pick.
  const lists = [...postings].map(([term, { ords, weights }]) => ({
    term,
    ords,
    weights,
    weight: weightOf.get(term)!,
    entity: entityType(term) !== undefined,
  }));
  // Every posting adds into flat arrays by story number: a tight loop, no allocation per story.
  let maxOrd = 0;
  let read = 0;
  for (const { ords } of lists) {
    if (ords.length) maxOrd = Math.max(maxOrd, ords[ords.length - 1]);
    read += ords.length;
  }
  // As many touched as postings read: a story whose sums are still zero is counted again.
  const { totals, touched } = scratchFor(maxOrd + 1, read);
  let touchedCount = 0;
  for (const { term, ords, weights, weight, entity: isEntity } of lists) {
    const entity = isEntity ? weight : 0;
    // A term of few stories counts whatever its general IDF (厂BA is a word jieba does not know).
    const distinct = rarity.get(term)! ** 4;
    for (let i = 0; i < ords.length; i++) {
      const at = ords[i] * SUMS;
      if (totals[at] === 0 && totals[at + 1] === 0 && totals[at + 2] === 0) touched[touchedCount++] = ords[i];
      totals[at] += weight * weights[i];
      totals[at + 1] += entity;
      totals[at + 2] += distinct;
    }
  }
  // Index-only scores pick the few stories worth a closer look, all three in one pass: by shared
  // names and wording, and, since shared wording alone may be the link (厂BA, 督察组: words, not
  // names), the best by wording and by rare terms too.
  const byRough = new TopK(CANDIDATES * 2);
  const byDot = new TopK(CANDIDATES);
  const byRare = new TopK(CANDIDATES);
  for (let i = 0; i < touchedCount; i++) {
    const ord = touched[i];
    const at = ord * SUMS;
    byRough.offer(ord, ROUGH.named * (totals[at + 1] / shrink) + ROUGH.cosine * (totals[at] / queryNorm));
    byDot.offer(ord, totals[at]);
    byRare.offer(ord, totals[at + 2]);
  }
  const picked = [...new Set([...byRough.best(), ...byDot.best(), ...byRare.best()])];
  const indexed: Array<[number, Sums]> = picked.map((ord) => {
    const sums: Sums = { dot: 0, storyShared: 0, storyEnergy: 0, rare: totals[ord * SUMS + 2], entities: new Set(), words: [] };
    for (const { term, ords, weights, weight, entity } of lists) {
      const at = findOrd(ords, ord);
      if (at < 0) continue;
      sums.dot += weight * weights[at];
      sums.storyEnergy += weights[at] * weights[at];
      if (entity) {
        sums.storyShared += weights[at];
        sums.entities.add(term);
      } else {
        sums.words.push({ term, weight: weight * weights[at] });
      }
    }
    return [ord, sums];
  });
  // The scratch sums are left zeroed for the next query before this one waits for anything.
  for (let i = 0; i < touchedCount; i++) {
    const at = touched[i] * SUMS;
    totals[at] = totals[at + 1] = totals[at + 2] = 0;
  }
  const sharedMass = (entities: Set<string>) => [...entities].reduce((sum, t) => sum + weightOf.get(t)!, 0);
  const docs = await index.docs(indexed.map(([ord]) => ord));
  const queryClean = clean(text);
  // Once per query: each candidate's headline is looked up in it (a page may be 300,000 characters).
  const queryBigrams = bigramsOf(queryClean);
  const english = query.written ? 1 : 0;
  const whole = { years: query.years, dates: datesIn(text) };
  // An English text names things in the library's Chinese only through the lexicon: it is dated as a whole.
  const sentences = english ? [] : datedSentences(text);
  const featuresOf = (doc: DocRecord, s: Sums, quoted = 0): Features => {
    const shared = sharedMass(s.entities);
    const rareWords = s.words.filter((w) => rarity.get(w.term)! >= RARE_WORD).length;
    // Names many stories share (株洲, 市委) do not say which sentences are about this story.
    const own = [
      ...[...s.entities].filter((t) => (rarity.get(t) ?? 1) >= RARE_WORD).map(nameOf),
      ...s.words.filter((w) => rarity.get(w.term)! >= OWN_WORD).map((w) => w.term),
    ];
    const { years, dates } = datedBy(sentences, own, whole);
    const sharedTerms = [...s.entities, ...s.words.map((w) => w.term)];
    // The shared terms' rarities, rarest first: the features read the first two.
    const sharedRarities = sharedTerms.map((t) => rarity.get(t) ?? 0).sort((a, b) => b - a);
    return {
      queryCoverage: shared / shrink,
      storyCoverage: doc.entityMass ? s.storyShared / doc.entityMass : 0,
      cosine: s.dot / queryNorm,
      storyEnergy: s.storyEnergy,
      distinctShare: distinctMass ? s.rare / distinctMass : 0,
      // Set once every finalist's features are known.
      cosineLead: 0,
      distinctLead: 0,
      queryCoverageLead: 0,
      storyCoverageLead: 0,
      quotation: quoted,
      unexplained: (entityMass - shared) / shrink,
      // A text naming one or two years dates its event; one naming many is looking back.
      yearConflict: years.size > 0 && years.size <= 2 && ![...years].some((y) => doc.years.includes(y)) ? 1 : 0,
      yearMatch: [...years].some((y) => doc.years.includes(y)) ? 1 : 0,
      ...dateFeatures(daysFrom(doc.date, dates)),
      ...ordinalFeatures(query.ordinals, doc.ordinals),
      sharedNames: Math.log1p(s.entities.size),
      sharedRareWords: Math.log1p(rareWords),
      maxSharedRarity: Math.max(0, sharedRarities[0] ?? 0),
      secondSharedRarity: sharedRarities[1] ?? 0,
      titleShare: titleShare(clean(doc.title), queryBigrams),
      titleRarity: titleRarity(clean(doc.title), sharedTerms),
      english,
      sharedIdf: Math.max(0, ...sharedTerms.filter((t) => (rarity.get(t) ?? 0) >= RARE_WORD).map((t) => generalIdf.get(t) ?? 0)),
      sharedOrgRarity: rarestOf(s.entities, 'org'),
      sharedPersonRarity: rarestOf(s.entities, 'person'),
      sharedPlaceRarity: rarestOf(s.entities, 'place'),
      sharedWordRarity: Math.max(0, ...s.words.map((w) => rarity.get(w.term) ?? 0)),
    };
  };
  // What kind of thing the rarest shared name is: another maker's Istanbul metro shares only
  // Turkey's places with the delegation story, CRRC ZELC's Ankara order its company too; another
  // president's telegram shares only 习近平, a report of the same telegram the president it congratulates.
  const rarestOf = (entities: Set<string>, type: EntityType) =>
    Math.max(0, ...[...entities].filter((t) => entityType(t) === type).map((t) => rarity.get(t) ?? 0));
  // 厂BA, 督察组, 株洲标准: the subject a story's headline names, when the text has it too.
  const titleRarity = (title: string, sharedTerms: string[]) =>
    Math.max(0, ...sharedTerms.filter((t) => title.includes(clean(nameOf(t)))).map((t) => rarity.get(t) ?? 0));
  const prelim = indexed.flatMap(([, s], i) => {
    const doc = docs[i];
    if (doc.id === without) return [];
    // Model-free, so that training sees the same candidates the trained model is later given;
    // only the cheap features, since most of these stories go no further.
    const storyCoverage = doc.entityMass ? s.storyShared / doc.entityMass : 0;
    return [{ doc, s, rough: sharedMass(s.entities) / shrink + storyCoverage + s.dot / queryNorm + titleShare(clean(doc.title), queryBigrams) }];
  });
  const best = (score: (p: (typeof prelim)[number]) => number, k: number) => [...prelim].sort((a, b) => score(b) - score(a)).slice(0, k);
  const finalists = [...new Set([...best((p) => p.rough, CANDIDATES), ...best((p) => p.s.dot, CANDIDATES / 2), ...best((p) => p.s.rare, CANDIDATES / 2)])];
  const stories = await index.texts(finalists.map((f) => f.doc.id));
  const queryRuns = runCounts(queryClean);
  // Each name of the text cleaned once, to be looked for inside the finalists' longer names.
  const lookedFor = entityTerms.map((term) => [term, clean(nameOf(term))] as const).filter(([, name]) => name.length >= 2 && !isBareName(name));
  const scored = finalists.map(({ doc, s }, i) => {
    const storyClean = clean(stories[i]);
    // A name the story has inside a longer one (柏林洪堡大学 in 德国柏林洪堡大学) is shared too.
    for (const [term, name] of lookedFor) if (!s.entities.has(term) && storyClean.includes(name)) s.entities.add(term);
    return { doc, s, features: featuresOf(doc, s, quotation(queryClean, storyClean, queryRuns)) };
  });
  // How far a story stands out from the best of the others: a text about one story leaves the
  // rest behind, a text about a kind of event shares about as much with several.
  const lead = (i: number, name: 'cosine' | 'distinctShare' | 'queryCoverage' | 'storyCoverage') =>
    scored[i].features[name] - Math.max(0, ...scored.filter((_, j) => j !== i).map((o) => o.features[name]));
  const leads = scored.map((_, i) => ({
    cosineLead: lead(i, 'cosine'),
    distinctLead: lead(i, 'distinctShare'),
    queryCoverageLead: lead(i, 'queryCoverage'),
    storyCoverageLead: lead(i, 'storyCoverage'),
  }));
  scored.forEach((c, i) => {
    Object.assign(c.features, leads[i]);
  });
  const results: RelatedStory[] = [];
  scored.forEach(({ doc, s, features }) => {
    const { relevance, listed, tier } = judgePair(model, features);
    if (!all && !listed) return;
    // Why, rarest first: a name most stories share (株洲) explains least.
    const byRarity = (a: string, b: string) => (rarity.get(b) ?? 0) - (rarity.get(a) ?? 0);
    const sharedEntities = [...s.entities].sort(byRarity).map((t) => ({ type: entityType(t)!, name: doc.names[t] ?? nameOf(t) }));
    const sharedWords = s.words
      .sort((a, b) => byRarity(a.term, b.term) || b.weight - a.weight)
      .slice(0, 5)
      .map((w) => w.term);
    results.push({
      id: doc.id,
      title: doc.title,
      date: doc.date,
      score: Math.round(relevance * 1000) / 1000,
      shared: [...sharedEntities.map((e) => e.name), ...sharedWords],
      sharedEntities,
      sharedWords,
      features,
      tier,
    });
  });
  return results.sort((a, b) => byTierThenScore(a, b) || b.date.localeCompare(a.date) || a.id.localeCompare(b.id)).slice(0, limit);
}
