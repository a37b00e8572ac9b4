import { describe, expect, it } from 'vitest';
import type { Mention } from '../../lib/nlp/entities';
import { bodyNamesBefore, headsAfterNames, placesOfBodies } from '../../lib/nlp/ner/body-names';
import { samePeople } from '../../lib/nlp/ner/one-person';
import { wholePeople } from '../../lib/nlp/ner/people';
import { placesByContext } from '../../lib/nlp/ner/places-by-context';
import { completedNames } from '../../lib/nlp/ner/text-names';
import { nameKnowledge } from '../../lib/nlp/knowledge';
import { bodiesBeforeTitles } from '../../lib/nlp/ner/titled';
import { wordsAt } from '../../lib/nlp/ner/word-index';
import { nodeAnalyzer } from './helpers';
import { names, sentence, spansOf } from './tagged-sentence';

const person = (text: string): Mention => ({ type: 'person', text });
const place = (text: string): Mention => ({ type: 'place', text });
const org = (text: string): Mention => ({ type: 'org', text });

/** Given-name buckets (`nameClasses`: bucket × 5): 启, 真, 约, 霞, 至 are written in given names. */
const nameClass = new Uint8Array(0x10000);
for (const c of '启真约霞之至') nameClass[c.charCodeAt(0)] = 3 * 5;
/** Foreign buckets (`nameClasses`: + bucket): 贝, 塞, 斯, 达 are written in transliterated names. */
for (const c of '贝塞斯达') nameClass[c.charCodeAt(0)] += 3;

describe('people the model ended one character early', () => {
  const whole = (tagged: string, name: string) => {
    const { text, tokens } = sentence(tagged);
    return names(text, wholePeople(text, wordsAt(tokens), spansOf(text, [['person', name]]), nameClass));
  };

  it('takes in a given name’s character jieba left alone or glued to 的, or inside jieba’s name', () => {
    expect(whole('副/b 主任/b 罗名/x 启/v 出席/v 了/ul', '罗名')).toEqual(['person:罗名启']);
    expect(whole('熟悉/v 钱致/x 真的/d 人/n', '钱致')).toEqual(['person:钱致真']);
    expect(whole('龚育之/nr 认为/v', '龚育')).toEqual(['person:龚育之']);
  });

  it('takes in a transliterated name’s last character jieba cut off alone', () => {
    expect(whole('开发商/n 贝塞斯/x 达/v 宣布/v', '贝塞斯')).toEqual(['person:贝塞斯达']);
    // Not a character foreign names are written with, nor one inside a longer word.
    expect(whole('贝塞斯/x 出/v 席/n', '贝塞斯')).toEqual(['person:贝塞斯']);
    expect(whole('贝塞斯/x 达成/v 协议/n', '贝塞斯')).toEqual(['person:贝塞斯']);
  });

  it('leaves a name of two before the words that follow names, a suffix, or a longer word', () => {
    expect(whole('李明/x 又/d 说/v', '李明')).toEqual(['person:李明']);
    expect(whole('王芳/x 和/c 同事/n', '王芳')).toEqual(['person:王芳']);
    expect(whole('陈沟/nr 人/n 感激/v', '陈沟')).toEqual(['person:陈沟']);
    expect(whole('孟塘/nr 至/p 株洲/ns', '孟塘')).toEqual(['person:孟塘']);
    // A character not written in given names (见 of 会见 is not alone either).
    expect(whole('李鹏/nr 会见/v 客人/n', '李鹏')).toEqual(['person:李鹏']);
  });
});

describe('foreign places the model read as people', () => {
  const read = (text: string, spans: Array<['person' | 'place' | 'org', string]>) =>
    names(text, placesByContext(text, spansOf(text, spans), nameKnowledge().countryNames));

  it('reads a name after its country, or before a place’s word, as the place', () => {
    expect(
      read('列车将运往土耳其科尼亚交付。', [
        ['place', '土耳其'],
        ['person', '科尼亚'],
      ]),
    ).toEqual(['place:土耳其', 'place:科尼亚']);
    expect(read('科尼亚轻轨项目年内开工。', [['person', '科尼亚']])).toEqual(['place:科尼亚']);
    expect(read('代表团在吉达大区考察港口。', [['person', '吉达']])).toEqual(['place:吉达']);
    expect(read('跨过湘江大桥。', [['person', '湘江']])).toEqual(['place:湘江']);
  });

  it('reads a name before a mayor’s title and his name as the city', () => {
    expect(
      read('他与科尼亚市长乌伊古尔会面。', [
        ['person', '科尼亚'],
        ['person', '乌伊古尔'],
      ]),
    ).toEqual(['place:科尼亚', 'person:乌伊古尔']);
  });

  it('reads a name the text reads more often as a place than as a person as the place throughout', () => {
    const sentences = ['科尼亚轻轨年内开工。', '土耳其科尼亚市地铁规划公布。', '为科尼亚生产40辆车。'];
    const read = completedNames(sentences, [[place('科尼亚')], [place('土耳其'), place('科尼亚')], [person('科尼亚')]]);
    expect(read.flat().filter((m) => m.text === '科尼亚')).toEqual([place('科尼亚'), place('科尼亚'), place('科尼亚')]);
    // As often a person as a place: the text does not say which.
    const even = completedNames(sentences.slice(1), [[place('科尼亚')], [person('科尼亚')]]);
    expect(even.flat()).toEqual([place('科尼亚'), person('科尼亚')]);
  });

  // Restated from a report on BYD's energy-storage park in Longhua, Shenzhen (http://www.hysjfh.com/news/news258515.html).
  it('reads a brand the text reads elsewhere as a company, or by its company name, as the company throughout', () => {
    const sentences = ['比亚迪和霍尼韦尔都在龙华布局储能产业。', '比亚迪股份有限公司的储能产业园拟投资20亿元。', '霍尼韦尔公司也签了约。'];
    const read = completedNames(sentences, [[person('比亚迪'), person('霍尼韦尔'), place('龙华')], [org('比亚迪股份有限公司')], [org('霍尼韦尔公司')]]);
    expect(read[0]).toEqual([org('比亚迪'), org('霍尼韦尔'), place('龙华')]);
    // A company the text reads in one sentence only, more often a place elsewhere: the company wins.
    const listed = completedNames(
      ['比亚迪、宁德时代等企业加码储能。', '宁德时代董事长出席。', '为宁德时代供货。'],
      [[org('比亚迪'), org('宁德时代')], [place('宁德时代')], [person('宁德时代')]],
    );
    expect(listed[2]).toEqual([org('宁德时代')]);
    // What follows the name is no trade word nor legal form: another body, the person stays.
    expect(completedNames(['王强讲话。', '王强强渔业合作社成立。'], [[person('王强')], [org('王强强渔业合作社')]])[0]).toEqual([person('王强')]);
    // The library knows the name as a company though this text reads it nowhere else.
    expect(completedNames(['比亚迪在龙华布局储能。'], [[person('比亚迪'), place('龙华')]], (name) => name === '比亚迪')[0]).toEqual([
      org('比亚迪'),
      place('龙华'),
    ]);
  });

  it('lists brands the model read as people as the companies another sentence names', async () => {
    const { entities } = await nodeAnalyzer().analyze('比亚迪和霍尼韦尔都在龙华布局储能产业。比亚迪、宁德时代等企业加码储能，霍尼韦尔公司也签了约。');
    expect(entities.person).toEqual([]);
    expect(entities.org).toEqual(expect.arrayContaining(['比亚迪', '宁德时代', '霍尼韦尔公司']));
  });

  it('reads a brand the library knows as a company as that company where the model read a person', async () => {
    const analyzer = nodeAnalyzer();
    analyzer.learnLibrary({ names: { 霍尼韦尔: ['org', '霍尼韦尔'] } });
    const { entities } = await analyzer.analyze('比亚迪和霍尼韦尔都在龙华布局储能产业。');
    expect(entities.org).toContain('霍尼韦尔');
    expect(entities.person).not.toContain('霍尼韦尔');
  });

  it('leaves a person before a title or a body of the place, and a foreign name joined by ·', () => {
    expect(read('邓恢明市长主持会议。', [['person', '邓恢明']])).toEqual(['person:邓恢明']);
    expect(read('王芳省委书记一行。', [['person', '王芳']])).toEqual(['person:王芳']);
    expect(
      read('土耳其雷杰普·埃尔多安市政府', [
        ['place', '土耳其'],
        ['person', '雷杰普·埃尔多安'],
      ]),
    ).toEqual(['place:土耳其', 'person:雷杰普·埃尔多安']);
  });

  it('lists the city of a foreign order as a place through the whole analysis', async () => {
    const { entities } = await nodeAnalyzer().analyze('土耳其交通部长在科尼亚市长陪同下视察新建成的科尼亚轻轨线。中车株机先以伊兹密尔轻轨项目进入欧洲市场。');
    expect(entities.place).toEqual(expect.arrayContaining(['科尼亚', '伊兹密尔']));
    expect(entities.person).toEqual([]);
  });
});

describe('a body and a person run together at a title', () => {
  const titles = new Set(['副总经理', '中介', '委员长']);
  const surnames = new Set(['徐', '公', '李']);
  const split = (tagged: string, body: string) => {
    const { text, tokens } = sentence(tagged);
    return names(text, bodiesBeforeTitles(text, wordsAt(tokens), spansOf(text, [['org', body]]), titles, surnames));
  };

  it('ends the body at the title and starts the person at the surname after it', () => {
    expect(split('湘江/ns 电机/n 副总经理/n 徐海/ns 霞/n 代表/n 公司/n 致辞/v', '湘江电机副总经理徐海霞代表公司')).toEqual(['org:湘江电机', 'person:徐海']);
  });

  it('leaves a title followed by an ordinary word, and a title inside jieba’s word', () => {
    expect(split('房产/n 中介/n 公司/n 开业/v', '房产中介公司')).toEqual(['org:房产中介公司']);
    expect(split('全国人民代表大会常务委员会/nt 委员长/n', '全国人民代表大会常务委员会')).toEqual(['org:全国人民代表大会常务委员会']);
  });
});

describe('bodies the model began late or left at their place', () => {
  it('takes in the words that name which body before its generic part, up to a qualifier or the name before', () => {
    const bank = sentence('三井/n 信托/n 银行/n 是/v 日本/ns 的/uj 银行/n');
    expect(names(bank.text, bodyNamesBefore(wordsAt(bank.tokens), spansOf(bank.text, [['org', '信托银行']])))).toEqual(['org:三井信托银行']);
    const school = sentence('湘潭市/ns 十一/m 职业/n 培训/vn 学校/n 招生/v');
    const spans = spansOf(school.text, [
      ['place', '湘潭市'],
      ['org', '职业培训学校'],
    ]);
    // 十一 joins the school; then the city before a generic body's name is its own (placesOfBodies).
    const begun = bodyNamesBefore(wordsAt(school.tokens), spans);
    expect(names(school.text, begun)).toEqual(['place:湘潭市', 'org:十一职业培训学校']);
    expect(names(school.text, placesOfBodies(wordsAt(school.tokens), begun))).toEqual(['org:湘潭市十一职业培训学校']);
    const former = sentence('原/n 国内/s 贸易部/n 等/u 单位/n');
    expect(names(former.text, bodyNamesBefore(wordsAt(former.tokens), spansOf(former.text, [['org', '贸易部']])))).toEqual(['org:贸易部']);
    // A word jieba does not know that starts a clause (这是/x) is no part of the name.
    const clause = sentence('这是/x 国家/n 铁路局/n 发布/v');
    expect(names(clause.text, bodyNamesBefore(wordsAt(clause.tokens), spansOf(clause.text, [['org', '国家铁路局']])))).toEqual(['org:国家铁路局']);
    const owner = sentence('城发/x 集团/n 旗下/n 湘粤/j 公司/n');
    const owned = spansOf(owner.text, [
      ['org', '城发集团'],
      ['org', '湘粤公司'],
    ]);
    expect(names(owner.text, bodyNamesBefore(wordsAt(owner.tokens), owned))).toEqual(['org:城发集团', 'org:湘粤公司']);
  });

  it('takes in the first character of a short name the model began one late (株/硬/集团)', () => {
    const short = sentence('湖南/ns 建投/x 、/x 株/q 硬/a 集团/n 等/u');
    expect(names(short.text, bodyNamesBefore(wordsAt(short.tokens), spansOf(short.text, [['org', '硬集团']])))).toEqual(['org:株硬集团']);
    // A pronoun is no part of it: 该/硬/集团 is not.
    const pronoun = sentence('该/r 硬/a 集团/n 今年/t');
    expect(names(pronoun.text, bodyNamesBefore(wordsAt(pronoun.tokens), spansOf(pronoun.text, [['org', '硬集团']])))).toEqual(['org:硬集团']);
  });

  it('keeps a place apart from a body named by its own proper name', () => {
    const university = sentence('美国/ns 密歇根/ns 州立大学/nt 的/uj');
    const spans = spansOf(university.text, [
      ['place', '美国'],
      ['org', '密歇根州立大学'],
    ]);
    expect(names(university.text, placesOfBodies(wordsAt(university.tokens), spans))).toEqual(['place:美国', 'org:密歇根州立大学']);
  });

  it('reads a place and one word ending in a named head as a body, and a country and 队 as its team', () => {
    const institute = sentence('赠给/v 西安/ns 地质所/n 两台/m');
    expect(names(institute.text, headsAfterNames(institute.text, wordsAt(institute.tokens), spansOf(institute.text, [['place', '西安']])))).toEqual([
      'org:西安地质所',
    ]);
    const team = sentence('秘鲁/ns 队以/x 2/m ∶/x 1/m 获胜/v');
    expect(names(team.text, headsAfterNames(team.text, wordsAt(team.tokens), spansOf(team.text, [['place', '秘鲁']])))).toEqual(['org:秘鲁队']);
    // A verb and its object (建厂), a bare head (公司) and a team's members (队员) are no body.
    const built = sentence('在/p 株洲/ns 建厂/n 。/x');
    expect(names(built.text, headsAfterNames(built.text, wordsAt(built.tokens), spansOf(built.text, [['place', '株洲']])))).toEqual(['place:株洲']);
    const company = sentence('美国/ns 公司/n 表示/v');
    expect(names(company.text, headsAfterNames(company.text, wordsAt(company.tokens), spansOf(company.text, [['place', '美国']])))).toEqual(['place:美国']);
    // An ordinal or a direction (湖南第一所, 沙特西北部) and a meeting (动员会) are no body's name.
    for (const [tagged, name] of [
      ['湖南/ns 第一所/m 高校/n', '湖南'],
      ['沙特/ns 西北部/f 地区/n', '沙特'],
      ['湖南省/ns 动员会/n 召开/v', '湖南省'],
    ] as const) {
      const { text, tokens } = sentence(tagged);
      expect(names(text, headsAfterNames(text, wordsAt(tokens), spansOf(text, [['place', name]])))).toEqual([`place:${name}`]);
    }
    const members = sentence('中国/ns 队员/n 发挥/v');
    expect(names(members.text, headsAfterNames(members.text, wordsAt(members.tokens), spansOf(members.text, [['place', '中国']])))).toEqual(['place:中国']);
  });
});

describe('the passes in the analysis of restated sentences', () => {
  it('splits a body, a title and a person, and keeps a short name’s first character', async () => {
    const analyzer = nodeAnalyzer();
    const mentions = async (text: string) => (await analyzer.mentions(text)).map((m) => `${m.type}:${m.text}`);
    const run = await mentions('中车株机副总经理徐海霞代表公司致辞。');
    expect(run).toContain('org:中车株机');
    expect(run).toContain('person:徐海霞');
    expect(await mentions('湖南建投、株硬集团等十四支球队参赛。')).toContain('org:株硬集团');
  });
});

describe('a Chinese given name alone, after the full name', () => {
  it('is the person the text named in full, unless two full names share it; it is not taught', () => {
    const read = samePeople([person('谭俊平'), place('株洲'), person('俊平')]);
    expect(read.mentions.map((m) => m.text)).toEqual(['谭俊平', '株洲', '谭俊平']);
    expect(read.aliases.size).toBe(0);
    const two = samePeople([person('谭俊平'), person('罗俊平'), person('俊平')]);
    expect(two.mentions.map((m) => m.text)).toEqual(['谭俊平', '罗俊平', '俊平']);
  });
});
