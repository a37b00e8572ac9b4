/**
 * The learned part of related coverage, over the features of a (text, story) pair. `relevant`
 * (gradient-boosted trees of depth two) says whether the story is about what the text is about
 * (same event or related background); `sameEvent` (a logistic regression), for a relevant story,
 * whether it is the same occurrence. Both are trained by `npm run train:related`
 * (scripts/train-related.ts) on the development set of real coverage, their thresholds chosen on
 * held-out folds; the trees and weights are data (lib/match/related-model.json).
 */
import { boostedProbability, type BoostedTrees } from './boosted-trees';

/** The features of a pair, in the order the model's weights follow. */
export const FEATURE_NAMES = [
  // Share of the text's entity weight the story names too (rarity in the library counts).
  'queryCoverage',
  // Share of the story's entity weight (headline names double) the text names.
  'storyCoverage',
  // Cosine of the TF-IDF vectors.
  'cosine',
  // Share of the story's vector (its weights squared) on terms the text has.
  'storyEnergy',
  // Share of the text's distinctive terms (by rarity in the library, to the fourth power) the story has.
  'distinctShare',
  // How much higher the cosine is than the best other candidate's (negative: another is closer).
  'cosineLead',
  // The same for distinctShare.
  'distinctLead',
  // The same for queryCoverage: a text about one story's subject names it more than any other's.
  'queryCoverageLead',
  // The same for storyCoverage.
  'storyCoverageLead',
  // Share of the text's 8-character runs found word for word in the story.
  'quotation',
  // Share of the text's entity weight the story does not explain (a feature, never a veto).
  'unexplained',
  // The text names one or two years, none of them the story's: another occurrence, read by the
  // same-event part only (the same league's other season is background, not a near miss).
  'yearConflict',
  // The text names a year the story names.
  'yearMatch',
  // The text names a day in the fortnight before the story's date (or just after).
  'dateNear',
  // The text names days, all more than a month and a half from the story's date.
  'dateFar',
  // How many names the two share, log-scaled.
  'sharedNames',
  // How many distinctive words (rare in the library, not names) the two share, log-scaled.
  'sharedRareWords',
  // How rare in the library the rarest shared term is (1: in this story only).
  'maxSharedRarity',
  // How rare in the library the second rarest shared term (name or distinctive word) is (0: fewer
  // than two shared): one company named in nine stories (CRRC ZELC) ties a text to each of them
  // alike, a second distinctive term to one.
  'secondSharedRarity',
  // Share of the story's headline (its two-character runs) found in the text.
  'titleShare',
  // How rare in the library the rarest shared term the story's headline has is (0: none).
  'titleRarity',
  // The text is English, read through the cross-lingual lexicon.
  'english',
  // The highest general IDF of a shared term rare in the library: in ten stories 为主 is as rare
  // as 钠离子, in the language it is not.
  'sharedIdf',
  // How rare in the library the rarest shared organisation is (0: none shared); the same for
  // people, places and words that are no name: maxSharedRarity by kind, since a shared company or
  // president says more about the subject than a shared country.
  'sharedOrgRarity',
  'sharedPersonRarity',
  'sharedPlaceRarity',
  'sharedWordRarity',
  // The text names a round, session, numbered team or hotline of the kind the story names, none
  // with the story's number (another inspection team's batch); the text names one of the story's.
  'ordinalConflict',
  'ordinalMatch',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

export interface LogisticModel {
  weights: number[];
  bias: number;
}

/** Where the lines are drawn, chosen on held-out folds. */
export interface Thresholds {
  /** `same` at or above which a relevant story is the same event. */
  tier: number;
  /** `relevance` at or above which a same-event story is listed. */
  sameEvent: number;
  /**
   * `relevance` at or above which a background story is listed: a story about the same kind of
   * thing needs more evidence to be listed as background than one about the same occurrence.
   */
  background: number;
}

export interface RankerModel {
  features: FeatureName[];
  /** Each feature is standardised as (x - mean) / scale before `sameEvent`'s weights apply (the trees read raw values). */
  mean: number[];
  scale: number[];
  relevant: BoostedTrees;
  sameEvent: LogisticModel;
  thresholds: Thresholds;
}

export type Tier = 'same_event' | 'background';

export function featureVector(features: Features, names: readonly FeatureName[] = FEATURE_NAMES): number[] {
  return names.map((name) => features[name]);
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The model's probability for a standardised feature vector. */
export function logistic(part: Pick<LogisticModel, 'weights' | 'bias'>, x: number[]): number {
  let z = part.bias;
  for (let i = 0; i < x.length; i++) z += part.weights[i] * x[i];
  return sigmoid(z);
}

export function standardise(model: Pick<RankerModel, 'mean' | 'scale'>, x: number[]): number[] {
  return x.map((value, i) => (value - model.mean[i]) / model.scale[i]);
}

export interface Judgement {
  /** Probability that the story is about what the text is about. */
  relevance: number;
  /** Listed at all. */
  listed: boolean;
  tier: Tier;
}

/**
 * What rules still do better than the model, kept where they measurably help (docs/quality.md):
 * a text that quotes most of itself from the story word for word is the story (a repost, an
 * excerpt; the development set is restated coverage, so the model never sees one), and a text
 * whose names the story mostly names too, in agreeing words, is about it (the project's earlier
 * hand-set score, which keeps near misses quieter than the model alone does).
 */
export const QUOTED = 0.5;
export const NAMED = 0.4;

/**
 * Where the naming rule lifts a story to, and how far above that its model's relevance spreads the
 * stories it lifts: two stories of one company both name it, and the one the model prefers should
 * come first, not the newer (a tie at 0.99 had listed 株洲标准 above the award story for every
 * report of 南方阀门's water-hammer conference). Below 1, where a quotation puts a story.
 */
const LIFTED = 0.99;
const LIFTED_SPREAD = 0.009;

export function namingScore(f: Features): number {
  return f.yearConflict ? 0 : 0.6 * f.queryCoverage + 0.2 * f.storyCoverage + 0.2 * f.cosine;
}

/** The model's two probabilities for a pair, with the rules applied: training's evaluation and the product use this one function. */
export function pairScores(model: RankerModel, features: Features): { relevance: number; same: number } {
  if (features.quotation >= QUOTED) return { relevance: 1, same: 1 };
  const x = featureVector(features, model.features);
  const relevance = boostedProbability(model.relevant, x);
  const same = logistic(model.sameEvent, standardise(model, x));
  return { relevance: namingScore(features) >= NAMED ? Math.max(relevance, LIFTED + LIFTED_SPREAD * relevance) : relevance, same };
}

/** The order a list shows: the same event first, then the most relevant. */
export function byTierThenScore(a: { tier: Tier; score: number }, b: { tier: Tier; score: number }): number {
  return (a.tier === 'same_event' ? 0 : 1) - (b.tier === 'same_event' ? 0 : 1) || b.score - a.score;
}

/** The tier of a pair's scores, and whether it is listed at all. */
export function decide(thresholds: Thresholds, { relevance, same }: { relevance: number; same: number }): { listed: boolean; tier: Tier } {
  const tier: Tier = same >= thresholds.tier ? 'same_event' : 'background';
  return { tier, listed: relevance >= (tier === 'same_event' ? thresholds.sameEvent : thresholds.background) };
}

export function judgePair(model: RankerModel, features: Features): Judgement {
  const scores = pairScores(model, features);
  return { relevance: scores.relevance, ...decide(model.thresholds, scores) };
}

export interface TrainOptions {
  /** L2 penalty on the weights (not the bias). */
  l2?: number;
  iterations?: number;
  rate?: number;
  /** Weight of each example (to balance classes); 1 when absent. */
  sampleWeights?: number[];
}

/**
 * Logistic regression by full-batch gradient descent from zero: no randomness, so the same data
 * always gives the same weights. `xs` are already standardised.
 */
export function trainLogistic(
  xs: number[][],
  ys: number[],
  { l2 = 0.01, iterations = 2000, rate = 0.5, sampleWeights }: TrainOptions = {},
): Pick<LogisticModel, 'weights' | 'bias'> {
  const dims = xs[0]?.length ?? 0;
  const weights = new Array<number>(dims).fill(0);
  let bias = 0;
  const total = sampleWeights ? sampleWeights.reduce((a, b) => a + b, 0) : xs.length;
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(dims).fill(0);
    let gradientBias = 0;
    for (let i = 0; i < xs.length; i++) {
      const error = (logistic({ weights, bias }, xs[i]) - ys[i]) * (sampleWeights?.[i] ?? 1);
      for (let d = 0; d < dims; d++) gradient[d] += error * xs[i][d];
      gradientBias += error;
    }
    for (let d = 0; d < dims; d++) weights[d] -= rate * (gradient[d] / total + l2 * weights[d]);
    bias -= rate * (gradientBias / total);
  }
  return { weights, bias };
}

/** Mean and spread of each column, for standardising (a constant column keeps scale 1). */
export function columnStats(xs: number[][]): { mean: number[]; scale: number[] } {
  const dims = xs[0]?.length ?? 0;
  const mean = new Array<number>(dims).fill(0);
  const scale = new Array<number>(dims).fill(0);
  for (const x of xs) for (let d = 0; d < dims; d++) mean[d] += x[d] / xs.length;
  for (const x of xs) for (let d = 0; d < dims; d++) scale[d] += (x[d] - mean[d]) ** 2 / xs.length;
  return { mean, scale: scale.map((v) => Math.sqrt(v) || 1) };
}
