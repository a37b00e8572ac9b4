import { describe, expect, it } from 'vitest';
import { completedBodies } from '../../lib/nlp/ner/bodies';
import { wordsAt } from '../../lib/nlp/ner/word-index';
import { nodeAnalyzer } from './helpers';
import { names, sentence, spansOf } from './tagged-sentence';

describe('organisations completed from the words around them', () => {
  it('takes in a unit written after a ministry, and a branch after a bank (its place between)', () => {
    const unit = sentence('代表团/n 拜访/v 交通部/nt 基础设施/n 投资/vn 总局/n ，/x 就/d');
    expect(names(unit.text, completedBodies(unit.text, wordsAt(unit.tokens), spansOf(unit.text, [['org', '交通部']])))).toEqual(['org:交通部基础设施投资总局']);
    const branch = sentence('交通银行/nt 四川省/ns 分行/v 的/uj 人员/n');
    const spans = spansOf(branch.text, [
      ['org', '交通银行'],
      ['place', '四川省'],
    ]);
    expect(names(branch.text, completedBodies(branch.text, wordsAt(branch.tokens), spans))).toEqual(['org:交通银行四川省分行']);
    const works = sentence('株洲/ns 冶炼厂/n 新线/n 分厂/n 厂长/n');
    expect(names(works.text, completedBodies(works.text, wordsAt(works.tokens), spansOf(works.text, [['org', '株洲冶炼厂']])))).toEqual([
      'org:株洲冶炼厂新线分厂',
    ]);
  });

  it('joins a body and its unit read as two organisations side by side, not two named bodies', () => {
    const unit = sentence('株洲/ns 交警/n 交通/n 控制/vn 指挥中心/n 负责/v');
    const read = spansOf(unit.text, [
      ['org', '株洲交警'],
      ['org', '交通控制指挥中心'],
    ]);
    expect(names(unit.text, completedBodies(unit.text, wordsAt(unit.tokens), read))).toEqual(['org:株洲交警交通控制指挥中心']);
    const two = sentence('株洲市政府/nt 湘江/ns 研究中心/n 签约/v');
    const named = spansOf(two.text, [
      ['org', '株洲市政府'],
      ['org', '湘江研究中心'],
    ]);
    expect(names(two.text, completedBodies(two.text, wordsAt(two.tokens), named))).toEqual(['org:株洲市政府', 'org:湘江研究中心']);
  });

  it('does not run on into a verb, a department, or the next name', () => {
    const verb = sentence('交通部/nt 投资/vn 建设/v 分局/n');
    expect(names(verb.text, completedBodies(verb.text, wordsAt(verb.tokens), spansOf(verb.text, [['org', '交通部']])))).toEqual(['org:交通部']);
    const department = sentence('中信地产/nt 营销/vn 管理部/n 表示/v');
    expect(names(department.text, completedBodies(department.text, wordsAt(department.tokens), spansOf(department.text, [['org', '中信地产']])))).toEqual([
      'org:中信地产',
    ]);
    const next = sentence('外交部/nt 新闻/n 发言人/n 秦刚/nr');
    expect(names(next.text, completedBodies(next.text, wordsAt(next.tokens), spansOf(next.text, [['org', '外交部']])))).toEqual(['org:外交部']);
  });

  it('reads a company short name, a place and a one-character head as one body', () => {
    const none = sentence('中车/x 株洲/ns 所/c 董事长/n 李东林/nr');
    expect(names(none.text, completedBodies(none.text, wordsAt(none.tokens), spansOf(none.text, [['person', '李东林']])))).toEqual([
      'org:中车株洲所',
      'person:李东林',
    ]);
    const place = sentence('与/p 中车/x 株洲/ns 所/c 之间/f');
    expect(names(place.text, completedBodies(place.text, wordsAt(place.tokens), spansOf(place.text, [['place', '株洲']])))).toEqual(['org:中车株洲所']);
    // A place and 所 after an ordinary word is no body: 在株洲所见.
    const ordinary = sentence('记者/n 在/p 株洲/ns 所/c 见/v');
    expect(names(ordinary.text, completedBodies(ordinary.text, wordsAt(ordinary.tokens), spansOf(ordinary.text, [['place', '株洲']])))).toEqual(['place:株洲']);
  });

  it('reads today’s official names that join two fields by 和 whole, with their province or the country', () => {
    const bureau = sentence('湖南省/ns 住房/n 和/c 城乡/n 建设厅/nt 发布/v 通知/n');
    const spans = spansOf(bureau.text, [
      ['place', '湖南省'],
      ['org', '建设厅'],
    ]);
    expect(names(bureau.text, completedBodies(bureau.text, wordsAt(bureau.tokens), spans))).toEqual(['org:湖南省住房和城乡建设厅']);
    const commission = sentence('国家/n 发展/vn 和/c 改革/vn 委员会/n 日前/t 印发/v');
    expect(names(commission.text, completedBodies(commission.text, wordsAt(commission.tokens), []))).toEqual(['org:国家发展和改革委员会']);
    const ministry = sentence('工业/n 和/c 信息化/n 部/n 办公厅/n 印发/v');
    expect(names(ministry.text, completedBodies(ministry.text, wordsAt(ministry.tokens), []))).toEqual(['org:工业和信息化部办公厅']);
  });

  it('gives back the head the model left in jieba’s word', () => {
    const glued = sentence('勉励/v 中/f 交二航局/x 发挥/v');
    expect(names(glued.text, completedBodies(glued.text, wordsAt(glued.tokens), spansOf(glued.text, [['org', '中交二航']])))).toEqual(['org:中交二航局']);
  });

  it('joins a body cut in two by common nouns, but not two bodies or a name and a body of its own', () => {
    const cut = sentence('是/v 国务院/nt 残疾人/n 工作/vn 协调/v 委员会/n 、/x 卫生部/nt');
    const spans = spansOf(cut.text, [
      ['org', '国务院'],
      ['org', '工作协调委员会'],
      ['org', '卫生部'],
    ]);
    expect(names(cut.text, completedBodies(cut.text, wordsAt(cut.tokens), spans))).toEqual(['org:国务院残疾人工作协调委员会', 'org:卫生部']);
    const two = sentence('国务院/nt 和/c 教育部/nt');
    const both = spansOf(two.text, [
      ['org', '国务院'],
      ['org', '教育部'],
    ]);
    expect(names(two.text, completedBodies(two.text, wordsAt(two.tokens), both))).toEqual(['org:国务院', 'org:教育部']);
  });
});

describe('the analyzer with the completed organisations', () => {
  it('finds a bank whose name is two ordinary words, and its branch', async () => {
    const mentions = (await nodeAnalyzer().mentions('交通银行四川省分行的有关人员表示，中国人民银行广州分行也接到了通知。')).map((m) => `${m.type}:${m.text}`);
    expect(mentions).toEqual(expect.arrayContaining(['org:交通银行四川省分行', 'org:中国人民银行广州分行']));
  });
});
