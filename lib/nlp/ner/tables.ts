/**
 * The tagger's tables as a wake builds them from the package's files — the weights' perfect-hash
 * table and its displacements (`parseModel`), the characters' name classes (`nameClasses`), the
 * name lexicon's trie (`readLexicon`) — kept as one image whose sections are typed-array views of
 * the bytes read: a later wake reads the image and parses nothing. Profiles of a cold wake showed
 * building them on the worker's one thread: 25–67 ms for the model (60,000 rows in
 * not-yet-optimised code), 20–65 ms for the classes, 40–70 ms (Node) for the lexicon's trie.
 * The image holds the very arrays built, so the tagger answers bit for bit as after a build.
 *
 * The image, in the platform's byte order (a copy read back by the same machine): a header of
 * u32 (MAGIC, the model's features, then each section's element count), then the
 * sections in SECTIONS' order, each starting on a multiple of 8. Weights that ship without a
 * lexicon keep its sections empty.
 */
import type { NameLexicon } from './lexicon';
import { BUCKET_BITS, SLOT, TRANSITIONS, type NerModel } from './model';

export interface TaggerTables {
  model: NerModel;
  /** Per UTF-16 unit, its name class (lib/nlp/ner/features.ts `nameClasses`). */
  nameClass: Uint8Array;
  /** The name lexicon, when the weights were trained with one. */
  lexicon?: NameLexicon;
}

/** Where an image is kept between wakes (the Cache API in the extension), under the identity of what built it. */
export interface TablesStore {
  get(): Promise<ArrayBuffer | undefined>;
  put(image: Uint8Array<ArrayBuffer>): Promise<void>;
}

/** "NER" and the layout's version: an image of another layout is not read. */
const MAGIC = 0x4e455203;
const align = (at: number) => (at + 7) & ~7;

type ArrayKind = typeof Float64Array | typeof Float32Array | typeof Int32Array | typeof Uint16Array | typeof Uint8Array;
/** The sections, in the image's order, with their element types; `titles` is the model's titles as UTF-8, one a line. */
const SECTIONS = {
  table: Float64Array,
  displacement: Uint16Array,
  transitions: Float32Array,
  nameClass: Uint8Array,
  root: Int32Array,
  parent: Int32Array,
  child: Int32Array,
  char: Uint16Array,
  ends: Uint8Array,
  titles: Uint8Array,
} satisfies Record<string, ArrayKind>;
type Section = keyof typeof SECTIONS;
const NAMES = Object.keys(SECTIONS) as Section[];
const HEADER_WORDS = 2 + NAMES.length;
type Counts = Record<Section, number>;

/** Where each section starts, given their lengths in elements; and the image's length. */
function layout(counts: Counts): { at: Counts; end: number } {
  const at = {} as Counts;
  let end = HEADER_WORDS * 4;
  for (const name of NAMES) {
    at[name] = align(end);
    end = at[name] + counts[name] * SECTIONS[name].BYTES_PER_ELEMENT;
  }
  return { at, end };
}

export function tablesImage({ model, nameClass, lexicon }: TaggerTables): Uint8Array<ArrayBuffer> {
  const none = new Uint8Array(0);
  const arrays: Record<Section, ArrayLike<number>> = {
    table: model.table,
    displacement: model.displacement,
    transitions: model.transitions,
    nameClass,
    root: lexicon?.root ?? none,
    parent: lexicon?.parent ?? none,
    child: lexicon?.child ?? none,
    char: lexicon?.char ?? none,
    ends: lexicon?.ends ?? none,
    titles: new TextEncoder().encode([...model.titles].join('\n')),
  };
  const counts = Object.fromEntries(NAMES.map((name) => [name, arrays[name].length])) as Counts;
  const { at, end } = layout(counts);
  const image = new Uint8Array(end);
  new Uint32Array(image.buffer, 0, HEADER_WORDS).set([MAGIC, model.features, ...NAMES.map((name) => counts[name])]);
  for (const name of NAMES) new SECTIONS[name](image.buffer, at[name], counts[name]).set(arrays[name]);
  return image;
}

const isPowerOfTwo = (n: number) => n >= 1 && (n & (n - 1)) === 0;

/** The tables an image holds, as views of it (nothing copied); throws on an image of another layout or length. */
export function tablesFromImage(image: ArrayBuffer): TaggerTables {
  if (image.byteLength < HEADER_WORDS * 4) throw new Error('tagger tables: not an image');
  const [magic, features, ...words] = new Uint32Array(image, 0, HEADER_WORDS);
  if (magic !== MAGIC) throw new Error('tagger tables: not an image');
  const counts = Object.fromEntries(NAMES.map((name, i) => [name, words[i]])) as Counts;
  // Sizes the tagger reads without bounds checks: an image of other tables is refused, not misread.
  const { table, displacement, transitions, nameClass, root, parent, child, char, ends } = counts;
  const modelSizes = displacement === 1 << BUCKET_BITS && isPowerOfTwo(table / SLOT) && table / SLOT > features && transitions === TRANSITIONS;
  const lexiconSizes =
    root === 0 ? parent + child + char + ends === 0 : root === 0x10000 && isPowerOfTwo(parent) && child === parent && char === parent && ends >= 1;
  if (!modelSizes || nameClass !== 0x10000 || !lexiconSizes) {
    throw new Error('tagger tables: other sizes');
  }
  const { at, end } = layout(counts);
  if (end !== image.byteLength) throw new Error('tagger tables: truncated or padded');
  const view = <K extends Section>(name: K) => new SECTIONS[name](image, at[name], counts[name]) as InstanceType<(typeof SECTIONS)[K]>;
  const titleText = new TextDecoder().decode(view('titles'));
  return {
    model: {
      features,
      table: view('table'),
      displacement: view('displacement'),
      transitions: view('transitions'),
      titles: new Set(titleText ? titleText.split('\n') : []),
    },
    nameClass: view('nameClass'),
    ...(root ? { lexicon: { root: view('root'), parent: view('parent'), child: view('child'), char: view('char'), ends: view('ends') } } : {}),
  };
}
