/**
 * The library's names, kept as a trie so that a text is scanned for all of them in one pass.
 * Imports types only: the library's schema can share MAX_NAME_CHARS without loading the analyzer.
 */
import type { Mention } from './entities';

/**
 * The longest name the library learns. Real ones are far shorter (湖南立方新能源科技有限责任公司
 * is 15; the longest the seed and the development set hold is 19). A longer "name" in a feed or an
 * import is junk or an attack: kept, it would make every scan cost its length at each position.
 */
export const MAX_NAME_CHARS = 40;

/** A name the library may learn: two characters at least, MAX_NAME_CHARS at most. */
export const isLearnableName = (name: string) => name.length >= 2 && name.length <= MAX_NAME_CHARS;

/** Children are keyed by parent node × 2¹⁶ + UTF-16 code unit: one map for the whole trie, no object per node. */
const UNITS = 0x10000;

export class Gazetteer {
  private readonly edges = new Map<number, number>();
  /** Node → the entity of the name that ends there. */
  private readonly ends = new Map<number, Mention>();
  private nodes = 1;

  get size(): number {
    return this.ends.size;
  }

  /**
   * Adds a name unless it is known or not learnable; whether it was added. A name known as itself
   * (南方阀门, tagged where a story names the company so) takes the full name a later story
   * gives it (株洲南方阀门股份有限公司): learnt in either order, the two are one entity. With
   * `replace`, the name takes `mention` whatever it was known as.
   */
  add(name: string, mention: Mention, replace = false): boolean {
    if (!isLearnableName(name)) return false;
    let node = 0;
    for (let i = 0; i < name.length; i++) {
      const key = node * UNITS + name.charCodeAt(i);
      let next = this.edges.get(key);
      if (next === undefined) this.edges.set(key, (next = this.nodes++));
      node = next;
    }
    const known = this.ends.get(node);
    if (known && !replace && !(known.text === name && mention.text !== name)) return false;
    this.ends.set(node, mention);
    return true;
  }

  get(name: string): Mention | undefined {
    let node: number | undefined = 0;
    for (let i = 0; i < name.length && node !== undefined; i++) node = this.edges.get(node * UNITS + name.charCodeAt(i));
    return node === undefined ? undefined : this.ends.get(node);
  }

  /**
   * The names found in `text`: at each position the longest name that starts there, left to right
   * (a copy of its entity each time). A walk from a position stops where no name goes on, at
   * MAX_NAME_CHARS at the latest, so the cost is linear in the text whatever the library holds.
   */
  scan(text: string): Mention[] {
    const found: Mention[] = [];
    for (let at = 0; at < text.length; ) {
      let node: number | undefined = 0;
      let length = 0;
      let best: Mention | undefined;
      for (let i = at; i < text.length; i++) {
        node = this.edges.get(node * UNITS + text.charCodeAt(i));
        if (node === undefined) break;
        const mention = this.ends.get(node);
        if (mention) {
          best = mention;
          length = i + 1 - at;
        }
      }
      if (best) {
        found.push({ ...best });
        at += length;
      } else {
        at++;
      }
    }
    return found;
  }
}
