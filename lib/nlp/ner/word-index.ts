/**
 * jieba's words by where they start and where they end in the sentence, read by every pass of the
 * tagger's clean-up and by the passes after it (bodies.ts): the index of the word at each position
 * (−1 for none) in arrays reused across sentences, not two maps built per sentence.
 */
import type { Token } from '../entities';

export interface Words {
  tokens: readonly Token[];
  /** The sentence's length: the arrays hold older sentences' words beyond it. */
  length: number;
  starts: Int32Array;
  ends: Int32Array;
}

let wordStarts = new Int32Array(0);
let wordEnds = new Int32Array(0);

export function wordsAt(tokens: readonly Token[]): Words {
  let length = 0;
  for (const token of tokens) length += token.word.length;
  if (wordStarts.length <= length) {
    wordStarts = new Int32Array((length + 1) * 2);
    wordEnds = new Int32Array((length + 1) * 2);
  }
  wordStarts.fill(-1, 0, length + 1);
  wordEnds.fill(-1, 0, length + 1);
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    wordStarts[at] = i;
    at += tokens[i].word.length;
    wordEnds[at] = i;
  }
  return { tokens, length, starts: wordStarts, ends: wordEnds };
}

/** The word that starts at `at`, if one does. */
export const startingAt = ({ tokens, length, starts }: Words, at: number): Token | undefined =>
  at >= 0 && at <= length && starts[at] >= 0 ? tokens[starts[at]] : undefined;
/** The word that ends at `at`, if one does. */
export const endingAt = ({ tokens, length, ends }: Words, at: number): Token | undefined =>
  at >= 0 && at <= length && ends[at] >= 0 ? tokens[ends[at]] : undefined;
