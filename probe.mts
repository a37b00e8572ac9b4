import * as jieba from 'jieba-wasm';
import { readFile } from 'node:fs/promises';
import { readNerSentences } from './tests/eval/ner-data.ts';
import { createAnalyzer } from './lib/nlp/analyzer.ts';
import { normalizeForAnalysis } from './lib/nlp/normalize.ts';
const a = createAnalyzer(async () => jieba, (p) => readFile('public/' + p, 'utf8'));
const type = process.argv[2] ?? 'ORG';
const map: Record<string,string> = { PER: 'person', LOC: 'place', ORG: 'org' };
const cats = new Map<string, number>();
let n = 0;
for (const x of readNerSentences()) {
  const all = await a.mentions(x.text);
  const found = all.filter(m => m.type === map[type]).map(m => m.text);
  const gold = x.entities.filter(e => e.type === type).map(e => normalizeForAnalysis(e.text));
  for (const g of gold) {
    if (found.includes(g)) continue;
    const other = all.find(m => m.text.includes(g) || g.includes(m.text));
    const cat = other ? `inside ${other.type}` : 'not found';
    cats.set(cat, (cats.get(cat) ?? 0) + 1);
    if (n++ < 400 && other?.type === 'place') { const i = x.text.indexOf(g); const seg = x.text.slice(Math.max(0, i - 3), i + g.length + 3); console.log(g, '|', jieba.tag(seg, true).map(t => t.word + '/' + t.tag).join(' ')); }
  }
}
console.log(cats);
