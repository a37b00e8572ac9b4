import { devLibrary, examplesOf, readDevSet, outOfFold, chooseThresholds, listed, grade } from './related-cv';
const lib = await devLibrary();
const ex = await examplesOf(readDevSet(), lib);
const oof = outOfFold(ex); const th = chooseThresholds(ex, oof);
let pos = 0, inCand = 0;
for (const e of ex) if (e.passage.label === 'same_event' || e.passage.label === 'related') { pos++; if (e.candidates.some((c) => e.wanted.has(c.id))) inCand++; }
console.log('positives', pos, 'wanted among candidates', inCand);
const title = (id: string) => lib.stories.find((s) => s.id === id)!.title.slice(0, 10);
ex.forEach((e, i) => {
  const l = listed(oof[i], th.relevant, th.sameEvent);
  if (grade(e, l)) return;
  const w = e.candidates.find((c) => e.wanted.has(c.id));
  const f = w?.features;
  console.log(`✗ ${e.passage.id} [${e.passage.label}] ${e.passage.text.slice(0, 30)} → ${l.slice(0,2).map((x) => title(x.id) + ' ' + oof[i].find(p=>p.id===x.id)!.relevance.toFixed(2)).join(' | ') || 'nothing'}${f ? ` || wanted q${f.queryCoverage.toFixed(2)} s${f.storyCoverage.toFixed(2)} c${f.cosine.toFixed(2)} u${f.unexplained.toFixed(2)} n${f.sharedNames.toFixed(1)} r${f.sharedRareWords.toFixed(1)} m${f.maxSharedRarity.toFixed(2)} t${f.titleShare.toFixed(2)} rel${oof[i].find(p=>e.wanted.has(p.id))!.relevance.toFixed(2)}` : ''}`);
});
