import { beforeAll, describe, expect, it } from 'vitest';
import { marked } from '../fixtures/seed-entities';
import { analyzeStories } from '../../lib/library/analyze-stories';
import { storyText, type Story } from '../../lib/story';
import { companyShortName } from '../../lib/nlp/analyzer';
import { normalizeForAnalysis } from '../../lib/nlp/normalize';
import { analysisChunks, cachedTagger } from '../../lib/nlp/segmenter';
import { bundledStories, nodeAnalyzer, TEST_ANALYSIS } from './helpers';

const analyzer = nodeAnalyzer();
let stories: Story[];
beforeAll(async () => {
  stories = await analyzeStories(analyzer, TEST_ANALYSIS, await bundledStories());
});

describe('entities of the seed stories', () => {
  it('recalls nine in ten of the names a careful reader marks, and each story its main ones', () => {
    let found = 0;
    let all = 0;
    for (const [i, expected] of marked.entries()) {
      const { entities } = stories[i].analysis!;
      for (const type of ['person', 'place', 'org'] as const) {
        for (const name of expected[type] ?? []) {
          all++;
          if (entities[type].includes(name)) found++;
        }
      }
      // The headline's subject, whoever else the story names.
      expect(Object.values(entities).flat(), `story ${i + 1}`).toContain(expected.main);
    }
    expect(found / all).toBeGreaterThanOrEqual(0.9);
  });

  it('resolves short names to the organisation they stand for', () => {
    // 南方阀门 (story 5) is the 株洲南方阀门股份有限公司 of story 8; 立方新能源 is defined in story 6.
    expect(stories[4].analysis!.entities.org).not.toContain('南方阀门');
    expect(stories[5].analysis!.aliases.立方新能源).toBe('湖南立方新能源科技有限责任公司');
    expect(stories[5].analysis!.entities.org).not.toContain('立方新能源');
  });

  it('does not take ordinary words the dictionary mis-tags for names', () => {
    const all = stories.flatMap((s) => [...s.analysis!.entities.person, ...s.analysis!.entities.place]);
    for (const word of ['高水平', '蓝图', '深度', '金名片', '马其顿']) expect(all).not.toContain(word);
    expect(stories[0].analysis!.entities.person).not.toContain('沙特');
  });

  it('gives each story keywords that say what it is about', () => {
    const top = (i: number) => stories[i].analysis!.keywords.slice(0, 5).map((k) => k.word);
    expect(top(5)).toContain('钠离子');
    expect(top(3)).toEqual(expect.arrayContaining(['匝道']));
    expect(top(0)).toContain('曹慧泉');
    for (const s of stories) {
      const weights = s.analysis!.keywords.map((k) => k.weight);
      expect(weights[0]).toBe(1);
      expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    }
  });
});

describe('entities in written sentences', () => {
  const mentions = async (text: string) => (await analyzer.mentions(text)).map((m) => `${m.type}:${m.text}`);

  it('keeps a longer name standing over a part of it the library knows', async () => {
    const taught = nodeAnalyzer();
    taught.teach('headline', { entities: { person: ['西莉娅诺夫斯卡-达夫科娃'], place: [], org: [] }, keywords: [] });
    const people = (await taught.mentions('新华社电 习近平致电祝贺戈尔达娜·西莉娅诺夫斯卡-达夫科娃就任总统。株洲企业获奖。'))
      .filter((m) => m.type === 'person')
      .map((m) => m.text);
    expect(people).toContain('戈尔达娜·西莉娅诺夫斯卡-达夫科娃');
    expect(people).not.toContain('西莉娅诺夫斯卡-达夫科娃');
  });

  it('trims the junk a tagger leaves at a name’s edges in written sentences', async () => {
    // The library, which has read the seed's telegram, knows her short name as hers: the full name stands for it.
    expect(await mentions('习近平致电祝贺西莉娅诺夫斯卡-达夫科娃就任北马其顿总统')).toContain('person:戈尔达娜·西莉娅诺夫斯卡-达夫科娃');
    expect(await nodeAnalyzer().mentions('习近平致电祝贺西莉娅诺夫斯卡-达夫科娃就任北马其顿总统')).toContainEqual({
      type: 'person',
      text: '西莉娅诺夫斯卡-达夫科娃',
    });
    expect(await mentions('参加美国国际电池研讨会暨展览会')).toContain('org:美国国际电池研讨会');
    expect(await mentions('评出十大品牌')).toEqual([]);
    // A foreign name joined by · and - is one person, even where the library knows a part of it.
    expect(await mentions('国家主席习近平致电祝贺戈尔达娜·西莉娅诺夫斯卡-达夫科娃就任北马其顿总统。株洲企业获奖。')).toContain(
      'person:戈尔达娜·西莉娅诺夫斯卡-达夫科娃',
    );
    // A Japanese company's legal form comes after its name; an owner and what it owns are two.
    expect(await mentions('代表团拜访了丸红株式会社中东代表处。')).toContain('org:丸红株式会社中东代表处');
    expect(await mentions('城发集团旗下湘粤非公司签约。')).toEqual(['org:城发集团', 'org:湘粤非公司']);
  });
  it('puts back together a foreign name jieba cut into syllables', async () => {
    // jieba: 斯托/nrt 伊奇/x 科夫/nrt.
    expect(await mentions('前锋斯托伊奇科夫和门将入选')).toEqual(['person:斯托伊奇科夫']);
  });

  it('ends a foreign name at a function word, and takes one where a place stands for a place', async () => {
    expect(await mentions('巴西队的卡洛斯·热尔马诺和迪达入选')).toContain('person:卡洛斯·热尔马诺');
    expect(await mentions('比赛在新疆的库尔勒进行')).toEqual(['place:新疆', 'place:库尔勒']);
  });

  it('frees a name from the function character jieba glued to its surname or its end', async () => {
    expect(await mentions('最后，终于使耿志军如愿以偿')).toEqual(['person:耿志军']);
    expect(await mentions('1954年王金兰转业到地方')).toEqual(['person:王金兰']);
  });

  it('tells a country from its city', async () => {
    expect(await mentions('中国台北的代表')).toEqual(['place:中国', 'place:台北']);
    expect(await mentions('他去了巴西利亚')).toEqual(['place:巴西利亚']);
    // Reduplicated words jieba tags ns are not places.
    expect(await mentions('山沟沟里高高兴兴地')).toEqual([]);
  });

  it('does not take a verb or a conjunction after a title for a name', async () => {
    expect(await mentions('记者怀着浓厚兴趣参观')).toEqual([]);
    expect(await mentions('国家队教练和队员都来了')).toEqual(['org:国家队']);
  });

  it('keeps two whole foreign names and a country apart', async () => {
    expect(await mentions('南斯拉夫贝尔格莱德红星队')).not.toContain('person:南斯拉夫贝尔格莱德');
    const club = await mentions('他在巴西弗拉明戈踢球');
    expect(club).toContain('place:巴西');
    expect(club).not.toContainEqual(expect.stringContaining('巴西弗拉'));
  });

  it('ends an organisation name at a word glued to a function character or a dateline', async () => {
    expect(await mentions('比赛时同韩国队交手')).toEqual(['org:韩国队']);
    expect(await mentions('本报讯河南省郑州市农科所的专家')).toEqual(['place:河南省', 'org:郑州市农科所']);
  });

  it('reads countries named by one character each where what follows says there are several', async () => {
    expect(await mentions('中俄边境贸易发展很快')).toEqual(['place:中', 'place:俄']);
    expect(await mentions('法、德等国代表出席')).toContain('place:法');
    expect(await mentions('法、德等国代表出席')).not.toContain('person:德等国');
    expect(await mentions('中葡双方同意')).toEqual(['place:中', 'place:葡']);
    expect(await mentions('日本客人来华访问')).toEqual(['place:日本', 'place:华']);
    // Ordinary words and idioms made of such characters are not places; 中华 is China.
    expect(await mentions('这是非法交易')).toEqual([]);
    expect(await mentions('白中有黑，黑中有白')).toEqual([]);
    expect(await mentions('他们都是中华民族的儿女')).toEqual(['place:中华']);
  });

  it('knows a person named once wherever the text names them again, by name or by surname', async () => {
    // jieba: 张/q 和平/nz and 当张/x 和平/nz; only the first has a title before it.
    const people = (await mentions('市文化局副局长张和平参加了会议。一年后，当张和平带着成绩走入会场，张和平感受到了分量。')).filter((m) =>
      m.startsWith('person'),
    );
    expect(people).toEqual(['person:张和平', 'person:张和平', 'person:张和平']);
    expect(await mentions('袁茂堂借黄登仁儿子考上大学之机，给黄送去2000元钱，被黄退回。')).toEqual(expect.arrayContaining(['person:袁茂堂', 'person:黄登仁']));
    // Without the full name, a surname is no one.
    expect(await mentions('他给黄送去2000元钱，被黄退回。')).toEqual([]);
  });

  it('takes abbreviated universities and party congresses for organisations', async () => {
    expect(await mentions('她考上了北大，后来进了北航')).toContain('org:北大');
  });

  it('reads the cities of a weather report', async () => {
    expect(await mentions('合肥 中雨 15～20°C 拉萨 晴转多云 5～18°C 莫斯科 小雨 3～9°C')).toEqual(['place:合肥', 'place:拉萨', 'place:莫斯科']);
  });

  it('tells a named body from a generic one and from jieba’s organisation noise', async () => {
    expect(await mentions('他在人事部工作')).toEqual(['org:人事部']);
    expect(await mentions('上海申花队战胜了延边队')).toEqual(['org:上海申花队', 'org:延边队']);
    expect(await mentions('青年突击队完成了任务')).toEqual([]);
    // jieba tags 新兴产业 nt.
    expect(await mentions('农业的新兴产业发展很快')).toEqual([]);
  });
});

describe('library document frequencies', () => {
  it('weigh down a word many stories of the library are about', async () => {
    const { LibraryFrequencies } = await import('../../lib/nlp/keywords');
    const { addKnowledge, emptyKnowledge } = await import('../../lib/nlp/analyzer');
    const knowledge = emptyKnowledge();
    const story = (...place: string[]) => ({ entities: { person: [], place, org: [] }, keywords: [] });
    for (let i = 0; i < 9; i++) addKnowledge(knowledge, story('株洲', `地方${i}`));
    addKnowledge(knowledge, story('株洲', '钠离子'));
    const frequencies = new LibraryFrequencies();
    frequencies.add(knowledge);
    const idf = frequencies.combine(() => 10);
    expect(idf('株洲')).toBeLessThan(idf('钠离子'));
    expect(idf('钠离子')).toBeLessThan(idf('从未出现'));
    // 钠离子 is in 1 of 10 stories.
    expect(idf('钠离子')).toBeCloseTo(10 + Math.log(11 / 2));
  });
});

describe('term counts', () => {
  it('counts content words by their tags, and one Han character with the Latin letters after it as one term', async () => {
    const { countTerms } = await import('../../lib/nlp/keywords');
    const words = (spelt: string) => spelt.split(' ').map((pair) => ({ word: pair.split('/')[0], tag: pair.split('/')[1] }));
    const counts = (spelt: string) => Object.fromEntries(countTerms([words(spelt)], []));
    expect(counts('村/n BA/eng 比赛/vn 美丽/a 株洲/gloc 发展/v')).toEqual({ 村ba: 1, 比赛: 1, 株洲: 1, 发展: 1 });
    // Letters only, two at least: the units just outside A–Z and a–z ([, `, @, {) are no letters.
    for (const other of ['B2', 'A', 'A[', '`a', '@A', 'a{']) expect(counts(`村/n ${other}/eng`)).not.toHaveProperty(`村${other.toLowerCase()}`);
    expect(counts('厂/n Zz/eng')).toEqual({ 厂zz: 1 });
  });
});

describe('the general IDF table', () => {
  it('reads front-coded words and their values, and gives the default to any other word', async () => {
    const { parseIdf } = await import('../../lib/nlp/keywords');
    // 株洲 4.0, 株洲市 5.5 (shares 2), 湖南 9.9, 𠀀乙 3.0, 𠀀甲 3.1 (shares the surrogate pair: 2 code units).
    const idf = parseIdf('# test\ndefault\t11.5\nvalues\t30\t+:f!"\n0株洲\n2市\n0湖南\n0𠀀乙\n2甲\n');
    expect(['株洲', '株洲市', '湖南', '𠀀乙', '𠀀甲', '株', '湖南省', ''].map(idf)).toEqual([4, 5.5, 9.9, 3, 3.1, 11.5, 11.5, 11.5]);
    expect(() => parseIdf('values\t30\t!!\n0株洲\n')).toThrow(/damaged/);
  });

  it('ships every word in order, so a binary search finds each', async () => {
    const { readFile } = await import('node:fs/promises');
    const { parseIdf } = await import('../../lib/nlp/keywords');
    const idf = parseIdf(await readFile(new URL('../../public/nlp/idf.txt', import.meta.url), 'utf8'));
    // Common words weigh little, rarer ones more, and a word the table leaves out the median.
    expect(idf('我们')).toBeLessThan(idf('研讨会'));
    expect(idf('研讨会')).toBeLessThan(idf('株洲南方阀门股份有限公司'));
    expect(idf('株洲南方阀门股份有限公司')).toBe(12);
  });
});

describe('company short names', () => {
  it.each([
    ['株洲南方阀门股份有限公司', ['株洲'], '南方阀门'],
    ['湖南立方新能源科技有限责任公司', ['湖南'], '立方新能源'],
    ['中国建筑设计研究院', ['中国'], undefined],
  ])('%s → %s', (full, places, short) => {
    expect(companyShortName(full, new Set(places))).toBe(short);
  });
});

describe('normalisation for analysis', () => {
  it('converts traditional characters and full-width forms, and folds layout whitespace', () => {
    expect(normalizeForAnalysis('習近平致電祝賀　ＡＢＣ１２３，\n\n  株洲')).toBe('习近平致电祝贺 ABC123,\n株洲');
  });

  it('drops the invisible characters that hide a name: zero-width spaces and joiners, word joiners, BOMs, soft hyphens', () => {
    expect(normalizeForAnalysis('南方\u200B阀\u00AD门\u2060股份\uFEFF有限\u200C公\u200D司')).toBe('南方阀门股份有限公司');
    expect(normalizeForAnalysis('Ｚｈｕ\u00ADｚｈｏｕ　ＣＲＲＣ')).toBe('Zhuzhou CRRC');
  });

  it('finds the library’s names and the tagger’s with invisible characters inside', async () => {
    const hidden = await analyzer.analyze('市委书记曹\u200B慧泉率团访问土\u00AD耳其，调研中车\u2060株机土耳其基地。株洲南方阀\uFEFF门股份有限公司参与。');
    expect(hidden.entities.person).toContain('曹慧泉');
    expect(hidden.entities.place).toContain('土耳其');
    expect(hidden.entities.org).toEqual(expect.arrayContaining(['中车株机', '株洲南方阀门股份有限公司']));
  });

  it('reads the kanji of a Japanese text as Chinese, and leaves Chinese text alone', () => {
    // Its kana apart from the names (、), its news words as Chinese writes them (lib/nlp/japanese.json).
    expect(normalizeForAnalysis('国際電気標準会議が中車株洲電力機車の規格を発表した。')).toBe('国际电工委员会、中车株洲电力机车、标准、发表、。');
    // Without kana it is Chinese: 気 is not a Chinese character and stays as written.
    expect(normalizeForAnalysis('気')).toBe('気');
  });

  it('reads the Japanese news words and grammar the Chinese tagger took for names', async () => {
    // Words Japanese writes otherwise (japanese.json): 米国 is 美国, not a person; 鉄鋼 钢铁; 合言葉 口号.
    expect(normalizeForAnalysis('米国の鉄鋼業界の合言葉')).toBe('美国、钢铁业界、口号');
    // 「を中心に」 is grammar, and a centre standing alone is the one the text spoke of (该中心).
    expect(normalizeForAnalysis('工員を中心とするチームが出場し、祖父は工場チームのセンターだった。')).toBe('工员、队、出场、、祖父、工厂队、该中心、。');
    const read = await analyzer.analyze(
      '習近平国家主席は米国のバイデン氏に祝電を送った。センターは中東工科大学と連携し、同社はトルコの子会社の工場で車両を造る。',
    );
    expect(read.entities.person).toEqual(['习近平']);
    expect(read.entities.place).toContain('美国');
    expect(read.entities.org).toContain('中东工科大学');
    expect(read.entities.org).not.toContain('中心');
    expect(read.entities.org).not.toContain('子公司');
  });

  it('drops a pinyin reading a mirror page puts after the characters, and keeps an English gloss', () => {
    expect(normalizeForAnalysis('株洲(zhūzhōu)「廠BA」,中車株洲所(zhūzhōu suǒ)與長沙（Chángshā）')).toBe('株洲「厂BA」,中车株洲所与长沙');
    expect(normalizeForAnalysis('中车株机(CRRC ZELC)与陈恢清 (Chen Huiqing)')).toBe('中车株机(CRRC ZELC)与陈恢清 (Chen Huiqing)');
  });

  it('finds the same entities in traditional as in simplified text', async () => {
    const traditional = await analyzer.analyze('市委書記曹慧泉率團訪問土耳其，調研中車株機土耳其基地。');
    expect(traditional.entities.person).toContain('曹慧泉');
    expect(traditional.entities.place).toContain('土耳其');
  });
});

describe('bad input', () => {
  const cases: Array<[string, string]> = [
    ['empty text', ''],
    ['only whitespace', ' \n\t\u3000 '],
    ['emoji and control characters', '株洲🚄\u0000\u0007市长😀\u202e陈恢清\uFEFF出席'],
    ['Latin-only text', 'Xi Jinping congratulates the president of North Macedonia.'],
    ['mixed scripts', 'CRRC Zhuzhou Locomotive 中车株机 в Стамбуле イスタンブール 123'],
    ['lone surrogates', '株洲\uD800\uDC00\uD83D南方阀门'],
  ];
  it.each(cases)('%s gives a result and no crash', async (_what, text) => {
    const result = await analyzer.analyze(text);
    expect(result.entities).toEqual({ person: expect.any(Array), place: expect.any(Array), org: expect.any(Array) });
    expect(Array.isArray(result.keywords)).toBe(true);
  });

  it('reads 5 MB of text in chunks and returns a bounded result', async () => {
    const text = stories
      .map((s) => s.paragraphs.join('\n'))
      .join('\n')
      .repeat(1000)
      .slice(0, 5_000_000);
    expect(text.length).toBeGreaterThan(4_000_000);
    const result = await analyzer.analyze(text);
    expect(result.keywords.length).toBeLessThanOrEqual(10);
    expect(result.entities.person).toContain('曹慧泉');
  }, 60_000);
});

describe('a cold analyzer', () => {
  it('reads every file a full analysis needs when readied, so the first full analysis after a wake waits for none', async () => {
    const { createAnalyzer } = await import('../../lib/nlp/analyzer');
    const { loadJieba, readPackageBytes, readPackageFile } = await import('./helpers');
    const read: string[] = [];
    const analyzer = createAnalyzer(loadJieba, {
      text: (path) => {
        read.push(path);
        return readPackageFile(path);
      },
      bytes: (path) => {
        read.push(path);
        return readPackageBytes(path);
      },
    });
    await analyzer.prepare();
    expect(read.sort()).toEqual(['nlp/idf.txt', 'nlp/lexicon.txt', 'nlp/names.txt', 'nlp/ner.bin']);
    const analysis = await analyzer.analyze('南方阀门参与制定国际标准，曹慧泉到土耳其考察。');
    expect(read).toHaveLength(4);
    expect(analysis.entities.person).toContain('曹慧泉');
  });

  it('answers at once from the library’s names while jieba loads, then fully', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { createAnalyzer } = await import('../../lib/nlp/analyzer');
    const { loadJieba, publicFiles } = await import('./helpers');
    const cold = createAnalyzer(async () => {
      await gate;
      return loadJieba();
    }, publicFiles);
    cold.teach('story-1', {
      entities: { person: ['曹慧泉'], place: ['土耳其'], org: ['株洲南方阀门股份有限公司'] },
      keywords: [],
      aliases: { 南方阀门: '株洲南方阀门股份有限公司' },
    });
    const text = '南方阀门参与制定国际标准，曹慧泉到土耳其考察，新华社记者王明报道。';

    const partial = await cold.analyze(text, { partial: true });
    expect(partial.partial).toBe(true);
    expect(partial.entities).toEqual({ person: ['曹慧泉'], place: ['土耳其'], org: ['株洲南方阀门股份有限公司'] });

    release();
    const full = await cold.analyze(text);
    expect(full.partial).toBeUndefined();
    expect((await cold.analyze(text, { partial: true })).partial).toBeUndefined();
    expect(full.entities.org).toContain('株洲南方阀门股份有限公司');
    expect(full.entities.person).toContain('曹慧泉');
  });

  it('waits for jieba instead when its dictionary is restored from last wake’s copy, not built', async () => {
    const { createAnalyzer } = await import('../../lib/nlp/analyzer');
    const { lazyJieba } = await import('../../lib/nlp/segmenter');
    const { loadJieba, publicFiles } = await import('./helpers');
    const text = '南方阀门参与制定国际标准，曹慧泉到土耳其考察。';
    const cold = (fromCopy: boolean) =>
      createAnalyzer(
        lazyJieba(async (restoring) => {
          restoring?.(fromCopy);
          await new Promise((resolve) => setTimeout(resolve, 50));
          return loadJieba();
        }),
        publicFiles,
      );
    /** As a page's wake does: jieba starts loading, then the page's article comes. */
    const woken = (fromCopy: boolean) => {
      const analyzer = cold(fromCopy);
      void analyzer.prepare();
      return analyzer;
    };
    expect((await woken(true).analyze(text, { partial: true })).partial).toBeUndefined();
    expect((await woken(false).analyze(text, { partial: true })).partial).toBe(true);
    // Nothing loading yet (a popup's search right after a wake): the names answer, as before.
    expect((await cold(true).analyze(text, { partial: true })).partial).toBe(true);
  });
});

describe('the cached tagger', () => {
  it('tags exactly as jieba does, cutting only where the words are known', async () => {
    const jieba = await import('jieba-wasm');
    const calls = { cut: 0, tag: 0 };
    const counted = {
      cut: (text: string, hmm?: boolean | null) => (calls.cut++, jieba.cut(text, hmm)),
      tag: (text: string, hmm?: boolean | null) => (calls.tag++, jieba.tag(text, hmm)),
    };
    const lines = (await bundledStories()).flatMap((s) => [...analysisChunks(normalizeForAnalysis(storyText(s)))]);
    const tag = cachedTagger(counted);
    for (const line of lines) expect(tag(line), line).toEqual(jieba.tag(line, true));
    // Read again, the same text is only cut (after the first line shows every word is known).
    const before = { ...calls };
    for (const line of lines) expect(tag(line), line).toEqual(jieba.tag(line, true));
    expect(calls.cut - before.cut).toBeGreaterThanOrEqual(lines.length - 1);
    expect(calls.tag - before.tag).toBeLessThanOrEqual(1);
    // A few new words are tagged on their own; 寄来, a dictionary word jieba cuts apart when
    // alone, sends its sentence to jieba's tag.
    for (const line of ['株洲的代表团访问了沙特', '我的中学老师就千里迢迢寄来新采制的雨前茶', 'Hello 世界 2024 年 , 株洲 !']) {
      expect(tag(line), line).toEqual(jieba.tag(line, true));
    }
  });

  it("hands out one token per word, jieba's own tag in it, whichever way the text was tagged", async () => {
    const jieba = await import('jieba-wasm');
    const calls = { cut: 0 };
    const tag = cachedTagger({ cut: (text, hmm) => (calls.cut++, jieba.cut(text, hmm)), tag: jieba.tag });
    const first = tag('株洲市代表团访问了沙特，株洲市代表团');
    expect(first[6]).toBe(first[0]);
    // Tagged whole while it brings new words (the second brings none), then only cut.
    for (const text of ['代表团访问了株洲市', '沙特代表团访问了株洲市']) {
      const again = tag(text);
      expect(again).toEqual(jieba.tag(text, true));
      expect(again.at(-1)).toBe(first[0]);
      expect(again.at(-4)).toBe(first[1]);
    }
    expect(calls.cut).toBe(1);
  });

  it('knows the words jieba is taught after it is made anew', async () => {
    const jieba = await import('jieba-wasm');
    const line = '我的中学老师就千里迢迢寄来新采制的雨前茶';
    cachedTagger(jieba)(line);
    jieba.add_word('千里迢迢寄来', undefined, 'gorg');
    expect(cachedTagger(jieba)(line)).toContainEqual({ word: '千里迢迢寄来', tag: 'gorg' });
  });
});
