/**
 * A body, a title and a person run together into one organisation (中车株机 副总经理 徐海霞 代表
 * 公司): the body ends where the title begins, and the surname after the title begins a person's
 * name of two characters (people.ts may make it three). Only where a title stands as jieba's word
 * inside the span and a surname follows it: 全国人民代表大会 is one word, no title in it.
 */
import { HAN } from '../han';
import type { Span } from './model';
import { startingAt, type Words } from './word-index';

/** jieba's tags of a word that may start a personal name (徐海/ns of 徐海霞: jieba read a place). */
const NAME_TAG = /^(?:nr|nrfg|nrt|ns|x)$/;
/** An honour, not a post: the words before it are its field and country (中国陶瓷艺术大师), no body. */
const HONOUR = /(?:大师|名家|工匠|能手|劳模|标兵)$/;

export function bodiesBeforeTitles(text: string, words: Words, spans: Span[], titles: ReadonlySet<string>, surnames: ReadonlySet<string>): Span[] {
  if (!spans.some((s) => s.type === 'org' && s.end - s.start >= 6)) return spans;
  const out: Span[] = [];
  let changed = false;
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
        // 周益军/x: jieba's one word of three is the whole name.
        const length = after && after.word.length === 3 && name + 3 <= span.end && NAME_TAG.test(after.tag) ? 3 : 2;
        const person: Span = { type: 'person', start: name, end: name + length };
        // 中国陶瓷 艺术大师: before an honour, the words name its field, not a body.
        split = HONOUR.test(word.word) ? [person] : [{ type: 'org', start: span.start, end: at }, person];
      }
    }
    if (split) changed = true;
    out.push(...(split ?? [span]));
  }
  return changed ? out : spans;
}
