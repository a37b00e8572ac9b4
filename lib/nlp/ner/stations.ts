/**
 * A station named by its city and a direction (株洲北站, 长沙南站), a ground by its estate
 * (五福苑足球场), an airport or a bridge by its city or river (德黑兰机场, 湘江大桥): the model reads the city as a place and the rest (北站) as another, a half a
 * reader notices, or leaves the rest out. Joined to
 * the place right before it, the station is one place; with no place before it, it names no station
 * and is dropped.
 */
import type { Span } from './model';
import { startingAt, type Words } from './word-index';

const BARE_STATION = /^[东西南北]?站$/;
/**
 * A station's direction and 站 as jieba's one word (北站/ns), a sports ground's word (足球场,
 * 体育馆), or a place's airport, bridge, tunnel, square or park: after a place, that place's
 * station, ground or site, one place (五福苑足球场, 株洲北站, 德黑兰机场, 湘江大桥). People's Daily's dev
 * split marks every one of these whole (16 times) and never the place alone before them.
 */
const PLACE_OF_PLACE = /^(?:[东西南北]站|足球场|体育场|体育馆|篮球场|篮球馆|游泳馆|(?:国际)?机场|大桥|隧道|广场|公园)$/;

export function stationsOfPlaces(text: string, words: Words, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (span.type !== 'place' || !BARE_STATION.test(text.slice(span.start, span.end))) {
      const station = span.type === 'place' ? startingAt(words, span.end) : undefined;
      const free = station && (spans[i + 1]?.start ?? text.length) >= span.end + station.word.length;
      out.push(free && PLACE_OF_PLACE.test(station.word) ? { ...span, end: span.end + station.word.length } : span);
      continue;
    }
    const before = out.at(-1);
    if (before?.type === 'place' && before.end === span.start) out[out.length - 1] = { ...before, end: span.end };
  }
  return out;
}
