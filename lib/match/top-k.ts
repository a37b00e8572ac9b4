/**
 * The few best of many scored items, kept as they are offered: ranking picks a few dozen of the
 * tens of thousands of stories a text's postings touch, by several scores in one pass over them.
 */

/** The `k` items with the highest values offered, best first; of equal values, the first offered. */
export class TopK {
  private readonly items: number[] = [];
  private readonly values: number[] = [];
  /** The lowest value kept once `k` are kept: most offers stop at it. */
  private floor = -Infinity;

  constructor(private readonly k: number) {}

  offer(item: number, value: number): void {
    const { items, values, k } = this;
    if (items.length === k && value <= this.floor) return;
    let at = items.length;
    while (at > 0 && values[at - 1] < value) at--;
    items.splice(at, 0, item);
    values.splice(at, 0, value);
    if (items.length > k) {
      items.pop();
      values.pop();
    }
    if (items.length === k) this.floor = values[k - 1];
  }

  best(): number[] {
    return [...this.items];
  }
}

/** The `k` items with the highest `score`, best first, without sorting them all. */
export function topBy(items: number[], score: (item: number) => number, k: number): number[] {
  const top = new TopK(k);
  for (const item of items) top.offer(item, score(item));
  return top.best();
}
