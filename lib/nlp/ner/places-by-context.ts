/**
 * Foreign cities the model read as people (安卡拉, 伊兹密尔, 利雅得): a transliterated place's
 * name looks to it like a transliterated person's, and only the words around tell them apart —
 * the country written right before it (土耳其伊兹密尔, 香港西九龙), a place's word right after it
 * (安卡拉地铁, 利雅得大区, 钱塘江大桥, 德拉伊耶古城), its mayor and his name (安卡拉市长曼苏尔·亚瓦什).
 */
import type { Span } from './model';
import type { Words } from './word-index';

/**
 * Words that follow a place's name, not a person's: a city's or a region's unit (not 市长, 省委),
 * a city's transport and parts, a bridge.
 */
const PLACE_WORD_AFTER = /^(?:市(?![长委民])|省(?![长委])|州(?![长委])|大区|地铁|轻轨|机场|新机场|国际机场|古城|老城|新城|市区|郊区|大桥|港(?!币))/;
/** The head of a city, a province or a state, whose name follows the title. */
const HEAD = /^(?:市长|省长|州长)/;
/** A person's name joined by · or - (伊德里斯·代比) is a person's, whatever stands around it. */
const JOINED = /[·•・‧\-－]/;

export function placesByContext(text: string, spans: Span[], countryNames: ReadonlySet<string>): Span[] {
  let out = spans;
  spans.forEach((span, i) => {
    if (span.type !== 'person' || JOINED.test(text.slice(span.start, span.end))) return;
    const before = spans[i - 1];
    const country = before?.type === 'place' && before.end === span.start && countryNames.has(text.slice(before.start, before.end));
    // 安卡拉市长曼苏尔: a city's head and his name after it (邓恢明市长 has no name after the title).
    const head = HEAD.exec(text.slice(span.end, span.end + 2));
    const headsCity = head !== null && spans[i + 1]?.type === 'person' && spans[i + 1].start === span.end + head[0].length;
    if (!country && !headsCity && !PLACE_WORD_AFTER.test(text.slice(span.end, span.end + 3))) return;
    if (out === spans) out = spans.slice();
    out[i] = { ...span, type: 'place' };
  });
  return out;
}

/** jieba's tags of a transliterated name it knows (伊兹密尔/nr). */
const NAME_TAG = /^(?:nr|nrt|nrfg)$/;
/** A market (市场) after a name is a company's or a person's stall, not a city. */
const MARKET = /^市场/;

/**
 * The same foreign cities where the model read nothing at all (以伊兹密尔轻轨项目): a name jieba
 * knows as a personal one, no span over it, with a place's word right after it, is the place.
 */
export function unreadPlacesByContext(text: string, words: Words, spans: Span[]): Span[] {
  let out = spans;
  let at = 0;
  let next = 0;
  for (const { word, tag } of words.tokens) {
    const start = at;
    at += word.length;
    if (!NAME_TAG.test(tag) || word.length < 2 || JOINED.test(word)) continue;
    const after = text.slice(at, at + 3);
    if (!PLACE_WORD_AFTER.test(after) || MARKET.test(after)) continue;
    while (next < out.length && out[next].end <= start) next++;
    if (next < out.length && out[next].start < at) continue;
    if (out === spans) out = spans.slice();
    out.splice(next, 0, { type: 'place', start, end: at });
  }
  return out;
}
