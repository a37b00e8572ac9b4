/**
 * The entity tagger's own cost in Node, on 1 M characters of the seed stories already tagged by
 * jieba: the hand-written rules (whose labels the model reads) and the model (features, Viterbi,
 * clean-up), each as M characters a second, beside jieba-wasm's tag throughput in the same run.
 */
import * as jieba from 'jieba-wasm';
import { lexiconOf, teachCountryNames } from '../../lib/nlp/analyzer';
import { findEntitiesInText } from '../../lib/nlp/entities';
import { nameKnowledge } from '../../lib/nlp/knowledge';
import { parseNameModel } from '../../lib/nlp/names';
import { nameClasses } from '../../lib/nlp/ner/features';
import { parseModel } from '../../lib/nlp/ner/model';
import { ruleHints, tagSentence } from '../../lib/nlp/ner/tagger';
import { analysisChunks } from '../../lib/nlp/segmenter';
import { readPublic, readPublicBytes } from '../../scripts/public-files';
import type { Row } from './stats';

export async function entityRows(text: string, runs: number): Promise<Row[]> {
  const [model, names] = await Promise.all([readPublicBytes('nlp/ner.bin').then(parseModel), readPublic('nlp/names.txt').then(parseNameModel)]);
  const knowledge = { ...nameKnowledge(), nameClass: nameClasses(names), titles: model.titles };
  teachCountryNames(jieba, knowledge);
  const lexicon = lexiconOf(jieba);
  const chunks = [...analysisChunks(text)];
  const rate = (work: () => void) => {
    const start = performance.now();
    work();
    return text.length / (performance.now() - start) / 1000;
  };
  let tokens: ReturnType<typeof jieba.tag>[] = [];
  let hints: Uint8Array[] = [];
  const tag: number[] = [];
  const rules: number[] = [];
  const tagger: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const t = rate(() => (tokens = chunks.map((c) => jieba.tag(c, true))));
    const r = rate(() => {
      const found = findEntitiesInText(chunks, tokens, knowledge, lexicon, names);
      hints = chunks.map((c, i) => ruleHints(c, found[i].mentions));
    });
    const m = rate(() => {
      for (const [i, c] of chunks.entries()) tagSentence(c, tokens[i], model, knowledge, hints[i], lexicon);
    });
    // The first run warms the JIT and jieba's caches.
    if (run === 0) continue;
    tag.push(t);
    rules.push(r);
    tagger.push(m);
  }
  return [
    { measure: 'Node: jieba-wasm tag, same run', runs, values: tag, unit: 'M chars/s' },
    { measure: 'Node: entity rules (their labels feed the model)', runs, values: rules, unit: 'M chars/s' },
    { measure: 'Node: entity model (features + Viterbi + clean-up)', runs, values: tagger, unit: 'M chars/s' },
  ];
}
