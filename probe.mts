import * as jieba from 'jieba-wasm';
import { readFile } from 'node:fs/promises';
import { createAnalyzer } from './lib/nlp/analyzer.ts';
import { analyzeStories } from './lib/library/analyze-stories.ts';
import { bundledStories } from './tests/unit/helpers.ts';
const a = createAnalyzer(async () => jieba, () => readFile('public/nlp/idf.txt', 'utf8'));
for (const s of await analyzeStories(a, await bundledStories())) {
  const r = s.analysis!;
  console.log(s.title, '\n  PER', r.entities.person.join(' '), '\n  LOC', r.entities.place.join(' '), '\n  ORG', r.entities.org.join(' '), '\n  KW', r.keywords.map(k => k.word).join(' '), '\n  AL', JSON.stringify(r.aliases));
}
