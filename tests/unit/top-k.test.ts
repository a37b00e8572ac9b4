import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/seeded-random';
import { TopK, topBy } from '../../lib/match/top-k';

/** The `k` best by a full stable sort: what the streaming pick must equal. */
const sortedBest = (values: number[], k: number) =>
  values
    .map((value, item) => ({ item, value }))
    .sort((a, b) => b.value - a.value)
    .slice(0, k)
    .map(({ item }) => item);

describe('picking the best few of many', () => {
  it('keeps the k highest, best first, the first offered of equal values first', () => {
    const next = seededRandom(3);
    for (const k of [1, 2, 10, 20]) {
      // Few distinct values, so that most offers tie with one kept.
      const values = Array.from({ length: 2000 }, () => Math.floor(next() * 30) / 7);
      const top = new TopK(k);
      for (const [item, value] of values.entries()) top.offer(item, value);
      expect(top.best()).toEqual(sortedBest(values, k));
      expect(topBy([...values.keys()], (item) => values[item], k)).toEqual(sortedBest(values, k));
    }
  });

  it('keeps all of fewer than k, and what it returns is the caller’s to change', () => {
    const top = new TopK(5);
    top.offer(7, 1);
    top.offer(3, 2);
    const best = top.best();
    best.push(99);
    expect(top.best()).toEqual([3, 7]);
  });
});
