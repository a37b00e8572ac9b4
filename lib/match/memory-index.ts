/**
 * An inverted index held in memory: for the command line, the tests and the benchmarks. The
 * extension keeps the same records in IndexedDB (lib/library/index-store.ts).
 */
import { storyText, type Story } from '../story';
import type { Idf } from '../nlp/keywords';
import { normalizeForAnalysis } from '../nlp/normalize';
import { entityNamesOf, indexEntry, type DocRecord } from './index-entry';
import type { IndexReader, Posting } from './postings';

export class MemoryIndex implements IndexReader {
  private readonly byOrd = new Map<number, DocRecord>();
  private readonly lists = new Map<string, Posting>();
  private readonly textOf = new Map<string, string>();

  /**
   * The index of a library's analysed stories, each with its text as the ranker reads it: the
   * records the extension's IndexedDB index holds of them, written as one bulk load. A story
   * listed twice is indexed as its last version, where it was first listed.
   */
  static ofStories(stories: Iterable<Story>, idf: Idf): MemoryIndex {
    const index = new MemoryIndex();
    const building = new Map<string, { ords: number[]; weights: number[] }>();
    for (const story of new Map([...stories].map((s) => [s.id, s])).values()) {
      const entry = indexEntry(story, idf);
      if (!entry) continue;
      const ord = index.byOrd.size;
      index.byOrd.set(ord, { ...entry.doc, ord });
      index.textOf.set(story.id, normalizeForAnalysis(storyText(story)));
      for (const [term, weight] of entry.weights) {
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
