/**
 * A foreign name's sound, coarse enough that its Latin spelling and the Chinese characters that
 * transliterate it give the same key: Siljanovska and 西莉娅诺夫斯卡 (xi li ya nuo fu si ka) are
 * both s-l-n-f-s-g, Davkova and 达夫科娃 d-f-g-f. Consonants only, in classes a transliteration
 * keeps apart (p/b, t/d, k/g, f/v/w, s/z/x/j…, l/r, m, n), vowels, h and y left out, and a nasal
 * that closes a syllable dropped on both sides (Mahamat = 穆罕默德, whose han only colours the
 * vowel). Several keys where a letter is read two ways: j is y in Siljanovska and the j of 杰克 in
 * Jack; an r before a consonant is 尔 in Gordana (戈尔达娜) and unsaid in Peter (彼得).
 */

/** A pinyin initial's class; an initial not here (y, w before a vowel is f) is silent. */
const INITIAL: Array<[RegExp, string]> = [
  [/^(?:zh|ch|sh|[szcxjq])/, 's'],
  [/^[bp]/, 'b'],
  [/^[dt]/, 'd'],
  [/^[gk]/, 'g'],
  [/^[fw]/, 'f'],
  [/^m/, 'm'],
  [/^n/, 'n'],
  [/^[lr]/, 'l'],
];

/** One pinyin syllable's consonants: its initial's class, and l for 尔 (er), which transliterates an r or an l. */
function syllableKey(syllable: string): string {
  if (syllable === 'er') return 'l';
  return INITIAL.find(([initial]) => initial.test(syllable))?.[1] ?? '';
}

/** Repeated classes as one: Idriss and 伊德里斯 both end d-l-s. */
const collapse = (key: string) => key.replace(/(.)\1+/g, '$1');

/** The key of a name written in characters, from one reading of each (pinyin syllables). */
export function pinyinSoundKey(syllables: string[]): string {
  return collapse(syllables.map(syllableKey).join(''));
}

/** Latin spellings of one sound, each with its class; the letters not here are vowels, h and y (silent), or read below (c, j, n, r). */
const LATIN = new Map<string, string>([
  ...['tsch', 'sch', 'tch', 'sh', 'ch', 'zh', 'ts', 'tz', 'dj', 's', 'z'].map((l): [string, string] => [l, 's']),
  ['ph', 'f'],
  ['th', 'd'],
  ['ck', 'g'],
  ['x', 'gs'],
  ['q', 'g'],
  ['k', 'g'],
  ['g', 'g'],
  ['b', 'b'],
  ['p', 'b'],
  ['d', 'd'],
  ['t', 'd'],
  ['f', 'f'],
  ['v', 'f'],
  ['w', 'f'],
  ['m', 'm'],
  ['l', 'l'],
]);
/** A word's spellings of sounds, the longest first at each place. */
const SPELLING = /tsch|sch|tch|sh|ch|zh|ts|tz|dj|ph|th|ck|[a-z]/g;
const VOWEL = /[aeiouy]/;

/** A Latin-script word's keys (at most four): j read as y and as in Jack, an r before a consonant said and unsaid. */
export function latinSoundKeys(word: string): string[] {
  const lower = word.toLowerCase();
  // Accents go (Türkiye, Đuković): most words have none to take off.
  const w = /^[a-z]+$/.test(lower) ? lower : lower.normalize('NFD').replace(/[^a-z]/g, '');
  let keys = [''];
  const spellings = w.match(SPELLING) ?? [];
  spellings.forEach((spelling, i) => {
    const next = spellings[i + 1]?.[0];
    const beforeVowel = next !== undefined && VOWEL.test(next);
    let sound = LATIN.get(spelling);
    if (sound === undefined) {
      if (spelling === 'c') sound = next && 'eiy'.includes(next) ? 's' : 'g';
      else if (spelling === 'n') sound = beforeVowel ? 'n' : '';
      else if (spelling === 'j' || (spelling === 'r' && !beforeVowel)) {
        // Two readings: j silent (Siljanovska) or s (Jack); an r before a consonant 尔 (Gordana) or unsaid (Peter).
        const [one, other] = spelling === 'j' ? ['', 's'] : ['l', ''];
        keys = keys.flatMap((key) => [key + one, key + other]).slice(0, 4);
        return;
      } else sound = spelling === 'r' ? 'l' : '';
    }
    if (sound) keys = keys.map((key) => key + sound);
  });
  return [...new Set(keys.map(collapse))];
}
