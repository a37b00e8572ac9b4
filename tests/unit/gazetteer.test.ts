import { describe, expect, it } from 'vitest';
import { addKnowledge, createAnalyzer, emptyKnowledge } from '../../lib/nlp/analyzer';
import type { Mention } from '../../lib/nlp/entities';
import { Gazetteer, MAX_NAME_CHARS } from '../../lib/nlp/gazetteer';
import { withLibraryTags } from '../../lib/nlp/library-tags';
import { normalizeForAnalysis } from '../../lib/nlp/normalize';
import { loadJieba, publicFiles } from './helpers';
import { seededRandom } from '../../scripts/seeded-random';

/** The scan as it was first written: at each position the longest known name, left to right. */
function referenceScan(text: string, names: Map<string, Mention>): Mention[] {
  const longest = Math.max(0, ...[...names.keys()].map((n) => n.length));
  const found: Mention[] = [];
  for (let at = 0; at < text.length; ) {
    let length = Math.min(longest, text.length - at);
    while (length >= 2 && !names.has(text.slice(at, at + length))) length--;
    if (length >= 2) {
      found.push(names.get(text.slice(at, at + length))!);
      at += length;
    } else {
      at++;
    }
  }
  return found;
}

describe('the library’s gazetteer', () => {
  it('finds at each position the longest name that starts there, left to right', () => {
    const next = seededRandom(7);
    // Few letters, so names overlap, nest and share prefixes as often as possible.
    const letters = '株洲南方阀门';
    const word = (min: number, max: number) =>
      Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => letters[Math.floor(next() * letters.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const names = new Map<string, Mention>();
      const gazetteer = new Gazetteer();
      for (let i = 0; i < 12; i++) {
        const name = word(2, 6);
        const mention: Mention = { type: 'org', text: `${name}公司` };
        if (!names.has(name)) names.set(name, mention);
        gazetteer.add(name, mention);
      }
      const text = word(0, 80);
      expect(gazetteer.scan(text), text).toEqual(referenceScan(text, names));
    }
  });

  it('keeps a name up to MAX_NAME_CHARS and ignores a longer one, and the first type given', () => {
    const gazetteer = new Gazetteer();
    const longest = '株'.repeat(MAX_NAME_CHARS);
    expect(gazetteer.add(longest, { type: 'org', text: longest })).toBe(true);
    expect(gazetteer.add(`${longest}洲`, { type: 'org', text: `${longest}洲` })).toBe(false);
    expect(gazetteer.add('株洲', { type: 'place', text: '株洲' })).toBe(true);
    expect(gazetteer.add('株洲', { type: 'person', text: '株洲' })).toBe(false);
    expect(gazetteer.add('株', { type: 'place', text: '株' })).toBe(false);
    expect(gazetteer.get('株洲')).toEqual({ type: 'place', text: '株洲' });
    expect(gazetteer.scan(`${longest}洲`).map((m) => m.text)).toEqual([longest]);
  });

  it('joins a short name to the full name a story gives it, whichever story is learnt first', () => {
    const full: Mention = { type: 'org', text: '株洲南方阀门股份有限公司' };
    for (const order of [
      [{ type: 'org', text: '南方阀门' }, full],
      [full, { type: 'org', text: '南方阀门' }],
    ] as Mention[][]) {
      const gazetteer = new Gazetteer();
      for (const mention of order) gazetteer.add('南方阀门', mention);
      expect(gazetteer.get('南方阀门')).toEqual(full);
      const knowledge = emptyKnowledge();
      for (const { text } of order) {
        const short = text === '南方阀门';
        addKnowledge(knowledge, { entities: { person: [], place: [], org: [text] }, keywords: [], aliases: short ? {} : { 南方阀门: text } });
      }
      expect(knowledge.names.南方阀门).toEqual(['org', full.text]);
    }
  });

  it('does not store a 2,000-character name with the library’s knowledge', () => {
    const knowledge = emptyKnowledge();
    const long = '超长'.repeat(1000);
    const fit = '长'.repeat(MAX_NAME_CHARS);
    addKnowledge(knowledge, { entities: { person: [], place: [], org: [long, fit] }, keywords: [], aliases: { 超长: long } });
    expect(Object.keys(knowledge.names)).toEqual([fit]);
  });

  it('answers a page naming 150,000 of the library’s names at once', async () => {
    const cold = createAnalyzer(() => new Promise(() => undefined), publicFiles);
    // Characters the analysis reads as written (no traditional form it would convert).
    const han = Array.from({ length: 1200 }, (_, i) => String.fromCharCode(0x4e00 + i)).filter((c) => normalizeForAnalysis(c) === c);
    const names = Array.from({ length: 150_000 }, (_, i) => `${han[i % 400]}${han[400 + Math.floor(i / 400)]}`);
    cold.learnLibrary({ names: Object.fromEntries(names.map((name) => [name, ['org', name]])) });
    const analysis = await cold.analyze(names.join(''), { partial: true });
    expect(analysis.entities.org).toHaveLength(150_000);
    expect(analysis.keywords[0]).toEqual({ word: names[0], weight: 1 });
    // What is asserted is the answer (no stack overflow, every name), not its time: 2–5 s on two busy cores.
  }, 30_000);

  it('analyses a long text in linear time when the library holds a 2,000-character name', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // A cold worker: jieba still loading, so the analysis is the gazetteer's scan alone.
    const cold = createAnalyzer(async () => {
      await gate;
      return loadJieba();
    }, publicFiles);
    const long = `株洲${'超长名称有限'.repeat(333)}公司`;
    cold.learnLibrary({ names: { [long]: ['org', long], 曹慧泉: ['person', '曹慧泉'] } });
    // Text that runs along the long name everywhere: the worst case for a scan that tries every length.
    const text = `曹慧泉${long.slice(0, 1500)}`.repeat(7).slice(0, 10_000);
    const started = performance.now();
    const analysis = await cold.analyze(text, { partial: true });
    // Was 25–40 s; a generous bound against the quadratic scan coming back.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(analysis.entities).toEqual({ person: ['曹慧泉'], place: [], org: [] });
    release();
  });

  it('trusts a library name jieba’s dictionary already holds as a common noun, with the library’s type', async () => {
    // jieba keeps its own tag for a word it knows (水口山/n) whatever add_word says: the library's stands all the same.
    const sentence = '他们来到水口山参观。';
    expect(await createAnalyzer(loadJieba, publicFiles).mentions(sentence)).not.toContainEqual({ type: 'place', text: '水口山' });
    const place = createAnalyzer(loadJieba, publicFiles);
    place.learnLibrary({ names: { 水口山: ['place', '水口山'] } });
    expect(await place.mentions(sentence)).toContainEqual({ type: 'place', text: '水口山' });
    // A short name of a company the library knows reads as that company.
    const company = createAnalyzer(loadJieba, publicFiles);
    company.learnLibrary({ names: { 水口山: ['org', '水口山有色金属集团'] } });
    const { entities } = await company.analyze('水口山今年的产量又创新高。');
    expect(entities.org).toEqual(['水口山有色金属集团']);
    expect(entities.place).toEqual([]);
  });

  it('gives the library’s tag only to whole tokens of three characters or more that jieba tags as no name, copying them only where one changes', () => {
    const tags = new Map([
      ['水口山', 'gloc'],
      ['医院', 'gorg'],
      ['常德市', 'gorg'],
    ]);
    const tokens = [
      { word: '来到', tag: 'v' },
      { word: '水口山', tag: 'n' },
      { word: '水口山矿', tag: 'n' },
      { word: '医院', tag: 'n' },
      { word: '常德市', tag: 'ns' },
    ];
    expect(withLibraryTags(tokens, tags)).toEqual([
      { word: '来到', tag: 'v' },
      { word: '水口山', tag: 'gloc' },
      { word: '水口山矿', tag: 'n' },
      { word: '医院', tag: 'n' },
      { word: '常德市', tag: 'ns' },
    ]);
    expect(tokens[1].tag).toBe('n');
    const untouched = [{ word: '水口山', tag: 'gloc' }];
    expect(withLibraryTags(untouched, tags)).toBe(untouched);
  });

  it('reads the glossary’s other names of a library name as it, until a story holds one itself', async () => {
    const analyzer = createAnalyzer(loadJieba, publicFiles);
    analyzer.learnLibrary({ names: { 中车株机: ['org', '中车株机'] } });
    const text = '南车株机2012年中标安卡拉地铁车辆项目，中国南车株洲电力机车有限公司随后在当地建厂。';
    expect((await analyzer.analyze(text)).entities.org).toEqual(['中车株机']);
    // A story that writes the former name makes it a name of its own: the text's two names are two.
    analyzer.learnLibrary({ names: { 南车株机: ['org', '南车株机'] } });
    expect((await analyzer.analyze(text)).entities.org).toEqual(['南车株机', '中车株机']);
  });
});
