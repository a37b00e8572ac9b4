/**
 * A headline cut into runs of plain text and names, so a name is never broken across two lines
 * (a line break inside 曹慧泉 or 中车株机 misreads as two words). Text only: the caller renders
 * each run as text.
 */

export interface TextRun {
  text: string;
  /** The run is one of the names. */
  name: boolean;
}

/** The text's runs, each name found in it (the longer one where two overlap) its own run. */
export function nameRuns(text: string, names: string[]): TextRun[] {
  const longestFirst = [...new Set(names.filter((name) => name.length > 1))].sort((a, b) => b.length - a.length);
  const runs: TextRun[] = [];
  let plain = '';
  let at = 0;
  while (at < text.length) {
    const name = longestFirst.find((n) => text.startsWith(n, at));
    if (name) {
      if (plain) runs.push({ text: plain, name: false });
      runs.push({ text: name, name: true });
      plain = '';
      at += name.length;
    } else {
      plain += text[at];
      at += 1;
    }
  }
  if (plain) runs.push({ text: plain, name: false });
  return runs;
}
