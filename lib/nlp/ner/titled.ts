/**
 * A body, a title and a person run together into one organisation (中车株机 副总经理 徐海霞 代表
 * 公司): the body ends where the title begins, and the surname after the title begins a person's
 * name of two characters (people.ts may make it three). Only where a title stands as jieba's word
 * inside the span and a surname follows it: 全国人民代表大会 is one word, no title in it. And a
 * person the model began with a title's last character (董事 长江端 预: jieba read 长江) begins after it.
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

/** The longest title whose last character a person's name may be read with. */
const MOST_TITLE = 4;
/** A personal name's characters at most, when it ends where jieba's word does. */
const MOST_NAME = 3;

/**
 * A person whose first character ends a title written before it (长 of 董事长) and a surname after
 * it is the person after the title, to the end of jieba's word the span ends in: 董事长江端预 →
 * 江端预 (jieba: 董事/n 长江/ns 端预/x; the model: 长江端).
 */
export function peopleAfterTitles(text: string, words: Words, spans: Span[], titles: ReadonlySet<string>, surnames: ReadonlySet<string>): Span[] {
  let out = spans;
  spans.forEach((span, i) => {
    if (span.type !== 'person' || !surnames.has(text[span.start + 1] ?? '')) return;
    let titled = false;
    for (let length = 2; length <= MOST_TITLE && !titled; length++) titled = titles.has(text.slice(span.start + 1 - length, span.start + 1));
    if (!titled) return;
    let end = span.end;
    while (end < words.length && words.ends[end] < 0 && words.starts[end] < 0) end++;
    if (words.ends[end] < 0 || end - span.start - 1 > MOST_NAME || end - span.start - 1 < 2 || (spans[i + 1]?.start ?? end) < end) return;
    if (out === spans) out = spans.slice();
    out[i] = { type: 'person', start: span.start + 1, end };
  });
  return out;
}

/** jieba's tag of a personal name it knows. */
const PERSON_TAG = 'nr';
/** A head's title as a common noun (委员长/n, 董事长/n, 院长/n), which the training data may never have written before a name. */
const HEAD_TITLE = /^\p{Script=Han}+长$/u;
const isTitle = (token: { word: string; tag: string }, titles: ReadonlySet<string>) =>
  titles.has(token.word) || (token.tag === 'n' && HEAD_TITLE.test(token.word));

/**
 * A personal name jieba knows (乔石/nr) right after a title as its own word (委员长), begun with a
 * surname, that the model left unread: the person the title names. The titles are the ones the
 * training data wrote before people and any head's (…长), so 今天上午/nr after an ordinary word stays unread.
 */
export function knownPeopleAfterTitles(words: Words, spans: Span[], titles: ReadonlySet<string>, surnames: ReadonlySet<string>): Span[] {
  let out = spans;
  let at = 0;
  let next = 0;
  for (let i = 1; i < words.tokens.length; i++) {
    at += words.tokens[i - 1].word.length;
    const { word, tag } = words.tokens[i];
    if (tag !== PERSON_TAG || word.length < 2 || word.length > MOST_NAME || !surnames.has(word[0]) || !isTitle(words.tokens[i - 1], titles)) continue;
    while (next < out.length && out[next].end <= at) next++;
    if (next < out.length && out[next].start < at + word.length) continue;
    if (out === spans) out = spans.slice();
    out.splice(next, 0, { type: 'person', start: at, end: at + word.length });
  }
  return out;
}
