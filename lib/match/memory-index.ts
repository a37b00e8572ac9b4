/**
 * An inverted index held in memory: for the command line, the tests and the benchmarks. The
 * extension keeps the same records in IndexedDB (lib/library/index-store.ts).
 */
import { entityNamesOf, type DocRecord, type IndexEntry } from './index-entry';
import { emptyPosting, updatePosting } from './postings';
import type { IndexReader, Posting } from './postings';

export class MemoryIndex implements IndexReader {
  private readonly byOrd = new Map<number, DocRecord>();
  private readonly ordOf = new Map<string, number>();
  private readonly termsOf = new Map<number, string[]>();
  private readonly lists = new Map<string, Posting>();
  private nextOrd = 0;
  private readonly textOf = new Map<string, string>();

  /** Adds a story, or replaces what was indexed under its id. */
  put({ doc, weights }: IndexEntry, text: string): void {
    this.textOf.set(doc.id, text);
    const old = this.ordOf.get(doc.id);
    const ord = old ?? this.nextOrd++;
    for (const term of this.termsOf.get(ord) ?? []) if (!weights.has(term)) this.lists.set(term, updatePosting(this.lists.get(term)!, ord));
    for (const [term, weight] of weights) this.lists.set(term, updatePosting(this.lists.get(term) ?? emptyPosting(), ord, weight));
    this.ordOf.set(doc.id, ord);
    this.byOrd.set(ord, { ...doc, ord });
    this.termsOf.set(ord, [...weights.keys()]);
  }

  /** Everything the index holds, as one bulk load would write it (benchmarks). */
  static fromEntries(entries: Iterable<IndexEntry & { text: string }>): MemoryIndex {
    const index = new MemoryIndex();
    const building = new Map<string, { ords: number[]; weights: number[] }>();
    for (const { doc, weights, text } of entries) {
      index.textOf.set(doc.id, text);
      const ord = index.nextOrd++;
      index.ordOf.set(doc.id, ord);
      index.byOrd.set(ord, { ...doc, ord });
      index.termsOf.set(ord, [...weights.keys()]);
      for (const [term, weight] of weights) {
        let list = building.get(term);
        if (!list) building.set(term, (list = { ords: [], weights: [] }));
        list.ords.push(ord);
        list.weights.push(weight);
      }
    }
    for (const [term, list] of building) index.lists.set(term, { ords: Uint32Array.from(list.ords), weights: Float32Array.from(list.weights) });
    return index;
  }

  /** Every entity term of the index with the name a story gives it. */
  entityNames(): Array<[string, string]> {
    return entityNamesOf(this.byOrd.values());
  }

  async size() {
    return this.byOrd.size;
  }

  async postings(terms: string[], maxCount: number) {
    const lists = new Map<string, Posting>();
    const df = new Map<string, number>();
    for (const term of terms) {
      const list = this.lists.get(term);
      df.set(term, list?.ords.length ?? 0);
      if (list?.ords.length && list.ords.length <= maxCount) lists.set(term, list);
    }
    return { lists, df };
  }

  async docs(ords: number[]) {
    return ords.map((ord) => this.byOrd.get(ord)!);
  }

  async texts(ids: string[]) {
    return ids.map((id) => this.textOf.get(id) ?? '');
  }
}
