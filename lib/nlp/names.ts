/**
 * How much a word looks like a Chinese personal name, from the naive-Bayes model in
 * public/nlp/names.txt (see scripts/make-nlp-data.ts): the prior plus the log-odds of its first
 * character as a surname and of each following character as part of a given name.
 */
export type NameScore = (word: string) => number;

/** Above this score an unknown word after a surname is taken for a name (about 3:1 right on news text). */
export const NAME_THRESHOLD = 3;

export function parseNameModel(text: string): NameScore {
  const surname = new Map<string, number>();
  const given = new Map<string, number>();
  let prior = 0;
  for (const line of text.split('\n')) {
    const [kind, char, value] = line.split('\t');
    if (kind === 'prior') prior = Number(char);
    else if (kind === 's') surname.set(char, Number(value));
    else if (kind === 'g') given.set(char, Number(value));
  }
  return (word) => {
    let score = prior + (surname.get(word[0]) ?? 0);
    for (const c of word.slice(1)) score += given.get(c) ?? 0;
    return score;
  };
}
