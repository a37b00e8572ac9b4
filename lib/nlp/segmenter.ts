/**
 * jieba, loaded once and only when first needed: a cold service worker that only lists stories
 * never pays for building jieba's dictionary. The caller supplies the loader (the wasm web build
 * in the extension, the Node build in the CLI and tests), so this module runs anywhere.
 */
export interface Jieba {
  /** Bytes of wasm memory, where the loader can tell (the web build exposes its memory). */
  memoryBytes?: () => number;
  cut(text: string, hmm?: boolean | null): string[];
  cut_for_search(text: string, hmm?: boolean | null): string[];
  tag(text: string, hmm?: boolean | null): Array<{ word: string; tag: string }>;
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

export type LoadJieba = () => Promise<Jieba>;

/** Performance marks the analysis leaves: readable in DevTools and by `npm run bench`. */
export const JIEBA_READY_MARK = 'zhuzhou-lens:jieba-ready';
export const ANALYSIS_MARK = 'zhuzhou-lens:analysis';

/**
 * Memoises a loader: the first caller starts loading, everyone shares the result. jieba builds its
 * dictionary on the first call, not on load, so that call happens here, and is timed.
 */
export function lazyJieba(load: LoadJieba): () => Promise<Jieba> {
  let jieba: Promise<Jieba> | undefined;
  return () =>
    (jieba ??= (async () => {
      const start = performance.now();
      const loaded = await load();
      loaded.cut('株洲', false);
      performance.clearMarks(JIEBA_READY_MARK);
      performance.mark(JIEBA_READY_MARK, { detail: { ms: performance.now() - start } });
      return loaded;
    })());
}

/**
 * Analysis text in pieces jieba handles well: one call per line, long lines cut at sentence ends,
 * because one huge call grows the wasm heap for good.
 */
export function* analysisChunks(text: string, max = 2000): Generator<string> {
  for (const line of text.split('\n')) {
    for (let start = 0; start < line.length; ) {
      let end = Math.min(line.length, start + max);
      if (end < line.length) {
        const cut = Math.max(line.lastIndexOf('。', end), line.lastIndexOf('!', end), line.lastIndexOf('?', end));
        if (cut > start) end = cut + 1;
      }
      const chunk = line.slice(start, end).trim();
      if (chunk) yield chunk;
      start = end;
    }
  }
}
