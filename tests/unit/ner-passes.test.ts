import { describe, expect, it } from 'vitest';
import { onePlaceEach } from '../../lib/nlp/analyzer';
import type { Mention } from '../../lib/nlp/entities';
import { nameKnowledge } from '../../lib/nlp/knowledge';
import { registeredPlace } from '../../lib/nlp/ner/divisions';
import { levelBodies } from '../../lib/nlp/ner/level-bodies';
import { samePeople } from '../../lib/nlp/ner/one-person';
import { completedNames } from '../../lib/nlp/ner/text-names';
import { papersInTitles } from '../../lib/nlp/ner/papers';
import { withoutLead } from '../../lib/nlp/ner/glued';
import { nodeAnalyzer } from './helpers';
import { expectNameCases, type NameCase, typedMentions } from './name-cases';

const person = (text: string): Mention => ({ type: 'person', text });
const place = (text: string): Mention => ({ type: 'place', text });
const org = (text: string): Mention => ({ type: 'org', text });

/** Restated sentences (our own wording) where the model glues a word to a name, and the names they hold. */
const GLUED: NameCase[] = [
  ['公司董事长龚靖作了题为《数字水务》的报告。', ['person:龚靖'], ['person:龚靖作']],
  ['总工程师邝声志称其为行业内首条智能产线。（记者邬仲志摄）', ['person:邝声志', 'person:邬仲志'], ['person:邝声志称', 'person:邬仲志摄']],
  ['工作组由戴卓庆任组长、阙青任副组长。', ['person:戴卓庆', 'person:阙青'], ['person:阙青任']],
  ['副主席韩正当天也致信表示祝贺。', ['person:韩正'], ['person:韩正当']],
  ['国家主席习近平5日向埃米尔·阿卜杜拉·哈桑致贺电，祝贺他当选总统。', ['person:埃米尔·阿卜杜拉·哈桑'], ['person:日向埃米尔·阿卜杜拉·哈桑']],
  ['习近平指出，两国友谊深厚，他愿同西莉娅诺夫斯卡-达夫科娃总统一道推动合作。', ['person:西莉娅诺夫斯卡-达夫科娃'], ['person:他愿同西莉娅诺夫斯卡-达夫科娃']],
  ['研究生吴妮1小时18分完赛，湘潭3件、岳阳2件。', ['person:吴妮', 'place:岳阳'], ['person:吴妮1', 'place:岳阳2件']],
  ['湖南日报·新湖南客户端消息，人民日报株洲9月2日电', ['org:湖南日报', 'org:人民日报', 'place:株洲'], ['org:湖南日报·']],
  ['该赛事由国家体育总局与湖南省人民政府联合主办。', ['org:湖南省人民政府'], ['org:湖南省人民政府联']],
  ['男子组株洲联诚队对阵湘潭矿业队，双方战成平局。', ['org:株洲联诚队', 'org:湘潭矿业队'], ['org:株洲联诚队对阵湘潭矿业队']],
  ['长沙一家公司和两家钨业公司的上市公司参加了签约。', [], ['org:长沙一家公司']],
  // A post taken, a speech made, words addressed, a prize won, a date: the verb after a name jieba did not know.
  ['技术委员会由教授贾明军任主席，研究员符玲任秘书。', ['person:符玲'], ['person:符玲任']],
  ['省委书记邹勇作动员讲话，校长卢祥君致欢迎辞。', ['person:邹勇', 'person:卢祥君'], ['person:邹勇作', 'person:卢祥君致']],
  ['趣味赛上，郑建获挑战投篮王称号。', ['person:郑建'], ['person:郑建获']],
  // A Chinese name of four characters after a one-character surname holds the word after it.
  ['市委副书记、市长邓恢明于3月5日赴长沙对接项目。', ['person:邓恢明'], ['person:邓恢明于']],
  ['市长邓恢明同各界人士代表座谈。', ['person:邓恢明'], ['person:邓恢明同']],
  ['深圳市委书记孟永航率代表团访问阿联酋。', ['person:孟永航'], ['person:孟永']],
  // A preposition or verb before a body's name, glued by the model or by a pass after it.
  ['据市科技局消息，今年新认定高新技术企业120家。', ['org:市科技局'], ['org:据市科技局']],
  ['市规划局委托市规划设计院编制绿心地区总体规划。', ['org:市规划设计院'], ['org:委托市规划设计院']],
  // A company's name holding its registered place in brackets, which the model began inside them.
  ['中材科技（萍乡）风电叶片有限公司举行投产仪式。', ['org:中材科技(萍乡)风电叶片有限公司', 'place:萍乡'], ['org:萍乡']],
  // Two bodies joined by a conjunction are two; a ministry's name joining two common words is one.
  ['江西省经信委和省陶瓷工业协会共同主办这次展会。', ['org:江西省经信委', 'org:省陶瓷工业协会'], ['org:江西省经信委和省陶瓷工业协会']],
  ['展会吸引了宁德时代、比亚迪和霍尼韦尔等企业参展。', ['org:比亚迪', 'org:霍尼韦尔'], ['org:比亚迪和霍尼韦尔']],
  ['住房和城乡建设部与国家发展和改革委员会联合发文。', ['org:住房和城乡建设部', 'org:国家发展和改革委员会'], []],
];

describe('the clean-up after the model', () => {
  const analyzer = nodeAnalyzer();
  const mentions = typedMentions(analyzer);

  it('takes off a verb, a date, a preposition, digits or a joiner the model glued to a name', async () => {
    await expectNameCases(analyzer, GLUED);
  });

  it('takes off what stands before a body’s name however the span was made: 该, the thing it names, and 经 or 由', () => {
    const lead = (text: string) => {
      const span = withoutLead(text, { type: 'org', start: 0, end: text.length });
      return text.slice(span.start, span.end);
    };
    expect(lead('该奖经国家科学技术奖励工作办公室')).toBe('国家科学技术奖励工作办公室');
    expect(lead('该标委会')).toBe('标委会');
    expect(lead('对外经济贸易大学')).toBe('对外经济贸易大学');
    expect(lead('代表大会')).toBe('代表大会');
  });

  it('reads a party congress by its number as a body, and a count of the same form as none', async () => {
    expect(await mentions('党的十五大明确提出了跨世纪的目标。')).toContain('org:十五大');
    expect(await mentions('该企业入选全国十大创新企业。')).not.toContain('org:十大');
  });

  it('reads a paper in 《》 as an organisation, and keeps the names inside other titles', async () => {
    expect(await mentions('据香港《明报》消息，《湘潭日报》也刊发了这篇评论。')).toEqual(expect.arrayContaining(['place:香港', 'org:明报', 'org:湘潭日报']));
    // People's Daily marks the names inside a law's or a book's title (国防法 names the country).
    expect(await mentions('会议审议通过《中华人民共和国国防法》修订草案。')).toContain('place:中华人民共和国');
  });
});

describe('one entity per real thing in a text', () => {
  it('reads a foreign name’s short forms as the full name, unless two full names hold them', () => {
    const full = '戈尔达娜·西莉娅诺夫斯卡-达夫科娃';
    const read = samePeople([person('习近平'), person('西莉娅诺夫斯卡-达夫科娃'), person(full), person('达夫科娃'), person('戈尔达娜'), place('北马其顿')]);
    expect(read.mentions.map((m) => m.text)).toEqual(['习近平', full, full, full, full, '北马其顿']);
    // The short forms that end with her surname are her short names, for the library to learn;
    // a given name names many people across a library.
    expect([...read.aliases.keys()]).toEqual(['西莉娅诺夫斯卡-达夫科娃', '达夫科娃']);
    // Two men named 穆罕默德: which one a bare 穆罕默德 is, the text does not say.
    const two = [person('穆罕默德·伊德里斯'), person('穆罕默德·本·扎耶德'), person('穆罕默德')];
    expect(samePeople(two).mentions.map((m) => m.text)).toEqual(['穆罕默德·伊德里斯', '穆罕默德·本·扎耶德', '穆罕默德']);
    // A place named like part of a person stays a place; a syllable names nobody.
    expect(samePeople([person('约翰·史密斯'), place('史密斯'), person('约')]).mentions.map((m) => m.text)).toEqual(['约翰·史密斯', '史密斯', '约']);
  });

  it('reads the whole analysis of a text with one chip per person', async () => {
    const { entities } = await nodeAnalyzer().analyze(
      '总统戈尔达娜·西莉娅诺夫斯卡-达夫科娃发表讲话。西莉娅诺夫斯卡-达夫科娃表示，将继续推动改革。达夫科娃还感谢了各方。',
    );
    expect(entities.person).toEqual(['戈尔达娜·西莉娅诺夫斯卡-达夫科娃']);
  });

  it('reads a person the text also names as a place with its level as that place', async () => {
    const { entities } = await nodeAnalyzer().analyze('中车株机中标土耳其首都安卡拉市地铁车辆项目。安卡拉规划了四条地铁线。');
    expect(entities.person).toEqual([]);
    expect(entities.place).toEqual(expect.arrayContaining(['安卡拉市']));
    // A two-character place keeps its level: 周 of 周市 is no name of it.
    expect(completedNames(['周市。', '周说。'], [[place('周市')], [person('周')]])).toEqual([[place('周市')], [person('周')]]);
  });

  it('reads a bare party committee as the one of the place of its level the text named last, or lists none', () => {
    expect(levelBodies([org('株洲市委'), org('市委')])).toEqual([org('株洲市委'), org('株洲市委')]);
    expect(levelBodies([place('醴陵'), org('市委'), place('湖南省'), org('省委'), org('县委')])).toEqual([
      place('醴陵'),
      org('醴陵市委'),
      place('湖南省'),
      org('湖南省委'),
    ]);
    // A country is no city of ours: 沙特 names no 市委.
    expect(levelBodies([place('沙特'), org('市委'), person('曹慧泉')])).toEqual([place('沙特'), person('曹慧泉')]);
  });

  it('lists a city or a province once, under the name the text gives it first', () => {
    const listed = onePlaceEach(
      { person: [], place: ['株洲', '沙特', '湖南省', '株洲市', '沙特阿拉伯', '湖南', '长沙市'], org: [] },
      nameKnowledge().countryCodes,
    );
    expect(listed.place).toEqual(['株洲', '沙特', '湖南省', '长沙市']);
  });

  it('knows a paper in 《》 and a registered place by their form', () => {
    const text = '据《纽约时报》报道，《情况通报》指出';
    expect(papersInTitles(text, [{ type: 'place', start: 2, end: 4 }])).toEqual([{ type: 'org', start: 2, end: 6 }]);
    expect(registeredPlace('山港海外供应链(青岛)有限公司', nameKnowledge().countryCodes)).toBe('青岛');
    expect(registeredPlace('某某科技(集团)有限公司', nameKnowledge().countryCodes)).toBeUndefined();
  });
});
