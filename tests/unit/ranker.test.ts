import { describe, expect, it } from 'vitest';
import {
  columnStats,
  FEATURE_NAMES,
  judgePair,
  logistic,
  NAMED,
  QUOTED,
  standardise,
  trainLogistic,
  type Features,
  type RankerModel,
} from '../../lib/match/ranker';
import shipped from '../../lib/match/related-model.json';

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

  it('ships a model over every feature, with thresholds chosen for it', () => {
    expect(model.features).toEqual([...FEATURE_NAMES]);
    for (const part of [model.relevant, model.sameEvent]) expect(part.weights).toHaveLength(FEATURE_NAMES.length);
    for (const threshold of Object.values(model.thresholds)) {
      expect(threshold).toBeGreaterThan(0);
      expect(threshold).toBeLessThan(1);
    }
  });

  it('lists a story a text quotes as the same event, and one whose names the text shares', () => {
    expect(judgePair(model, { ...none, quotation: QUOTED })).toMatchObject({ listed: true, tier: 'same_event' });
    expect(judgePair(model, { ...none, queryCoverage: NAMED / 0.6 + 0.01 }).listed).toBe(true);
    // The same naming in a text that dates itself to another year is left to the model.
    expect(judgePair(model, { ...none, queryCoverage: NAMED / 0.6 + 0.01, yearConflict: 1 }).relevance).toBeLessThan(0.99);
    expect(judgePair(model, none).listed).toBe(false);
  });
});
