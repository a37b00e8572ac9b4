/**
 * Each Han character's distributional class, learnt from jieba's dictionary (word, count, tag a
 * line): where it usually stands in the dictionary's words of two characters or more (first,
 * inside, last, no one place) and how often those words are names of people, places or bodies
 * (nr/ns/nt). A name's characters keep their habits across names the tagger never saw labelled
 * (…县 ends, 张… begins, 泽 lives in people's names), which its character features cannot generalise.
 * Built once from the dictionary, deterministically; one byte per UTF-16 unit.
 */

/** The dictionary's name tags, by kind: people (nr, nrt, nrfg), places (ns), bodies (nt). */
const NAME_KIND: Record<string, number> = { nr: 0, nrt: 0, nrfg: 0, ns: 1, nt: 2 };
/** Below this many words, a character's habits are noise: class 0. */
const FEW_WORDS = 3;
/** The share of its words a place or a kind of name must hold to be the character's. */
const DOMINANT = 0.6;
const NAME_SHARE_LOW = 0.15;
const NAME_SHARE_HIGH = 0.4;

/** Place classes: 0 rare or in no word, then first, inside, last, mixed. */
export const PLACE_CLASSES = 5;
/** Name classes: 0 seldom in names, then per kind (people, places, bodies) some or most of its words. */
export const NAME_CLASSES = 7;
/** Values of a character's class: place class × NAME_CLASSES + name class. */
export const CHAR_CLASSES = PLACE_CLASSES * NAME_CLASSES;

const isHan = (code: number) => (code >= 0x3400 && code < 0x4dc0) || (code >= 0x4e00 && code < 0xa000);

/** Per UTF-16 unit, its class (place × NAME_CLASSES + name) from the dictionary's text. */
export function charClasses(dictionary: string): Uint8Array {
  // Per unit: words it begins, is inside, ends; then words of each name kind it is in.
  const counts = new Uint32Array(0x10000 * 6);
  for (const line of dictionary.split('\n')) {
    const [word, , tag] = line.trim().split(/\s+/);
    if (!word || word.length < 2) continue;
    const kind = NAME_KIND[tag ?? ''];
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (!isHan(code)) continue;
      counts[code * 6 + (i === 0 ? 0 : i === word.length - 1 ? 2 : 1)]++;
      if (kind !== undefined) counts[code * 6 + 3 + kind]++;
    }
  }
  const classes = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const at = code * 6;
    const words = counts[at] + counts[at + 1] + counts[at + 2];
    if (words < FEW_WORDS) continue;
    const mostPlace = [0, 1, 2].reduce((best, p) => (counts[at + p] > counts[at + best] ? p : best), 0);
    const place = counts[at + mostPlace] >= DOMINANT * words ? 1 + mostPlace : 4;
    const mostKind = [0, 1, 2].reduce((best, k) => (counts[at + 3 + k] > counts[at + 3 + best] ? k : best), 0);
    const share = counts[at + 3 + mostKind] / words;
    const name = share < NAME_SHARE_LOW ? 0 : 1 + mostKind * 2 + (share >= NAME_SHARE_HIGH ? 1 : 0);
    classes[code] = place * NAME_CLASSES + name;
  }
  return classes;
}
