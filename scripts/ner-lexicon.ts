/**
 * The name lexicon's names, from labelled sentences (scripts/train-ner.ts): a name is kept for a
 * kind if labelled so twice, or if three characters or longer; and only if labelled (as any kind)
 * in at least half the places its text occurs, so that 中央, 中心 and 代表团, labelled now and then
 * and mostly written inside a longer name or as no name, stay out.
 */
import { buildLexicon, namesAt } from '../lib/nlp/ner/lexicon';

export interface LabelledSentence {
  text: string;
  entities: ReadonlyArray<{ type: 'PER' | 'LOC' | 'ORG'; start: number; end: number }>;
}

/** A kind's place in the counts and its bit in the mask (1 << place). */
const KIND = { PER: 0, LOC: 1, ORG: 2 } as const;
/** The share of a name's occurrences that must be labelled. */
const MIN_SHARE = 0.5;
/** Longer labels are CLUENER's whole addresses, which no other text repeats. */
const LONGEST = 12;

/** The names labelled in `sentences`, each to the mask of its kinds (person 1, place 2, organisation 4). */
export function labelledNames(sentences: readonly LabelledSentence[]): Map<string, number> {
  const counts = new Map<string, [number, number, number]>();
  const labelled = new Map<string, number>();
  for (const { text, entities } of sentences)
    for (const e of entities) {
      const name = text.slice(e.start, e.end);
      if (name.length < 2 || name.length > LONGEST || /\s/.test(name)) continue;
      const byKind = counts.get(name) ?? [0, 0, 0];
      byKind[KIND[e.type]]++;
      counts.set(name, byKind);
      labelled.set(name, (labelled.get(name) ?? 0) + 1);
    }
  const candidates = buildLexicon([...counts.keys()].map((name) => [name, 1] as const));
  const occurrences = new Map<string, number>();
  for (const { text } of sentences)
    for (let start = 0; start < text.length; start++)
      for (const [name] of namesAt(candidates, text, start)) occurrences.set(name, (occurrences.get(name) ?? 0) + 1);
  const names = new Map<string, number>();
  for (const [name, byKind] of counts) {
    if (labelled.get(name)! < MIN_SHARE * (occurrences.get(name) ?? 0)) continue;
    const mask = byKind.reduce((bits, count, k) => (count >= 2 || (count && name.length >= 3) ? bits | (1 << k) : bits), 0);
    if (mask) names.set(name, mask);
  }
  return names;
}

/**
 * Per part of the jackknife, the names of the sentences of `read` other parts, those after it (sentence
 * i is in part i mod `parts`; by default every other part): no sentence reads a lexicon built from
 * its own labels, and with fewer parts read the training sentences find fewer of their names in it.
 */
export function jackknifedNames(sentences: readonly LabelledSentence[], parts: number, read = parts - 1): Map<string, number>[] {
  const reads = (part: number, i: number) => {
    const after = (i - part + parts) % parts;
    return after >= 1 && after <= read;
  };
  return Array.from({ length: parts }, (_, part) => labelledNames(sentences.filter((_, i) => reads(part, i % parts))));
}
