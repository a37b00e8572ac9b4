/**
 * Local government bureaus by the short names local news writes them with (市住建局, 区发改委,
 * 株洲市自然资源和规划局): jieba cuts them into pieces (从市/x 住/v 建局/x) and the model reads a
 * person or nothing there. Both training corpora label the level or place with the body as one
 * organisation (市住建委, 北京市住建委, 虹口区教育局).
 */
import { divisionNames } from './divisions';
import { inPlaceOf, type Span } from './model';
import { endingAt, type Words } from './word-index';

/**
 * A bureau's name by its trades, ending where its head (局, 委) is: one trade or several merged
 * into one bureau (文化旅游广电体育局).
 */
const BUREAU =
  /(?:住建|发改|工信|人社|自规|自然资源和规划|住房和城乡建设|生态环境|市场监管|市场监督管理|文旅广体|文旅|教育|公安|财政|民政|司法|商务|应急管理|交通运输|水利|农业农村|卫健|卫生健康|统计|审计|医保|城管|林业|退役军人事务|科技|国资|体育|人防|信访|税务|卫生|环保|国土|规划|建设|劳动|物价|工商|质监|旅游|文化|广电|农业|水务|安监)+[局委]$/;
/** The level a bureau belongs to, written before it without its place: 市住建局, 区教育局. */
const LEVEL = /[省市县区]/;
const HEAD = /[局委]/;
/** Enough characters before a head for four trades merged into one bureau. */
const WINDOW = 14;

/**
 * Bureaus after a level or a division's name: each one organisation, over whatever spans the model
 * made of its pieces (从市住建 as a person); a longer organisation the model found that holds one
 * (市公安局经侦支队) stands. A bureau with neither before it (教育局 alone) is left to the model.
 */
export function localBureaus(text: string, words: Words, spans: Span[]): Span[] {
  let out = spans;
  const placeBefore = (at: number) => {
    const span = out.find((s) => s.type === 'place' && s.end === at);
    if (span) return span.start;
    const word = endingAt(words, at);
    return word && divisionNames().has(word.word) ? at - word.word.length : at;
  };
  let at = 0;
  for (const { word } of words.tokens) {
    const wordStart = at;
    at += word.length;
    // jieba glues the head to the trade's pieces or to what follows it (建局/x, 发改委/j, 局局长/n).
    for (let head = word.search(HEAD); head >= 0; head = nextHead(word, head + 1)) {
      const end = wordStart + head + 1;
      const from = Math.max(0, end - WINDOW);
      const bureau = BUREAU.exec(text.slice(from, end));
      if (!bureau) continue;
      const trade = from + bureau.index;
      let start = placeBefore(trade);
      if (start === trade && LEVEL.test(text[start - 1] ?? '')) start = placeBefore(start - 1);
      // With no place before, a bureau the model began inside its trades is the whole of them (广电体育局 of 文化旅游广电体育局).
      if (start === trade) start = out.some((s) => s.type === 'org' && s.start > trade && s.end === end) ? trade : -1;
      if (start < 0 || out.some((s) => s.type === 'org' && s.start <= start && s.end >= end)) continue;
      out = inPlaceOf(out, { type: 'org', start, end });
    }
  }
  return out;
}

/** Where the next head of the word is from `from` on, or −1. */
function nextHead(word: string, from: number): number {
  const at = word.slice(from).search(HEAD);
  return at < 0 ? -1 : from + at;
}
