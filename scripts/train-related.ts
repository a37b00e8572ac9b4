/**
 * `npm run train:related`: fits the related-coverage ranker (lib/match/ranker.ts) on the
 * development set of real coverage and writes its weights to lib/match/related-model.json.
 * Thresholds are the ones that grade the held-out folds best; the figures printed are
 * cross-validated by story. Deterministic: the same data gives the same file.
 */
import { writeFile } from 'node:fs/promises';
import { breakdown, chooseThresholds, devLibrary, examplesOf, fitModel, grade, listed, outOfFold, readDevSet } from '../tests/eval/related-cv';

const MODEL = new URL('../lib/match/related-model.json', import.meta.url);

const passages = readDevSet();
if (passages.length === 0) {
  process.stderr.write('train:related: no development set in tests/fixtures/related/dev/\n');
  process.exit(2);
}
const library = await devLibrary();
const examples = await examplesOf(passages, library);
const heldOut = outOfFold(examples);
const thresholds = chooseThresholds(examples, heldOut);
const model = fitModel(examples, { relevant: thresholds.relevant, sameEvent: thresholds.sameEvent });
await writeFile(MODEL, `${JSON.stringify(model, null, 1)}\n`);
const correct = examples.map((e, i) => grade(e, listed(heldOut[i], thresholds.relevant, thresholds.sameEvent)));
console.log(`${passages.length} passages, ${library.stories.length} stories in the library; thresholds relevant ${thresholds.relevant}, same event ${thresholds.sameEvent} (tiers agree with labels for ${(thresholds.tierAgreement * 100).toFixed(0)}% of the stories listed first)`);
for (const row of breakdown(examples, correct)) console.log(`${row.group.padEnd(20)} ${row.right}/${row.n} = ${(row.right / row.n).toFixed(3)}`);
console.log(`wrote ${MODEL.pathname}`);
