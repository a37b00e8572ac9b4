/**
 * What the model glues to a name's edge inside a word jieba does not know, where trimming by
 * jieba's words (the tagger's clean-up) cannot see it, each known by what stands around it:
 *  - a one-character verb after a personal name: 黄靖作了, 赵声志称其, 翟青任副组长, 法耶发去贺电,
 *    韩正当天, (记者赵仲志摄);
 *  - a date's unit and a preposition before a name: 20日向穆罕默德…, 11日广汽集团, 由南瑞集团,
 *    率省代表团, 贺乍得;
 *  - digits after a person or a place: 张妮1小时, 岳阳3件;
 *  - a joiner at the end (湖南日报·新湖南), the first character of the next word at a body's end
 *    (人民日报株洲, 湖南省人民政府联合主办), a body's name begun inside a word (准化 of 标准化).
 */
import { HAN } from '../han';
import { nameKnowledge } from '../knowledge';
import type { Span } from './model';
import { MATCH_VERBS } from './matches';
import { AFTER_NAME } from './people';
import { startingAt, type Words } from './word-index';

/** jieba's tags of morphemes, parts of words it could not place (厂/zg, 响/zg of 响石岭). */
export const MORPHEME_TAG = /^(?:zg|g|ng|vg|ag|dg|tg)$/;

/** What follows the adverb 曾 (once), which is a surname too: 曾任, 曾获, 曾先后. */
export const AFTER_ONCE = '经|任|在|是|为|获|于|多|先后|担任|被|参与|主持|赴|到|荣获';
/**
 * A verb of one character after a personal name, with what follows it in the sentence: a post
 * taken (任…秘书), a report or speech made (作…动员), words addressed (致欢迎辞), a prize won
 * (获挑战投篮王), a date (于2月); the adverb 曾 before a verb (李明曾任, 张三曾获: 曾 is a surname
 * too); or an adverb or conjunction that rarely ends a given name, before the next word
 * (钱立新已预备, 罗文则去: jieba's one unknown word over the name and it).
 */
const VERB_AFTER_PERSON = new RegExp(
  String.raw`^(?:曾(?:${AFTER_ONCE})|作(?:了|\p{Script=Han}{0,4}?(?:报告|讲话|动员|发言|部署|总结|说明|介绍|表态|汇报|点评))|称(?:[其为：:，,“"「]|$)|摄(?:[)）\s]|$)|任\p{Script=Han}{0,4}?(?:长|员|官|练|主任|书记|主席|委员|经理|董事|秘书|主编|顾问)|致(?:辞|词|欢迎|开幕|闭幕|贺|答谢)|获(?:得|评|颁|挑战|[一二三]等奖|金奖|银奖|铜奖|冠军|亚军|季军)|于\d|发[去来]|当[天日晚年时场]|[已就却则所即便还]\p{Script=Han})`,
  'u',
);
/** A date's unit right after its digits. */
const DATE_UNIT = /[日月年号]/;
const DIGIT = /[0-9]/;
/** Digits and a measure word: a count (岳阳3件). */
const COUNTED = /[0-9]+[件个家所名人次处起条项]/;
/** Verbs of meeting and greeting, which no body's name holds as a word of its own. */
export const MEETING_VERBS = '会见|会晤|接见|看望|慰问|祝贺|致电|致信|致函|出席';
/**
 * Prepositions, verbs and pronouns that never begin a body's or a place's name (暨南大学 is a
 * name, so are 对外经济贸易大学 and 代表大会): 据市科技局消息, 委托市规划设计院, 对兴欣科技, 该奖经…, and
 * verbs of meeting and greeting (会见代表团).
 */
const BEFORE_BODY = new RegExp(`^(?:${MEETING_VERBS}|再由|由|率|中有|暨(?!南)|另据|据|委托|代表(?!大会|团)|对(?!外)|该\\p{Script=Han}?[经由]|该)`, 'u');
/**
 * A match's verb before the side it was played against (战胜匈牙利队, 逼平比利时队: jieba's one word over
 * the team, the model's span over both) begins no body's name; places keep theirs (大胜关).
 */
const BEFORE_SIDE = new RegExp(`^(?:${MATCH_VERBS})`);
/**
 * Prepositions and verbs before a foreign name joined by · or - (向 is a Chinese surname, not a
 * foreign one), with the pronoun and the modal verb before them: 他愿同西莉娅诺夫斯卡-达夫科娃.
 */
const BEFORE_FOREIGN = /^(?:[他她我]们?[愿将要也还曾会]?)?[向由从对给与和及同贺致]/;
/** Verbs before a country's name: 贺乍得. */
const BEFORE_COUNTRY = /^[贺访抵赴]/;
const JOINER = /[·•・‧\-－]$/;
const FOREIGN_JOINER = /[·•・‧\-－]/;
/** How a body's or a paper's name ends. */
const BODY_END = /(?:报|政府|公司|集团|委员会|协会|学会|商会|局|厅|部|院|所|会|社|中心)$/;
/** Tags of a word a body's name may begin inside of: a common noun or verb noun (标准化). */
const NOUN_TAG = /^(?:n|vn|nz|an)$/;
/** How far back the start of the word a body's name begins inside of is looked for. */
const WORD_REACH = 3;

/** The span's edges with what the model glued to them taken off; an empty span when nothing is left. */
export function unglued(text: string, words: Words, { type, start, end }: Span): Span {
  const least = type === 'place' ? 1 : 2;
  if (type === 'person' && end - start >= 3 && VERB_AFTER_PERSON.test(text.slice(end - 1, end + 8))) end--;
  else if (type === 'person' && end - start === 4 && chineseNameAndWord(text.slice(start, end))) end--;
  if (DATE_UNIT.test(text[start]) && DIGIT.test(text[start - 1] ?? '') && end - start > least) start++;
  ({ start } = withoutLead(text, { type, start, end }));
  // A place's name may hold digits (海卫1), not followed by a count's measure word.
  const digit = text.slice(start, end).search(type === 'person' ? DIGIT : COUNTED);
  if (type !== 'org' && digit >= least) end = start + digit;
  while (end - start > least && JOINER.test(text[end - 1])) end--;
  if (type === 'org') ({ start, end } = bodyInWords(text, words, start, end));
  return { type, start, end };
}

/**
 * The span without a preposition or verb glued before the name: where the model glued it, and
 * where a pass after it ran a body's name back over it (委托/n 市 规划 设计院, a brand 对兴欣/x).
 */
export function withoutLead(text: string, span: Span): Span {
  const { type, start, end } = span;
  const name = text.slice(start, end);
  const lead =
    type === 'person'
      ? FOREIGN_JOINER.test(name) && BEFORE_FOREIGN.exec(name)
      : (BEFORE_BODY.exec(name) ??
        (type === 'org' ? BEFORE_SIDE.exec(name) : null) ??
        (type === 'place' && nameKnowledge().countryCodes.has(name.slice(1)) ? BEFORE_COUNTRY.exec(name) : null));
  return lead && end - start - lead[0].length >= (type === 'place' ? 1 : 2) ? { type, start: start + lead[0].length, end } : span;
}

/**
 * A Chinese name is three characters at most after a surname of one: a fourth that follows names
 * as a word of its own (陈恢清于, 陈恢清同各界) is that word.
 */
function chineseNameAndWord(name: string): boolean {
  const { surnames } = nameKnowledge();
  return HAN.test(name) && surnames.has(name[0]) && !surnames.has(name.slice(0, 2)) && AFTER_NAME.test(name[3]);
}

/** A body's name ends before the next word's first character and begins where the word it begins inside does. */
function bodyInWords(text: string, words: Words, start: number, end: number): { start: number; end: number } {
  const next = startingAt(words, end - 1);
  if (next && next.word.length > 1 && end - 1 - start >= 2 && BODY_END.test(text.slice(start, end - 1))) end--;
  if (words.starts[start] < 0) {
    for (let at = start - 1; at >= 0 && at >= start - WORD_REACH; at--) {
      const word = startingAt(words, at);
      if (!word) continue;
      if (at + word.word.length > start && NOUN_TAG.test(word.tag) && HAN.test(word.word)) start = at;
      break;
    }
  }
  return { start, end };
}
