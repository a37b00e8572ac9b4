/**
 * Places and bodies the model cut against jieba's words. A place that runs past a country's or a
 * division's name into half of the next word (巴西弗拉明 of 巴西 弗拉/明戈,
 * 长沙乐 of 长沙 乐运魔方) took a character of another name: the known place alone is the place.
 * A country that begins one word jieba knows as a place (中国台北/ns) is read with the rest of that
 * word as a place of its own, where the model stopped at the country.
 */
import { divisionNames } from './divisions';
import type { Span } from './model';
import { endingAt, startingAt, type Words } from './word-index';

const PLACE_TAG = 'ns';

export function placesCutInWords(text: string, words: Words, spans: Span[], countryCodes: ReadonlyMap<string, string>): Span[] {
  const known = (name: string) => countryCodes.has(name) || divisionNames().has(name);
  let out = spans;
  for (let i = 0; i < out.length; i++) {
    const span = out[i];
    if (span.type !== 'place') continue;
    const first = startingAt(words, span.start);
    if (!first) continue;
    const firstEnd = span.start + first.word.length;
    // Ends inside a word: no word ends where the span does.
    if (firstEnd < span.end && !endingAt(words, span.end) && known(first.word)) {
      if (out === spans) out = spans.slice();
      out[i] = { ...span, end: firstEnd };
      continue;
    }
    const rest = firstEnd - span.end;
    const free = (out[i + 1]?.start ?? text.length) >= firstEnd;
    if (first.tag === PLACE_TAG && rest >= 2 && free && countryCodes.has(text.slice(span.start, span.end))) {
      if (out === spans) out = spans.slice();
      out.splice(i + 1, 0, { type: 'place', start: span.end, end: firstEnd });
      i++;
    }
  }
  return out;
}

/** jieba's tag of a body's name it knows (人民代表大会/nt). */
const BODY_TAG = 'nt';

/**
 * An organisation the model ended inside a body's name jieba knows as one word (株洲市人民代表大 of
 * 人民代表大会/nt) ends with that word.
 */
export function bodiesCutInWords(words: Words, spans: Span[]): Span[] {
  let out = spans;
  out.forEach((span, i) => {
    if (span.type !== 'org' || endingAt(words, span.end)) return;
    let start = span.end - 1;
    while (start > span.start && !startingAt(words, start)) start--;
    const word = startingAt(words, start);
    const end = word ? start + word.word.length : 0;
    // Most of the word inside the span (人民代表大 of 人民代表大会), not its first character (八中 of 中等学校).
    if (!word || word.tag !== BODY_TAG || end <= span.end || 2 * (span.end - start) <= word.word.length || (out[i + 1]?.start ?? Infinity) < end) return;
    if (out === spans) out = spans.slice();
    out[i] = { ...span, end };
  });
  return out;
}
