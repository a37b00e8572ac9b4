/**
 * The name lexicon the entity tagger reads as a feature: names labelled in its training data
 * (public/nlp/lexicon.txt, written by `npm run train:ner`) by kind, and China's divisions and the
 * countries as a kind of their own (the product's general places, from its own data: a division
 * is worth what divisions are worth in the news, 北京 of 北京大学, not what a place labelled whole
 * is). A trie over typed arrays: the root's children in a table by character, deeper edges in one
 * open-addressed table keyed by node and character; per character, which part of a name of each
 * kind it is (`lexiconCodes`), one integer, no object per character.
 */

/** Kinds of names, as mask bits: the labelled person, place and organisation, then the general place. */
export const LEXICON_KINDS = 4;
export const GENERAL_PLACE = 3;
/** Kinds as the file's sections name them (the general places are never in the file). */
const SECTIONS = ['person', 'place', 'org'] as const;
/** Parts of a name a character may be: none, first, inside, last (a name has two characters at least). */
const PARTS = 4;
/** Codes `lexiconCodes` writes per character: a part per kind, the longest name's length in five steps. */
export const LEXICON_CODES = PARTS ** LEXICON_KINDS * 5;
/** A name's length in five steps: none, 2, 3, 4, 5 or more. */
const lengthStep = (length: number) => (length === 0 ? 0 : Math.min(length, 5) - 1);

export interface NameLexicon {
  /** Per UTF-16 unit, the root's child for it (0: none). */
  root: Int32Array;
  /** Deeper edges, open-addressed by (node, character): the parent (0: empty slot), the character, the child. */
  parent: Int32Array;
  char: Uint16Array;
  child: Int32Array;
  /** Per node, the kinds (mask bits) of the names that end there. */
  ends: Uint8Array;
  /** Per slot of `parent`, a bit: whether some edge's probe starts there (`probeStarts`), made on first read. */
  starts?: Uint8Array;
}

const slotOf = (node: number, code: number, mask: number) => (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;

/**
 * The child of `node` (0: the root) by character `code`, or 0. Most characters after a name's
 * start continue no name: with `starts` made, such a lookup ends at a bit of 16 KB that stays
 * cached, not at a probe of `parent`, which the tagger's weights have pushed out of the cache
 * by the next sentence (the trie's lookups cost twice as much there as alone).
 */
function childOf(lexicon: NameLexicon, node: number, code: number): number {
  if (node === 0) return lexicon.root[code];
  const { parent, char, child, starts } = lexicon;
  const mask = parent.length - 1;
  const first = slotOf(node, code, mask);
  if (starts && !(starts[first >> 3] & (1 << (first & 7)))) return 0;
  for (let slot = first; parent[slot] !== 0; slot = (slot + 1) & mask) if (parent[slot] === node && char[slot] === code) return child[slot];
  return 0;
}

/** The lexicon with `starts` made: every edge's first slot marked (the lexicon is complete, nothing is added after). */
function probeStarts(lexicon: NameLexicon): NameLexicon {
  if (lexicon.starts) return lexicon;
  const { parent, char } = lexicon;
  const mask = parent.length - 1;
  const starts = new Uint8Array((parent.length + 7) >> 3);
  for (let slot = 0; slot < parent.length; slot++) {
    if (parent[slot] === 0) continue;
    const first = slotOf(parent[slot], char[slot], mask);
    starts[first >> 3] |= 1 << (first & 7);
  }
  lexicon.starts = starts;
  return lexicon;
}

/** A lexicon of `names`, each with the mask of its kinds; names under two characters are left out. */
export function buildLexicon(names: Iterable<readonly [string, number]>): NameLexicon {
  const list = [...names].filter(([name, mask]) => name.length >= 2 && mask);
  const characters = list.reduce((sum, [name]) => sum + name.length, 0);
  const size = 2 ** Math.ceil(Math.log2(characters * 2 + 2));
  const lexicon: NameLexicon = {
    root: new Int32Array(0x10000),
    parent: new Int32Array(size),
    char: new Uint16Array(size),
    child: new Int32Array(size),
    ends: new Uint8Array(characters + 1),
  };
  const mask = size - 1;
  let nodes = 1;
  for (const [name, kinds] of list) {
    let node = 0;
    for (let i = 0; i < name.length; i++) {
      const code = name.charCodeAt(i);
      let next = childOf(lexicon, node, code);
      if (!next) {
        next = nodes++;
        if (node === 0) lexicon.root[code] = next;
        else {
          let slot = slotOf(node, code, mask);
          while (lexicon.parent[slot] !== 0) slot = (slot + 1) & mask;
          lexicon.parent[slot] = node;
          lexicon.char[slot] = code;
          lexicon.child[slot] = next;
        }
      }
      node = next;
    }
    lexicon.ends[node] |= kinds;
  }
  return lexicon;
}

/** Each name of `lexicon` that `text` holds from `start`, shortest first, with the mask of its kinds (not the tagger's path: training's counts and tests). */
export function namesAt(lexicon: NameLexicon, text: string, start: number): Array<[string, number]> {
  probeStarts(lexicon);
  const found: Array<[string, number]> = [];
  let node = 0;
  for (let i = start; i < text.length; i++) {
    node = childOf(lexicon, node, text.charCodeAt(i));
    if (!node) break;
    if (lexicon.ends[node]) found.push([text.slice(start, i + 1), lexicon.ends[node]]);
  }
  return found;
}

/**
 * The longest name of `lexicon` that `text` holds from `start` and that ends where `ends(end)` allows,
 * as its end and the mask of its kinds (the tagger's path: no array, no string per call); undefined for none.
 */
export function longestNameAt(lexicon: NameLexicon, text: string, start: number, ends: (end: number) => boolean): { end: number; kinds: number } | undefined {
  probeStarts(lexicon);
  let node = 0;
  let best: { end: number; kinds: number } | undefined;
  for (let i = start; i < text.length; i++) {
    node = childOf(lexicon, node, text.charCodeAt(i));
    if (!node) break;
    if (lexicon.ends[node] && ends(i + 1)) best = { end: i + 1, kinds: lexicon.ends[node] };
  }
  return best;
}

/** Scratch: per start and kind, the end of the longest name of that kind there (0: none). */
let longest = new Int32Array(0);
let parts = new Uint8Array(0);
let lengths = new Uint8Array(0);

/**
 * Per character of `text`, into `out`: which part of a name of each kind it is (names of a kind
 * taken greedily from the left, the longest at each start) as base-4 digits, kind 0 lowest, times
 * five, plus the length step of the longest name over it. 0 everywhere without a lexicon.
 */
export function lexiconCodes(lexicon: NameLexicon | undefined, text: string, out: Uint8Array | Uint16Array): void {
  const n = text.length;
  out.fill(0, 0, n);
  if (!lexicon) return;
  probeStarts(lexicon);
  if (longest.length < n * LEXICON_KINDS) {
    longest = new Int32Array(n * LEXICON_KINDS * 2);
    parts = new Uint8Array(n * 2);
    lengths = new Uint8Array(n * 2);
  }
  longest.fill(0, 0, n * LEXICON_KINDS);
  parts.fill(0, 0, n);
  lengths.fill(0, 0, n);
  const { root, ends } = lexicon;
  for (let start = 0; start < n; start++) {
    let node = root[text.charCodeAt(start)];
    for (let i = start + 1; node && i < n; i++) {
      node = childOf(lexicon, node, text.charCodeAt(i));
      const kinds = ends[node];
      if (!kinds) continue;
      for (let k = 0; k < LEXICON_KINDS; k++) if (kinds & (1 << k)) longest[start * LEXICON_KINDS + k] = i + 1;
    }
  }
  for (let k = 0, digit = 1; k < LEXICON_KINDS; k++, digit *= PARTS) {
    for (let start = 0; start < n; ) {
      const end = longest[start * LEXICON_KINDS + k];
      if (!end) {
        start++;
        continue;
      }
      const length = end - start;
      parts[start] += digit;
      for (let i = start + 1; i < end - 1; i++) parts[i] += 2 * digit;
      parts[end - 1] += 3 * digit;
      for (let i = start; i < end; i++) if (lengths[i] < length) lengths[i] = length;
      start = end;
    }
  }
  for (let i = 0; i < n; i++) out[i] = parts[i] * 5 + lengthStep(lengths[i]);
}

/**
 * The file: a comment line, then per kind a line `@person`, `@place` or `@org` and its names one a
 * line (a name of two kinds under both).
 */
export function parseLexiconNames(file: string): Map<string, number> {
  const names = new Map<string, number>();
  const lines = file.split('\n');
  if (!lines[0]?.startsWith('#')) throw new Error('not a name lexicon');
  let bit = 0;
  for (const line of lines.slice(1)) {
    if (!line) continue;
    if (line.startsWith('@')) {
      const kind = SECTIONS.indexOf(line.slice(1) as (typeof SECTIONS)[number]);
      if (kind < 0) throw new Error(`name lexicon: unknown kind ${line}`);
      bit = 1 << kind;
    } else if (!bit) throw new Error('name lexicon: a name before any kind');
    else names.set(line, (names.get(line) ?? 0) | bit);
  }
  return names;
}

/** Labelled names (name → mask of the file's kinds) as `parseLexiconNames` reads them. */
export function serializeLexiconNames(names: ReadonlyMap<string, number>, comment: string): string {
  const sorted = [...names.keys()].sort();
  const sections = SECTIONS.map((kind, k) => [`@${kind}`, ...sorted.filter((name) => (names.get(name)! >> k) & 1)].join('\n'));
  return `# ${comment}\n${sections.join('\n')}\n`;
}

/** The lexicon of labelled `names` with the general places (`general`) as a kind of their own. */
export function nameLexicon(names: ReadonlyMap<string, number>, general: Iterable<string>): NameLexicon {
  const all = new Map(names);
  for (const place of general) all.set(place, (all.get(place) ?? 0) | (1 << GENERAL_PLACE));
  return buildLexicon(all);
}
