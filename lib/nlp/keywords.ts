/**
 * Keywords by TF-IDF: the words that make a text distinct. The IDF starts from jieba's general
 * table (public/nlp/idf.txt, see scripts/make-nlp-data.ts); words it does not list are rare and get
 * its default. Only content words count: nouns, names, verbs and unknown words of two or more
 * characters, and Latin words.
 */
import type { Mention, Token } from './entities';

/** `tokens` are the words after entity passes: a split name is one piece there. */

export interface Keyword {
  word: string;
  /** TF-IDF relative to the text's best keyword (1). */
  weight: number;
}

export type Idf = (word: string) => number;

/**
 * How many of the library's stories name a word among their keywords or entities. A word the
 * whole library is about (株洲 in a Zhuzhou paper) tells one story from another less than its
 * general IDF says.
 */
export class LibraryFrequencies {
  private readonly df = new Map<string, number>();
  private stories = 0;

  /**
   * Adds the counts of stories not counted before (the caller keeps them apart). A count that is
   * no number (a record written before prototype keys were guarded held `constructor` as the text
   * of a function) is left out rather than turning every weight of its word into NaN.
   */
  add({ df, stories }: { df: Record<string, number>; stories: number }): void {
    if (Number.isFinite(stories)) this.stories += stories;
    for (const [word, n] of Object.entries(df)) if (Number.isFinite(n)) this.df.set(word, (this.df.get(word) ?? 0) + n);
  }

  /** The general IDF plus the library's own: log((N + 1) / (df + 1)). */
  combine(general: Idf): Idf {
    return (word) => general(word) + Math.log((this.stories + 1) / ((this.df.get(word) ?? 0) + 1));
  }
}

/**
 * The IDF table of public/nlp/idf.txt (written by scripts/make-nlp-data.ts): header lines (`#`,
 * `default`), a `values` line (the lowest tenths of IDF, then one character per word: its tenths
 * above that, from `!`), then the words sorted, each front-coded (a character from `0` for the
 * length shared with the word before, then the rest). Loading rebuilds the word list only; a
 * lookup is a binary search, so a cold worker builds no map of 39,000 words before its first answer.
 */
export function parseIdf(text: string): Idf {
  let fallback = 12;
  let base = 0;
  let values = '';
  const words: string[] = [];
  let previous = '';
  for (let at = 0; at < text.length; ) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const first = text.charCodeAt(at);
    if (text.startsWith('default\t', at)) fallback = Number(text.slice(at + 8, end));
    else if (text.startsWith('values\t', at)) {
      const tab = text.indexOf('\t', at + 7);
      base = Number(text.slice(at + 7, tab));
      values = text.slice(tab + 1, end);
    } else if (end > at && first !== 0x23 /* # */) {
      previous = previous.slice(0, first - 48) + text.slice(at + 1, end);
      words.push(previous);
    }
    at = end + 1;
  }
  if (values.length !== words.length) throw new Error(`nlp/idf.txt is damaged: ${words.length} words, ${values.length} values`);
  return (word) => {
    let lo = 0;
    let hi = words.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const here = words[mid];
      if (here === word) return (base + values.charCodeAt(mid) - 33) / 10;
      if (here < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return fallback;
  };
}

/** Tags of content words, looked up in a set: an expression per token cost more than the rest of the count. */
const CONTENT_TAGS = new Set('n nr nrt nrfg ns nt nz nw v vn j x eng gper gloc gorg'.split(' '));
const CONTENT_WORD = /^(?:\p{Script=Han}{2,}|[A-Za-z][A-Za-z0-9.+-]+)$/u;
/** One Han character and the Latin word after it: one term (村BA, below). */
const ONE_HAN = /^\p{Script=Han}$/u;
/** Whether `word` is two or more Latin letters, by code: most words after a short one are not, at their first unit. */
function isLatinWord(word: string): boolean {
  if (word.length < 2) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}
/** Whether every unit of `word` is in the main CJK block (U+4E00–U+9FFF, all Han characters). */
function mainHan(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return true;
}
/** Verbs and nouns so common in news that they never make a text distinct. */
const STOP = new Set(
  '进行 表示 认为 指出 强调 介绍 希望 开展 推进 加强 实现 提高 推动 工作 问题 方面 情况 有关 没有 可以 一个 我们 他们 记者 通讯员 全媒体'.split(' '),
);

/**
 * How often each content word occurs, entities counted as whole words under the name the text
 * resolved them to. A single character glued to a Latin word is one word: 厂BA is not 村BA.
 */
export function countTerms(tokens: Token[][], mentions: Mention[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (word: string) => counts.set(word, (counts.get(word) ?? 0) + 1);
  const entityWords = new Set(mentions.map((m) => m.text));
  for (const chunk of tokens) {
    for (let i = 0; i < chunk.length; i++) {
      const t = chunk[i];
      const next = chunk[i + 1];
      // The Latin word first: most words after a Han one are not, and fail at their first character.
      if (t.word.length <= 2 && next && isLatinWord(next.word) && ONE_HAN.test(t.word)) {
        add(`${t.word}${next.word.toLowerCase()}`);
        i++;
        continue;
      }
      // A content word has two characters at least: most tokens are ruled out before any test.
      if (t.word.length < 2 || entityWords.has(t.word) || !CONTENT_TAGS.has(t.tag)) continue;
      // A word of the main CJK block (nearly all) is a content word as it is: no lower case to make, no expression to run.
      const han = mainHan(t.word);
      const word = han ? t.word : t.word.toLowerCase();
      if ((!han && !CONTENT_WORD.test(word)) || STOP.has(word)) continue;
      add(word);
    }
  }
  for (const m of mentions) if (m.text.length >= 2) add(m.text);
  return counts;
}

/** The `limit` words with the highest TF-IDF, weighted relative to the best (1). */
export function extractKeywords(counts: Map<string, number>, idf: Idf, limit = 10): Keyword[] {
  let scored = [...counts].map(([word, tf]) => ({ word, score: (1 + Math.log(tf)) * idf(word) }));
  // Only words scoring at least the limit-th best can be among the best: the rest are not sorted
  // (comparing words by locale, over a long page's every word, cost more than the rest).
  if (scored.length > limit) {
    const threshold = Float64Array.from(scored, (s) => s.score).sort()[scored.length - limit];
    scored = scored.filter((s) => s.score >= threshold);
  }
  scored.sort((a, b) => b.score - a.score || a.word.localeCompare(b.word));
  const best = scored[0]?.score ?? 1;
  return scored.slice(0, limit).map(({ word, score }) => ({ word, weight: Math.round((score / best) * 1000) / 1000 }));
}
