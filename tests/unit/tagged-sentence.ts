/** Sentences written as jieba's `word/tag` pairs, and spans named by their text, for the entity passes' tests. */
import type { Token } from '../../lib/nlp/entities';
import type { Span } from '../../lib/nlp/ner/model';
import { wordsAt, type Words } from '../../lib/nlp/ner/word-index';

/** Tokens from `word/tag` pairs, and the text they make. */
export function sentence(tagged: string): { text: string; tokens: Token[] } {
  const tokens = tagged.split(' ').map((pair) => {
    const slash = pair.lastIndexOf('/');
    return { word: pair.slice(0, slash), tag: pair.slice(slash + 1) };
  });
  return { text: tokens.map((t) => t.word).join(''), tokens };
}

/** Spans by their text (each the first occurrence). */
export const spansOf = (text: string, named: Array<[Span['type'], string]>): Span[] =>
  named.map(([type, name]) => ({ type, start: text.indexOf(name), end: text.indexOf(name) + name.length }));

export const names = (text: string, spans: Span[]) => spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);

/** An entity pass as they are written: over a sentence's text, its words and the spans read so far. */
type Pass = (text: string, words: Words, spans: Span[]) => Span[];

/** The names `pass` leaves in a `word/tag` sentence where the model read `named`, as `type:text`. */
export function readAfter(pass: Pass, tagged: string, named: Array<[Span['type'], string]> = []): string[] {
  const { text, tokens } = sentence(tagged);
  return names(text, pass(text, wordsAt(tokens), spansOf(text, named)));
}
