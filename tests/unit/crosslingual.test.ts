/**
 * The same story told in traditional Chinese, Japanese or English reads as the Chinese one: the
 * same names and words for ranking. Each case is a restatement of a kind of real coverage.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEnglishLexicon, englishProfile, englishWords, isLatinText, parsePinyinTable, type EnglishLexicon } from '../../lib/match/crosslingual';
import { addShortNames, shortNames } from '../../lib/match/org-variants';
import type { IndexReader } from '../../lib/match/postings';
import { entityKey } from '../../lib/match/profile';
import { latinSoundKeys, pinyinSoundKey } from '../../lib/match/sound-keys';
import { normalizeForAnalysis } from '../../lib/nlp/normalize';
import { relatedSetup } from '../eval/related';
import { nodeAnalyzer, readPackageFile } from './helpers';

const analyzer = nodeAnalyzer();

describe('traditional Chinese', () => {
  it('reads each text as itself, however often the same text or another is read in turn', () => {
    const traditional = '台灣的紐西蘭';
    const simplified = normalizeForAnalysis(traditional);
    expect(normalizeForAnalysis('株洲　日报')).toBe('株洲 日报');
    expect(normalizeForAnalysis(traditional)).toBe(simplified);
    expect(normalizeForAnalysis(`${traditional}`.slice(0))).toBe(simplified);
    expect(normalizeForAnalysis('株洲　日报')).toBe('株洲 日报');
  });

  it('reads a text in traditional characters with Taiwan’s names and words', () => {
    expect(normalizeForAnalysis('習近平致電查德總統，祝賀他在紐西蘭與義大利之後訪問沙烏地阿拉伯')).toBe(
      '习近平致电乍得总统,祝贺他在新西兰与意大利之后访问沙特阿拉伯',
    );
    expect(normalizeForAnalysis('港鐵東涌綫與衞生署')).toBe('港铁东涌线与卫生署');
  });

  it('leaves a simplified text’s words alone, however Taiwan writes them (理查德 is Richard, not 乍得)', () => {
    expect(normalizeForAnalysis('理查德在株洲考察软件园')).toBe('理查德在株洲考察软件园');
  });
});

describe('Japanese', () => {
  it('keeps particles and katakana out of the names next to them', async () => {
    const { entities } = await analyzer.analyze('中国の習近平国家主席は3日、湖南省の株洲南方閥門股份有限公司を視察した。');
    expect(entities.person).toContain('习近平');
    expect(entities.org).toContain('株洲南方阀门股份有限公司');
    expect([...entities.person, ...entities.org, ...entities.place].filter((name) => /[のは]/.test(name))).toEqual([]);
    expect(normalizeForAnalysis('スマートシステム技術委員会')).toBe('智能系统技术委员会');
    expect(normalizeForAnalysis('トルコ航空')).toBe('トルコ、航空');
  });

  it('reads shinjitai that OpenCC leaves in an old form as simplified Chinese', () => {
    // 挙 → 擧 by OpenCC's table, → 举 here; 働 has no Chinese form of its own.
    expect(normalizeForAnalysis('選挙を挙げる労働者')).toBe('选举、举、劳动者');
  });

  it('reads a year of a Japanese era as the year a Chinese report writes, and 氏 after a name as no part of it', () => {
    expect(normalizeForAnalysis('令和6年5月22日、令和元年と平成30年')).toBe('2024年5月22日、2019年、2018年');
    expect(normalizeForAnalysis('陳恢清氏は、ダフコバ氏に祝電を送った。氏名と彼氏')).toBe('陈恢清、、ダフコバ、贺电、送、。氏名、彼氏');
    expect(normalizeForAnalysis('湖南省党委員会の沈暁明書記')).toBe('湖南省委、沈晓明书记');
  });

  it('reads the news words Japanese writes otherwise as the Chinese ones', () => {
    expect(normalizeForAnalysis('大統領は空港から地下鉄の試運転に同乗した')).toBe('总统、机场、地铁、试运行、同乘、');
    // The longer word first: 弁護士 is a lawyer, 弁 alone a valve.
    expect(normalizeForAnalysis('弁護士と制御弁の会社')).toBe('律师、控制阀、公司');
  });
});

describe('English', () => {
  it('tells Latin text by a quarter of its letters in Han characters, astral ones counted once', () => {
    const letters = (n: number) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(4).slice(0, n);
    expect(isLatinText(letters(9))).toBe(false);
    expect(isLatinText(letters(10))).toBe(true);
    expect(isLatinText(`${letters(12)}株洲`)).toBe(true);
    expect(isLatinText(`${letters(12)}株洲市`)).toBe(false);
    // 𠀋 (U+2000B) is one Han character in two code units.
    expect(isLatinText(`${letters(12)} 𠀋𠀋`)).toBe(true);
    expect(isLatinText(`${letters(12)} 𠀋𠀋𠀋`)).toBe(false);
    expect(isLatinText('ＢＹＤ and CRRC in Zhuzhou')).toBe(true);
    expect(isLatinText(`${'株洲日报报道'.repeat(1000)} CRRC Zhuzhou Electric Locomotive`)).toBe(false);
  });

  let lexicon: EnglishLexicon;
  let pinyin: Map<string, string[]>;
  beforeAll(async () => {
    const names: Array<[string, string]> = [
      ['person:习近平', '习近平'],
      ['person:华鑫', '华鑫'],
      ['place:株洲', '株洲'],
      ['place:湖南', '湖南'],
      ['place:日丰', '日丰'],
      ['org:株洲南方阀门股份有限公司', '株洲南方阀门股份有限公司'],
      ['org:湖南立方新能源科技有限责任公司', '湖南立方新能源科技有限责任公司'],
      ['org:株洲时代新材料科技股份有限公司', '株洲时代新材料科技股份有限公司'],
      ['org:株洲硬质合金集团有限公司', '株洲硬质合金集团有限公司'],
      ['org:湖南大学', '湖南大学'],
      ['person:王晓明', '王晓明'],
      ['person:戈尔达娜·西莉娅诺夫斯卡-达夫科娃', '戈尔达娜·西莉娅诺夫斯卡-达夫科娃'],
      ['person:穆罕默德·伊德里斯·代比·伊特诺', '穆罕默德·伊德里斯·代比·伊特诺'],
      ['place:炎陵县', '炎陵县'],
      ['place:株洲国际会展中心', '株洲国际会展中心'],
      ['place:株洲火车站', '株洲火车站'],
      ['place:湘江', '湘江'],
      ['place:攸县', '攸县'],
    ];
    pinyin = parsePinyinTable(await readPackageFile('nlp/pinyin.txt'));
    lexicon = buildEnglishLexicon(names, pinyin);
  });
  const names = (text: string) => Object.fromEntries([...(englishProfile(text, lexicon).written ?? [])].map(([term, written]) => [written, term]));

  it('reads each character’s readings off its line in the pinyin table', () => {
    expect(pinyin.get('一')).toEqual(['yi']);
    expect(pinyin.get('曾')).toEqual(expect.arrayContaining(['zeng', 'ceng']));
    expect(pinyin.get('株')).toEqual(['zhu']);
    expect(pinyin.get('鿏')).toEqual(['mai']);
    expect(pinyin.has('a')).toBe(false);
    expect(() => parsePinyinTable('一\tyi\n')).toThrow(/not a pinyin table/);
  });

  it('reads a company’s trading name in pinyin and English as the library’s company', () => {
    expect(names('Zhuzhou Nanfang Valve Co., Ltd. shipped valves; Lifang New Energy builds a base.')).toEqual({
      'Zhuzhou Nanfang Valve': entityKey('org', '株洲南方阀门股份有限公司'),
      'Lifang New Energy': entityKey('org', '湖南立方新能源科技有限责任公司'),
    });
    // The glossary's trading name, read as the name of it the library holds.
    expect(names('CRRC Times New Material met Zhuzhou Cemented Carbide Group.')).toEqual({
      'CRRC Times New Material': entityKey('org', '株洲时代新材料科技股份有限公司'),
      'Zhuzhou Cemented Carbide Group': entityKey('org', '株洲硬质合金集团有限公司'),
    });
  });

  it('reads no company from a place and a generic word, nor a longer name from its start', () => {
    // CRRC Zhuzhou may be any of CRRC's Zhuzhou companies; Hunan University of Technology is another university than 湖南大学.
    expect(names('CRRC Zhuzhou and Hunan University of Technology')).toEqual({
      Zhuzhou: entityKey('place', '株洲'),
      'Hunan University of Technology': entityKey('org', '湖南工业大学'),
    });
    expect(names('CRRC Zhuzhou and Hunan University of Science')).toEqual({ Zhuzhou: entityKey('place', '株洲'), Hunan: entityKey('place', '湖南') });
  });

  it('reads a person’s name in Western order only from two words: Xinhua is no 华鑫, Fengri no 日丰', () => {
    expect(names('Jinping Xi spoke to Xinhua')).toEqual({ 'Jinping Xi': entityKey('person', '习近平') });
    expect(names('Hunan Fengri Power')).toEqual({ Hunan: entityKey('place', '湖南') });
  });

  it('reads a given name hyphenated or in capitals as the library’s person, and no possessive as part of a name', () => {
    expect(names("Zhuzhou's WANG Xiaoming and Wang Xiao-ming")).toEqual({
      Zhuzhou: entityKey('place', '株洲'),
      'WANG Xiaoming': entityKey('person', '王晓明'),
    });
  });

  it('reads a place’s English name off its Chinese one: pinyin, then its generic end in English or a level unsaid', () => {
    expect(names('Yanling County, Zhuzhou International Convention & Exhibition Center, Zhuzhou Railway Station, Xiang River')).toEqual({
      'Yanling County': entityKey('place', '炎陵县'),
      'Zhuzhou International Convention & Exhibition Center': entityKey('place', '株洲国际会展中心'),
      'Zhuzhou Railway Station': entityKey('place', '株洲火车站'),
      'Xiang River': entityKey('place', '湘江'),
    });
    expect(names('farmers in Yanling, Hunan')).toEqual({ Yanling: entityKey('place', '炎陵县'), Hunan: entityKey('place', '湖南') });
    // A library that names the place without its level reads it so: Zhuzhou County is the city's 株洲 as before, not the former 株洲县.
    const both = buildEnglishLexicon(
      [
        ['place:株洲', '株洲'],
        ['place:株洲县', '株洲县'],
      ],
      pinyin,
    );
    for (const text of ['Zhuzhou County', 'in Zhuzhou']) expect(englishProfile(text, both).terms).toEqual(new Map([['place:株洲', 1]]));
    // A one-character name's own part alone is no place: You County is 攸县, You is no name.
    expect(names('You County. You said')).toEqual({ 'You County': entityKey('place', '攸县') });
  });

  it('reads no place from a person’s given name: Liu Yanling is no 炎陵, but a place after a name read is one', () => {
    const terms = (text: string) => Object.fromEntries(englishProfile(text, lexicon).terms);
    expect(terms('Liu Yanling and Ouyang Yanling spoke.')).toEqual({});
    expect(terms('Farmers of Liu Yanling County')).toEqual({ [entityKey('place', '炎陵县')]: 1 });
    expect(terms('Wang Xiaoming Yanling')).toEqual({ [entityKey('person', '王晓明')]: 1, [entityKey('place', '炎陵县')]: 1 });
  });

  it('gives a Latin spelling and the pinyin of its transliteration the same sound key', () => {
    expect(latinSoundKeys('Siljanovska')).toContain(pinyinSoundKey(['xi', 'li', 'ya', 'nuo', 'fu', 'si', 'ka']));
    expect(latinSoundKeys('Davkova')).toEqual([pinyinSoundKey(['da', 'fu', 'ke', 'wa'])]);
    // The nasal closing 罕 and an r before a consonant: Mahamat is 穆罕默德, Gordana 戈尔达娜.
    expect(latinSoundKeys('Mahamat')).toEqual([pinyinSoundKey(['mu', 'han', 'mo', 'de'])]);
    expect(latinSoundKeys('Gordana')).toContain(pinyinSoundKey(['ge', 'er', 'da', 'na']));
    expect(latinSoundKeys('Türkiye')).toEqual(latinSoundKeys('Turkiye'));
  });

  it('reads a foreign person by the sound of the transliteration the library holds, and never from a short part', () => {
    expect(names('Gordana Siljanovska-Davkova was sworn in; Mahamat Idriss Deby won')).toEqual({
      'Gordana Siljanovska Davkova': entityKey('person', '戈尔达娜·西莉娅诺夫斯卡-达夫科娃'),
      'Mahamat Idriss Deby': entityKey('person', '穆罕默德·伊德里斯·代比·伊特诺'),
    });
    expect(names('President Deby met Stevo Pendarovski and Pedro Sanchez')).toEqual({});
  });

  it('reads news words as the Chinese words of the stories, plurals and all', () => {
    expect(Object.fromEntries(englishWords('Inspectors handed over complaints; the water hammer conference and its valves.'))).toEqual({
      督察: 1,
      移交: 1,
      举报: 1,
      水锤: 1,
      大会: 1,
      阀门: 1,
    });
    expect(englishProfile('The inspection team listed sewage overflows.', lexicon).terms).toEqual(
      new Map([
        ['督察', 1],
        ['污水', 1],
      ]),
    );
  });
});

describe('the glossary of what Zhuzhou stories name', () => {
  const library: Array<[string, string]> = [
    ['org:国家发改委', '国家发改委'],
    ['org:国家发展和改革委员会', '国家发展和改革委员会'],
    ['org:中车株机', '中车株机'],
    ['org:湖南汽车工程职业大学', '湖南汽车工程职业大学'],
    ['org:三一集团', '三一集团'],
    ['place:株洲', '株洲'],
  ];
  let lexicon: EnglishLexicon;
  beforeAll(async () => {
    lexicon = buildEnglishLexicon(library, parsePinyinTable(await readPackageFile('nlp/pinyin.txt')));
  });

  it('reads a national body’s English name and acronym as each Chinese name of it the library holds', () => {
    for (const text of ['Xiang Libin, deputy director of the NDRC, spoke.', 'The National Development and Reform Commission approved it.']) {
      const { terms, names } = englishProfile(text, lexicon);
      expect(terms.get('org:国家发改委'), text).toBe(1);
      expect(terms.get('org:国家发展和改革委员会'), text).toBe(1);
      expect(names.get('org:国家发改委')).toBe('国家发改委');
    }
  });

  it('reads a company’s older trading name and acronym as the name the city uses', () => {
    const { terms } = englishProfile('CSR Zhuzhou won the Ankara order; ZELC will assemble the cars locally.', lexicon);
    expect(terms.get('org:中车株机')).toBe(2);
  });

  it('reads a college’s English name under its former status, and a group’s trading name, as the names the city uses', () => {
    const { terms } = englishProfile('Freshmen of Hunan Automotive Engineering Vocational College met Sany Group engineers in Zhuzhou.', lexicon);
    expect(terms.get('org:湖南汽车工程职业大学')).toBe(1);
    expect(terms.get('org:三一集团')).toBe(1);
  });

  it('reads a national programme’s name and acronym, and a phrase jieba splits, as the stories’ words', () => {
    const { terms } = englishProfile('The BDS summit on BeiDou applications; a pumped storage plant on the Belt and Road.', lexicon);
    expect(terms.get('北斗')).toBe(2);
    expect(terms.get('应用')).toBe(1);
    expect([terms.get('抽水'), terms.get('蓄能'), terms.get('一带')]).toEqual([1, 1, 1]);
  });

  it('counts a Chinese text’s other name of a body as the name a story of the index holds', async () => {
    const profile = { terms: new Map([['org:国家发展改革委', 1]]), names: new Map(), years: new Set<number>() };
    const held = new Set(['org:国家发改委']);
    const index = {
      postings: async (terms: string[]) => ({ lists: new Map(), df: new Map(terms.map((t) => [t, held.has(t) ? 2 : 0])) }),
    } as unknown as IndexReader;
    await addShortNames(profile, index);
    expect(Object.fromEntries(profile.terms)).toEqual({ 'org:国家发展改革委': 1, 'org:国家发改委': 1 });
  });
});

describe('Japanese and mirror pages: the glossary’s words', () => {
  it('reads Japanese news words and old forms as the Chinese ones', () => {
    expect(normalizeForAnalysis('第3ラウンドの督察組が住民通報を引き渡した')).toBe('第3轮、督察组、居民举报、移交、');
    expect(normalizeForAnalysis('国連環境計画の予定、揚水発電所の着工、ナイトマーケット')).toBe('联合国环境规划署、预定、抽水蓄能电站、开工、夜市');
    // A katakana word inside a name no longer splits it: 株洲国際会展センター is 株洲国际会展中心.
    expect(normalizeForAnalysis('株洲国際会展センターで「双炭素」をテーマに出展')).toBe('株洲国际会展中心、「双碳」、主题、参展');
  });

  it('drops a reading in pinyin that starts with a capital tone mark', () => {
    expect(normalizeForAnalysis('歐陽(Ōuyáng)先生在株洲(Zhūzhōu)')).toBe('欧阳先生在株洲');
  });
});

describe('related coverage across languages', () => {
  let setup: Awaited<ReturnType<typeof relatedSetup>>;
  beforeAll(async () => {
    setup = await relatedSetup();
  }, 60_000);

  it('lists the company’s story for an English report that names it by its pinyin trading name', async () => {
    const { related, analysis } = await setup.find(
      'Lifang New Energy is building a sodium-ion battery base in Zhuzhou; the company says its storage batteries passed international certification.',
    );
    expect(analysis.entities.org).toContain('Lifang New Energy · 湖南立方新能源科技有限责任公司');
    expect(related[0]?.title).toBe('立方新能源获国际权威双认可');
  });

  it('shares the company’s short name with a Japanese report that writes its legal name', async () => {
    const { related } = await setup.find('中国中車株洲電力機車有限公司がトルコのイスタンブール新空港線向けに製造した地下鉄車両が試運転を始めた。');
    expect(related[0]?.title).toBe('曹慧泉率团访问阿联酋、沙特、土耳其');
    expect(related[0]?.sharedEntities.map((e) => e.name)).toContain('中车株机');
  });
});

describe('an organisation’s legal name against the short name a story uses', () => {
  it('reads 中车株机 in 中车株洲电力机车有限公司 and 中车株机公司, and no short name from a name of another shape', () => {
    expect(shortNames('中车株洲电力机车有限公司')).toContain('中车株机');
    expect(shortNames('中车株洲电力机车有限公司')).toContain('中车株机公司');
    expect(shortNames('中车株机公司')).toEqual(['中车株机']);
    expect(shortNames('中央第五生态环境保护督察组')).toEqual([]);
  });

  it('counts only the short names a story of the index holds', async () => {
    const profile = { terms: new Map([['org:中车株洲电力机车有限公司', 2]]), names: new Map(), years: new Set<number>() };
    const held = new Set(['org:中车株机']);
    const index = {
      postings: async (terms: string[]) => ({ lists: new Map(), df: new Map(terms.map((t) => [t, held.has(t) ? 3 : 0])) }),
    } as unknown as IndexReader;
    await addShortNames(profile, index);
    expect(Object.fromEntries(profile.terms)).toEqual({ 'org:中车株洲电力机车有限公司': 2, 'org:中车株机': 2 });
  });
});
