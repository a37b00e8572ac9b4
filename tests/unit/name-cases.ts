import { expect } from 'vitest';
import type { Analyzer } from '../../lib/nlp/analyzer';

/** A sentence, the names (`type:text`) a careful reader marks in it, and what must not be listed. */
export type NameCase = [text: string, names: string[], junk: string[]];

/** The analyzer's mentions of a text, each as `type:text`. */
export const typedMentions = (analyzer: Analyzer) => async (text: string) => (await analyzer.mentions(text)).map((m) => `${m.type}:${m.text}`);

/** Asserts each case: its names all found, none of its junk. */
export async function expectNameCases(analyzer: Analyzer, cases: readonly NameCase[]): Promise<void> {
  const mentions = typedMentions(analyzer);
  for (const [text, names, junk] of cases) {
    const found = await mentions(text);
    expect(found, text).toEqual(expect.arrayContaining(names));
    for (const name of junk) expect(found, text).not.toContain(name);
  }
}
