import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundledStories } from '../../lib/library/bundled';
import type { Story } from '../../lib/story';

const readPublic = (path: string) => readFile(new URL(`../../public/${path}`, import.meta.url), 'utf8');

let stories: Story[];
beforeAll(async () => {
  stories = await loadBundledStories(readPublic);
});

/** Title, first and last paragraph of each seed story, as printed (half-width punctuation kept). */
const expected: Array<[title: string, first: string, last: string]> = [
  [
    '曹慧泉率团访问阿联酋、沙特、土耳其',
    '5月5日至14日,市委书记曹慧泉率团赴阿联酋、沙特、土耳其进行经贸洽谈和友好访问,深入贯彻习近平外交思想,从地方层面密切与三国经贸、人文交流合作,进一步扩大高水平对外开放,为实现“三高四新”美好蓝图注入强劲动力。',
    '在土耳其期间,代表团拜访交通部基础设施投资总局,就加强轨道交通领域合作进行沟通交流。该局负责人表示,株洲轨道交通装备产业实力雄厚,愿发挥双方合作基础优势,在更宽领域探索合作。曹慧泉一行还调研了中车株机土耳其基地、伊斯坦布尔机场线地铁车辆项目,看望项目现场服务团队。他说,轨道交通装备是“中国制造”走向世界的一张“金名片”。株洲将进一步强化服务保障,大力支持以轨道交通产业为代表的优势产业链企业“走出去”,积极开拓全球市场。',
  ],
  [
    '习近平致电祝贺西莉娅诺夫斯卡-达夫科娃就任北马其顿总统',
    '近日,国家主席习近平致电戈尔达娜·西莉娅诺夫斯卡-达夫科娃,祝贺她当选北马其顿共和国总统。习近平指出,中国同北马其顿传统友谊深厚。近年来,两国务实合作扎实推进,成果惠及民众。我高度重视中国同北马其顿关系发展,愿同总统女士一道努力,深化政治互信,扩大交流合作,推动中北马友好合作关系再上新台阶。',
    '近日,国家主席习近平致电戈尔达娜·西莉娅诺夫斯卡-达夫科娃,祝贺她当选北马其顿共和国总统。习近平指出,中国同北马其顿传统友谊深厚。近年来,两国务实合作扎实推进,成果惠及民众。我高度重视中国同北马其顿关系发展,愿同总统女士一道努力,深化政治互信,扩大交流合作,推动中北马友好合作关系再上新台阶。',
  ],
  [
    '习近平向乍得当选总统穆罕默德致贺电',
    '5月20日,国家主席习近平致电穆罕默德·伊德里斯·代比·伊特诺,祝贺他当选乍得共和国总统。习近平指出,近年来,中乍关系保持良好发展势头,政治互信不断深化,各领域合作稳步推进,国际协作更加紧密。我高度重视中乍关系发展,愿同穆罕默德总统一道努力,加强相互支持,推进友好合作,更好造福两国人民。',
    '5月20日,国家主席习近平致电穆罕默德·伊德里斯·代比·伊特诺,祝贺他当选乍得共和国总统。习近平指出,近年来,中乍关系保持良好发展势头,政治互信不断深化,各领域合作稳步推进,国际协作更加紧密。我高度重视中乍关系发展,愿同穆罕默德总统一道努力,加强相互支持,推进友好合作,更好造福两国人民。',
  ],
  [
    '陈恢清主持召开市国土空间规划委员会2024年第5次专题会议',
    '5月21日,市委副书记、市长陈恢清主持召开市国土空间规划委员会2024年第5次专题会议,审议山体水体保护国土空间专项规划、部分建设工程项目规划等。',
    '会议还研究了其他事项。',
  ],
  [
    '南方阀门斩获华夏建设科学技术奖',
    '株洲企业又获得一项国家级大奖。近日,华夏建设科学技术奖励委员会发布了2023年度华夏建设科学技术奖授奖项目名单,由中国建筑设计研究院牵头、南方阀门参与完成的《公共建筑节能精细化控制技术及应用》项目荣获一等奖。',
    '南方阀门在任务研究及成果方面,完成了“供水管网精细化计量和漏损智能控制技术”、“精准计量和漏损智能控制装置研发”等研究内容,发表论文1篇,授权专利1项。研发的智能减压阀控制系统,能够实现自动调控管道压力的减压阀,通过搭载通讯模块,进行漏损预警和漏损管段精确定位和及时关闭。研发的超声波远传水表具有计量精准、无机械磨损、超长寿命且支持多种通信方式等特点。',
  ],
  [
    '立方新能源获国际权威双认可',
    '近日,湖南立方新能源科技有限责任公司(以下简称立方新能源)凭借在钠离子电池领域的优异表现,连续获得两项国际权威认可。',
    '据悉,立方新能源是行业内少有的同时掌握锂/钠离子电池核心技术的新能源企业之一,先后荣获了“钠电行业最具投资价值奖”、“钠电十大创新企业”、“2022-2023年度中国电动两轮车用钠电技术创新品牌”以及“2023年中国电池新能源行业年度创新奖”等多项行业奖项,旗下圆柱钠离子电池获评“湖南省省级工业新产品”。',
  ],
  [
    '为群众带来快乐 “厂BA”还是熟悉的味道',
    '定更激烈、更有看点!”现场观赛的市民陈先生告诉记者。',
    '比赛现场的半壁看台,均被专精特新队拉拉队、粉丝占据。这支球队由德智新材料、瑞邦医疗、特科能、傲英创视、新时代输送、',
  ],
  [
    '以“株洲标准”擦亮城市品牌',
    '标准是质量、是标尺。“一流企业做标准、二流企业做品牌、三流企业做产品”,这句老话,讲的是标准对企业发展的重要性。近日,株洲南方阀门股份有限公司参与制定的国际标准《智慧水务管理—第1部分通用指南》获国际标准组织中央秘书处批准发布,这是株洲民营企业首次参与制定国际标准,也是全球智慧水务领域首项国际标准。此外,中车株洲电力机车有限公司主持制定的国际标准《轨道交通机车车辆辅助供电系统蓄电池第3部分:铅酸蓄电池》由国际电工委员会发布,这是该公司主持制定的第二项国际标准。国企、民企齐头并进,主持或参与国际标准的制定,彰显株洲制造在行业中的地位、株洲质量在国际的影响。',
    '当下株洲,正加快“培育制造名城建设幸福株洲”,需要更多企业提高标准化发展意识,推进标准制定“集体领跑”,以高水平标准扩大中高端供给,特别是在先进制造集群发力,形成以“标准领跑带动产业、企业、品牌领跑”的新格局。株洲企业加强技术创新,掌握更多自主知识产权,打造更多的“行业标准”“国际标准”,制造名城的品牌会更加响亮。',
  ],
  ['中央驻湘生态环保督察组 值班电话和邮箱', '督察进驻期:2024年5月9日至2024年6月9日', '受理举报电话时间:每天8:00—20:00'],
  [
    '中央第五生态环境保护督察组 向我市移交第十一批信访件',
    '5月21日,中央第五生态环境保护督察组向我省交办第二批共计119起群众信访件(来电举报74件,来信举报45件),其中重点件14件。涉及株洲的交办群众信访举报件7件,含重点件0件。',
    '5月21日,中央第五生态环境保护督察组向我省交办第二批共计119起群众信访件(来电举报74件,来信举报45件),其中重点件14件。涉及株洲的交办群众信访举报件7件,含重点件0件。',
  ],
];

/** Every column break in the seed: the two printed pieces, rejoined inside one paragraph. */
const breaks: Array<[story: number, left: string, right: string]> = [
  [0, '曹慧泉分别与中国驻', '阿联酋大使张益明'],
  [0, '见证中车电动、', '株洲易通达国际贸易公司'],
  [0, '城发集团旗下湘粤非公司将', '与纳客物流公司'],
  [3, '进一步优化匝道建', '设方案'],
  [4, '节水效能评价——节', '水设备与产品研发'],
  [4, '“精准计', '量和漏损智能控制装置研发”'],
  [5, '《钠离子电池高性能层状', '氧化物正极之路》'],
  [5, '《Chemical Society Reviews》由', '英国皇家化学会'],
  [6, '当大家还沉浸在去年的快乐与', '城市品牌出圈的自豪中时'],
  [7, '讲的是标准对企业发展的', '重要性'],
  [7, '活字印刷术的标准化工', '作原理'],
];

describe('the seed page (株洲日报, 22 May 2024, page 1)', () => {
  it('holds exactly ten stories, in page order', () => {
    expect(stories.map((s) => s.title)).toEqual(expected.map(([title]) => title));
  });

  it.each(expected.map((e, i) => [i + 1, ...e] as const))('story %i: title, first and last paragraph', (n, title, first, last) => {
    const story = stories[n - 1];
    expect(story.title).toBe(title);
    expect(story.paragraphs[0]).toBe(first);
    expect(story.paragraphs.at(-1)).toBe(last);
  });

  it.each(breaks)('story %i rejoins 「%s」 + 「%s」 in one paragraph', (n, left, right) => {
    const story = stories[n];
    expect(story.paragraphs.some((p) => p.includes(left + right))).toBe(true);
    expect(story.paragraphs.some((p) => p.endsWith(left))).toBe(false);
  });

  it('keeps the paragraph count of each story', () => {
    expect(stories.map((s) => s.paragraphs.length)).toEqual([5, 1, 1, 7, 4, 4, 6, 6, 4, 1]);
  });

  it('records publication, date, page and the bundled origin on every story', () => {
    for (const story of stories) {
      expect(story).toMatchObject({ publication: '株洲日报', date: '2024-05-22', page: 1, origin: 'bundled' });
    }
  });

  it('gives every story a distinct id that the same input reproduces', async () => {
    const again = await loadBundledStories(readPublic);
    expect(new Set(stories.map((s) => s.id)).size).toBe(10);
    expect(again.map((s) => s.id)).toEqual(stories.map((s) => s.id));
  });

  it('separates bylines and datelines from the text', () => {
    expect(stories[0].byline).toBe('株洲日报讯(通讯员/王潇博 全媒体记者/陈正明)');
    expect(stories[3].byline).toBe('株洲日报讯(全媒体记者/周嵩)');
    expect(stories[4].byline).toBe('株洲日报讯(全媒体记者/廖喜张 通讯员/王鹤)');
    expect(stories[5].byline).toBe('株洲日报讯(全媒体记者/廖喜张 通讯员/张静)');
    expect(stories[1].dateline).toBe('新华社北京5月21日电');
    expect(stories[2].dateline).toBe('新华社北京5月21日电');
    for (const story of stories) expect(story.paragraphs[0]).not.toMatch(/^株洲日报讯|^新华社/);
  });

  it('finds kickers, decks and in-story sub-heads where they are printed', () => {
    expect(stories[4].kicker).toBe('打造“三个高地” 走在前列');
    expect(stories[7].kicker).toBe('天台快评');
    expect(stories[0].subheads).toEqual([{ text: '深化务实交流合作 扩大高水平对外开放', before: 0 }]);
    expect(stories[3].subheads).toEqual([{ text: '审议山体水体保护 国土空间专项规划等', before: 0 }]);
    expect(stories[6].subheads).toEqual([
      { text: '进企业、厂区,长株潭联动开赛', before: 1 },
      { text: '实力强劲的不仅是球队,更是产业', before: 4 },
    ]);
    expect(stories[9].subheads).toEqual([{ text: '(2024年5月20日8时—5月20日20时)', before: 0 }]);
    for (const i of [1, 2, 5, 7, 8]) expect(stories[i].subheads).toEqual([]);
  });

  it('takes the author of the commentary, the photo caption and the jump line', () => {
    expect(stories[7].author).toBe('李奎国');
    expect(stories[6].captions).toEqual(['2024年“厂BA”季前赛火热开赛。罗青 摄']);
    expect(stories[6].continuation).toBe('下转02版');
    expect(stories[6].paragraphs.join('')).not.toContain('下转');
    stories.forEach((story, i) => {
      if (i !== 7) expect(story.author).toBeUndefined();
      if (i !== 6) expect(story.captions).toEqual([]);
      if (i !== 6) expect(story.continuation).toBeUndefined();
    });
  });

  it('keeps the lines of the notice box as they are printed', () => {
    expect(stories[8].paragraphs).toEqual([
      '督察进驻期:2024年5月9日至2024年6月9日',
      '专门值班电话:0731-82673688',
      '专门邮政信箱:湖南省长沙市A312号信箱',
      '受理举报电话时间:每天8:00—20:00',
    ]);
  });
});
