import { describe, expect, it } from 'vitest';
import {
  columnStats,
  FEATURE_NAMES,
  judgePair,
  logistic,
  NAMED,
  pairScores,
  QUOTED,
  standardise,
  trainLogistic,
  type Features,
  type RankerModel,
} from '../../lib/match/ranker';
import shipped from '../../lib/match/related-model.json';
import { boostedProbability, trainBoostedTrees, type TreeNode } from '../../lib/match/boosted-trees';
import { RELEVANCE_ONLY, SAME_EVENT_ONLY } from '../eval/related-cv';

const none: Features = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0])) as Features;
const model = shipped as RankerModel;

describe('the ranker', () => {
  it('learns a separable rule, the same weights every time', () => {
    const xs = Array.from({ length: 40 }, (_, i) => [i / 40, (i % 7) / 7]);
    const ys = xs.map(([a]) => (a > 0.5 ? 1 : 0));
    const stats = columnStats(xs);
    const z = xs.map((x) => standardise(stats, x));
    const first = trainLogistic(z, ys);
    expect(trainLogistic(z, ys)).toEqual(first);
    expect(xs.every((x, i) => logistic(first, standardise(stats, x)) >= 0.5 === (ys[i] === 1))).toBe(true);
    expect(Math.abs(first.weights[0])).toBeGreaterThan(Math.abs(first.weights[1]));
  });

  it('boosts trees that capture an interaction a weighted sum cannot, the same trees every time', () => {
    // Relevant when the first feature is high unless the second says otherwise (another year):
    // no weighted sum of the two separates these.
    const xs = Array.from({ length: 80 }, (_, i) => [(i % 10) / 10, Math.floor(i / 10) % 2]);
    const ys = xs.map(([named, conflict]) => (named > 0.5 && conflict === 0 ? 1 : 0));
    const first = trainBoostedTrees(xs, ys, { rounds: 100, rate: 0.3 });
    expect(trainBoostedTrees(xs, ys, { rounds: 100, rate: 0.3 })).toEqual(first);
    expect(xs.every((x, i) => boostedProbability(first, x) >= 0.5 === (ys[i] === 1))).toBe(true);
  });

  it('ships a model over every feature, with thresholds chosen for it', () => {
    expect(model.features).toEqual([...FEATURE_NAMES]);
    expect(model.sameEvent.weights).toHaveLength(FEATURE_NAMES.length);
    expect(model.relevant.trees.length).toBeGreaterThan(0);
    // Every split reads a feature the model has.
    const splits = (node: TreeNode): number[] => (node.value === undefined ? [node.feature!, ...splits(node.left!), ...splits(node.right!)] : []);
    for (const tree of model.relevant.trees) for (const feature of splits(tree)) expect(feature).toBeLessThan(FEATURE_NAMES.length);
    for (const threshold of Object.values(model.thresholds)) {
      expect(threshold).toBeGreaterThan(0);
      expect(threshold).toBeLessThan(1);
    }
  });

  it('reads the kind of the shared names for relevance only, not for the tier', () => {
    for (const name of RELEVANCE_ONLY) expect(model.sameEvent.weights[FEATURE_NAMES.indexOf(name)], name).toBe(0);
    const byKind = (node: TreeNode): boolean =>
      node.value === undefined && (RELEVANCE_ONLY.includes(FEATURE_NAMES[node.feature!]) || byKind(node.left!) || byKind(node.right!));
    expect(model.relevant.trees.some(byKind)).toBe(true);
  });

  it('reads a year the story does not name for the tier only, not for relevance', () => {
    const reads = (node: TreeNode): boolean =>
      node.value === undefined && (SAME_EVENT_ONLY.includes(FEATURE_NAMES[node.feature!]) || reads(node.left!) || reads(node.right!));
    expect(model.relevant.trees.some(reads)).toBe(false);
    for (const name of SAME_EVENT_ONLY) expect(model.sameEvent.weights[FEATURE_NAMES.indexOf(name)], name).not.toBe(0);
  });

  it('lists a story a text quotes as the same event, and one whose names the text shares', () => {
    expect(judgePair(model, { ...none, quotation: QUOTED })).toMatchObject({ listed: true, tier: 'same_event' });
    expect(judgePair(model, { ...none, queryCoverage: NAMED / 0.6 + 0.01 }).listed).toBe(true);
    // The same naming in a text that dates itself to another year is left to the model.
    expect(judgePair(model, { ...none, queryCoverage: NAMED / 0.6 + 0.01, yearConflict: 1 }).relevance).toBeLessThan(0.99);
    expect(judgePair(model, none).listed).toBe(false);
  });

  it('keeps the order of the model among the stories the naming rule lifts, all below a quotation', () => {
    // Two stories of one company both name it: the one the model prefers (here by cosine) comes first, whichever is newer.
    const byCosine: RankerModel = {
      ...model,
      relevant: { base: 0, rate: 1, trees: [{ feature: FEATURE_NAMES.indexOf('cosine'), split: 0.5, left: { value: -2 }, right: { value: 2 } }] },
    };
    const named = { ...none, queryCoverage: NAMED / 0.6 + 0.01 };
    const other = pairScores(byCosine, { ...named, cosine: 0.1 }).relevance;
    const preferred = pairScores(byCosine, { ...named, cosine: 0.9 }).relevance;
    expect(other).toBeGreaterThanOrEqual(0.99);
    expect(preferred).toBeGreaterThan(other);
    expect(preferred).toBeLessThan(pairScores(byCosine, { ...named, cosine: 0.9, quotation: QUOTED }).relevance);
  });
});
