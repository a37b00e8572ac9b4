/**
 * A body, a title and a person run together into one organisation (中车株机 副总经理 徐海霞 代表
 * 公司): the body ends where the title begins, and the surname after the title begins a person's
 * name of two characters (people.ts may make it three). Only where a title stands as jieba's word
 * inside the span and a surname follows it: 全国人民代表大会 is one word, no title in it.
 */
import type { Span } from './model';
import { startingAt, type Words } from './word-index';

const HAN = /^\p{Script=Han}+$/u;
/** jieba's tags of a word that may start a personal name (徐海/ns of 徐海霞: jieba read a place). */
const NAME_TAG = /^(?:nr|nrfg|nrt|ns|x)$/;

export function bodiesBeforeTitles(text: string, words: Words, spans: Span[], titles: ReadonlySet<string>, surnames: ReadonlySet<string>): Span[] {
  if (!spans.some((s) => s.type === 'org' && s.end - s.start >= 6)) return spans;
  const out: Span[] = [];
  for (const span of spans) {
    let split: Span[] | undefined;
    if (span.type === 'org') {
      for (let at = span.start + 2; at < span.end - 2 && !split; at++) {
        const word = startingAt(words, at);
        if (!word || !titles.has(word.word)) continue;
        const name = at + word.word.length;
        if (name + 2 > span.end || !surnames.has(text[name]) || !HAN.test(text.slice(name, name + 2))) continue;
        // 中介 公司: an ordinary word after the title is no name.
        const after = startingAt(words, name);
        if (after && after.word.length > 1 && !NAME_TAG.test(after.tag)) continue;
        split = [
          { type: 'org', start: span.start, end: at },
          { type: 'person', start: name, end: name + 2 },
        ];
      }
    }
    out.push(...(split ?? [span]));
  }
  return out.length === spans.length ? spans : out;
}
