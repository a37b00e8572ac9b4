import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../lib/library/library';
import { analyzeStories } from '../../lib/library/analyze-stories';
import { reanalyse } from '../../lib/library/reanalyse';
import { packSegment, SegmentView } from '../../lib/library/index-segment';
import { indexEntry } from '../../lib/match/index-entry';
import { MemoryIndex } from '../../lib/match/memory-index';
import { emptyPosting, mergePosting, updatePosting, type IndexReader } from '../../lib/match/postings';
import { quotation } from '../../lib/match/rank';
import { queryFinder } from '../../lib/match/related';
import { foreignNames } from '../../lib/match/foreign-names';
import { buildProfile, datesIn, daysFrom, entityKey, ordinalsIn, orgKey, phonesIn } from '../../lib/match/profile';
import { normalizeForAnalysis } from '../../lib/nlp/normalize';
import { makeSnippet } from '../../lib/match/snippet';
import { readPassages, relatedSetup } from '../eval/related';
import { MUST_STAY_SILENT } from '../eval/related-cv';
import { bundledStories, freshDbName, nodeAnalyzer, readerStory, readPackageFile, TEST_ANALYSIS } from './helpers';

let setup: Awaited<ReturnType<typeof relatedSetup>>;
beforeAll(async () => {
  setup = await relatedSetup();
}, 60_000);

describe('related coverage of written passages', () => {
  // The project's own written set, against the ten seed stories alone (a fresh install): not the
  // ranker's training data (that is the development set of real coverage). Every same-event
  // passage finds its story.
  it('lists the story first for every same-event passage', async () => {
    const missed: string[] = [];
    for (const passage of readPassages().filter((p) => p.expect)) {
      const { related } = await setup.find(passage.text);
      if (related[0]?.id !== passage.expect) missed.push(`${passage.id} → ${related.map((r) => r.title).join(' | ') || 'nothing'}`);
    }
    expect(missed, missed.join('\n')).toEqual([]);
  });

  // In a ten-story library every subject word looks rare: another president's telegram, another
  // city's committee, another province's or year's inspection and another company's award are
  // listed there (docs/quality.md: a known failure of the learned ranker). These kinds stay silent.
  // The ranker's lines are chosen so that these stay silent (MUST_STAY_SILENT).
  it.each(MUST_STAY_SILENT)('lists nothing for a near miss: %s', async (kind) => {
    const passages = readPassages().filter((p) => !p.expect && p.kind === `near miss: ${kind}`);
    expect(passages.length).toBeGreaterThan(0);
    for (const passage of passages)
      expect(
        (await setup.find(passage.text)).related.map((r) => r.title),
        passage.id,
      ).toEqual([]);
  });

  it('lists every story whose text a passage quotes, as the same event', async () => {
    for (const story of setup.stories) {
      const { related } = await setup.find(story.paragraphs.join('').slice(0, 300));
      expect(related[0], story.title).toMatchObject({ id: story.id, tier: 'same_event' });
    }
  });
});

describe('ranking', () => {
  it('puts the same event above a story that only shares its subject', async () => {
    const { related } = await setup.find('株洲南方阀门股份有限公司参与制定的国际标准《智慧水务管理—第1部分通用指南》获批准发布。');
    expect(related[0].title).toBe('以“株洲标准”擦亮城市品牌');
    // The competing story is in the library and is listed (it shares the subject), but below.
    const competing = '南方阀门斩获华夏建设科学技术奖';
    expect(setup.stories.map((s) => s.title)).toContain(competing);
    const subject = related.find((r) => r.title === competing);
    expect(subject).toBeDefined();
    expect(subject!.score).toBeLessThan(related[0].score);
  });

  it('explains a match with the shared entities and keywords', async () => {
    const { related } = await setup.find('市委书记曹慧泉率团访问土耳其，调研中车株机土耳其基地。');
    expect(related[0].title).toBe('曹慧泉率团访问阿联酋、沙特、土耳其');
    expect(related[0].sharedEntities.map((e) => e.name)).toEqual(expect.arrayContaining(['曹慧泉', '土耳其', '中车株机']));
  });

  it('says what kind of name a text shares with a story: the company beside the country, or the country alone', async () => {
    const visit = setup.stories[0].id;
    const sharedWith = async (text: string) => (await setup.find(text, { all: true })).related.find((r) => r.id === visit)!.features;
    const company = await sharedWith('中车株机公司为土耳其伊斯坦布尔机场线制造的地铁列车开通载客。');
    const another = await sharedWith('阿尔斯通为土耳其伊斯坦布尔制造的地铁列车开通载客。');
    expect(company.sharedOrgRarity).toBeGreaterThan(0);
    expect(another.sharedOrgRarity).toBe(0);
    expect(another.sharedPlaceRarity).toBe(company.sharedPlaceRarity);
    expect(another.sharedPlaceRarity).toBeGreaterThan(0);
    expect(another.sharedPersonRarity).toBe(0);
    expect(company.sharedWordRarity).toBeGreaterThan(0);
  });

  it('says how rare the second rarest shared term is, 0 when one term alone ties a text to the story', async () => {
    const visit = setup.stories[0].id;
    const features = async (text: string) => (await setup.find(text, { all: true })).related.find((r) => r.id === visit)?.features;
    const company = (await features('中车株机公司为土耳其伊斯坦布尔机场线制造的地铁列车开通载客。'))!;
    expect(company.secondSharedRarity).toBeGreaterThan(0);
    expect(company.secondSharedRarity).toBeLessThanOrEqual(company.maxSharedRarity);
    const alone = await features('土耳其');
    expect(alone?.sharedNames).toBeCloseTo(Math.log(2));
    expect(alone?.secondSharedRarity).toBe(0);
  });

  it('tells another inspection team of the series from the story’s own by its ordinal', async () => {
    const inspection = setup.stories.find((s) => s.title.includes('中央第五生态环境保护督察组'))!.id;
    const ordinalsWith = async (text: string) => (await setup.find(text, { all: true })).related.find((r) => r.id === inspection)!.features;
    const own = await ordinalsWith('中央第五生态环境保护督察组向湖南交办第十八批群众信访举报件96件。');
    const other = await ordinalsWith('中央第四生态环境保护督察组向湖南交办第二十批群众信访举报件156件。');
    expect(own.ordinalMatch).toBe(1);
    expect(own.ordinalConflict).toBe(0);
    expect(other.ordinalConflict).toBe(1);
    expect(other.ordinalMatch).toBe(0);
  });

  it('tells another year’s inspection hotline from the story’s own by its number', async () => {
    const hotline = setup.stories.find((s) => s.title.includes('值班电话和邮箱'))!.id;
    const notice = (phone: string) => `中央生态环境保护督察组进驻湖南期间，专门值班电话${phone}，每天8:00—20:00受理举报。`;
    const features = async (phone: string) => (await setup.find(notice(phone), { all: true })).related.find((r) => r.id === hotline)!.features;
    const own = await features('0731—82673688');
    const other = await features('0731-81110879');
    expect([own.ordinalMatch, own.ordinalConflict]).toEqual([1, 0]);
    expect([other.ordinalMatch, other.ordinalConflict]).toEqual([0, 1]);
  });

  it('counts word-for-word runs of a story as a quotation', () => {
    expect(quotation('近年来两国务实合作扎实推进成果惠及民众', '习近平指出近年来两国务实合作扎实推进成果惠及民众我高度重视')).toBe(1);
    expect(quotation('今天天气晴朗适合出门散步', '习近平指出近年来两国务实合作扎实推进')).toBe(0);
  });

  // Every story is listed; the tier is not asserted: the same-event model reads coverage of the
  // whole text, and a brief is a sixth of a roundup (the award briefs come out as background).
  it('lists every story a roundup of briefs carries', async () => {
    const roundup = [
      '本报今日要闻：市委书记曹慧泉5月5日至14日率团访问阿联酋、沙特和土耳其，推动经贸合作。',
      '国家主席习近平致电祝贺西莉娅诺夫斯卡-达夫科娃就任北马其顿总统。',
      '市长陈恢清主持召开市国土空间规划委员会2024年第5次专题会议。',
      '株洲南方阀门股份有限公司获华夏建设科学技术奖。',
      '湖南立方新能源科技有限责任公司获国际权威机构双认可。',
      '中央第五生态环境保护督察组向我市移交第十一批信访件。',
    ].join('');
    const { related } = await setup.find(roundup);
    for (const fragment of ['曹慧泉', '西莉娅诺夫斯卡', '国土空间', '南方阀门', '立方新能源', '第十一批']) {
      expect(
        related.find((r) => r.title.includes(fragment)),
        fragment,
      ).toBeDefined();
    }
  });

  it('dates each story of a text by its own sentences', async () => {
    // The visit is this month's; the committee's meeting of a year before is background.
    const { related } = await setup.find(
      '市委书记曹慧泉5月14日率团访问土耳其，调研中车株机土耳其基地。2023年10月11日，株洲市国土空间规划委员会召开2023年第8次专题会议，市长陈恢清主持，审议城区地块控规修改方案。',
    );
    expect(related.map((r) => [r.title.slice(0, 3), r.tier])).toEqual([
      ['曹慧泉', 'same_event'],
      ['陈恢清', 'background'],
    ]);
  });

  it('answers queries in flight together as it answers them one by one', async () => {
    const texts = [
      '市委书记曹慧泉率团访问土耳其，调研中车株机土耳其基地。',
      '中央第五生态环境保护督察组向我市移交第十一批信访件。',
      '南方阀门斩获华夏建设科学技术奖。',
    ];
    const alone = [];
    for (const text of texts) alone.push((await setup.find(text)).related.map((r) => [r.id, r.score]));
    const together = await Promise.all(texts.map(async (text) => (await setup.find(text)).related.map((r) => [r.id, r.score])));
    expect(together).toEqual(alone);
    expect(alone.every((list) => list.length > 0)).toBe(true);
  });

  it('answers a text the same whatever was asked before, of this library or of a smaller one', async () => {
    const text = '中央第五生态环境保护督察组向我市移交第十一批信访件，株洲市委书记曹慧泉调研中车株机。';
    const first = (await setup.find(text)).related;
    // Another library's query in between: its sums share the reused scratch arrays.
    const analyzer = nodeAnalyzer();
    const small = MemoryIndex.ofStories(setup.stories.slice(0, 3), await analyzer.idf());
    const other = queryFinder({ analyzer, index: small, libraryNames: async () => small.entityNames(), read: readPackageFile });
    await other.related('南方阀门斩获华夏建设科学技术奖。');
    await setup.find('市委书记曹慧泉率团访问土耳其，调研中车株机土耳其基地。');
    expect(first.length).toBeGreaterThan(0);
    expect((await setup.find(text)).related).toEqual(first);
  });

  it('lists nothing for an empty or meaningless text', async () => {
    expect((await setup.find('')).related).toEqual([]);
    expect((await setup.find('🙂🙂🙂 \u0000\u0007 ……')).related).toEqual([]);
  });
});

describe('entity keys', () => {
  it('gives one key to the names of one thing', () => {
    expect(entityKey('place', '株洲市')).toBe(entityKey('place', '株洲'));
    expect(entityKey('place', '沙特')).toBe(entityKey('place', '沙特阿拉伯'));
    expect(entityKey('place', '乍得共和国')).toBe('place:TD');
    expect(orgKey('市国土空间规划委员会', '株洲')).toBe(orgKey('株洲市国土空间规划委员会'));
    expect(orgKey('长沙市国土空间规划委员会')).not.toBe(orgKey('株洲市国土空间规划委员会'));
    // Without a city, a bare 市… names no particular body.
    expect(orgKey('市国土空间规划委员会')).toBe('国土空间规划委员会');
  });

  it('reads the names a Chinese or Japanese text leaves in katakana or Latin letters as the library’s', () => {
    const names = (text: string) => Object.fromEntries([...foreignNames(normalizeForAnalysis(text))].map(([term, f]) => [term, f.name]));
    expect(names('トルコ・イスタンブールの新空港線に、国際電気標準会議(IEC)とアラブ首長国連邦')).toEqual({
      [entityKey('place', '土耳其')]: '土耳其',
      [entityKey('place', '伊斯坦布尔')]: '伊斯坦布尔',
      [entityKey('org', '国际电工委员会')]: '国际电工委员会',
      [entityKey('place', '阿联酋')]: '阿联酋',
    });
    expect(names('CRRC ZELC与中车株机')).toEqual({ [entityKey('org', '中车株机')]: '中车株机' });
    // Inside a longer word, a name is not one: トルコ in トルコイズ, IEC in IECEE.
    expect(names('トルコイズの色、IECEEの認証')).toEqual({});
  });

  it('reads a katakana name however an outlet spells its long vowels and ヴ, and shows it as written', () => {
    const read = (text: string) => Object.fromEntries([...foreignNames(normalizeForAnalysis(text))].map(([term, f]) => [term, [f.name, f.written]]));
    expect(read('イスタンブル新空港線とヴェトナム、アラブ首長国連邦の')).toEqual({
      [entityKey('place', '伊斯坦布尔')]: ['伊斯坦布尔', 'イスタンブル'],
      [entityKey('place', '越南')]: ['越南', 'ヴェトナム'],
      [entityKey('place', '阿联酋')]: ['阿联酋', 'アラブ首长国联邦'],
    });
    // A mark after the name is the name's; a folded letter after it still runs into it.
    expect(read('ブラジールとイスタンブールヴ')).toEqual({ [entityKey('place', '巴西')]: ['巴西', 'ブラジール'] });
  });

  it('lists the same event when the link is a league’s name, not a person, place or organisation, and through a mirror’s pinyin', async () => {
    // Teams and a venue the story never names: only 厂BA and the season tie the two.
    for (const text of [
      '2024年株洲“厂BA”季前赛5月15日晚在九方体育馆开打，中车株机对阵醴陵电瓷，湖南建投、株硬集团等14支职工球队参赛。',
      '2024年株洲(zhūzhōu)「廠BA」季前賽5月15日晚在九方體育館(jiǔfāng tǐyùguǎn)開打，中車株機對陣醴陵電瓷。',
    ]) {
      const { related } = await setup.find(text);
      expect(related[0], text).toMatchObject({ tier: 'same_event' });
      expect(related[0].title).toContain('厂BA');
    }
  });

  it('lets no single extra name veto the same event (市委 in front of the body the story names)', async () => {
    const { related } = await setup.find(
      '株洲市委、市政府高度重视国土空间规划。5月21日，市长陈恢清主持召开市国土空间规划委员会2024年第5次专题会议，审议山体水体保护专项规划。',
    );
    expect(related[0]).toMatchObject({ title: '陈恢清主持召开市国土空间规划委员会2024年第5次专题会议', tier: 'same_event' });
  });

  it('reads a subject that is no entity by its English name (Factory BA = 厂BA)', async () => {
    const { related } = await setup.find('Zhuzhou\'s "Factory BA", the enterprise basketball league, opened its season with 14 company teams.');
    expect(related[0]?.title).toContain('厂BA');
    expect(related[0]?.shared).toContain('厂ba');
  });

  it('lists a story for a Japanese report that names its countries in katakana', async () => {
    const { related } = await setup.find(
      '株洲市共産党委員会書記の曹慧泉氏が率いる代表団は、アラブ首長国連邦、サウジアラビア、トルコを訪れ、トルコにある中車株機の拠点を視察した。',
    );
    expect(related[0]?.title).toBe('曹慧泉率团访问阿联酋、沙特、土耳其');
    expect(related[0]?.sharedEntities.map((e) => e.name)).toEqual(expect.arrayContaining(['土耳其', '沙特']));
    // The text's names, as the popup lists them: as written, with the library's name.
    expect((await setup.find('代表団はトルコを訪れた。')).analysis.entities.place).toEqual(['トルコ · 土耳其']);
  });

  it('reads the days a text names, and how far each is from a story’s date', () => {
    const dates = datesIn('2023年10月11日召开，5月14日访问；on May 12, 2024 and Jan. 3; 13月40日 is no day');
    expect(dates).toEqual([
      { year: 2023, month: 10, day: 11 },
      { month: 5, day: 14 },
      { year: 2024, month: 5, day: 12 },
      { month: 1, day: 3 },
    ]);
    // No year: the story's, or the year before when that would put the day after the story.
    expect(daysFrom('2024-05-22', dates)).toEqual([-224, -8, -10, -140]);
    expect(daysFrom('2024-01-05', [{ month: 12, day: 28 }])).toEqual([-8]);
    expect(datesIn('1月1日'.repeat(1000))).toHaveLength(50);
    // The day first, as British and many Asian English outlets write it.
    expect(datesIn('opened on 22 May 2024; by 5th November, the 3 Mayors')).toEqual([
      { year: 2024, month: 5, day: 22 },
      { month: 11, day: 5 },
    ]);
  });

  it('reads the ordinals that say which of a series an event is, not the batches counted within one', () => {
    expect([...ordinalsIn('中央第五生态环境保护督察组向我市移交第十一批信访件，见第16期')]).toEqual(['name:5']);
    expect([...ordinalsIn('第三轮第二批中央生态环境保护督察；第十五届全运会')]).toEqual(['round:3', 'round:3/2', 'session:15']);
    expect([...ordinalsIn('第2ラウンド第3陣、中央第6環境保護督察組')]).toEqual(['round:2', 'round:2/3', 'name:6']);
    // 第一 as a rank or a first time, and a count running on (第一至第八批), are no ordinals.
    expect(ordinalsIn('增速全省第一，第一时间处置第一至第八批').size).toBe(0);
    expect([...ordinalsIn('第一百零五届')]).toEqual(['session:105']);
    // A hotline's number says whose it is, however its dash is written.
    expect([...ordinalsIn('专门值班电话:0731—82673688，邮政信箱A312号')]).toEqual(['phone:0731-82673688']);
    expect([...phonesIn('the hotline 0731-81110879 takes calls from 8:00 to 20:00')]).toEqual(['phone:0731-81110879']);
  });

  it('reads at most a bounded number of ordinals from a hostile text', () => {
    const hostile = Array.from({ length: 5000 }, (_, i) => `第${i + 2}届`).join('');
    const found = ordinalsIn(hostile);
    expect(found.size).toBeGreaterThan(0);
    expect(found.size).toBeLessThanOrEqual(20);
  });

  it('reads the years a text names', () => {
    const profile = buildProfile({ entities: { person: [], place: [], org: [] }, terms: {}, text: '2021年4月进驻，2024年再次进驻', date: '2024-05-22' });
    expect([...profile.years].sort()).toEqual([2021, 2024]);
  });
});

describe('credits', () => {
  it('lists a story’s reporters and dateline with its names but does not rank on them', async () => {
    const analyzer = nodeAnalyzer();
    const story = {
      ...readerStory('credited', '株洲南方阀门获奖'),
      byline: '株洲日报讯(全媒体记者/廖喜张)',
      dateline: '新华社北京5月21日电',
      paragraphs: ['株洲南方阀门股份有限公司获得华夏建设科学技术奖。'],
    };
    const [analysed] = await analyzeStories(analyzer, TEST_ANALYSIS, [story]);
    expect(analysed.analysis!.entities.person).toContain('廖喜张');
    expect(analysed.analysis!.credited).toEqual(expect.arrayContaining(['廖喜张', '新华社']));
    const terms = [...(indexEntry(analysed, await analyzer.idf())?.weights.keys() ?? [])];
    expect(terms.some((t) => t.includes('株洲南方阀门股份有限公司'))).toBe(true);
    expect(terms.filter((t) => t.includes('廖喜张') || t.includes('新华社'))).toEqual([]);
  });
});

describe('snippet', () => {
  it('picks the sentence with the shared words and marks them as ranges, not markup', () => {
    const snippet = makeSnippet(['第一句没有。曹慧泉率团访问<b>土耳其</b>。'], ['曹慧泉', '土耳其']);
    expect(snippet.text).toBe('曹慧泉率团访问<b>土耳其</b>。');
    expect(snippet.marks.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['曹慧泉', '土耳其']);
  });

  it('cuts a long sentence that names the word late around it, so it stays marked', () => {
    const long = `据悉，${'这是一段很长的介绍文字，'.repeat(10)}它是湖南省的代表性企业之一，获得多项大奖。`;
    const snippet = makeSnippet([long], ['湖南省']);
    expect(snippet.text.length).toBeLessThanOrEqual(90);
    expect(snippet.text).toMatch(/^…/);
    expect(snippet.marks.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['湖南省']);
    // A word early in the sentence keeps its start.
    expect(makeSnippet([`湖南省${long}`], ['湖南省']).text).toMatch(/^湖南省据悉.*…$/);
  });
});

describe('posting lists', () => {
  it('add, replace and remove a story in order', () => {
    let p = updatePosting(emptyPosting(), 5, 1);
    p = updatePosting(p, 2, 2);
    p = updatePosting(p, 5, 3);
    expect([...p.ords]).toEqual([2, 5]);
    expect([...p.weights]).toEqual([2, 3]);
    p = updatePosting(p, 2);
    expect([...p.ords]).toEqual([5]);
  });

  it('are changed by segments, which say what each term gains and loses, until compaction passes the term', () => {
    const changes = new Map([
      [
        '甲',
        new Map([
          [1, NaN],
          [2, 0.5],
          [3, 0.25],
        ]),
      ],
      ['乙', new Map([[4, NaN]])],
    ]);
    const view = new SegmentView(packSegment(7, changes, new Map([['乙', -1]])));
    expect([view.df('甲'), view.df('乙'), view.df('丙')]).toEqual([0, -1, 0]);
    const list = view.apply('甲', updatePosting(updatePosting(emptyPosting(), 1, 1), 3, 1));
    expect([...list.ords]).toEqual([2, 3]);
    expect([...list.weights]).toEqual([0.5, 0.25]);
    expect(view.pendingFor('甲', undefined)).toBe(true);
    // Compaction goes through terms in code-unit order: 乙 (U+4E59) before 甲 (U+7532).
    expect(view.pendingFor('乙', { through: 7, done: '乙' })).toBe(false);
    expect(view.pendingFor('甲', { through: 7, done: '乙' })).toBe(true);
    expect(view.pendingFor('乙', { through: 6, done: '甲' })).toBe(true);
  });

  it('merge a batch of changes as one story at a time would', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 50; round++) {
      let list = emptyPosting();
      for (let i = 0; i < next(40); i++) list = updatePosting(list, next(100), i + 1);
      const changes = new Map<number, number | undefined>();
      for (let i = 0; i < next(20); i++) changes.set(next(120), next(3) === 0 ? undefined : 100 + i);
      let oneByOne = list;
      for (const [ord, weight] of changes) oneByOne = updatePosting(oneByOne, ord, weight);
      const merged = mergePosting(list, changes);
      expect([...merged.ords]).toEqual([...oneByOne.ords]);
      expect([...merged.weights]).toEqual([...oneByOne.weights]);
    }
  });
});

describe('persisted index', () => {
  const analyzer = nodeAnalyzer();
  /** Every posting list of `terms`, and a check that the stored counts agree with them. */
  const lists = async (library: Library, terms: string[]) => {
    const { lists: found, df } = await library.index.postings(terms, Infinity);
    for (const term of terms) expect(df.get(term)).toBe(found.get(term)?.ords.length ?? 0);
    return found;
  };

  it('holds what the in-memory index of the command line, evaluation and benchmarks holds', async () => {
    const library = await openLibrary(freshDbName(), () => analyzer.idf());
    const stories = await analyzeStories(analyzer, TEST_ANALYSIS, await bundledStories());
    await library.installBundled(stories, '1');
    const idf = await analyzer.idf();
    const memory = MemoryIndex.ofStories(stories, idf);
    expect(await memory.size()).toBe(stories.length);
    expect(await memory.size()).toBe(await library.index.size());
    const ids = stories.map((s) => s.id);
    expect(await memory.texts(ids)).toEqual(await library.index.texts(ids));
    // Each term's stories and weights, by story id: the two number their stories on their own.
    const terms = [...new Set(stories.flatMap((s) => [...(indexEntry(s, idf)?.weights.keys() ?? [])]))];
    expect(terms.length).toBeGreaterThan(100);
    const byId = async (index: IndexReader) => {
      const { lists: found } = await index.postings(terms, Infinity);
      const out: Record<string, Record<string, number>> = {};
      for (const [term, list] of found) {
        const docs = await index.docs([...list.ords]);
        out[term] = Object.fromEntries(docs.map((d, i) => [d.id, list.weights[i]]));
      }
      return out;
    };
    expect(await byId(memory)).toEqual(await byId(library.index));
    library.close();
  }, 60_000);

  it('follows every write: new stories, changed stories, removed bundle stories', async () => {
    const library = await openLibrary(freshDbName(), () => analyzer.idf());
    const stories = await analyzeStories(analyzer, TEST_ANALYSIS, await bundledStories());
    await library.installBundled(stories, '1');
    expect(await library.index.size()).toBe(10);
    const ord = (await lists(library, ['person:曹慧泉'])).get('person:曹慧泉')!.ords;
    expect(ord).toHaveLength(1);

    const [changed] = await analyzeStories(analyzer, TEST_ANALYSIS, [
      { ...readerStory('r1', '欧阳明调研湘江风光带'), paragraphs: ['株洲市住建局局长欧阳明调研湘江风光带。'] },
    ]);
    await library.put([changed]);
    expect((await lists(library, ['person:欧阳明'])).get('person:欧阳明')?.ords).toHaveLength(1);
    const [renamed] = await analyzeStories(analyzer, TEST_ANALYSIS, [
      { ...changed, title: '李建国调研湘江风光带', paragraphs: ['株洲市住建局局长李建国调研湘江风光带。'], analysis: undefined },
    ]);
    await library.put([renamed]);
    const after = await lists(library, ['person:欧阳明', 'person:李建国']);
    expect(after.has('person:欧阳明')).toBe(false);
    expect(after.get('person:李建国')?.ords).toHaveLength(1);

    await library.installBundled(stories.slice(1), '2');
    expect(await library.index.size()).toBe(10);
    expect((await lists(library, ['person:曹慧泉'])).has('person:曹慧泉')).toBe(false);
    library.close();
  }, 60_000);

  it('answers the same from its segments, at every step of compaction, after a reopen half way, and once compacted', async () => {
    const name = freshDbName();
    let library = await openLibrary(name, () => analyzer.idf());
    const stories = await analyzeStories(analyzer, TEST_ANALYSIS, await bundledStories());
    const [changed, added] = await analyzeStories(analyzer, TEST_ANALYSIS, [
      { ...stories[2], paragraphs: stories[2].paragraphs.slice(1), analysis: undefined },
      { ...readerStory('r9', '欧阳明调研湘江风光带'), paragraphs: ['株洲市住建局局长欧阳明调研湘江风光带。'] },
    ]);
    await library.installBundled(stories, '1');
    await library.put([changed, added]);
    await library.installBundled(
      stories.slice(1).map((s) => (s.id === changed.id ? changed : s)),
      '2',
    );
    const raw = await openDB(name);
    expect(await raw.count('segments')).toBeGreaterThan(0);

    // What every list must be: each stored story's index entry, under its number.
    const idf = await analyzer.idf();
    const ordOf = new Map((await raw.getAll('docs')).map((d: { id: string; ord: number }) => [d.id, d.ord]));
    const truth = new Map<string, Array<[number, number]>>();
    for (const story of await library.all()) {
      for (const [term, weight] of indexEntry(story, idf)?.weights ?? []) {
        if (!truth.has(term)) truth.set(term, []);
        truth.get(term)!.push([ordOf.get(story.id)!, Math.fround(weight)]);
      }
    }
    const terms = [...truth.keys(), 'person:曹慧泉'];
    const expected = Object.fromEntries([...truth].map(([term, list]) => [term, list.sort((a, b) => a[0] - b[0])]));
    const answers = async () =>
      Object.fromEntries([...(await lists(library, terms))].map(([term, p]) => [term, [...p.ords].map((ord, i) => [ord, p.weights[i]])]));
    expect(await answers()).toEqual(expected);

    let steps = 0;
    while (await library.compact(1)) {
      steps++;
      expect(await answers()).toEqual(expected);
      if (steps === 1) {
        library.close();
        library = await openLibrary(name, () => analyzer.idf());
        expect(await answers()).toEqual(expected);
      }
    }
    expect(steps).toBeGreaterThan(2);
    expect(await answers()).toEqual(expected);
    expect(await raw.count('segments')).toBe(0);
    expect(await raw.get('meta', 'compaction')).toBeUndefined();
    raw.close();
    library.close();
  }, 60_000);

  it('indexes once, and fingerprints, the stories of a library from before the index (schema 1)', async () => {
    const name = freshDbName();
    const [story] = await analyzeStories(analyzer, TEST_ANALYSIS, [
      { ...readerStory('old-1', '欧阳明调研湘江'), paragraphs: ['株洲市住建局局长欧阳明调研湘江风光带。'] },
    ]);
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('stories', { keyPath: 'id' });
        db.createObjectStore('meta');
      },
    });
    await v1.put('stories', story);
    v1.close();
    const library = await openLibrary(name, () => analyzer.idf());
    // The upgrade gave the old story its fingerprint: the same text under another id is known.
    expect(await library.duplicatesOf([{ ...story, id: 'elsewhere-1', paragraphs: ['株洲市住建局局长欧阳明 调研湘江风光带'] }])).toEqual(['old-1']);
    // Before the index there was no analysis record: the story is stale whatever the version.
    expect(
      await reanalyse(library, 'v1', { analyzer: async () => analyzer, beforeStep: async () => undefined, written: async () => undefined, startAfterMs: 0 }),
    ).toBe(1);
    expect(await library.staleStories('v1', 50)).toBeUndefined();
    // Schema 2's flag for that first index is gone: the analysis record took its place.
    const raw = await openDB(name);
    expect(await raw.getAllKeys('meta')).not.toContain('needsIndex');
    raw.close();
    expect(await library.index.size()).toBe(1);
    expect((await lists(library, ['person:欧阳明'])).get('person:欧阳明')?.ords).toHaveLength(1);
    library.close();
  }, 60_000);

  it('is left exactly as it was when a write fails', async () => {
    const library = await openLibrary(freshDbName(), () => analyzer.idf());
    await library.installBundled(await analyzeStories(analyzer, TEST_ANALYSIS, await bundledStories()), '1');
    const [good] = await analyzeStories(analyzer, TEST_ANALYSIS, [{ ...readerStory('r2', '欧阳明调研'), paragraphs: ['株洲市住建局局长欧阳明调研。'] }]);
    const bad = { ...good, id: 'r3', extra: () => 0 } as unknown as typeof good;
    await expect(library.put([good, bad])).rejects.toThrow();
    expect(await library.index.size()).toBe(10);
    expect((await lists(library, ['person:欧阳明'])).size).toBe(0);
    library.close();
  }, 60_000);
});
