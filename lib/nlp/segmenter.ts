/**
 * jieba, loaded once and only when first needed: a cold service worker that only lists stories
 * never pays for building jieba's dictionary. The caller supplies the loader (the wasm web build
 * in the extension, the Node build in the CLI and tests), so this module runs anywhere.
 */
export interface Jieba {
  /** Bytes of wasm memory, where the loader can tell (the web build exposes its memory). */
  memoryBytes?: () => number;
  /** How the loader got jieba's dictionary: built, or restored from last wake's copy (lib/nlp/wasm-snapshot.ts). */
  dictionary?: 'built' | 'restored';
  cut(text: string, hmm?: boolean | null): string[];
  cut_for_search(text: string, hmm?: boolean | null): string[];
  tag(text: string, hmm?: boolean | null): TaggedWord[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
}

/**
 * Loads jieba; `restoring` is told, as soon as the loader knows, whether the dictionary comes from
 * last wake's copy (ready in a fraction of a build's time) or must be built.
 */
export type LoadJieba = (restoring?: (fromCopy: boolean) => void) => Promise<Jieba>;

/**
 * A text with what a page brings jieba: Han, Latin letters and digits, punctuation, a line
 * break, and names its dictionary lacks (its HMM joins them).
 */
const FIRST_CALLS_TEXT = '株洲市长曹慧泉到土耳其考察，与Erdoğan会谈3小时。\n湖南中车时代电动汽车股份有限公司2025年销量增长12.5%，董事长周清和说：“好！”';

/**
 * jieba's first calls, made where its dictionary is built and before the built state is kept
 * (lib/nlp/wasm-snapshot.ts): what jieba makes lazily on its first cut with the HMM (its state,
 * not compiled code: 70–100 ms of a cold wake's first tag, docs/benchmarks.md) is then in the
 * copy a wake restores, not made again during the first page's analysis. Only `cut`: `tag` keeps JS values (its objects' keys) that a copy of the memory
 * cannot bring back (tests/unit/wasm-snapshot.test.ts). Nothing is taught.
 */
export function firstCalls(j: Pick<Jieba, 'cut'>): void {
  j.cut('株洲', false);
  j.cut(FIRST_CALLS_TEXT, true);
}

/** jieba, loaded on first call. */
export interface LazyJieba {
  (): Promise<Jieba>;
  /** Whether its dictionary is being restored from a copy, as soon as known; false when it is not loading at all. */
  restoring(): Promise<boolean>;
}

/** Performance marks the analysis leaves: readable in DevTools and by `npm run bench`. */
export const JIEBA_READY_MARK = 'zhuzhou-lens:jieba-ready';
export const ANALYSIS_MARK = 'zhuzhou-lens:analysis';

/**
 * Memoises a loader: the first caller starts loading, everyone shares the result. jieba builds its
 * dictionary on the first call, not on load, so that call happens here, and is timed.
 */
export function lazyJieba(load: LoadJieba): LazyJieba {
  let jieba: Promise<Jieba> | undefined;
  let told: (fromCopy: boolean) => void = () => undefined;
  const restoring = new Promise<boolean>((resolve) => (told = resolve));
  const get = () =>
    (jieba ??= (async () => {
      const start = performance.now();
      // A loader that never tells has told once it is done (or failed): nothing more to wait for.
      const loaded = await load(told).finally(() => told(false));
      loaded.cut('株洲', false);
      performance.clearMarks(JIEBA_READY_MARK);
      performance.mark(JIEBA_READY_MARK, { detail: { ms: performance.now() - start, dictionary: loaded.dictionary } });
      return loaded;
    })());
  return Object.assign(get, { restoring: () => (jieba ? restoring : Promise.resolve(false)) });
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

/** Beyond this many distinct words the tag cache starts again (a bounded cache). */
const TAG_CACHE_WORDS = 100_000;
/** At most this many new words of a cut text are tagged on their own; more, and the text is tagged. */
const FEW_NEW_WORDS = 8;

/** A word and jieba's tag of it. */
export interface TaggedWord {
  word: string;
  tag: string;
}

/**
 * jieba's `tag`, cheaper on words seen before. jieba's tag of a word is a dictionary lookup of the
 * word its `cut` found, the same in any sentence, so every tag jieba returns is remembered. Once
 * texts repeat what came before (a page analysed again, a selection from it), a text is only `cut`
 * (plain strings cross from wasm far more cheaply than `tag`'s objects) and its tags come from
 * memory; a few new words are tagged on their own, one per line, and a word jieba would cut
 * differently on its own (a rare word its HMM joined in context) sends the text to `tag`. The
 * result is always exactly `tag`'s, each word's one object (nothing reading them changes them):
 * a text of 300,000 characters makes no new ones once its words are known, and every token has
 * the same shape. Make a new tagger after teaching jieba words.
 */
export function cachedTagger(j: Pick<Jieba, 'cut' | 'tag'>): (text: string) => TaggedWord[] {
  const tokens = new Map<string, TaggedWord>();
  /** The word's one token, `tag` its tag where it has none yet. */
  const tokenOf = (word: string, tag: string) => {
    let token = tokens.get(word);
    if (!token) tokens.set(word, (token = { word, tag }));
    return token;
  };
  /** Whether the last text brought (nearly) no new words: then the next one likely will not either. */
  let warm = false;
  const tagged = (text: string) => {
    if (tokens.size > TAG_CACHE_WORDS) tokens.clear();
    const out = j.tag(text, true);
    const known = tokens.size;
    for (let i = 0; i < out.length; i++) {
      const { word, tag } = out[i];
      const token = tokenOf(word, tag);
      out[i] = token.tag === tag ? token : { word, tag };
    }
    warm = tokens.size === known;
    return out;
  };
  /** Tags new words on their own; false if one of them comes out cut differently. */
  const learned = (words: Set<string>) => {
    const alone = j.tag([...words].join('\n'), true);
    let i = 0;
    for (const w of words) {
      if (alone[i]?.word === '\n') i++;
      if (alone[i]?.word !== w) return false;
      tokenOf(w, alone[i++].tag);
    }
    return true;
  };
  return (text) => {
    // New words are sent one per line: a text of several lines is tagged whole.
    // Where many words are likely new, cutting first would be wasted.
    if (!warm || text.includes('\n')) return tagged(text);
    const words = j.cut(text, true);
    // One lookup a word, the cost of a warm text; a text with new words is read again once they are learnt.
    const out: TaggedWord[] = [];
    let unseen: Set<string> | undefined;
    for (const w of words) {
      const token = tokens.get(w);
      if (token) out.push(token);
      else (unseen ??= new Set()).add(w);
    }
    if (!unseen) return out;
    if (unseen.size > FEW_NEW_WORDS || !learned(unseen)) return tagged(text);
    return words.map((w) => tokens.get(w)!);
  };
}
