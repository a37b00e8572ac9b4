/**
 * Chinese text as a reader expects to see it: half-width , ; : ? ! ( ) typed between Chinese
 * characters (a habit of typesetting systems and feeds) shown full-width. For display only: the
 * stored text, the analysis and the search read the words as they came. Every mark is replaced by
 * one character, so ranges into the text (a snippet's marks) stay valid.
 */

/** A Chinese character, or Chinese / full-width punctuation and quotes, on the Chinese side of a mark. */
const CJK = String.raw`[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]`;
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/** , ; : between two Chinese characters; ? ! after one, at a sentence's end too. "1,000" and "10:30" stay. */
const BETWEEN = new RegExp(String.raw`(?<=${CJK})[,;:](?=${CJK})|(?<=${CJK})[?!](?=${CJK}|\s|$)`, 'gu');
/** A pair of parentheses holding or touching Chinese: "(记者 李明)", "株洲(湖南)"; "(AI)" in English stays. */
const PARENS = new RegExp(String.raw`\(([^()]*${CJK}[^()]*)\)|(?<=${CJK})\(([^()]*)\)`, 'gu');

export function displayPunctuation(text: string): string {
  // Parentheses first: a mark before one, "报道,(记者", is then between Chinese.
  return text.replace(PARENS, (_, inside, after) => `（${inside ?? after}）`).replace(BETWEEN, (mark) => FULL_WIDTH[mark]);
}
