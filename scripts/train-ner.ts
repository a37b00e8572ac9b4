/**
 * `npm run train:ner`: trains the entity tagger (lib/nlp/ner) — an averaged structured perceptron
 * over BIOES labels per character — on People's Daily's dev split and CLUENER's train split from
 * ../shared/train/ner, and writes public/nlp/ner.bin. CLUENER's validation split is never trained
 * on: it picks the number of epochs and how many features ship, and is reported. The People's
 * Daily test subset (../shared/eval/ner) is never read here.
 *
 * The two corpora label differently (CLUENER marks a whole address as one place, People's Daily
 * each place name), so every feature has a shared copy and a copy per corpus (Daumé's "frustratingly
 * easy" domain adaptation); the shipped weights are the shared copy plus People's Daily's, the
 * convention the product follows.
 *
 * The name lexicon (scripts/ner-lexicon.ts) is read jackknifed: the training sentences in five
 * parts, each reading the names of the other four, so that no sentence finds its own labels there
 * and the model learns what a match is worth on names it has not seen labelled; held-out text and
 * CLUENER's validation split read the lexicon of all the training sentences, as the product does.
 *
 * Deterministic: the corpora are shuffled with a fixed seed, and the same data gives the same file.
 *   --holdout   also hold out a fifth of People's Daily's dev split and report on it
 *   --fold K    which fifth (the sentences numbered K mod 5; default 4): a second fold checks a decision
 *   --epochs N  passes over the data (default 6)
 *   --keep N    features shipped, the weightiest (default 50000, which pays for the name lexicon in the zip; the lookup table has 65,536 slots, so
 *               not many more: serializeModel says when they do not fit); several (N,M) report each and write the last
 *   --mix M     how much of People's Daily's own copy the shipped weights add to the shared one (default 1);
 *               several (A,B) report each, as --keep does
 *   --out FILE  where to write the weights (default public/nlp/ner.bin) and, beside them, the name lexicon
 *               (FILE without .bin, then -lexicon.txt; by default public/nlp/lexicon.txt): experiments leave
 *               the shipped files be
 *   --lexicon K the name lexicon read (lib/nlp/ner/lexicon.ts): `general` the labelled names and the general
 *               places (default), `labelled` the labelled names only, `places` the general places only (the
 *               file holds no name), `none` no lexicon
 *   --lexicon-parts N  the jackknife's parts (default 5): each training sentence reads the names of the others
 *   --lexicon-read N   how many other parts it reads (default all the others): fewer, fewer of its names found
 *   --pd-repeat N  how many times each People's Daily sentence is learnt from per pass (default 1; 2 and 3
 *               raised two held-out fifths of People's Daily but lowered CLUENER's validation and put
 *               halves of names back among the seed stories' chips: not shipped, docs/quality.md)
 *   --margin M  cost-augmented learning: while training, every label but the gold one scores M more per
 *               character before decoding, so a right answer that wins by less than that still teaches
 *               (default 0, plain perceptron; 10 and 30 raised one held-out fifth and lowered another:
 *               not shipped, docs/quality.md)
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import * as jieba from 'jieba-wasm';
import { lexiconOf, teachCountryNames } from '../lib/nlp/analyzer';
import { nameLexicon, serializeLexiconNames } from '../lib/nlp/ner/lexicon';
import { generalPlaces as productPlaces } from '../lib/nlp/ner/read-lexicon';
import { jackknifedNames, labelledNames } from './ner-lexicon';
import { findEntitiesInText } from '../lib/nlp/entities';
import { ruleHints, tagSentence } from '../lib/nlp/ner/tagger';
import type { Token } from '../lib/nlp/entities';
import { nameKnowledge } from '../lib/nlp/knowledge';
import { parseNameModel } from '../lib/nlp/names';
import {
  type FeatureKnowledge,
  LONGEST_TITLE,
  nameClasses,
  saltFeature,
  sentenceFeatures,
  TEMPLATES,
  TRAINED_TEMPLATES,
  trainedFeatures,
} from '../lib/nlp/ner/features';
import { emit, END_ROW, KEY_MASK, LABELS, labelSpans, parseModel, serializeModel, spansOf, TRANSITIONS, viterbi, type NerModel } from '../lib/nlp/ner/model';
import { readBio, readCluener, trainingDataAvailable, TRAIN_FILES, type NerSentence } from '../tests/eval/ner-data';
import { seededRandom } from './seeded-random';

const { values } = parseArgs({
  options: {
    holdout: { type: 'boolean' },
    errors: { type: 'boolean' },
    epochs: { type: 'string' },
    keep: { type: 'string' },
    out: { type: 'string' },
    fold: { type: 'string' },
    mix: { type: 'string' },
    'pd-repeat': { type: 'string' },
    margin: { type: 'string' },
    lexicon: { type: 'string' },
    'lexicon-parts': { type: 'string' },
    'lexicon-read': { type: 'string' },
  },
});
const OUTPUT = values.out ? new URL(values.out, `file://${process.cwd()}/`) : new URL('../public/nlp/ner.bin', import.meta.url);
const LEXICON_OUTPUT = values.out
  ? new URL(`${values.out.replace(/\.bin$/, '')}-lexicon.txt`, `file://${process.cwd()}/`)
  : new URL('../public/nlp/lexicon.txt', import.meta.url);
const LEXICON = values.lexicon ?? 'general';
const PARTS = Number(values['lexicon-parts'] ?? 5);
const READ = Number(values['lexicon-read'] ?? PARTS - 1);
if (!['general', 'labelled', 'places', 'none'].includes(LEXICON)) throw new Error(`train:ner: --lexicon ${LEXICON}: general, labelled, places or none`);
const EPOCHS = Number(values.epochs ?? 6);
const KEEP = (values.keep ?? '50000').split(',').map(Number);
const MIX = (values.mix ?? '1').split(',').map(Number);
const PD_REPEAT = Number(values['pd-repeat'] ?? 1);
const MARGIN = Number(values.margin ?? 0);

const CORPUS = { peoplesDaily: 0x5044, cluener: 0x434c } as const;
type Corpus = keyof typeof CORPUS;
/** The weight table's rows: a feature's hash's low bits, the key the shipped file knows it by. */
const MASK = KEY_MASK;
const KIND = { PER: 0, LOC: 1, ORG: 2 } as const;

interface Example {
  n: number;
  /** n × TRAINED_TEMPLATES shared features, then n × TRAINED_TEMPLATES of the corpus's own copy. */
  features: Int32Array;
  /** The features as the tagger reads them (`sentenceFeatures`: n × TEMPLATES, the groups as codes). */
  lookups: Int32Array;
  gold: Uint8Array;
  corpus: Corpus;
  sentence: NerSentence;
  tokens: Token[];
  hints: Uint8Array;
}

/** NFKC per character where it keeps one character, so gold offsets still hold. */
const fold = (text: string) => Array.from(text, (c) => (c.length === 1 && c.normalize('NFKC').length === 1 ? c.normalize('NFKC') : c)).join('');

/** CLUENER's positions (市长, 董事长, 记者): the titles a name stands beside. */
const titles = new Set(
  readCluener(TRAIN_FILES.cluenerTrain, ['position'])
    .flatMap((s) => s.entities.map((e) => e.text))
    .filter((t) => t.length >= 2 && t.length <= LONGEST_TITLE && !/\s/.test(t)),
);
const names = parseNameModel(await readFile(new URL('../public/nlp/names.txt', import.meta.url), 'utf8'));
const knowledge = { ...nameKnowledge(), nameClass: nameClasses(names), titles };
teachCountryNames(jieba, knowledge);
const lexicon = lexiconOf(jieba);

/** The general places (lib/nlp/ner/lexicon.ts): China's divisions, the countries and regions. */
const generalPlaces = LEXICON === 'general' || LEXICON === 'places' ? productPlaces() : [];
/** The knowledge the features read with the lexicon of `labelled` names. */
const withLexicon = (labelled: Map<string, number>): FeatureKnowledge =>
  LEXICON === 'none' ? knowledge : { ...knowledge, lexicon: nameLexicon(LEXICON === 'places' ? new Map() : labelled, generalPlaces) };

/** `sentence` with its text folded (`fold`). */
const folded = (sentence: NerSentence): NerSentence => ({ ...sentence, text: fold(sentence.text) });

function example(sentence: NerSentence, corpus: Corpus, k: FeatureKnowledge): Example {
  const { text } = sentence;
  const tokens = jieba.tag(text, true);
  const hints = ruleHints(text, findEntitiesInText([text], [tokens], knowledge, lexicon, names)[0].mentions);
  const lookups = sentenceFeatures(text, tokens, k, hints);
  const shared = trainedFeatures(lookups, text.length);
  const own = trainedFeatures(sentenceFeatures(text, tokens, k, hints, CORPUS[corpus]), text.length, CORPUS[corpus]);
  const features = new Int32Array(shared.length * 2);
  features.set(shared);
  features.set(own, shared.length);
  const gold = labelSpans(
    text.length,
    sentence.entities.map((e) => ({ kind: KIND[e.type], start: e.start, end: e.end })),
  );
  return { n: text.length, features, lookups, gold, corpus, sentence, tokens, hints };
}

class Perceptron {
  weights = new Float32Array((MASK + 1) * LABELS);
  /** Σ step × update, for the average: w̄ = w − totals / steps. */
  totals = new Float64Array((MASK + 1) * LABELS);
  transitions = new Float64Array(TRANSITIONS);
  transitionTotals = new Float64Array(TRANSITIONS);
  steps = 1;
  private emissions = new Float32Array(0);

  /** Label scores per character from the shared features and the example's corpus copy. */
  scores(e: Example, averaged: boolean): Float32Array {
    if (this.emissions.length < e.n * LABELS) this.emissions = new Float32Array(e.n * LABELS * 2);
    const out = this.emissions;
    out.fill(0, 0, e.n * LABELS);
    for (let i = 0; i < e.n; i++) {
      for (let f = 0; f < 2 * TRAINED_TEMPLATES; f++) {
        const at = f < TRAINED_TEMPLATES ? i * TRAINED_TEMPLATES + f : e.n * TRAINED_TEMPLATES + i * TRAINED_TEMPLATES + f - TRAINED_TEMPLATES;
        const base = (e.features[at] & MASK) * LABELS;
        for (let y = 0; y < LABELS; y++) out[i * LABELS + y] += averaged ? this.weights[base + y] - this.totals[base + y] / this.steps : this.weights[base + y];
      }
    }
    return out;
  }

  averagedTransitions(): Float64Array {
    return this.transitions.map((w, i) => w - this.transitionTotals[i] / this.steps);
  }

  /** The best labels for `e`; with a `margin`, every label but the gold one scores that much more (cost-augmented learning). */
  decode(e: Example, averaged = false, margin = 0): Uint8Array {
    const labels = new Uint8Array(e.n);
    const emissions = this.scores(e, averaged);
    if (margin) for (let i = 0; i < e.n; i++) for (let y = 0; y < LABELS; y++) if (y !== e.gold[i]) emissions[i * LABELS + y] += margin;
    viterbi(emissions, e.n, averaged ? this.averagedTransitions() : this.transitions, labels);
    return labels;
  }

  learn(e: Example): void {
    const gold = e.gold;
    const guess = this.decode(e, false, MARGIN);
    const update = (label: number, i: number, delta: number) => {
      for (let f = 0; f < 2 * TRAINED_TEMPLATES; f++) {
        const at = f < TRAINED_TEMPLATES ? i * TRAINED_TEMPLATES + f : e.n * TRAINED_TEMPLATES + i * TRAINED_TEMPLATES + f - TRAINED_TEMPLATES;
        const index = (e.features[at] & MASK) * LABELS + label;
        this.weights[index] += delta;
        this.totals[index] += delta * this.steps;
      }
    };
    const move = (index: number, delta: number) => {
      this.transitions[index] += delta;
      this.transitionTotals[index] += delta * this.steps;
    };
    for (let i = 0; i <= e.n; i++) {
      const goldPair = i === e.n ? END_ROW + gold[i - 1] : (i ? gold[i - 1] + 1 : 0) * LABELS + gold[i];
      const guessPair = i === e.n ? END_ROW + guess[i - 1] : (i ? guess[i - 1] + 1 : 0) * LABELS + guess[i];
      if (goldPair !== guessPair) {
        move(goldPair, 1);
        move(guessPair, -1);
      }
      if (i < e.n && gold[i] !== guess[i]) {
        update(gold[i], i, 1);
        update(guess[i], i, -1);
      }
    }
    this.steps++;
  }

  /**
   * The shipped weights: per shared feature, its averaged weights plus People's Daily's copy,
   * the `keep` weightiest features (by their largest weight).
   */
  export(examples: Example[], keep: number, mix: number): { weights: Map<number, Float32Array>; transitions: Float32Array; scale: number } {
    const shared = new Set<number>();
    for (const e of examples) for (let i = 0; i < e.n * TRAINED_TEMPLATES; i++) shared.add(e.features[i]);
    const rows: Array<[number, Float32Array, number]> = [];
    const averaged = (index: number) => this.weights[index] - this.totals[index] / this.steps;
    for (const hash of shared) {
      const salted = saltFeature(hash, CORPUS.peoplesDaily);
      const row = new Float32Array(LABELS);
      let largest = 0;
      for (let y = 0; y < LABELS; y++) {
        row[y] = averaged((hash & MASK) * LABELS + y) + mix * averaged((salted & MASK) * LABELS + y);
        largest = Math.max(largest, Math.abs(row[y]));
      }
      if (largest > 0) rows.push([hash, row, largest]);
    }
    rows.sort((a, b) => b[2] - a[2] || a[0] - b[0]);
    const kept: typeof rows = [];
    const keys = new Set<number>();
    for (const [hash, row, largest] of rows) {
      if (kept.length === keep) break;
      if (keys.has(hash & MASK)) continue;
      keys.add(hash & MASK);
      kept.push([hash & MASK, row, largest]);
    }
    const scale = kept.reduce((largest, [, , weight]) => Math.max(largest, weight), 0) || 1;
    return { weights: new Map(kept.map(([hash, row]) => [hash, row])), transitions: Float32Array.from(this.averagedTransitions()), scale };
  }
}

interface Figures {
  tp: number;
  fp: number;
  fn: number;
}
const f1 = ({ tp, fp, fn }: Figures) => (2 * tp) / (2 * tp + fp + fn || 1);

/** Mention-level figures (type, start, end) of a decoder over examples. */
function score(examples: Example[], decode: (e: Example) => Uint8Array): Figures {
  const figures = { tp: 0, fp: 0, fn: 0 };
  for (const e of examples) {
    const gold = new Set(spansOf(e.gold).map((s) => `${s.type}@${s.start}-${s.end}`));
    const found = spansOf(decode(e)).map((s) => `${s.type}@${s.start}-${s.end}`);
    for (const s of found)
      if (gold.delete(s)) figures.tp++;
      else figures.fp++;
    figures.fn += gold.size;
  }
  return figures;
}

/** The product's tagging of each example (lib/nlp/ner/tagger.ts), scored as (type, name) per sentence. */
function productScore(examples: Example[], model: NerModel, k: FeatureKnowledge): Figures {
  const figures = { tp: 0, fp: 0, fn: 0 };
  const type = { PER: 'person', LOC: 'place', ORG: 'org' } as const;
  for (const e of examples) {
    const gold = e.sentence.entities.map((g) => `${type[g.type]}|${g.text}`);
    for (const m of tagSentence(e.sentence.text, e.tokens, model, k, e.hints, lexicon).mentions) {
      const at = gold.indexOf(`${m.type}|${m.text}`);
      if (at >= 0) {
        figures.tp++;
        gold.splice(at, 1);
      } else figures.fp++;
    }
    figures.fn += gold.length;
  }
  return figures;
}

/** Decodes with shipped weights, reading each example's features as the tagger does. */
const shipped = (model: NerModel) => {
  let emissions = new Int32Array(0);
  return (e: Example) => {
    if (emissions.length < e.n * LABELS) emissions = new Int32Array(e.n * LABELS * 2);
    emit(model, e.lookups, TEMPLATES, e.n, emissions);
    const labels = new Uint8Array(e.n);
    viterbi(emissions, e.n, model.transitions, labels);
    return labels;
  };
};

if (!trainingDataAvailable()) {
  process.stderr.write('train:ner: no training data under ../shared/train/ner (set TRAIN_DIR to its parent)\n');
  process.exit(2);
}
const started = performance.now();
const peoplesDailySentences = readBio(TRAIN_FILES.peoplesDaily).map(folded);
const FOLD = Number(values.fold ?? 4);
const pdSentences = values.holdout ? peoplesDailySentences.filter((_, i) => i % 5 !== FOLD) : peoplesDailySentences;
const cluenerSentences = readCluener(TRAIN_FILES.cluenerTrain).map(folded);
const trainingSentences = [...pdSentences, ...cluenerSentences];
const lexiconNames = LEXICON === 'places' ? new Map<string, number>() : labelledNames(trainingSentences);
const full = withLexicon(lexiconNames);
const parts = LEXICON === 'none' ? [] : jackknifedNames(trainingSentences, PARTS, READ).map(withLexicon);
const partOf = (i: number) => parts[i % PARTS] ?? knowledge;
const pd = pdSentences.map((s, i) => example(s, 'peoplesDaily', partOf(i)));
const cluener = cluenerSentences.map((s, j) => example(s, 'cluener', partOf(pdSentences.length + j)));
const validation = readCluener(TRAIN_FILES.cluenerDev).map((s) => example(folded(s), 'cluener', full));
const heldOut = values.holdout ? peoplesDailySentences.filter((_, i) => i % 5 === FOLD).map((s) => example(s, 'peoplesDaily', full)) : [];
const repeated = Array.from({ length: PD_REPEAT }, () => pd).flat();
const training = process.env.PD_ONLY ? repeated : [...repeated, ...cluener];
console.log(
  `${training.length} training sentences (${training.reduce((n, e) => n + e.n, 0)} characters), features in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const perceptron = new Perceptron();
const shuffle = seededRandom(20240522);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  const order = training.map((_, i) => [shuffle(), i] as const).sort((a, b) => a[0] - b[0]);
  for (const [, i] of order) perceptron.learn(training[i]);
  const report = [`epoch ${epoch}`];
  if (heldOut.length) report.push(`People's Daily held out F1 ${f1(score(heldOut, (e) => perceptron.decode(e, true))).toFixed(3)}`);
  report.push(`CLUENER validation F1 ${f1(score(validation, (e) => perceptron.decode(e, true))).toFixed(3)}`);
  console.log(`${report.join(', ')} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

const report = (name: string, set: Example[], decode: (e: Example) => Uint8Array) => {
  const all = score(set, decode);
  console.log(`${name}: F1 ${f1(all).toFixed(3)} (tp ${all.tp}, fp ${all.fp}, fn ${all.fn})`);
};
let file: Uint8Array = new Uint8Array(0);
for (const keep of KEEP)
  for (const mix of MIX) {
    const { weights, transitions, scale } = perceptron.export(training, keep, mix);
    file = serializeModel(
      weights,
      transitions,
      [...titles].sort(),
      scale,
      `entity tagger: averaged perceptron, ${EPOCHS} epochs on People's Daily 1998 dev${PD_REPEAT > 1 ? ` (×${PD_REPEAT})` : ''} + CLUENER2020 train (npm run train:ner)`,
    );
    const decode = shipped(parseModel(file));
    console.log(
      `${weights.size} features, People's Daily's copy × ${mix}, ${file.length} bytes, ${deflateRawSync(file, { level: 9 }).length} deflated (as in the zip)`,
    );
    if (heldOut.length) report("  People's Daily held out", heldOut, decode);
    if (heldOut.length) {
      // Four places and the counts: a pass after the model moves the figure by a name or two.
      const product = productScore(heldOut, parseModel(file), full);
      console.log(`  People's Daily held out, as the product tags: F1 ${f1(product).toFixed(4)} (tp ${product.tp}, fp ${product.fp}, fn ${product.fn})`);
    }
    if (values.errors)
      for (const e of heldOut.slice(0, 150)) {
        const show = (labels: Uint8Array) =>
          spansOf(labels)
            .map((s) => `${e.sentence.text.slice(s.start, s.end)}/${s.type[0]}`)
            .join(' ');
        const gold = show(e.gold);
        const found = show(decode(e));
        if (gold !== found) console.log(`gold: ${gold}\nfound: ${found}\n  ${e.sentence.text.slice(0, 120)}`);
      }
    report('  CLUENER validation', validation, decode);
  }
await writeFile(OUTPUT, file);
console.log(`wrote ${OUTPUT.pathname}`);
// Weights without a lexicon ship without one: the tagger then reads none.
if (LEXICON === 'none') await rm(LEXICON_OUTPUT, { force: true });
else {
  const lexiconFile = serializeLexiconNames(
    lexiconNames,
    `name lexicon: the names labelled in People's Daily 1998 dev + CLUENER2020 train, by kind (npm run train:ner)`,
  );
  await writeFile(LEXICON_OUTPUT, lexiconFile);
  console.log(
    `${lexiconNames.size} names, ${lexiconFile.length} characters, ${deflateRawSync(lexiconFile, { level: 9 }).length} bytes deflated; wrote ${LEXICON_OUTPUT.pathname}`,
  );
}
