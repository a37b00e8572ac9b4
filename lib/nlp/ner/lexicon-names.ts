/**
 * A person or a place the name lexicon knows, that the model left unread where jieba writes it as
 * whole words (北京图书大厦, 人民大会堂, 张之洞): the lexicon holds the names its training data
 * labelled in at least half the places they occur (scripts/ner-lexicon.ts), so one met alone, of
 * one kind only, is that kind. Not organisations: CLUENER labels kinds of body (公安机关, 地方政府)
 * as bodies, and the lexicon keeps them; on People's Daily's held-out fifths they added false alarms.
 */
import { longestNameAt, type NameLexicon } from './lexicon';
import type { Span } from './model';
import type { Words } from './word-index';

const KINDS: Span['type'][] = ['person', 'place', 'org'];
/** The lexicon's kinds read here (mask bits): the person and the place. */
const READ = 0b011;
/** The labelled kinds (the general places, bit 3, are China's divisions and the countries, which the model reads). */
const LABELLED = 0b111;

export function unreadLexiconNames(text: string, words: Words, spans: Span[], lexicon: NameLexicon | undefined): Span[] {
  if (!lexicon) return spans;
  let out = spans;
  let next = 0;
  // Set per word, read by one closure: a closure made per word allocated its scope every word.
  let limit = 0;
  const endsWord = (end: number) => end <= limit && words.ends[end] >= 0;
  for (let at = 0; at < words.length; at++) {
    if (words.starts[at] < 0) continue;
    while (next < out.length && out[next].end <= at) next++;
    if (next < out.length && out[next].start <= at) continue;
    limit = next < out.length ? out[next].start : text.length;
    const found = longestNameAt(lexicon, text, at, endsWord);
    if (!found) continue;
    // One labelled kind only: a name labelled a person here and a body there says neither.
    const mask = found.kinds & LABELLED;
    if (!(mask & READ) || mask & (mask - 1)) continue;
    // CLUENER labels kinds of place (菜市场, 营业厅) as scenes, and the lexicon keeps some: as chips they name nothing.
    if (onlyCommonNouns(words, at, found.end)) continue;
    if (out === spans) out = spans.slice();
    out.splice(next, 0, { type: KINDS[31 - Math.clz32(mask)], start: at, end: found.end });
    next++;
    at = found.end - 1;
  }
  return out;
}

/** jieba's words from `start` to `end` are all common nouns (菜市场/n, 购物/n 街/n): a kind of place, not a name. */
function onlyCommonNouns(words: Words, start: number, end: number): boolean {
  for (let at = start; at < end; at += words.tokens[words.starts[at]].word.length) if (words.tokens[words.starts[at]].tag !== 'n') return false;
  return true;
}
