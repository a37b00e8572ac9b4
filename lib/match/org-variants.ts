/**
 * The short names a text's organisation may go by in the library: a report in Japanese or from a
 * mirror writes the legal name or adds 公司 (中车株洲电力机车有限公司, 中车株机公司) where a Zhuzhou
 * story writes the name the city uses (中车株机), or another name of the same body altogether
 * (国家发改委 for 国家发展和改革委员会; the glossary's, foreign-names.ts). Candidates only: the index
 * says which of them a story holds, and only those count, beside the name as the text writes it.
 */
import { HAN } from '../nlp/han';
import { LEGAL_FORM } from '../nlp/analyzer';
import { sameThing } from './foreign-names';
import { entityType, type Profile } from './profile';
import type { IndexReader } from './postings';

/** Shortest and longest cores an abbreviation is read from: 中车株洲电力机车 has four two-character words. */
const MIN_CORE = 6;
const MAX_CORE = 12;

/**
 * An organisation's possible short names: without its legal form (中车株机公司 → 中车株机), and the
 * first word of its name with the first character of two or more later words in order
 * (中车|株洲|电力|机车 → 中车株机, 中车株电机…), the way Chinese abbreviates a company; each also
 * with 公司 after it, as a story may write it (中车株机公司).
 */
export function shortNames(name: string): string[] {
  const core = name.replace(LEGAL_FORM, '');
  const names = core !== name && core.length >= 3 ? [core] : [];
  // Also without a word in front (中国中车株洲电力机车: the country a foreign report adds).
  for (const from of [0, 2]) names.push(...abbreviations(core.slice(from)));
  // A story may write the short name with 公司 after it (中车株机公司).
  return names.flatMap((short) => (short === name ? [] : [short, `${short}公司`].filter((n) => n !== name)));
}

/** The first word with the first characters of two or more later words, in order. */
function abbreviations(core: string): string[] {
  if (core.length < MIN_CORE || core.length > MAX_CORE || core.length % 2 !== 0 || !HAN.test(core)) return [];
  const heads = Array.from({ length: core.length / 2 - 1 }, (_, i) => core[2 + 2 * i]);
  const names: string[] = [];
  for (let mask = 1; mask < 1 << heads.length; mask++) {
    const chosen = heads.filter((_, i) => mask & (1 << i));
    if (chosen.length >= 2) names.push(core.slice(0, 2) + chosen.join(''));
  }
  return names;
}

/**
 * Adds to `profile` the short and other names of its organisations (and the glossary's other names
 * of its places) that stories of the index hold, each counted as the name it stands for.
 */
export async function addShortNames(profile: Profile, index: IndexReader): Promise<void> {
  const candidates = new Map<string, { count: number; name: string }>();
  const consider = (key: string, count: number) => {
    if (!profile.terms.has(key) && !candidates.has(key)) candidates.set(key, { count, name: key.slice(key.indexOf(':') + 1) });
  };
  for (const [term, count] of profile.terms) {
    for (const other of sameThing(term)) consider(other, count);
    if (entityType(term) !== 'org') continue;
    for (const short of shortNames(term.slice('org:'.length))) consider(`org:${short}`, count);
  }
  if (candidates.size === 0) return;
  const { df } = await index.postings([...candidates.keys()], 0);
  for (const [key, { count, name }] of candidates) {
    if (!df.get(key)) continue;
    profile.terms.set(key, count);
    profile.names.set(key, name);
  }
}
