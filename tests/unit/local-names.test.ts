import * as jieba from 'jieba-wasm';
import { describe, expect, it } from 'vitest';
import type { Entities } from '../../lib/nlp/analyzer';
import { localNames } from '../../lib/nlp/local-names';
import { ZONE } from '../../lib/nlp/ner/towns';
import { nodeAnalyzer } from './helpers';

const analyzer = nodeAnalyzer();
const chips = (entities: Entities) => Object.entries(entities).flatMap(([type, names]) => names.map((name: string) => `${type}:${name}`));

describe("Zhuzhou's own names", () => {
  it('holds names only, each a place or an organisation, no zone named by its city (read as the city)', () => {
    const names = Object.entries(localNames());
    expect(names.length).toBeGreaterThanOrEqual(150);
    for (const [name, [type, full]] of names) {
      expect(['place', 'org'], name).toContain(type);
      expect(name).toMatch(/^\p{Script=Han}{2,20}$/u);
      expect(full.length, name).toBeGreaterThanOrEqual(name.length);
      expect(name, name).not.toMatch(ZONE);
    }
  });

  // Restated sentences of the kinds Zhuzhou stories hold: landmarks, parks, companies by their short
  // names, stations and markets, whose names the tagger cut (中国 of 中国动力谷) or missed.
  it.each([
    ['夜幕降临，神农湖的音乐喷泉吸引了不少市民驻足，中国动力谷的企业仍在赶工。', ['place:神农湖', 'place:中国动力谷']],
    ['中国航发南方和株冶集团的技术人员一同走进云龙示范区的企业。', ['org:中国航发南方工业有限公司', 'org:株洲冶炼集团股份有限公司', 'place:云龙示范区']],
    ['春运首日，株洲西站和株洲火车站客流明显增加，芦淞服饰市场群的商户陆续返岗。', ['place:株洲西站', 'place:株洲火车站', 'place:芦淞服饰市场群']],
    [
      '株硬集团与湖南工业大学共建实验室，千金药业的新车间在栗雨工业园投产。',
      ['org:株洲硬质合金集团有限公司', 'org:湖南工业大学', 'org:株洲千金药业股份有限公司', 'place:栗雨工业园'],
    ],
    ['醴陵陶瓷产业园内，旗滨集团的新生产线点火；炎帝陵景区迎来祭祖游客。', ['place:醴陵陶瓷产业园', 'org:株洲旗滨集团股份有限公司', 'place:炎帝陵景区']],
  ])('reads %s whole', async (text, expected) => {
    const listed = chips((await analyzer.analyze(text)).entities);
    for (const chip of expected) expect(listed, text).toContain(chip);
  });

  it('reads every local name whole, as its full name and kind, and nothing else around it', async () => {
    const wrong: string[] = [];
    // jieba keeps its own dictionary's tag for a word it knows (炎帝陵/ns, 水口山/n) whatever it is
    // taught, so the tagger cannot trust those as the library's: they may go unread in a bare sentence.
    const known = new Set(
      Object.keys(localNames()).filter((name) => {
        const tokens = jieba.tag(name, false);
        return tokens.length === 1 && !tokens[0].tag.startsWith('g');
      }),
    );
    for (const [name, [type, full]] of Object.entries(localNames())) {
      const listed = chips((await analyzer.analyze(`记者日前走访了${name}，了解最新进展。`)).entities);
      if (listed.join() !== `${type}:${full}` && !(known.has(name) && listed.length === 0)) wrong.push(`${name} → ${listed.join(' ') || 'nothing'}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
