/**
 * A station named by its city and a direction (株洲北站, 长沙南站): the model reads the city as a
 * place and the rest (北站) as another, a half a reader notices. Joined to the place right before
 * it, the station is one place; with no place before it, it names no station and is dropped.
 */
import type { Span } from './model';

const BARE_STATION = /^[东西南北]?站$/;

export function stationsOfPlaces(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    if (span.type !== 'place' || !BARE_STATION.test(text.slice(span.start, span.end))) {
      out.push(span);
      continue;
    }
    const before = out.at(-1);
    if (before?.type === 'place' && before.end === span.start) out[out.length - 1] = { ...before, end: span.end };
  }
  return out;
}
