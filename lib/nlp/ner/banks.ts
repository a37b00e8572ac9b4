/**
 * Banks by the short forms the press names them by (工行, 建行, 招行, 央行, 国开行): jieba knows
 * each as one word (建行/v, 招行/v, 工行/j), but the model, which learnt banks from their 银行,
 * marks most of them nothing, and a branch named by one (工行株洲分行) only its city. Each is an
 * organisation where jieba cut it as one word (not 施工/行业, 建/行为, 集中/行动), and with a
 * place and 分行 or 支行 after it, the branch is one.
 */
import type { Span } from './model';
import { asBody } from './company-short-forms';
import { startingAt, type Words } from './word-index';

/**
 * The short forms of China's central bank, the big state banks and the policy banks, as the banks
 * and the press write them (general knowledge: 工商, 农业, 中国, 建设, 交通, 招商银行, 国家开发银行,
 * 中国农业发展银行, 中国邮政储蓄银行).
 */
export const BANK_SHORT_FORMS = new Set(['工行', '农行', '中行', '建行', '交行', '招行', '央行', '国开行', '农发行', '邮储银行']);
/**
 * The short forms jieba cuts in two (邮储/j 银行/n), taught it as words by the analyzer; each
 * taught changed no other word's cut in the training sentences. The rest it knows already.
 */
export const UNCUT_BANKS = ['邮储银行'];
/** What names a bank's office in a place after the bank and the place: 工行株洲分行, 建行天元支行. */
const BRANCH = new Set(['分行', '支行']);
const PLACE_TAG = 'ns';
/** At most this many words of place between a bank and its branch (湖南省 株洲市). */
const MAX_PLACE_WORDS = 3;

export function bankNames(words: Words, spans: Span[]): Span[] {
  let out = spans;
  let at = 0;
  for (const token of words.tokens) {
    const start = at;
    at += token.word.length;
    if (BANK_SHORT_FORMS.has(token.word)) out = asBody(out, start, branchEnd(words, at, out) ?? at);
  }
  return out;
}

/** Where the bank's branch ends, when places and 分行 follow the bank (工行 株洲 分行). */
function branchEnd(words: Words, from: number, spans: Span[]): number | undefined {
  let at = from;
  for (let n = 0; n <= MAX_PLACE_WORDS; n++) {
    const word = startingAt(words, at);
    if (!word) return undefined;
    const end = at + word.word.length;
    if (BRANCH.has(word.word)) return n > 0 ? end : undefined;
    const place = word.tag === PLACE_TAG || spans.some((s) => s.type === 'place' && s.start <= at && end <= s.end);
    if (!place) return undefined;
    at = end;
  }
  return undefined;
}
