/**
 * A newspaper named in 《》 is an organisation, as People's Daily marks it (《费加罗报》, 《株洲日报》:
 * the name without the brackets). Other titles are no name, but the names inside them stay names
 * (《中华人民共和国国防法》 names a place), as both training corpora mark them.
 */
import type { Span } from './model';

/** A paper's title: short, ending in 报, not a report's kind (通报, 简报, 公报). */
const PAPER = /《([^《》\s]{1,10}?(?<!通|简|公|年|情|汇|预|电|警|喜|捷|快)报)》/gu;

/** The spans with each paper named in 《》 read as one organisation, whatever the model marked inside it. */
export function papersInTitles(text: string, spans: Span[]): Span[] {
  if (!text.includes('报》')) return spans;
  const papers: Span[] = [];
  for (const match of text.matchAll(PAPER)) papers.push({ type: 'org', start: match.index + 1, end: match.index + 1 + match[1].length });
  if (!papers.length) return spans;
  const inside = (s: Span) => papers.some((p) => s.start < p.end && p.start < s.end);
  return [...spans.filter((s) => !inside(s)), ...papers].sort((a, b) => a.start - b.start);
}
