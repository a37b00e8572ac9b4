/**
 * How much a word looks like a personal name, from the naive-Bayes model in public/nlp/names.txt
 * (see scripts/make-nlp-data.ts).
 */
export interface NameModel {
  /** A Chinese name: the prior plus the log-odds of its first character as a surname and of each following character as part of a given name. */
  chinese(word: string): number;
  /** How much more often a character is written in Chinese given names than in ordinary words, as log-odds; 0 when unknown. */
  given(char: string): number;
  /** How much more often a character is written in transliterated foreign names (斯, 尔, 洛) than in ordinary words, as log-odds; 0 when unknown. */
  foreign(char: string): number;
}

/** Above this score an unknown word after a surname is taken for a name (about 3:1 right on news text). */
export const NAME_THRESHOLD = 3;

export function parseNameModel(text: string): NameModel {
  const surname = new Map<string, number>();
  const given = new Map<string, number>();
  const foreign = new Map<string, number>();
  const tables = new Map([
    ['s', surname],
    ['g', given],
    ['f', foreign],
  ]);
  let prior = 0;
  for (const line of text.split('\n')) {
    const [kind, char, value] = line.split('\t');
    if (kind === 'prior') prior = Number(char);
    else tables.get(kind)?.set(char, Number(value));
  }
  return {
    chinese(word) {
      let score = prior + (surname.get(word[0]) ?? 0);
      for (const c of word.slice(1)) score += given.get(c) ?? 0;
      return score;
    },
    given: (char) => given.get(char) ?? 0,
    foreign: (char) => foreign.get(char) ?? 0,
  };
}
