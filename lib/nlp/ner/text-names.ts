/**
 * What one sentence's names learn from the others of the same text: a body's name the model cut
 * short where jieba split an unknown word (专精/特新/联队 → 特新联队) is whole where the text names
 * the body another way (专精特新队): the characters before the cut, with the name's start, begin
 * that other organisation's name.
 */
import { HAN } from '../han';
import type { Mention } from '../entities';

/** How many characters before a name may belong to it. */
const MOST_BEFORE = 4;
/** How many of the name's own characters, after them, must begin the other organisation's name too. */
const SHARED = 2;

/** Each sentence's mentions (`mentions[i]` found in `sentences[i]`, in reading order), organisations completed. */
export function completedNames(sentences: readonly string[], mentions: readonly Mention[][]): Mention[][] {
  // The starts of every organisation's name in the text, of each length that may be matched.
  const starts = new Set<string>();
  for (const list of mentions)
    for (const m of list)
      if (m.type === 'org') for (let k = SHARED + 1; k <= Math.min(m.text.length, MOST_BEFORE + SHARED); k++) starts.add(m.text.slice(0, k));
  if (!starts.size) return mentions as Mention[][];
  return mentions.map((list, i) => {
    const text = sentences[i];
    let from = 0;
    return list.map((m) => {
      const at = text.indexOf(m.text, from);
      if (at < 0) return m;
      const previousEnd = from;
      from = at + m.text.length;
      if (m.type !== 'org' || m.text.length <= SHARED) return m;
      for (let before = 1; before <= MOST_BEFORE && at - before >= previousEnd; before++) {
        const lead = text.slice(at - before, at);
        if (!HAN.test(lead)) break;
        if (starts.has(lead + m.text.slice(0, SHARED))) return { type: 'org', text: lead + m.text };
      }
      return m;
    });
  });
}
