/**
 * The tagger's tables as a wake builds them from the package's files — the weights' perfect-hash
 * table and its displacements (`parseModel`), the characters' name classes (`nameClasses`) — kept as one
 * image whose sections are typed-array views of the bytes read: a later wake reads the image
 * and parses nothing. Profiles of a cold wake showed building them on the worker's one thread:
 * 25–67 ms for the model (60,000 rows in not-yet-optimised code), 20–65 ms for the classes.
 * The image holds the very arrays built, so the tagger answers bit for bit as after a build.
 *
 * The image, in the platform's byte order (a copy read back by the same machine): a header of
 * eight u32 (MAGIC, the model's features, then the element counts of the sections and the
 * titles' bytes), then the table (f64), the displacements (u16), the transitions (f32), the name
 * classes (u8) and the titles (UTF-8, one a line), each section starting on a multiple of 8.
 */
import { BUCKET_BITS, SLOT, TRANSITIONS, type NerModel } from './model';

export interface TaggerTables {
  model: NerModel;
  /** Per UTF-16 unit, its name class (lib/nlp/ner/features.ts `nameClasses`). */
  nameClass: Uint8Array;
}

/** Where an image is kept between wakes (the Cache API in the extension), under the identity of what built it. */
export interface TablesStore {
  get(): Promise<ArrayBuffer | undefined>;
  put(image: Uint8Array<ArrayBuffer>): Promise<void>;
}

/** "NER" and the layout's version: an image of another layout is not read. */
const MAGIC = 0x4e455202;
const HEADER_WORDS = 8;
const align = (at: number) => (at + 7) & ~7;

/** Where each section starts, given their lengths in elements; and the image's length. */
function layout(table: number, displacement: number, transitions: number, nameClass: number, titles: number) {
  const at = { table: HEADER_WORDS * 4, displacement: 0, transitions: 0, nameClass: 0, titles: 0, end: 0 };
  at.displacement = align(at.table + table * 8);
  at.transitions = align(at.displacement + displacement * 2);
  at.nameClass = align(at.transitions + transitions * 4);
  at.titles = align(at.nameClass + nameClass);
  at.end = at.titles + titles;
  return at;
}

export function tablesImage({ model, nameClass }: TaggerTables): Uint8Array<ArrayBuffer> {
  const titles = new TextEncoder().encode([...model.titles].join('\n'));
  const { table, displacement, transitions } = model;
  const at = layout(table.length, displacement.length, transitions.length, nameClass.length, titles.length);
  const image = new Uint8Array(at.end);
  new Uint32Array(image.buffer, 0, HEADER_WORDS).set([
    MAGIC,
    model.features,
    table.length,
    displacement.length,
    transitions.length,
    nameClass.length,
    titles.length,
  ]);
  new Float64Array(image.buffer, at.table, table.length).set(table);
  new Uint16Array(image.buffer, at.displacement, displacement.length).set(displacement);
  new Float32Array(image.buffer, at.transitions, transitions.length).set(transitions);
  image.set(nameClass, at.nameClass);
  image.set(titles, at.titles);
  return image;
}

/** The tables an image holds, as views of it (nothing copied); throws on an image of another layout or length. */
export function tablesFromImage(image: ArrayBuffer): TaggerTables {
  if (image.byteLength < HEADER_WORDS * 4) throw new Error('tagger tables: not an image');
  const [magic, features, table, displacement, transitions, nameClass, titles] = new Uint32Array(image, 0, HEADER_WORDS);
  if (magic !== MAGIC) throw new Error('tagger tables: not an image');
  // Sizes the tagger reads without bounds checks: an image of other tables is refused, not misread.
  const slots = table / SLOT;
  const powerOfTwo = slots >= 1 && (slots & (slots - 1)) === 0;
  if (displacement !== 1 << BUCKET_BITS || !powerOfTwo || slots <= features || transitions !== TRANSITIONS || nameClass !== 0x10000) {
    throw new Error('tagger tables: other sizes');
  }
  const at = layout(table, displacement, transitions, nameClass, titles);
  if (at.end !== image.byteLength) throw new Error('tagger tables: truncated or padded');
  const titleText = new TextDecoder().decode(new Uint8Array(image, at.titles, titles));
  return {
    model: {
      features,
      table: new Float64Array(image, at.table, table),
      displacement: new Uint16Array(image, at.displacement, displacement),
      transitions: new Float32Array(image, at.transitions, transitions),
      titles: new Set(titleText ? titleText.split('\n') : []),
    },
    nameClass: new Uint8Array(image, at.nameClass, nameClass),
  };
}
