/**
 * A ministry named only by its chief's title: People's Daily marks the body in 司法部长 (司法部),
 * with the country before it (芬兰农林部长 → 芬兰农林部, 美国前商务部长 → 美国前商务部): 17 of the
 * 27 部长 of its dev split, every one where the words before the title name a ministry. jieba writes
 * the title as one noun with the ministry (司法部长/n) or the ministry's words before it (农林/n
 * 部长/n), and the model reads some of them and not others. The person named after the title stays
 * a person: only the title's 长 ends the body.
 */
import type { Span } from './model';
import { endingAt, type Words } from './word-index';

const CHIEF = '部长';
/** A ministry's words before a bare 部长 (产业 资源 部长): common nouns, at most this many. */
const MINISTRY_WORDS = 3;
/**
 * A noun holding a body's head names a body of its own, whose minister the title is (中联部 部长,
 * 政府 部长), not a ministry. (Nor does a word of another kind before it: 这位新部长, 7名部长.)
 */
const BODY_IN_NOUN = /[委会部局厅署院所处社团队组办司厂党军行台馆府心]/;
/** What makes the title a kind of meeting or rank rather than one minister (部长会议, 部长级). */
const NOT_ONE_CHIEF = /^(?:会议|会晤|级)/;
/** A former ministry: the word between the country and the body (美国前商务部长). */
const FORMER = '前';

/** The ministries the chiefs' titles name, each with the place the model read before it, over the spans they overlap. */
export function bodiesOfChiefs(text: string, words: Words, spans: Span[]): Span[] {
  if (!text.includes(CHIEF)) return spans;
  let out = spans;
  for (let at = text.indexOf(CHIEF); at >= 0; at = text.indexOf(CHIEF, at + CHIEF.length)) {
    const end = at + CHIEF.length;
    const title = endingAt(words, end);
    if (title?.tag !== 'n' || NOT_ONE_CHIEF.test(text.slice(end))) continue;
    let start = end - title.word.length;
    if (title.word === CHIEF) {
      for (let count = 0; count < MINISTRY_WORDS; count++) {
        const word = endingAt(words, start);
        if (word?.tag !== 'n' || BODY_IN_NOUN.test(word.word)) break;
        start -= word.word.length;
      }
    }
    // A ministry's name has two characters or more before its 部 (司法部, not 副部); after a body's
    // name the title is that body's, its rank between (内务部 代理 部长).
    const before = endingAt(words, start);
    if (at - start < 2 || before?.tag === 'nt' || out.some((s) => s.type === 'org' && s.end === start)) continue;
    const body: Span = { type: 'org', start, end: at + 1 };
    if (out.some((s) => s.type === 'org' && s.start <= body.start && s.end >= body.end)) continue;
    const place = out.find((s) => s.type === 'place' && (s.end === start || (s.end === start - 1 && text[start - 1] === FORMER)));
    if (place) body.start = place.start;
    // The title's 长 belongs to neither: a person the model began with it begins after it (司法部长卡洛斯).
    out = [
      ...out.flatMap((s) => {
        if (s.end <= body.start || s.start >= end) return [s];
        if (s.type === 'person' && s.end > end) return [{ ...s, start: end }];
        return [];
      }),
      body,
    ].sort((a, b) => a.start - b.start);
  }
  return out;
}
