/**
 * jieba, loaded once and only when first needed: a cold service worker that only lists stories
 * never pays for building jieba's dictionary. The caller supplies the loader (the wasm web build
 * in the extension, the Node build in the CLI and tests), so this module runs anywhere.
 */
export interface Jieba {
  cut(text: string, hmm?: boolean | null): string[];
  cut_for_search(text: string, hmm?: boolean | null): string[];
}

export interface Segmenter {
  /** Words for searching and indexing: long words and their parts. */
  searchWords(text: string): Promise<string[]>;
}

/** Words that carry meaning: two or more Han characters, or a Latin word or number. */
const MEANINGFUL = /^(?:\p{Script=Han}{2,}|[\p{L}\p{N}]{2,})$/u;

export function lazySegmenter(load: () => Promise<Jieba>): Segmenter {
  let jieba: Promise<Jieba> | undefined;
  return {
    async searchWords(text) {
      jieba ??= load();
      const words = new Set<string>();
      // Paragraph by paragraph: one huge call grows the wasm heap for good.
      for (const part of text.normalize('NFKC').split(/\n+/)) {
        for (const word of (await jieba).cut_for_search(part, true)) {
          const w = word.trim().toLowerCase();
          if (MEANINGFUL.test(w)) words.add(w);
        }
      }
      return [...words];
    },
  };
}
