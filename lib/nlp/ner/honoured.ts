/**
 * A name right before 同志, 先生 or 女士 is a person's (廖汉生同志, 邵一夫先生): People's Daily's dev
 * split writes only people there (50 times, no place or body). The model misses such a name where
 * its characters are ordinary words to jieba (邵/nr 一夫/n) or reads it as a place. So, right before
 * the honorific, a span of two or three characters begun with a surname that is no known place
 * becomes the person, and where nothing was read, jieba's words of two or three characters begun
 * with a one-character surname or a personal name (nr) are the person.
 */
import { overlapping, type Span } from './model';
import { endingAt, startingAt, type Words } from './word-index';

const HONORIFIC = /^(?:同志|先生|女士)$/;
/** jieba's tag of a personal name, and of a surname standing alone (邵/nr). */
const PERSON_TAG = 'nr';

export function peopleBeforeHonorifics(
  text: string,
  words: Words,
  spans: Span[],
  surnames: ReadonlySet<string>,
  knownPlace: (name: string) => boolean,
): Span[] {
  let out = spans;
  const isName = (start: number, end: number) => end - start >= 2 && end - start <= 3 && surnames.has(text[start]);
  for (let at = 2; at < text.length - 1; at++) {
    const honorific = startingAt(words, at);
    if (!honorific || !HONORIFIC.test(honorific.word)) continue;
    const i = spanEndingAt(out, at);
    if (i >= 0) {
      const span = out[i];
      if (span.type === 'person' || !isName(span.start, span.end) || knownPlace(text.slice(span.start, span.end))) continue;
      if (out === spans) out = spans.slice();
      out[i] = { ...span, type: 'person' };
      continue;
    }
    if (overlapping(out, at - 3, at)) continue;
    const last = endingAt(words, at);
    if (!last) continue;
    let start = at - last.word.length;
    if (last.tag !== PERSON_TAG || last.word.length < 2) {
      if (last.word.length > 2) continue;
      const first = endingAt(words, start);
      if (first?.tag !== PERSON_TAG || first.word.length !== 1) continue;
      start -= 1;
    }
    if (!isName(start, at) || overlapping(out, start, at)) continue;
    if (out === spans) out = spans.slice();
    out.splice(firstFrom(out, at), 0, { type: 'person', start, end: at });
  }
  return out;
}

// Loops, not closures over `at`: a closure over the loop's position allocated a scope every character.

/** The index of the span ending at `at`, or −1. */
function spanEndingAt(spans: readonly Span[], at: number): number {
  for (let i = 0; i < spans.length; i++) if (spans[i].end === at) return i;
  return -1;
}

/** The index of the first span starting at or after `at` (the spans' length for none). */
function firstFrom(spans: readonly Span[], at: number): number {
  let i = 0;
  while (i < spans.length && spans[i].start < at) i++;
  return i;
}
