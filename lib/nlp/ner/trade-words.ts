/**
 * The trade words a company's name ends with after its brand, read by the passes that find
 * companies (trades.ts, divisions.ts, lists.ts): apart from any of them, so none imports another
 * for it.
 */

/** A trade word a company's name ends with after its brand (华联瓷业, 时代电气, 旗滨集团, 三一…装备). */
export const TRADE =
  /(?:瓷业|陶瓷|电瓷|电子|科技|实业|集团|股份|电气|新材|药业|食品|能源|重工|化工|材料|机械|环保|物流|传媒|矿业|钨业|茶业|酒业|纺织|汽车|制造|装备)$/;
