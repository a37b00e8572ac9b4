import { analysedSentences, syntheticStories, articleAbout } from './tests/bench/synthetic-library';
import { indexEntry } from './lib/match/index-entry';
import { MemoryIndex } from './lib/match/memory-index';
import { rankRelated } from './lib/match/rank';
import { buildProfile } from './lib/match/profile';
import { nodeAnalyzer } from './tests/unit/helpers';
const { sentences } = await analysedSentences();
const a = nodeAnalyzer(); const idf = await a.idf();
for (const n of [1000, 10000, 100000]) {
  let t = performance.now();
  const stories = [...syntheticStories(sentences, n)];
  const index = MemoryIndex.fromEntries(stories.map((s) => ({ ...indexEntry(s, idf)!, text: s.paragraphs.join('\n') })));
  console.log(n, 'built', (performance.now() - t).toFixed(0));
  let right = 0; const times: number[] = [];
  for (let q = 0; q < 10; q++) {
    const target = stories[Math.floor((n * q) / 10)];
    const article = articleAbout(target, sentences, q + 1);
    const an = await a.analyze(article);
    const profile = buildProfile({ entities: an.entities, terms: an.terms, text: article });
    let r;
    for (let i = 0; i < 5; i++) { const s = performance.now(); r = await rankRelated(profile, index, { idf, text: article, all: true }); times.push(performance.now() - s); }
    if (r![0]?.id === target.id) right++; else console.log('miss', r!.slice(0, 1).map((x) => [x.id, x.score, JSON.stringify(x.features)]), 'target at', r!.findIndex((x) => x.id === target.id), target.paragraphs.length);
  }
  times.sort((x, y) => x - y);
  console.log(n, 'p50', times[Math.floor(times.length / 2)].toFixed(1), 'p95', times[Math.floor(times.length * 0.95)].toFixed(1), 'top1', right, '/10');
}
