import { beforeAll, describe, expect, it } from 'vitest';
import { keepShown } from '../../lib/match/keep-shown';
import type { IndexReader } from '../../lib/match/postings';
import { isSearchQuery, searchIndex } from '../../lib/match/search';
import { asWritten, markWords } from '../../lib/match/snippet';
import { relatedSetup } from '../eval/related';

let setup: Awaited<ReturnType<typeof relatedSetup>>;
beforeAll(async () => {
  setup = await relatedSetup();
}, 60_000);

const titlesFor = async (query: string) => (await setup.finder.search(query)).hits.map((h) => h.title);
const titleOf = (fragment: string) => setup.stories.find((s) => s.title.includes(fragment))!.title;

describe('what the search box takes for a search', () => {
  it('takes a name or a few words for a search, and a passage for related coverage', () => {
    for (const query of ['株洲', '厂BA', '习近平', 'Xi Jinping', 'zhuzhou', '曹慧泉 土耳其', '株洲市国土空间规划委员会', '  南方阀门  '])
      expect(isSearchQuery(query), query).toBe(true);
    for (const passage of [
      '立方新能源的钠离子电池获得英国皇家化学会期刊认可',
      '市委书记曹慧泉率团访问土耳其，调研中车株机土耳其基地。',
      'Xi Jinping congratulated Mahamat Idriss Deby Itno on his election as president of Chad.',
      '',
      '   ',
    ])
      expect(isSearchQuery(passage), passage).toBe(false);
  });
});

describe('searching the library', () => {
  it('finds every story that names a place, the one about it first', async () => {
    const titles = await titlesFor('株洲');
    expect(titles.length).toBeGreaterThanOrEqual(5);
    expect(titles[0]).toBe(titleOf('株洲标准'));
    expect(titles).not.toContain(titleOf('乍得'));
  });

  it('finds a league by a name that is no person, place or organisation', async () => {
    expect(await titlesFor('厂BA')).toEqual([titleOf('厂BA')]);
  });

  it('finds a person, in Chinese and in English, however it is capitalised', async () => {
    const chinese = await titlesFor('习近平');
    expect(chinese.slice(0, 2).sort()).toEqual([titleOf('乍得'), titleOf('北马其顿')].sort());
    expect(await titlesFor('Xi Jinping')).toEqual(chinese);
    expect(await titlesFor('xi jinping')).toEqual(chinese);
    expect(await titlesFor('Zhuzhou')).toEqual(await titlesFor('株洲'));
  });

  it('finds a name whatever kind the library filed it under, and a Latin word as itself', async () => {
    // Alone, 伊斯坦布尔 reads as a foreign person's name; the story names the city.
    expect(await titlesFor('伊斯坦布尔')).toEqual([titleOf('曹慧泉')]);
    expect(await titlesFor('society')).toEqual([titleOf('立方新能源')]);
  });

  it('lists only the stories naming the most of the query’s words', async () => {
    expect(await titlesFor('曹慧泉 土耳其')).toEqual([titleOf('曹慧泉')]);
    // The committee's story, not every story that names 株洲.
    expect(await titlesFor('株洲市国土空间规划委员会')).toEqual([titleOf('国土空间规划委员会')]);
  });

  it('finds a company by its short name, explained in the story’s own words', async () => {
    const { hits } = await setup.finder.search('南方阀门');
    expect(hits[0].title).toBe(titleOf('南方阀门斩获'));
    expect(hits[0].matched.map((m) => m.name)).toContain('株洲南方阀门股份有限公司');
  });

  it('reads a prototype key as a word like any other', async () => {
    // One story holding the word `constructor`, and no name of its own for it.
    const index: IndexReader = {
      size: async () => 1,
      postings: async (terms) => ({
        lists: new Map(terms.filter((t) => t === 'constructor').map((t) => [t, { ords: Uint32Array.of(0), weights: Float32Array.of(0.5) }])),
        df: new Map(),
      }),
      docs: async () => [{ ord: 0, id: 'a', title: 'A constructor', date: '2024-01-01', entityMass: 0, years: [], names: {} }],
      texts: async () => [''],
    };
    const { hits } = await searchIndex([{ name: 'constructor', terms: ['constructor'] }], index);
    expect(hits.map((h) => h.matched)).toEqual([[{ term: 'constructor', name: 'constructor' }]]);
  });

  it('finds nothing for words no story has, and says how many it found', async () => {
    expect(await setup.finder.search('量子计算机')).toMatchObject({ hits: [], total: 0 });
    expect(await setup.finder.search('🙂')).toMatchObject({ hits: [], total: 0 });
    const { hits, total } = await setup.finder.search('株洲');
    expect(total).toBe(hits.length);
  });
});

describe('a query as typed or pasted', () => {
  it('finds a name with a zero-width space, a word joiner or a soft hyphen inside as the name itself', async () => {
    const plain = await titlesFor('南方阀门');
    expect(plain.length).toBeGreaterThan(0);
    for (const hidden of ['南方\u200B阀门', '南\u00AD方阀门', '南方\u2060阀\uFEFF门', '南方\u200D阀门'])
      expect(await titlesFor(hidden), JSON.stringify(hidden)).toEqual(plain);
    expect(await titlesFor('Zhu\u00ADzhou')).toEqual(await titlesFor('Zhuzhou'));
  });

  it('reads full-width Latin letters as Latin letters', async () => {
    expect(await titlesFor('厂ＢＡ')).toEqual(await titlesFor('厂BA'));
    expect(await titlesFor('ｘｉ ｊｉｎｐｉｎｇ')).toEqual(await titlesFor('Xi Jinping'));
    expect(await titlesFor('Ｚｈｕｚｈｏｕ')).toEqual(await titlesFor('Zhuzhou'));
    expect(isSearchQuery('Ｘｉ Ｊｉｎｐｉｎｇ ｃｏｎｇｒａｔｕｌａｔｅｄ ｔｈｅ ｎｅｗ ｐｒｅｓｉｄｅｎｔ ｏｆ Ｃｈａｄ')).toBe(false);
  });

  it('finds the same coverage for an English passage written in full-width letters', async () => {
    const passage = 'A delegation from Zhuzhou led by Cao Huiquan visited Turkey and toured the Turkish base of CRRC Zhuzhou Locomotive.';
    const wide = passage.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const ids = async (text: string) => (await setup.find(text)).related.map((r) => r.id);
    expect((await ids(passage)).length).toBeGreaterThan(0);
    expect(await ids(wide)).toEqual(await ids(passage));
  });
});

describe('marking the matched words', () => {
  it('marks every occurrence, the longest word whole, without case', () => {
    const { text, marks } = markWords('株洲南方阀门与南方阀门；CRRC and crrc', ['南方阀门', '株洲南方阀门', 'crrc']);
    expect(marks.map(([s, e]) => text.slice(s, e))).toEqual(['株洲南方阀门', '南方阀门', 'CRRC', 'crrc']);
  });

  it('shows a shared Latin word as the story spells it, not as the analysis keeps it', () => {
    expect(asWritten(['“厂BA”还是熟悉的味道', '厂ba'], '厂ba')).toBe('厂BA');
    expect(asWritten(['İstanbul 的 BYD 工厂'], 'byd')).toBe('BYD');
    expect(asWritten(['没有'], 'byd')).toBe('byd');
    expect(asWritten(['篮球'], '篮球')).toBe('篮球');
  });
});

describe('a refined answer', () => {
  it('takes the new order and keeps every story already shown', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const c = { id: 'c' };
    expect(keepShown([a, b], [c, b])).toEqual([c, b, a]);
    expect(keepShown([], [c])).toEqual([c]);
    expect(keepShown([a], [])).toEqual([a]);
  });
});
