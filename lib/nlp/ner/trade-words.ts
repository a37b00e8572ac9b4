/**
 * The trade words a company's name ends with after its brand, read by the passes that find
 * companies (trades.ts, divisions.ts, lists.ts, people.ts): apart from any of them, so none
 * imports another for it.
 */
import type { Token } from '../entities';

/** A trade word a company's name ends with after its brand (华联瓷业, 时代电气, 旗滨集团, 三一…装备). */
export const TRADE =
  /(?:瓷业|陶瓷|电瓷|电子|科技|实业|集团|股份|电气|新材|药业|食品|能源|重工|化工|材料|机械|环保|物流|传媒|矿业|钨业|茶业|酒业|纺织|汽车|制造|装备)$/;

/** A company's legal form, which ends its name. */
const LEGAL_FORM = /^(?:公司|有限公司|股份有限公司|有限责任公司|集团公司)$/;
/** Tags of a word after a trade word that continues a common noun, not a company (新能源 汽车, 科技 工作者). */
const NOUN_AFTER = /^(?:n|vn|nz|ng)$/;
/** Trade words a company's name holds at most after its brand (新能源 科技股份 有限公司). */
const TRADE_WORDS = 3;

/**
 * Where a company's name ends after its brand: over its trade words (时代 电气, 宁德时代 新能源 科技股份)
 * up to its legal form, not into a common noun a trade word begins (新能源 汽车).
 */
export function tradeWordsAfter(words: { startingAt(at: number): Token | undefined }, end: number): number {
  for (let count = 0; count < TRADE_WORDS; count++) {
    const word = words.startingAt(end);
    if (!word) break;
    if (LEGAL_FORM.test(word.word)) return end + word.word.length;
    if (word.word.length < 2 || !TRADE.test(word.word)) break;
    const after = words.startingAt(end + word.word.length);
    if (after && NOUN_AFTER.test(after.tag) && !LEGAL_FORM.test(after.word) && !TRADE.test(after.word)) break;
    end += word.word.length;
  }
  return end;
}

/** A legal form ending a company's name, longest first. */
const LEGAL_END = /(?:股份有限公司|有限责任公司|有限公司|集团公司|公司)$/;

/**
 * Whether what follows a brand in a company's name is trade words and a legal form only (比亚迪
 * 股份有限公司, 霍尼韦尔 科技 公司): the brand alone then names the same company.
 */
export function isCompanyEnding(rest: string): boolean {
  let left = rest.replace(LEGAL_END, '');
  for (let count = 0; count < TRADE_WORDS && left; count++) {
    const trade = TRADE.exec(left);
    if (!trade) break;
    left = left.slice(0, trade.index);
  }
  return rest.length > 0 && !left;
}
