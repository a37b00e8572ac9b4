/**
 * `npm run eval:related`: related coverage on a development set built from material the project
 * may use.
 *   positives  the lead and single sentences (≥ 15 Chinese characters) of each stored story: that
 *              story must come first;
 *   negatives  People's Daily sentences (../shared/eval/ner, 1998: nothing about 2024 Zhuzhou):
 *              anything listed is a false alarm (skipped when the data is absent);
 *   passages   tests/fixtures/related/passages.jsonl, written for this project: same-event
 *              coverage in simplified, traditional and English, and near misses of each kind.
 * First, and what counts: the development set of real coverage (tests/eval/related-cv.ts),
 * cross-validated by story, beside plain BM25, and the same against smaller libraries (a fresh
 * install's ten stories; half the distractors). `--wrong` lists the written sets' misses; `--misses`
 * (or `--misses=related`, one label) the development set's cross-validated misses and why.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Story } from '../../lib/story';
import type { RelatedStory } from '../../lib/match/rank';
import type { RankerModel, Thresholds } from '../../lib/match/ranker';
import { EVAL_DIR, nerDataAvailable, readNerSentences } from './ner-data';
import {
  bm25Baseline,
  breakdown,
  chooseThresholds,
  DEAL,
  type DevPassage,
  devLibrary,
  fitModel,
  FOLDS,
  foldModels,
  grade,
  gradeByFold,
  heldOutPredictions,
  heldOutThresholds,
  LABELS,
  listed,
  predictSilent,
  readDevSet,
  readPassages,
  smallerLibraries,
  type Example,
  type Passage,
  type Prediction,
  type SilentCase,
  trainingExamples,
} from './related-cv';

export { readPassages, type Passage } from './related-cv';

/** The lead (first paragraph) and each sentence of at least 15 Chinese characters. */
export function storyQueries(story: Story): Passage[] {
  const sentences = story.paragraphs.flatMap((p) => p.split(/(?<=[。！？!?])/)).filter((s) => (s.match(/\p{Script=Han}/gu)?.length ?? 0) >= 15);
  return [
    { id: `${story.id}#lead`, kind: 'lead', expect: story.id, text: story.paragraphs[0] },
    ...sentences.map((text, i) => ({ id: `${story.id}#${i}`, kind: 'sentence', expect: story.id, text })),
  ];
}

/** The seed library alone, as a fresh install holds it. */
export async function relatedSetup() {
  const { stories, finder } = await devLibrary({ distractors: [] });
  return { stories, finder, find: finder.related };
}

/** Right: the expected story listed first, or nothing listed for a negative. */
export function judge(expect: string | null, listed: RelatedStory[]): boolean {
  return expect === null ? listed.length === 0 : listed[0]?.id === expect;
}

const percent = (right: number, n: number) => `${((right / n) * 100).toFixed(1)}%`;

/**
 * Why a passage graded wrong under its held-out predictions is wrong: its story never reached the
 * candidates (candidate generation, rank.ts), came first by relevance but under its line, or was
 * outranked by another story (listed first, or only ranked above it with nothing listed).
 */
export function missKind(example: Example, predictions: Prediction[], list: Array<{ id: string }>): string {
  const byRelevance = [...predictions].sort((a, b) => b.relevance - a.relevance);
  const at = byRelevance.findIndex((p) => example.wanted.has(p.id));
  if (example.passage.label === 'near_miss' || (example.passage.label === 'weak' && list.length > 0)) return 'listed';
  if (at < 0) return 'not a candidate';
  if (list.length > 0 && !example.wanted.has(list[0].id)) return at === 0 ? 'first by relevance, another listed first (tier)' : 'outranked, another listed';
  if (at === 0) return list.length > 0 ? 'listed in the wrong tier' : 'first by relevance, under the line';
  return 'outranked, nothing listed';
}

/** Each wrong passage of a label (all labels for `true`), why, and its story's held-out scores. */
function printMisses(examples: Example[], heldOut: Prediction[][], thresholds: Thresholds, correct: boolean[], label: string | true): void {
  const kinds = new Map<string, number>();
  examples.forEach((e, i) => {
    if (correct[i] || (label !== true && e.passage.label !== label)) return;
    const list = listed(heldOut[i], thresholds);
    const kind = missKind(e, heldOut[i], list);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const wanted = heldOut[i].find((p) => e.wanted.has(p.id));
    const first = list[0] ? `${list[0].id} (${list[0].tier})` : 'nothing';
    const scores = wanted ? `relevance ${wanted.relevance.toFixed(3)}, same ${wanted.same.toFixed(2)}` : 'no scores';
    console.log(`    ✗ ${e.passage.id} [${e.passage.label}, ${e.passage.lang}] ${kind}: its story ${scores}; listed first ${first}`);
  });
  console.log(`  misses by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join('; ')}\n`);
}

/**
 * RELATED_MODELS=FILE: the fold models and lines are read from FILE when it exists, else fitted
 * and written there. Run once on the code before a change and once after, each deal with its own
 * file: the second run judges the changed reading with the very models the first fitted, so a
 * change that reads a few passages otherwise moves only those (a refit moves rows by up to a point
 * on its own).
 */
const MODELS_FILE = process.env.RELATED_MODELS;

interface Fit {
  models: RankerModel[];
  thresholds: Thresholds;
  foldThresholds: Thresholds[];
}

/** What a kept fit must have been made for: the same deal of the same passages. */
const fitFor = (passages: DevPassage[]) => ({ deal: DEAL, passages: passages.map((p) => p.id).join(' ') });

function keptFit(passages: DevPassage[]): Fit | undefined {
  if (!MODELS_FILE || !existsSync(MODELS_FILE)) return undefined;
  const { deal, passages: ids, ...fit } = JSON.parse(readFileSync(MODELS_FILE, 'utf8')) as Fit & ReturnType<typeof fitFor>;
  const wanted = fitFor(passages);
  if (deal !== wanted.deal || ids !== wanted.passages) {
    throw new Error(`${MODELS_FILE} was fitted for another deal (its deal: '${deal}') or other passages: remove it, or run with its deal (RELATED_DEAL)`);
  }
  return fit;
}

function fitFolds(examples: Example[], seedOnly: Example[], silent: SilentCase[]): Fit {
  const models = foldModels([...examples, ...seedOnly]);
  const heldOut = heldOutPredictions(models, examples);
  // The lines keep the seed library's must-stay-silent near misses silent under the model fitted on everything, as training chooses them.
  const mustBeSilent = predictSilent(fitModel([...examples, ...seedOnly]), silent);
  return { models, thresholds: chooseThresholds(examples, heldOut, mustBeSilent), foldThresholds: heldOutThresholds(examples, heldOut, mustBeSilent) };
}

/** The development set of real coverage, cross-validated by story, and plain BM25 on the same set. */
async function developmentSet(misses?: string | true): Promise<void> {
  const passages = readDevSet();
  if (passages.length === 0) {
    console.log('(development set skipped: no tests/fixtures/related/dev/*.jsonl)\n');
    return;
  }
  const { library, examples, seedOnly, silent } = await trainingExamples(passages);
  const kept = keptFit(passages);
  const { models, thresholds, foldThresholds } = kept ?? fitFolds(examples, seedOnly, silent);
  if (MODELS_FILE && !kept) writeFileSync(MODELS_FILE, JSON.stringify({ ...fitFor(passages), models, thresholds, foldThresholds }));
  const heldOut = heldOutPredictions(models, examples);
  const ours = examples.map((e, i) => grade(e, listed(heldOut[i], thresholds)));
  const strictCorrect = gradeByFold(examples, heldOut, foldThresholds);
  const strict = new Map(breakdown(examples, strictCorrect).map((r) => [r.group, r]));
  const bm25 = bm25Baseline(examples, library.stories);
  const theirs = new Map(breakdown(examples, bm25.correct).map((r) => [r.group, r]));
  console.log(`development set of real coverage: ${passages.length} passages, library of ${library.stories.length} stories (seed + distractors)`);
  if (MODELS_FILE)
    console.log(
      kept ? `fold models and lines read from ${MODELS_FILE} (fitted by an earlier run): a paired measure` : `fold models and lines written to ${MODELS_FILE}`,
    );
  console.log(
    `cross-validated by story (${FOLDS} folds${DEAL ? `, deal ${DEAL}` : ''}); thresholds chosen on the held-out folds: same event from ${thresholds.tier}, listed from ${thresholds.sameEvent} (same event) and ${thresholds.background} (background)\n`,
  );
  console.log(`| group | n | ranker (cross-validated) | thresholds held out too | plain BM25 (best threshold ${bm25.threshold}) |`);
  console.log('|---|---|---|---|---|');
  for (const row of breakdown(examples, ours)) {
    const base = theirs.get(row.group)!;
    const held = strict.get(row.group)!;
    console.log(`| ${row.group} | ${row.n} | ${percent(row.right, row.n)} | ${percent(held.right, held.n)} | ${percent(base.right, base.n)} |`);
  }
  console.log('');
  await librarySizes(passages, { examples, ours, strict: strictCorrect }, models, thresholds, foldThresholds);
  if (misses === undefined) return;
  // Each language by label: a language's misses are reading, a label's are ranking.
  const byLanguage = breakdown(
    examples.map((e) => ({ ...e, passage: { ...e.passage, lang: `${e.passage.lang} · ${e.passage.label}` } })),
    ours,
  ).filter((r) => r.group.startsWith('lang '));
  for (const row of byLanguage.sort((a, b) => a.group.localeCompare(b.group))) console.log(`| ${row.group} | ${row.n} | ${percent(row.right, row.n)} |`);
  printMisses(examples, heldOut, thresholds, ours, misses);
}

/**
 * The same fold models and lines on the passages a smaller library can judge, against it (a fresh
 * install's ten stories; half the distractors), beside the same passages against the full
 * library: a feature whose scale follows the library's size shows here as a drop.
 */
async function librarySizes(
  passages: DevPassage[],
  full: { examples: Example[]; ours: boolean[]; strict: boolean[] },
  models: RankerModel[],
  thresholds: Thresholds,
  foldThresholds: Thresholds[],
): Promise<void> {
  const byId = new Map(full.examples.map((e, i) => [e.passage.id, i]));
  console.log(`smaller libraries: the same fold models and lines, on the passages each library can judge (near misses, and those whose stories it holds)\n`);
  console.log('| library | group | n | full library, cross-validated | held out too | this library, cross-validated | held out too |');
  console.log('|---|---|---|---|---|---|---|');
  for (const condition of await smallerLibraries(passages)) {
    const { examples } = condition;
    const predictions = heldOutPredictions(models, examples);
    const same = examples.map((e) => byId.get(e.passage.id)!);
    const columns = [
      same.map((i) => full.ours[i]),
      same.map((i) => full.strict[i]),
      examples.map((e, i) => grade(e, listed(predictions[i], thresholds))),
      gradeByFold(examples, predictions, foldThresholds),
    ].map((correct) => new Map(breakdown(examples, correct).map((r) => [r.group, r])));
    for (const group of ['all', ...LABELS.map((l) => `label ${l}`)]) {
      const cells = columns.map((c) => c.get(group)).filter((r) => r !== undefined);
      if (cells.length === 0) continue;
      console.log(`| ${condition.name} (${condition.stories} stories) | ${group} | ${cells[0].n} | ${cells.map((r) => percent(r.right, r.n)).join(' | ')} |`);
    }
  }
  console.log('');
}

async function main() {
  const args = new Set(process.argv.slice(2));
  // --misses lists every cross-validated miss of the development set, --misses=related those of one label.
  const misses = process.argv.slice(2).find((a) => a.startsWith('--misses'));
  await developmentSet(misses === undefined ? undefined : misses.includes('=') ? misses.split('=')[1] : true);
  const { stories, find } = await relatedSetup();
  const sets: Array<{ name: string; items: Passage[] }> = [
    { name: 'seed leads and sentences: story first', items: stories.flatMap(storyQueries) },
    { name: 'written passages, same event: story first', items: readPassages().filter((p) => p.expect) },
    { name: 'written passages, near misses: nothing listed', items: readPassages().filter((p) => !p.expect) },
  ];
  if (nerDataAvailable()) {
    sets.push({
      name: "People's Daily sentences: nothing listed",
      items: readNerSentences().map((s, i) => ({ id: `pd${i}`, kind: 'negative', expect: null, text: s.text })),
    });
  } else {
    console.log(`(People's Daily negatives skipped: no data under ${EVAL_DIR})`);
  }
  console.log('the shipped model on the seed library alone (sets written by the project, not held out):\n');
  console.log('| set | n | right |');
  console.log('|---|---|---|');
  for (const set of sets) {
    const wrong: string[] = [];
    let right = 0;
    for (const item of set.items) {
      const { related } = await find(item.text);
      if (judge(item.expect, related)) right++;
      else wrong.push(`${item.id} ${item.text.slice(0, 40)} → ${related.map((r) => `${r.title.slice(0, 12)} ${r.score} ${r.tier}`).join(' | ') || 'nothing'}`);
    }
    console.log(`| ${set.name} | ${set.items.length} | ${percent(right, set.items.length)} |`);
    if (args.has('--wrong')) for (const line of wrong) console.log(`    ✗ ${line}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
