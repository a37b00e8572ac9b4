/**
 * The sentence of a story that best shows why it matched, with the shared words marked. Marks are
 * offsets, never markup: the popup renders text and wraps the marked ranges in elements itself.
 */
import { regExpLiteral } from '../regexp-literal';

export interface Snippet {
  text: string;
  /** [start, end) ranges of `text` to highlight, in order, not overlapping. */
  marks: Array<[number, number]>;
}

const MAX_CHARS = 90;

/** The words worth marking, longest first (a longer name is marked whole, not its part). */
const markable = (words: string[]) => [...new Set(words.filter((w) => w.length >= 2))].sort((a, b) => b.length - a.length);

/** `text` with every occurrence of `words` marked, case-insensitively, longest words first. */
export function markWords(text: string, words: string[]): Snippet {
  const covered = new Uint8Array(text.length);
  const lower = text.toLowerCase();
  const marks: Array<[number, number]> = [];
  for (const w of markable(words)) {
    const word = w.toLowerCase();
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) {
      if (covered.subarray(at, at + word.length).some(Boolean)) continue;
      covered.fill(1, at, at + word.length);
      marks.push([at, at + word.length]);
    }
  }
  return { text, marks: marks.sort((a, b) => a[0] - b[0]) };
}

/**
 * `word` as `texts` first write it: the analysis keeps Latin words in lower case (厂ba, so that 厂BA
 * and 厂Ba are one word), and a reader is shown the story's own spelling (厂BA).
 */
export function asWritten(texts: string[], word: string): string {
  if (!/[a-z]/.test(word)) return word;
  // Matched in place, not in a lower-cased copy, whose length may differ before the word (İ).
  const spelling = new RegExp(regExpLiteral(word), 'i');
  for (const text of texts) {
    const found = spelling.exec(text);
    if (found) return found[0];
  }
  return word;
}

/** The sentence of `paragraphs` that holds most of `words`, cut to MAX_CHARS, with them marked. */
export function makeSnippet(paragraphs: string[], words: string[]): Snippet {
  const sentences = paragraphs
    .flatMap((p) => p.split(/(?<=[。！？!?；;])/))
    .map((s) => s.trim())
    .filter(Boolean);
  const wanted = markable(words);
  const hits = (s: string) => wanted.reduce((n, w) => n + (s.toLowerCase().includes(w.toLowerCase()) ? w.length : 0), 0);
  let best = sentences[0] ?? '';
  for (const s of sentences) if (hits(s) > hits(best)) best = s;
  return markWords(cut(best, wanted), wanted);
}

/** Characters kept before the first marked word when a long sentence is cut to show it. */
const LEAD = 20;

/** A long sentence cut to MAX_CHARS, with its first wanted word in view: a long sentence may name it late. */
function cut(sentence: string, wanted: string[]): string {
  if (sentence.length <= MAX_CHARS) return sentence;
  const lower = sentence.toLowerCase();
  const ends = wanted.flatMap((w) => {
    const at = lower.indexOf(w.toLowerCase());
    return at < 0 ? [] : [[at, at + w.length]];
  });
  const [first, end] = ends.sort((a, b) => a[0] - b[0])[0] ?? [0, 0];
  if (end <= MAX_CHARS - 1) return `${sentence.slice(0, MAX_CHARS - 1)}…`;
  const start = Math.max(0, Math.min(first - LEAD, sentence.length - (MAX_CHARS - 1)));
  const stop = start + MAX_CHARS - 2;
  return `${start > 0 ? '…' : ''}${sentence.slice(start, stop)}${stop < sentence.length ? '…' : ''}`;
}
