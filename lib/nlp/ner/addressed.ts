/**
 * A person named by surname and form of address (陈小姐, 程先生, 王某, 胡老): the name is the surname,
 * as People's Daily marks it, and the form is no part of it. A surname alone is one character, so
 * it is a mention (counted, resolved to the text's full name) but no chip.
 */
import { nameKnowledge } from '../knowledge';
import type { Span } from './model';

/** Forms of address written right after a bare surname. */
const ADDRESSED = /^(\p{Script=Han}{1,2}?)(?:先生|女士|小姐|老师|师傅|某|老)$/u;

/** The spans with each person read as a surname and a form of address cut to the surname. */
export function surnamesAddressed(text: string, spans: Span[]): Span[] {
  let changed = false;
  const out = spans.map((span) => {
    if (span.type !== 'person' || span.end - span.start > 4) return span;
    const addressed = ADDRESSED.exec(text.slice(span.start, span.end));
    if (!addressed || !nameKnowledge().surnames.has(addressed[1])) return span;
    changed = true;
    return { type: 'person' as const, start: span.start, end: span.start + addressed[1].length };
  });
  return changed ? out : spans;
}
