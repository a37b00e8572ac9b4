/**
 * `npm run eval:related`: related coverage on a development set built from material the project
 * may use.
 *   positives  the lead and single sentences (≥ 15 Chinese characters) of each stored story: that
 *              story must come first;
 *   negatives  People's Daily sentences (../shared/eval/ner, 1998: nothing about 2024 Zhuzhou):
 *              anything listed is a false alarm (skipped when the data is absent);
 *   passages   tests/fixtures/related/passages.jsonl, written for this project: same-event
 *              coverage in simplified, traditional and English, and near misses of each kind.
 * `--features` prints each item's features; `--sweep` the results at other thresholds.
 */
import { readFileSync } from 'node:fs';
import * as jieba from 'jieba-wasm';
import { readFile } from 'node:fs/promises';
import { analyzeStories } from '../../lib/library/analyze-stories';
import { loadBundledStories } from '../../lib/library/bundled';
import { storyText, type Story } from '../../lib/library/story';
import { normalizeForAnalysis } from '../../lib/nlp/normalize';
import { indexEntry } from '../../lib/match/index-entry';
import { MemoryIndex } from '../../lib/match/memory-index';
import { RELATED_THRESHOLD, type RelatedStory } from '../../lib/match/rank';
import { queryFinder } from '../../lib/match/related';
import { createAnalyzer } from '../../lib/nlp/analyzer';
import { EVAL_DIR, nerDataAvailable, readNerSentences } from './ner-data';

const read = (path: string) => readFile(new URL(`../../public/${path}`, import.meta.url), 'utf8');

export interface Passage {
  id: string;
  kind: string;
  expect: string | null;
  text: string;
}

export function readPassages(): Passage[] {
  return readFileSync(new URL('../fixtures/related/passages.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Passage);
}

/** The lead (first paragraph) and each sentence of at least 15 Chinese characters. */
export function storyQueries(story: Story): Passage[] {
  const sentences = story.paragraphs.flatMap((p) => p.split(/(?<=[。！？!?])/)).filter((s) => (s.match(/\p{Script=Han}/gu)?.length ?? 0) >= 15);
  return [
    { id: `${story.id}#lead`, kind: 'lead', expect: story.id, text: story.paragraphs[0] },
    ...sentences.map((text, i) => ({ id: `${story.id}#${i}`, kind: 'sentence', expect: story.id, text })),
  ];
}

export async function relatedSetup() {
  const analyzer = createAnalyzer(async () => jieba, read);
  const stories = await analyzeStories(analyzer, await loadBundledStories(read));
  const idf = await analyzer.idf();
  const index = MemoryIndex.fromEntries(stories.map((s) => ({ ...indexEntry(s, idf)!, text: normalizeForAnalysis(storyText(s)) })));
  const finder = queryFinder({ analyzer, index, libraryNames: async () => index.entityNames(), read });
  return { stories, finder, find: finder.related };
}

/** Right: the expected story first at or above `threshold`, or nothing at or above it for a negative. */
export function judge(expect: string | null, ranked: RelatedStory[], threshold: number): boolean {
  const listed = ranked.filter((r) => r.score >= threshold);
  return expect === null ? listed.length === 0 : listed[0]?.id === expect;
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const started = performance.now();
  const { stories, find } = await relatedSetup();
  const sets: Array<{ name: string; items: Passage[] }> = [
    { name: 'positives (seed leads and sentences)', items: stories.flatMap(storyQueries) },
    { name: 'passages (same event)', items: readPassages().filter((p) => p.expect) },
    { name: 'passages (near misses)', items: readPassages().filter((p) => !p.expect) },
  ];
  if (nerDataAvailable()) {
    sets.push({ name: "negatives (People's Daily sentences)", items: readNerSentences().map((s, i) => ({ id: `pd${i}`, kind: 'negative', expect: null, text: s.text })) });
  } else {
    console.log(`(People's Daily negatives skipped: no data under ${EVAL_DIR})`);
  }
  const ranked = new Map<string, RelatedStory[]>();
  for (const set of sets) for (const item of set.items) ranked.set(item.id, (await find(item.text, { all: true })).related);
  const thresholds = args.has('--sweep') ? [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7] : [RELATED_THRESHOLD];
  console.log(`related coverage, ${stories.length} stories, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  console.log(`| set | n | ${thresholds.map((t) => `right @${t}`).join(' | ')} |`);
  console.log(`|---|---|${thresholds.map(() => '---').join('|')}|`);
  for (const set of sets) {
    const cells = thresholds.map((t) => {
      const right = set.items.filter((i) => judge(i.expect, ranked.get(i.id)!, t)).length;
      return `${((right / set.items.length) * 100).toFixed(1)}%`;
    });
    console.log(`| ${set.name} | ${set.items.length} | ${cells.join(' | ')} |`);
  }
  if (args.has('--features')) {
    for (const set of sets) {
      for (const item of set.items) {
        const top = ranked.get(item.id)!.slice(0, 2);
        const ok = judge(item.expect, ranked.get(item.id)!, RELATED_THRESHOLD) ? ' ' : '✗';
        if (args.has('--wrong') && ok === ' ') continue;
        const show = top.map((r) => {
          const f = r.features;
          return `${r.id.slice(-4)} ${r.score.toFixed(2)} q${f.queryCoverage.toFixed(2)} s${f.storyCoverage.toFixed(2)} c${f.cosine.toFixed(2)} Q${f.quotation.toFixed(2)} u${f.unexplained.toFixed(2)}${f.yearConflict ? ' Y' : ''} [${r.shared.slice(0, 6).join(' ')}]`;
        });
        console.log(`${ok} ${item.id} ${item.expect?.slice(-4) ?? '-'} ${item.text.slice(0, 30)} | ${show.join(' || ')}`);
      }
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
