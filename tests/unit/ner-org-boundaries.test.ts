import { describe, expect, it } from 'vitest';
import type { Token } from '../../lib/nlp/entities';
import { bodiesOfChiefs } from '../../lib/nlp/ner/chiefs';
import { legislatures } from '../../lib/nlp/ner/legislatures';
import type { Span } from '../../lib/nlp/ner/model';
import { bodiesAfterPlaces } from '../../lib/nlp/ner/tagger';
import { wordsAt } from '../../lib/nlp/ner/word-index';
import { nodeAnalyzer } from './helpers';
import { expectNameCases, type NameCase } from './name-cases';

/** The names of `spans` in the text of `tokens`, each as `type:text`. */
const named = (tokens: Token[], spans: Span[]) => {
  const text = tokens.map((t) => t.word).join('');
  return spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
};
const chiefs = (tokens: Token[], spans: Span[]) => named(tokens, bodiesOfChiefs(tokens.map((t) => t.word).join(''), wordsAt(tokens), spans));

/** `word/tag` pieces, as jieba gives them. */
const tokens = (tagged: string): Token[] =>
  tagged.split(' ').map((piece) => {
    const [word, tag] = piece.split('/');
    return { word, tag };
  });

/** Restated sentences (our own wording) of the kinds where the body's boundary was wrong: a minister's title, a team, a verb inside a name, a city jieba tags as an adverb. */
const BOUNDARIES: NameCase[] = [
  // The body a chief's title names, with its country and a former ministry's 前; the person after it stays a person.
  ['美国前国防部长佩里访华。', ['org:美国前国防部', 'person:佩里'], ['place:美国', 'org:美国前国防部长']],
  ['澳大利亚贸易部长将出席会议。', ['org:澳大利亚贸易部'], ['place:澳大利亚', 'org:澳大利亚贸易部长']],
  ['印尼农业部长贾斯蒂表示，粮食产量将增加。', ['org:印尼农业部', 'person:贾斯蒂'], ['org:印尼农业部长']],
  // A team after a city jieba's dictionary tags as an adverb (大连/d): one body, the city kept in it.
  ['大连女子足球队今天在香港夺冠。', ['org:大连女子足球队', 'place:香港'], ['org:女子足球队']],
  ['比赛中，株洲代表队以三比一战胜湘潭代表队。', ['org:株洲代表队', 'org:湘潭代表队'], []],
  // A verb inside a body's name (开发/v) is one of its words; a verb right after a place, or
  // before a localizer, is the clause's.
  ['株洲市人力资源开发中心组织了招聘会。', ['org:株洲市人力资源开发中心'], ['place:株洲市']],
  ['监管部门要求停止为美国金融机构提供银行间借贷。', ['place:美国'], ['org:美国金融机构提供银行']],
  // What a committee is for (扶贫/v) is its name: not cut to a bare 委员会.
  ['扶贫委员会主任在会上讲话。', ['org:扶贫委员会'], ['org:委员会']],
  // A legislature named alone, which the model leaves unread.
  ['政府将把预算案提交议会审议。', ['org:议会'], []],
  // A match's verb begins no team's name: jieba's one word over the team the side beat or drew with.
  ['云南队以2∶0战胜匈牙利队。', ['org:云南队', 'org:匈牙利队'], ['org:战胜匈牙利队']],
  ['山东队2∶2逼平比利时队，两队携手出线。', ['org:山东队', 'org:比利时队'], ['org:逼平比利时队']],
];

describe('organisations’ boundaries after the model', () => {
  const analyzer = nodeAnalyzer();

  it('reads ministries from chiefs’ titles, teams and verbs inside names after places, and keeps the cities and purposes tidy cut', async () => {
    await expectNameCases(analyzer, BOUNDARIES);
  });

  it('reads a ministry from its chief’s title only where the words before it name one', () => {
    // jieba's one noun, and the ministry's words before a bare 部长, with the country the model read.
    expect(chiefs(tokens('巴西/ns 司法部长/n 卡洛斯/nr 到访/v'), [{ type: 'place', start: 0, end: 2 }])).toEqual(['org:巴西司法部']);
    expect(chiefs(tokens('芬兰/ns 农林/n 部长/n 汉森/nr 表示/v'), [{ type: 'place', start: 0, end: 2 }])).toEqual(['org:芬兰农林部']);
    // The person the model began with the title's 长 begins after it.
    expect(chiefs(tokens('司法部长/n 卡洛斯/nr'), [{ type: 'person', start: 3, end: 7 }])).toEqual(['org:司法部', 'person:卡洛斯']);
    // No ministry: a body's own chief (中联部 部长), a rank (内务部 代理 部长, 副部长), a meeting of ministers.
    expect(chiefs(tokens('中联部/j 部长/n 会见/v 外宾/n'), [{ type: 'org', start: 0, end: 3 }])).toEqual(['org:中联部']);
    expect(chiefs(tokens('任命/v 为/p 内务部/nt 代理/n 部长/n'), [{ type: 'org', start: 3, end: 6 }])).toEqual(['org:内务部']);
    expect(chiefs(tokens('这位/r 副部长/n 说/v'), [])).toEqual([]);
    expect(chiefs(tokens('外交/n 部长/n 会议/n 闭幕/v'), [])).toEqual([]);
  });

  it('reads a legislature alone as a body, with the country or leader right before it', () => {
    const read = (tagged: string, spans: Span[]) => named(tokens(tagged), legislatures(wordsAt(tokens(tagged)), spans));
    expect(read('提交/v 议会/n 审议/v', [])).toEqual(['org:议会']);
    expect(read('北大西洋/ns 议会/n 春季/t 会议/n', [{ type: 'place', start: 0, end: 4 }])).toEqual(['org:北大西洋议会']);
    expect(read('桥本/nr 内阁/n 辞职/v', [{ type: 'person', start: 0, end: 2 }])).toEqual(['org:桥本内阁']);
    // Its meeting, one word with it: the legislature is marked in it.
    expect(read('在/p 内阁会议/n 上/f', [])).toEqual(['org:内阁']);
    // One word with more (国会议员) is no legislature.
    expect(read('一名/m 国会议员/n', [])).toEqual([]);
  });

  it('reads the body jieba knows as one word (nt) from the place the model read at its start', () => {
    const read = (tagged: string, spans: Span[]) => named(tokens(tagged), bodiesAfterPlaces(wordsAt(tokens(tagged)), spans));
    expect(read('都/d 不足以/v 涵盖/v 北京大学/nt 。/x', [{ type: 'place', start: 6, end: 8 }])).toEqual(['org:北京大学']);
    expect(read('中国女篮/nt 首次/m 亮相/n', [{ type: 'place', start: 0, end: 2 }])).toEqual(['org:中国女篮']);
    // A government is marked by its country alone; a hall is a place.
    expect(read('印度政府/nt 宣布/v', [{ type: 'place', start: 0, end: 2 }])).toEqual(['place:印度']);
    expect(read('参观/v 中国美术馆/nt', [{ type: 'place', start: 2, end: 4 }])).toEqual(['place:中国']);
  });
});
