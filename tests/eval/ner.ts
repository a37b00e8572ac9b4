/**
 * `npm run eval:ner`: precision, recall and F1 of the entity tagger on the People's Daily NER test
 * subset, comparing the multiset of (type, string) per sentence. `--errors` lists the most frequent
 * misses and false alarms. Skips cleanly when the data is absent.
 */
import { readFile } from 'node:fs/promises';
import * as jieba from 'jieba-wasm';
import { createAnalyzer } from '../../lib/nlp/analyzer';
import type { EntityType } from '../../lib/nlp/entities';
import { normalizeForAnalysis } from '../../lib/nlp/normalize';
import { EVAL_DIR, nerDataAvailable, readNerSentences, type GoldType } from './ner-data';

const TYPE: Record<GoldType, EntityType> = { PER: 'person', LOC: 'place', ORG: 'org' };

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}
export const f1 = ({ tp, fp, fn }: Score) => {
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

export async function evaluateNer(limit?: number) {
  const analyzer = createAnalyzer(async () => jieba, (path) => readFile(new URL(`../../public/${path}`, import.meta.url), 'utf8'));
  const scores: Record<EntityType, Score> = { person: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 }, org: { tp: 0, fp: 0, fn: 0 } };
  const misses = new Map<string, number>();
  const alarms = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const sentences = readNerSentences().slice(0, limit);
  const started = performance.now();
  for (const sentence of sentences) {
    const gold = sentence.entities.map((e) => `${TYPE[e.type]}|${normalizeForAnalysis(e.text)}`);
    const found = (await analyzer.mentions(sentence.text)).map((m) => `${m.type}|${m.text}`);
    for (const m of found) {
      const at = gold.indexOf(m);
      const type = m.split('|')[0] as EntityType;
      if (at >= 0) {
        scores[type].tp++;
        gold.splice(at, 1);
      } else {
        scores[type].fp++;
        count(alarms, m);
      }
    }
    for (const g of gold) {
      scores[g.split('|')[0] as EntityType].fn++;
      count(misses, g);
    }
  }
  const all = Object.values(scores).reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
  return { scores, all, misses, alarms, sentences: sentences.length, ms: performance.now() - started };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!nerDataAvailable()) {
    console.log(`eval:ner skipped: no NER data under ${EVAL_DIR} (set EVAL_DIR to its folder)`);
    process.exit(0);
  }
  const { scores, all, misses, alarms, sentences, ms } = await evaluateNer();
  console.log(`People's Daily NER subset: ${sentences} sentences, ${(ms / 1000).toFixed(1)} s\n`);
  console.log('| type | precision | recall | F1 | tp | fp | fn |\n|---|---|---|---|---|---|---|');
  for (const [name, s] of [...Object.entries(scores), ['overall', all] as const]) {
    const { p, r, f } = f1(s);
    console.log(`| ${name} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${f.toFixed(3)} | ${s.tp} | ${s.fp} | ${s.fn} |`);
  }
  if (process.argv.includes('--errors')) {
    const top = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, n]) => `${k}×${n}`).join('  ');
    console.log(`\nmost missed: ${top(misses)}\n\nmost false alarms: ${top(alarms)}`);
  }
}
