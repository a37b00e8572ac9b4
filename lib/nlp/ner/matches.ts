/**
 * The two sides of a match in sports reports (厂BA): 醴陵华鑫以101比85击败千金药业, 中车时代新材以96比55
 * 战胜株洲联通. Teams go by their company's short name, which jieba cuts into a place and a word
 * it does not know (醴陵/ns 华鑫/x): the model reads the place alone and the rest as another
 * place, or nothing. A side is the words between the clause's start (or the verb) and the score
 * or the verb, each a noun or a name, at least one a name or a trade.
 */
import type { Span } from './model';
import type { Words } from './word-index';

/** Verbs that put two teams against each other (bodies.ts splits a span at them too). */
export const MATCH_VERBS = '战胜|击败|战平|逼平|负于|不敌|力克|逆转|险胜|大胜|对阵|迎战|对战';
const MATCH_VERB = new RegExp(`^(?:${MATCH_VERBS})$`);
/** Tags of the words a team's name is written with. */
const SIDE_TAG = /^(?:ns|nz|x|j|nr|nt|n|eng)$/;
/** Tags of a name, of which a side holds one unless it ends with a trade. */
const NAME_TAG = /^(?:ns|nz|x|j|nr|nt|eng)$/;
const TRADE = /(?:业|集团|公司|电瓷|联通|移动|电信)$/;
const SCORE_NUMBER = /^\d+$/;
const SCORE_WORD = /^[比:：]$/;
const MAX_SIDE = 10;
/** A word of a name: jieba tags punctuation x, as it does names it does not know. */
const NAME_WORD = /^[\p{Script=Han}A-Za-z]+$/u;
/** Words of where, when and in which group a match is played, written right before a side (四川全兴队主场迎战, 男子组株洲联诚队, 小组赛). */
const NOT_SIDE = /^(?:主场|客场|下个|本场|首场|首战|今晚|昨晚|当晚|劲旅|强队|名将|对手)$|[组赛]$/;
/** A word jieba did not know that ends in a word of time or place: 队后 of 苏格兰队后只有4分. */
const GLUED_LOCALIZER = /.[后前时中里上内外]$/;
const sideWord = ({ word, tag }: { word: string; tag: string }) =>
  SIDE_TAG.test(tag) && NAME_WORD.test(word) && !NOT_SIDE.test(word) && !(tag === 'x' && GLUED_LOCALIZER.test(word));

/** Index of the first token of the side ending before token `end` (exclusive), if it is one. */
function sideBefore(words: Words, end: number): number | undefined {
  let first = end;
  let length = 0;
  while (first > 0 && sideWord(words.tokens[first - 1]) && length + words.tokens[first - 1].word.length <= MAX_SIDE) {
    first--;
    length += words.tokens[first].word.length;
  }
  // A name longer than a team's short name is no side read whole: left to the model.
  if (first > 0 && sideWord(words.tokens[first - 1])) return undefined;
  return first < end && isSide(words, first, end) ? first : undefined;
}

function sideAfter(words: Words, start: number): number | undefined {
  let end = start;
  let length = 0;
  while (end < words.tokens.length && sideWord(words.tokens[end]) && length + words.tokens[end].word.length <= MAX_SIDE) {
    length += words.tokens[end].word.length;
    end++;
  }
  if (end < words.tokens.length && sideWord(words.tokens[end])) return undefined;
  return end > start && isSide(words, start, end) ? end : undefined;
}

function isSide(words: Words, first: number, end: number): boolean {
  const last = words.tokens[end - 1].word;
  let name = false;
  let length = 0;
  for (let i = first; i < end; i++) {
    if (NAME_TAG.test(words.tokens[i].tag)) name = true;
    length += words.tokens[i].word.length;
  }
  return length >= 4 && (name || TRADE.test(last));
}

/** The sides of each match as organisations, in place of the spans inside them. */
export function matchSides(words: Words, spans: Span[]): Span[] {
  const { tokens } = words;
  // Most sentences report no match: the words' positions are counted only for one that does.
  if (!tokens.some((t) => MATCH_VERB.test(t.word))) return spans;
  let sides: Span[] | undefined;
  let at = 0;
  const starts: number[] = [];
  for (const token of tokens) {
    starts.push(at);
    at += token.word.length;
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!MATCH_VERB.test(tokens[i].word)) continue;
    // 以101比85: the score between the first side and the verb.
    let leftEnd = i;
    if (
      i >= 4 &&
      tokens[i - 4].word === '以' &&
      SCORE_NUMBER.test(tokens[i - 3].word) &&
      SCORE_WORD.test(tokens[i - 2].word) &&
      SCORE_NUMBER.test(tokens[i - 1].word)
    )
      leftEnd = i - 4;
    const first = sideBefore(words, leftEnd);
    const end = sideAfter(words, i + 1);
    if (first === undefined || end === undefined) continue;
    sides ??= [];
    sides.push({ type: 'org', start: starts[first], end: starts[leftEnd - 1] + tokens[leftEnd - 1].word.length });
    sides.push({ type: 'org', start: starts[i + 1], end: starts[end - 1] + tokens[end - 1].word.length });
  }
  if (!sides) return spans;
  const inside = (s: Span) => sides?.some((side) => s.start < side.end && side.start < s.end);
  return [...spans.filter((s) => !inside(s)), ...sides].sort((a, b) => a.start - b.start);
}
