/**
 * An outlet's dateline opens a report: its name, the city it reports from, the date and 讯
 * (红网时刻株洲5月20日讯, 新湖南客户端5月20日讯). The outlet is an organisation, as a paper's
 * dateline is (株洲日报讯, in the tagger's clean-up); the model reads 新湖南 as a place's half (湖)
 * or 红网时刻 as nothing. The city stays the place it is.
 */
import { divisionNames } from './divisions';
import type { Span } from './model';

/** A dateline at the sentence's start: the outlet and its city, then the date and 讯. */
const DATELINE = /^(\p{Script=Han}{2,12})\d{1,2}月\d{1,2}日讯/u;
/** What follows an outlet's name in its dateline: its app or its site. */
const MEDIUM = /(?:客户端|APP|App|app)$/;
/** The longest city's name a dateline gives. */
const MOST_CITY = 4;
/** The reporting paper itself (本报北京5月14日讯, as People's Daily opens its reports): no name. */
const THIS_OUTLET = /^本[报台刊网站]/;
/** An outlet's name has two characters at least (红网). */
const LEAST = 2;

/** The spans with the outlet of a dateline at the sentence's start an organisation, and its city a place. */
export function outletsInDatelines(text: string, spans: Span[]): Span[] {
  const dateline = DATELINE.exec(text);
  if (!dateline || THIS_OUTLET.test(dateline[1])) return spans;
  const head = dateline[1];
  let end = head.length;
  let city: Span | undefined;
  for (let length = Math.min(MOST_CITY, head.length - LEAST); length >= 2 && !city; length--)
    if (divisionNames().has(head.slice(head.length - length))) city = { type: 'place', start: head.length - length, end: head.length };
  if (city) end = city.start;
  end -= MEDIUM.exec(text.slice(0, end))?.[0].length ?? 0;
  if (end < LEAST) return spans;
  const outlet: Span = { type: 'org', start: 0, end };
  const kept = spans.filter((s) => s.start >= end && !(city && s.start < city.end && city.start < s.end));
  return [outlet, ...(city ? [city] : []), ...kept];
}
