/**
 * `npm run train:related`: fits the related-coverage ranker (lib/match/ranker.ts) on the
 * development set of real coverage and writes its trees and weights to lib/match/related-model.json.
 * Thresholds are the ones that grade the held-out folds best; the figures printed are
 * cross-validated by story. Deterministic: the same data gives the same file.
 */
import { writeFile } from 'node:fs/promises';
import { breakdown, chooseThresholds, fitModel, grade, listed, outOfFold, predictSilent, readDevSet, trainingExamples } from '../tests/eval/related-cv';

const MODEL = new URL('../lib/match/related-model.json', import.meta.url);

const passages = readDevSet();
if (passages.length === 0) {
  process.stderr.write('train:related: no development set in tests/fixtures/related/dev/\n');
  process.exit(2);
}
const { library, examples, seedOnly, silent } = await trainingExamples(passages);
const heldOut = outOfFold(examples, seedOnly);
const fitted = fitModel([...examples, ...seedOnly]);
const thresholds = chooseThresholds(examples, heldOut, predictSilent(fitted, silent));
const model = { ...fitted, thresholds: { tier: thresholds.tier, sameEvent: thresholds.sameEvent, background: thresholds.background } };
// One line a tree: 300 trees laid out a node a line would bury the rest of the file.
const { trees, ...boosting } = model.relevant;
const layout = JSON.stringify({ ...model, relevant: { ...boosting, trees: [] } }, null, 1).replace(
  '"trees": []',
  `"trees": [\n${trees.map((tree) => `   ${JSON.stringify(tree)}`).join(',\n')}\n  ]`,
);
await writeFile(MODEL, `${layout}\n`);
const correct = examples.map((e, i) => grade(e, listed(heldOut[i], thresholds)));
console.log(
  `${passages.length} passages, ${library.stories.length} stories in the library; thresholds: same event from ${thresholds.tier}, listed from ${thresholds.sameEvent} as the same event and from ${thresholds.background} as background (tiers agree with labels for ${(thresholds.tierAgreement * 100).toFixed(0)}% of the stories listed first)`,
);
for (const row of breakdown(examples, correct)) console.log(`${row.group.padEnd(20)} ${row.right}/${row.n} = ${(row.right / row.n).toFixed(3)}`);
console.log(`wrote ${MODEL.pathname}`);
