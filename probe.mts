import * as jieba from 'jieba-wasm';
import { readNerSentences } from './tests/eval/ner-data.ts';
import { createAnalyzer } from './lib/nlp/analyzer.ts';
import { normalizeForAnalysis } from './lib/nlp/normalize.ts';
const a = createAnalyzer(async () => jieba, async () => '');
const type = process.argv[2] ?? 'ORG';
const map: Record<string,string> = { PER: 'person', LOC: 'place', ORG: 'org' };
let n = 0;
for (const x of readNerSentences()) {
  const found = (await a.mentions(x.text)).filter(m => m.type === map[type]).map(m => m.text);
  const gold = x.entities.filter(e => e.type === type).map(e => normalizeForAnalysis(e.text));
  for (const g of gold) {
    if (found.includes(g) || n++ > 50) continue;
    const i = x.text.indexOf(g);
    const seg = x.text.slice(Math.max(0, i - 4), i + g.length + 3);
    console.log(g, '| found:', found.join(','), '|', jieba.tag(seg, true).map(t => t.word + '/' + t.tag).join(' '));
  }
}
