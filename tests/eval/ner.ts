/**
 * `npm run eval:ner`: precision, recall and F1 of the entity tagger as the product runs it (the
 * analyzer: jieba, the rules, the trained model, its clean-up), on
 *  - the People's Daily test subset (../shared/eval/ner: never trained or tuned on), twice: every
 *    mention (type, text) per sentence, and each name once per sentence as `insight analyze`
 *    lists them;
 *  - CLUENER's validation split with its types mapped to ours (held out from training; it chose
 *    the number of epochs and features). CLUENER marks a whole address as one place and the
 *    product follows People's Daily (each place name), so its figure is lower by convention;
 *  - the names a careful reader marks in the ten seed stories (recall).
 * `--errors` lists the People's Daily misses and false alarms. Skips cleanly when data is absent.
 */
import * as jieba from 'jieba-wasm';
import { loadBundledStories } from '../../lib/library/bundled';
import { storyCredits, storyText } from '../../lib/story';
import { createAnalyzer, type Analyzer } from '../../lib/nlp/analyzer';
import { publicFiles, readPublic } from '../../scripts/public-files';
import type { EntityType } from '../../lib/nlp/entities';
import { normalizeForAnalysis } from '../../lib/nlp/normalize';
import { marked } from '../fixtures/seed-entities';
import { EVAL_DIR, nerDataAvailable, readCluener, readNerSentences, trainingDataAvailable, TRAIN_FILES, type GoldType, type NerSentence } from './ner-data';

const TYPE: Record<GoldType, EntityType> = { PER: 'person', LOC: 'place', ORG: 'org' };
const TYPES: EntityType[] = ['person', 'place', 'org'];

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

interface Figures {
  scores: Record<EntityType, Score>;
  all: Score;
  misses: Map<string, number>;
  alarms: Map<string, number>;
  sentences: number;
  ms: number;
}

/** Compares (type, name) per sentence; `distinct` counts each name once per sentence. */
export async function evaluateNer(analyzer: Analyzer, sentences: NerSentence[], distinct = false): Promise<Figures> {
  const scores = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<EntityType, Score>;
  const misses = new Map<string, number>();
  const alarms = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const once = (list: string[]) => (distinct ? [...new Set(list)] : list);
  let ms = 0;
  for (const sentence of sentences) {
    const gold = once(sentence.entities.map((e) => `${TYPE[e.type]}|${normalizeForAnalysis(e.text)}`));
    const started = performance.now();
    const found = once((await analyzer.mentions(sentence.text)).map((m) => `${m.type}|${m.text}`));
    ms += performance.now() - started;
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
  return { scores, all, misses, alarms, sentences: sentences.length, ms };
}

/** Share of the names a careful reader marks in the seed stories that the analysis lists. */
export async function seedRecall(analyzer: Analyzer): Promise<{ found: number; all: number; missed: string[] }> {
  const stories = await loadBundledStories(readPublic);
  let found = 0;
  let all = 0;
  const missed: string[] = [];
  for (const [i, story] of stories.entries()) {
    const { entities } = await analyzer.analyze(storyText(story), { credits: storyCredits(story) });
    for (const type of TYPES) {
      for (const name of marked[i]?.[type] ?? []) {
        all++;
        if (entities[type].includes(name)) found++;
        else missed.push(`${type}:${name}`);
      }
    }
  }
  return { found, all, missed };
}

function table(title: string, { scores, all, sentences, ms }: Figures): void {
  console.log(`\n${title}: ${sentences} sentences, ${(ms / sentences).toFixed(2)} ms a sentence\n`);
  console.log('| type | precision | recall | F1 | tp | fp | fn |\n|---|---|---|---|---|---|---|');
  for (const [name, s] of [...Object.entries(scores), ['overall', all] as const]) {
    const { p, r, f } = f1(s);
    console.log(`| ${name} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${f.toFixed(3)} | ${s.tp} | ${s.fp} | ${s.fn} |`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const analyzer = createAnalyzer(async () => jieba, publicFiles);
  if (nerDataAvailable()) {
    const sentences = readNerSentences();
    const mentions = await evaluateNer(analyzer, sentences);
    table("People's Daily test subset, every mention", mentions);
    table("People's Daily test subset, each name once per sentence (as insight analyze lists them)", await evaluateNer(analyzer, sentences, true));
    if (process.argv.includes('--errors')) {
      const top = (map: Map<string, number>) =>
        [...map]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 60)
          .map(([k, n]) => `${k}×${n}`)
          .join('  ');
      console.log(`\nmost missed: ${top(mentions.misses)}\n\nmost false alarms: ${top(mentions.alarms)}`);
    }
  } else {
    console.log(`People's Daily test skipped: no NER data under ${EVAL_DIR} (set EVAL_DIR to its folder)`);
  }
  if (trainingDataAvailable())
    table('CLUENER validation (types mapped; held out from training)', await evaluateNer(analyzer, readCluener(TRAIN_FILES.cluenerDev)));
  else console.log('CLUENER validation skipped: no training data under ../shared/train/ner');
  const seeds = await seedRecall(analyzer);
  console.log(
    `\nseed stories: ${seeds.found} of the ${seeds.all} names a careful reader marks = ${(seeds.found / seeds.all).toFixed(3)}${seeds.missed.length ? `; missed: ${seeds.missed.join(' ')}` : ''}`,
  );
}
