import { describe, expect, it } from 'vitest';
import { completedBodies } from '../../lib/nlp/ner/bodies';
import { nodeAnalyzer } from './helpers';
import { readAfter } from './tagged-sentence';

describe('organisations completed from the words around them', () => {
  it('takes in a unit written after a ministry, and a branch after a bank (its place between)', () => {
    expect(readAfter(completedBodies, '代表团/n 拜访/v 交通部/nt 基础设施/n 投资/vn 总局/n ，/x 就/d', [['org', '交通部']])).toEqual([
      'org:交通部基础设施投资总局',
    ]);
    expect(
      readAfter(completedBodies, '交通银行/nt 四川省/ns 分行/v 的/uj 人员/n', [
        ['org', '交通银行'],
        ['place', '四川省'],
      ]),
    ).toEqual(['org:交通银行四川省分行']);
    expect(readAfter(completedBodies, '株洲/ns 冶炼厂/n 新线/n 分厂/n 厂长/n', [['org', '株洲冶炼厂']])).toEqual(['org:株洲冶炼厂新线分厂']);
  });

  it('joins a body and its unit read as two organisations side by side, not two named bodies', () => {
    expect(
      readAfter(completedBodies, '株洲/ns 交警/n 交通/n 控制/vn 指挥中心/n 负责/v', [
        ['org', '株洲交警'],
        ['org', '交通控制指挥中心'],
      ]),
    ).toEqual(['org:株洲交警交通控制指挥中心']);
    expect(
      readAfter(completedBodies, '株洲市政府/nt 湘江/ns 研究中心/n 签约/v', [
        ['org', '株洲市政府'],
        ['org', '湘江研究中心'],
      ]),
    ).toEqual(['org:株洲市政府', 'org:湘江研究中心']);
  });

  it('does not run on into a verb, a department, or the next name', () => {
    expect(readAfter(completedBodies, '交通部/nt 投资/vn 建设/v 分局/n', [['org', '交通部']])).toEqual(['org:交通部']);
    expect(readAfter(completedBodies, '中信地产/nt 营销/vn 管理部/n 表示/v', [['org', '中信地产']])).toEqual(['org:中信地产']);
    expect(readAfter(completedBodies, '外交部/nt 新闻/n 发言人/n 秦刚/nr', [['org', '外交部']])).toEqual(['org:外交部']);
  });

  it('reads a company short name, a place and a one-character head as one body', () => {
    expect(readAfter(completedBodies, '中车/x 株洲/ns 所/c 董事长/n 李东林/nr', [['person', '李东林']])).toEqual(['org:中车株洲所', 'person:李东林']);
    expect(readAfter(completedBodies, '与/p 中车/x 株洲/ns 所/c 之间/f', [['place', '株洲']])).toEqual(['org:中车株洲所']);
    // A place and 所 after an ordinary word is no body: 在株洲所见.
    expect(readAfter(completedBodies, '记者/n 在/p 株洲/ns 所/c 见/v', [['place', '株洲']])).toEqual(['place:株洲']);
  });

  it('reads today’s official names that join two fields by 和 whole, with their province or the country', () => {
    expect(
      readAfter(completedBodies, '湖南省/ns 住房/n 和/c 城乡/n 建设厅/nt 发布/v 通知/n', [
        ['place', '湖南省'],
        ['org', '建设厅'],
      ]),
    ).toEqual(['org:湖南省住房和城乡建设厅']);
    expect(readAfter(completedBodies, '国家/n 发展/vn 和/c 改革/vn 委员会/n 日前/t 印发/v')).toEqual(['org:国家发展和改革委员会']);
    expect(readAfter(completedBodies, '工业/n 和/c 信息化/n 部/n 办公厅/n 印发/v')).toEqual(['org:工业和信息化部办公厅']);
  });

  it('gives back the head the model left in jieba’s word', () => {
    expect(readAfter(completedBodies, '勉励/v 中/f 交二航局/x 发挥/v', [['org', '中交二航']])).toEqual(['org:中交二航局']);
  });

  it('joins a body cut in two by common nouns, but not two bodies or a name and a body of its own', () => {
    expect(
      readAfter(completedBodies, '是/v 国务院/nt 残疾人/n 工作/vn 协调/v 委员会/n 、/x 卫生部/nt', [
        ['org', '国务院'],
        ['org', '工作协调委员会'],
        ['org', '卫生部'],
      ]),
    ).toEqual(['org:国务院残疾人工作协调委员会', 'org:卫生部']);
    expect(
      readAfter(completedBodies, '国务院/nt 和/c 教育部/nt', [
        ['org', '国务院'],
        ['org', '教育部'],
      ]),
    ).toEqual(['org:国务院', 'org:教育部']);
  });
});

describe('the analyzer with the completed organisations', () => {
  it('finds a bank whose name is two ordinary words, and its branch', async () => {
    const mentions = (await nodeAnalyzer().mentions('交通银行四川省分行的有关人员表示，中国人民银行广州分行也接到了通知。')).map((m) => `${m.type}:${m.text}`);
    expect(mentions).toEqual(expect.arrayContaining(['org:交通银行四川省分行', 'org:中国人民银行广州分行']));
  });
});
