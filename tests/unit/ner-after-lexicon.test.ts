/**
 * The passes after the model that the weights trained with the name lexicon called for: each on a
 * sentence of its own (jieba's words and tags written out), the model's spans given as it may read them.
 */
import { describe, expect, it } from 'vitest';
import { nameKnowledge } from '../../lib/nlp/knowledge';
import { placesOfBodies } from '../../lib/nlp/ner/body-names';
import { completedBodies } from '../../lib/nlp/ner/bodies';
import { bodiesCutInWords, placesCutInWords } from '../../lib/nlp/ner/cut-places';
import { divisionsNotPeople, divisionsOfSecretaries } from '../../lib/nlp/ner/divisions';
import { listedNames } from '../../lib/nlp/ner/lists';
import { unreadPlacesByContext } from '../../lib/nlp/ner/places-by-context';
import { stationsOfPlaces } from '../../lib/nlp/ner/stations';
import { knownPeopleAfterTitles } from '../../lib/nlp/ner/titled';
import { townsAndOffices } from '../../lib/nlp/ner/towns';
import { startingAt, wordsAt } from '../../lib/nlp/ner/word-index';
import { nodeAnalyzer } from './helpers';
import { names, readAfter, sentence, spansOf } from './tagged-sentence';

const { countryCodes, surnames } = nameKnowledge();
const byPosition = (tokens: Parameters<typeof wordsAt>[0]) => {
  const words = wordsAt(tokens);
  return { startingAt: (at: number) => startingAt(words, at) };
};

describe('places after the model', () => {
  it('reads a city and its station or ground as one place, where the model stopped at the city', () => {
    expect(readAfter(stationsOfPlaces, '乘客/n 在/p 岳阳/ns 东站/ns 换乘/v 。/x', [['place', '岳阳']])).toEqual(['place:岳阳东站']);
    expect(readAfter(stationsOfPlaces, '比赛/vn 在/p 金桂/nz 体育场/n 开幕/v', [['place', '金桂']])).toEqual(['place:金桂体育场']);
    // 站 as a verb after a place is no station: 株洲 站/v 在.
    expect(readAfter(stationsOfPlaces, '株洲/ns 站/v 在/p 前列/n', [['place', '株洲']])).toEqual(['place:株洲']);
  });

  it('cuts a place the model ran into half of the next word back to the known place', () => {
    const club = sentence('他/r 效力/v 于/p 阿根廷/ns 博卡/nrt 青年/n 队/n');
    expect(names(club.text, placesCutInWords(club.text, wordsAt(club.tokens), spansOf(club.text, [['place', '阿根廷博']]), countryCodes))).toEqual([
      'place:阿根廷',
    ]);
    // A place the model read to a word's end is left as read.
    const whole = sentence('他/r 去/v 了/ul 巴西利亚/ns');
    expect(names(whole.text, placesCutInWords(whole.text, wordsAt(whole.tokens), spansOf(whole.text, [['place', '巴西利亚']]), countryCodes))).toEqual([
      'place:巴西利亚',
    ]);
  });

  it('reads the city after a country in one word of jieba’s as a place of its own', () => {
    const region = sentence('中国香港/ns 的/uj 选手/n 夺冠/v');
    expect(names(region.text, placesCutInWords(region.text, wordsAt(region.tokens), spansOf(region.text, [['place', '中国']]), countryCodes))).toEqual([
      'place:中国',
      'place:香港',
    ]);
  });

  it('reads a district’s committee before its secretary as the district, and the committee elsewhere as a body', () => {
    const secretary = '荷塘区委副书记走访困难群众';
    expect(names(secretary, divisionsOfSecretaries(secretary, spansOf(secretary, [['org', '荷塘区委']])))).toEqual(['place:荷塘区']);
    const meeting = '荷塘区委召开全会';
    expect(names(meeting, divisionsOfSecretaries(meeting, spansOf(meeting, [['org', '荷塘区委']])))).toEqual(['org:荷塘区委']);
  });

  it('reads a foreign city jieba knows as a personal name, unread by the model, from the place’s word after it', () => {
    const city = sentence('公司/n 以/p 安卡拉/nr 地铁/n 项目/n 进入/v 欧洲/ns');
    expect(names(city.text, unreadPlacesByContext(city.text, wordsAt(city.tokens), spansOf(city.text, [['place', '欧洲']])))).toEqual([
      'place:安卡拉',
      'place:欧洲',
    ]);
    // A market after a name is a stall's, not a city's.
    const market = sentence('王建/nr 市场/n 开业/v');
    expect(names(market.text, unreadPlacesByContext(market.text, wordsAt(market.tokens), []))).toEqual([]);
  });

  it('splits a town the model left unread from the village it began with the town’s unit', () => {
    const village = sentence('炎陵县/ns 霞阳/nr 镇沔渡/x 村/n 的/uj 黄桃/n');
    const spans = spansOf(village.text, [
      ['place', '炎陵县'],
      ['place', '镇沔渡村'],
    ]);
    expect(names(village.text, townsAndOffices(village.text, wordsAt(village.tokens), spans))).toEqual(['place:炎陵县', 'place:霞阳镇', 'place:沔渡村']);
  });

  it('reads one-character countries listed together as places, not as surnames', async () => {
    const analyzer = nodeAnalyzer();
    const mentions = (await analyzer.mentions('英、日两国签署了协定。')).map((m) => `${m.type}:${m.text}`);
    expect(mentions).toEqual(expect.arrayContaining(['place:英', 'place:日']));
    expect(mentions).not.toContainEqual(expect.stringMatching(/^person:/));
  });

  it('lists no kind of building as a place', async () => {
    const mentions = (await nodeAnalyzer().mentions('周末市民可以去图书馆和博物馆。')).map((m) => `${m.type}:${m.text}`);
    expect(mentions).not.toContain('place:图书馆');
    expect(mentions).not.toContain('place:博物馆');
  });
});

describe('bodies and people after the model', () => {
  it('reads a group listed by a short form jieba cut in pieces as one organisation', () => {
    const list = sentence('华菱/nz 集团/n 、/x 湘/j 钢/n 集团/n 等/u 企业/n');
    const words = byPosition(list.tokens);
    expect(names(list.text, listedNames(list.text, words, spansOf(list.text, [['org', '华菱集团']])))).toEqual(['org:华菱集团', 'org:湘钢集团']);
  });

  it('drops a place read at the start of a listed company’s name where jieba knew no such word', () => {
    const list = sentence('由/p 天心/nz 科技/n 、/x 瑞丰/x 医疗/n 、/x 华强/x 电子/n 组成/v');
    const read = names(list.text, listedNames(list.text, byPosition(list.tokens), spansOf(list.text, [['place', '瑞丰']])));
    expect(read).not.toContain('place:瑞丰');
  });

  it('reads a city and a trade with a count after them as a company', () => {
    const teams = sentence('攸县/ns 电瓷/n 两支/m 球队/n 进入/v 决赛/n');
    const read = names(teams.text, divisionsNotPeople(teams.text, byPosition(teams.tokens), spansOf(teams.text, [['place', '攸县']]), surnames));
    expect(read).toEqual(['org:攸县电瓷']);
    // Before a noun, the city's trade: 攸县 陶瓷 产业 is the place and its industry.
    const trade = sentence('攸县/ns 陶瓷/n 产业/n 发展/v');
    expect(names(trade.text, divisionsNotPeople(trade.text, byPosition(trade.tokens), spansOf(trade.text, [['place', '攸县']]), surnames))).toEqual([
      'place:攸县',
    ]);
  });

  it('reads a body’s unit named with its region as a body of its own', () => {
    const unit = sentence('三一/nz 集团/n 北京/ns 研发/vn 中心/n 投入/v 使用/v');
    const spans = spansOf(unit.text, [
      ['org', '三一集团'],
      ['place', '北京'],
    ]);
    expect(names(unit.text, completedBodies(unit.text, wordsAt(unit.tokens), spans))).toEqual(['org:三一集团', 'org:北京研发中心']);
    const verb = sentence('华菱/nz 集团/n 湖南/ns 物流/n 孵化/v 中心/n 成立/v');
    const read = completedBodies(
      verb.text,
      wordsAt(verb.tokens),
      spansOf(verb.text, [
        ['org', '华菱集团'],
        ['place', '湖南'],
      ]),
    );
    expect(names(verb.text, read)).toEqual(['org:华菱集团', 'org:湖南物流孵化中心']);
  });

  it('reads a city’s congress with its term, where the model read only the city', () => {
    const congress = sentence('醴陵市/ns 第十七届/m 人民代表大会/nt 开幕/v');
    expect(names(congress.text, placesOfBodies(wordsAt(congress.tokens), spansOf(congress.text, [['place', '醴陵市']])))).toEqual([
      'org:醴陵市第十七届人民代表大会',
    ]);
  });

  it('ends a body the model ended inside jieba’s word for it with that word, not a body begun in the word after', () => {
    const cut = sentence('醴陵市/ns 人民代表大会/nt 闭幕/v');
    expect(names(cut.text, bodiesCutInWords(wordsAt(cut.tokens), spansOf(cut.text, [['org', '醴陵市人民代表大']])))).toEqual(['org:醴陵市人民代表大会']);
    const school = sentence('株洲市/ns 九/m 中等学校/nt 参赛/v');
    expect(names(school.text, bodiesCutInWords(wordsAt(school.tokens), spansOf(school.text, [['org', '株洲市九中']])))).toEqual(['org:株洲市九中']);
  });

  it('reads a personal name jieba knows after a head’s title as the person', () => {
    const met = sentence('国防部/nt 部长/n 张万年/nr 会见/v 了/ul 来宾/n');
    const titles = new Set<string>();
    expect(names(met.text, knownPeopleAfterTitles(wordsAt(met.tokens), spansOf(met.text, [['org', '国防部']]), titles, surnames))).toEqual([
      'org:国防部',
      'person:张万年',
    ]);
    // A time jieba tags as a name after an ordinary word is none: 今天上午/nr.
    const time = sentence('会议/n 今天上午/nr 开幕/v');
    expect(knownPeopleAfterTitles(wordsAt(time.tokens), [], titles, surnames)).toEqual([]);
  });
});
