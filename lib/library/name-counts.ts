/**
 * How many stored stories teach each of the library's names. A name leaves the names the analyzer
 * learns at every wake with the last story that taught it: one the reader removed, one a source
 * took away, one analysed again by a build that no longer reads it as a name.
 */
import { addNames, type LibraryKnowledge, namesTaught } from '../nlp/analyzer';
import { ownValue, setOwn } from '../nlp/own-keys';
import { type Story, UNCHECKED_ANALYSIS } from '../story';

/** Name → how many indexed stories with a checked analysis teach it. */
export type NameCounts = Record<string, number>;

/** Counts `taught` once more (`by` 1) or once less (−1), in place; a name no story teaches any more leaves `names`. */
export function countNames(names: LibraryKnowledge['names'], counts: NameCounts, taught: readonly string[], by: 1 | -1): void {
  for (const name of taught) {
    const was = ownValue(counts, name);
    const count = (Number.isFinite(was) ? was! : 0) + by;
    if (count > 0) {
      setOwn(counts, name, count);
      continue;
    }
    delete counts[name];
    delete names[name];
  }
}

/**
 * Teaches `names` the names and short names of an indexed story's analysis, counted in `counts`
 * (in place); an unchecked analysis teaches none. The names taught, for the story's doc to keep.
 */
export function teachNames(names: LibraryKnowledge['names'], counts: NameCounts, analysis: Story['analysis']): string[] {
  const taught = analysis && analysis.version !== UNCHECKED_ANALYSIS ? namesTaught(analysis) : [];
  addNames(names, taught);
  const taughtNames = taught.map(([name]) => name);
  countNames(names, counts, taughtNames, 1);
  return taughtNames;
}

/** The names that no story is counted as teaching: left by stories stored before the counts. */
export function uncountedNames(names: LibraryKnowledge['names'], counts: NameCounts): string[] {
  return Object.keys(names).filter((name) => !Number.isFinite(ownValue(counts, name)));
}
