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

/** A cached word's tag that depends on its sentence: jieba alone cuts the word differently. */
const IN_CONTEXT = '';
/** Beyond this many distinct words the tag cache starts again (a bounded cache). */
const TAG_CACHE_WORDS = 100_000;

/**
 * jieba's `tag`, twice as cheap on a warm cache: jieba's tag of a word is a dictionary lookup of
 * the word its `cut` found, so a text is `cut` (plain strings cross from wasm quickly; `tag`'s
 * objects do not) and each distinct word's tag is remembered. New words are tagged in one call,
 * one per line; a word jieba would cut differently on its own (a rare word its HMM joined in
 * context) sends that text to `tag` itself, so the result is always exactly `tag`'s. Make a new
 * tagger after teaching jieba words.
 */
export function cachedTagger(j: Pick<Jieba, 'cut' | 'tag'>): (text: string) => Array<{ word: string; tag: string }> {
  const tags = new Map<string, string>();
  return (text) => {
    // New words are sent one per line: a text of several lines is not split by this cache.
    if (text.includes('\n')) return j.tag(text, true);
    const words = j.cut(text, true);
    let unseen: Set<string> | undefined;
    for (const w of words) if (!tags.has(w)) (unseen ??= new Set()).add(w);
    if (unseen) {
      if (tags.size > TAG_CACHE_WORDS) tags.clear();
      const alone = j.tag([...unseen].join('\n'), true);
      let i = 0;
      for (const w of unseen) {
        if (alone[i]?.word === '\n') i++;
        let length = 0;
        let parts = 0;
        let tag = IN_CONTEXT;
        while (length < w.length && i < alone.length) {
          length += alone[i].word.length;
          tag = alone[i++].tag;
          parts++;
        }
        tags.set(w, parts === 1 && length === w.length ? tag : IN_CONTEXT);
      }
    }
    const out = new Array<{ word: string; tag: string }>(words.length);
    for (let i = 0; i < words.length; i++) {
      const tag = tags.get(words[i]);
      if (tag === undefined || tag === IN_CONTEXT) return j.tag(text, true);
      out[i] = { word: words[i], tag };
    }
    return out;
  };
}
