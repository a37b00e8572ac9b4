/**
 * The entity tagger's model: per character one of 13 labels (outside, or the beginning, inside,
 * end or whole of a person, place or organisation: BIOES), scored by weights per feature hash and
 * per pair of neighbouring labels, decoded by Viterbi over typed arrays. The shipped weights
 * (public/nlp/ner.bin, from `npm run train:ner`) keep only the features that matter, quantised
 * to one byte per weight.
 */
import type { EntityType } from '../entities';
import { GROUPS, groupHashes, groupSize } from './features';

export const ENTITY_KINDS: readonly EntityType[] = ['person', 'place', 'org'];
/** O, then B, I, E, S for each kind. */
/** 13: `emit` adds them one by one. */
export const LABELS = 1 + 4 * ENTITY_KINDS.length;
const OUTSIDE = 0;
const enum Part {
  Begin = 0,
  Inside = 1,
  End = 2,
  Single = 3,
}
export const labelOf = (kind: number, part: Part) => 1 + kind * 4 + part;
const kindOfLabel = (label: number) => ((label - 1) / 4) | 0;
const partOf = (label: number) => (label - 1) % 4;

/** Whether `next` may follow `prev` (-1: the sentence's start) in a well-formed BIOES sequence. */
export function allowed(prev: number, next: number): boolean {
  const open = prev > OUTSIDE && (partOf(prev) === Part.Begin || partOf(prev) === Part.Inside);
  if (!open) return next === OUTSIDE || partOf(next) === Part.Begin || partOf(next) === Part.Single;
  return next !== OUTSIDE && kindOfLabel(next) === kindOfLabel(prev) && (partOf(next) === Part.Inside || partOf(next) === Part.End);
}
/** Whether a sentence may end on `label`. */
export const mayEnd = (label: number) => label === OUTSIDE || partOf(label) === Part.End || partOf(label) === Part.Single;

/** Labels for entity spans over `length` characters (training data to label sequence). */
export function labelSpans(length: number, spans: ReadonlyArray<{ kind: number; start: number; end: number }>): Uint8Array {
  const labels = new Uint8Array(length);
  for (const { kind, start, end } of spans) {
    if (end <= start || end > length) continue;
    if (end - start === 1) labels[start] = labelOf(kind, Part.Single);
    else {
      labels[start] = labelOf(kind, Part.Begin);
      for (let i = start + 1; i < end - 1; i++) labels[i] = labelOf(kind, Part.Inside);
      labels[end - 1] = labelOf(kind, Part.End);
    }
  }
  return labels;
}

export interface Span {
  type: EntityType;
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * Whether a span overlaps `start`…`end`. A loop of its own: the passes call it once per word or
 * character, where a closure over their loop's variables allocated a scope every turn.
 */
export function overlapping(spans: readonly Span[], start: number, end: number): boolean {
  for (const s of spans) if (s.start < end && start < s.end) return true;
  return false;
}

/** The spans with `span` in place of every one it overlaps, in reading order. */
export function inPlaceOf(spans: readonly Span[], span: Span): Span[] {
  return [...spans.filter((s) => s.end <= span.start || s.start >= span.end), span].sort((a, b) => a.start - b.start);
}

/** The entity spans a decoded (well-formed) label sequence marks. */
export function spansOf(labels: Uint8Array, length = labels.length): Span[] {
  const spans: Span[] = [];
  let start = -1;
  for (let i = 0; i < length; i++) {
    const label = labels[i];
    if (label === OUTSIDE) continue;
    const part = partOf(label);
    if (part === Part.Begin) start = i;
    else if (part === Part.Single) spans.push({ type: ENTITY_KINDS[kindOfLabel(label)], start: i, end: i + 1 });
    else if (part === Part.End && start >= 0) {
      spans.push({ type: ENTITY_KINDS[kindOfLabel(label)], start, end: i + 1 });
      start = -1;
    }
  }
  return spans;
}

/** Scores of label pairs: row `prev + 1` (row 0: the start), column `next`; then the end row. */
export const TRANSITIONS = (LABELS + 2) * LABELS;
export const END_ROW = (LABELS + 1) * LABELS;

let scoreBuffer = new Float64Array(0);
let backBuffer = new Uint8Array(0);

/** Labels after which anything may start: outside, and the end or whole of each kind (ascending). */
const CLOSED = Uint8Array.of(0, 3, 4, 7, 8, 11, 12);
/** Labels that may come only after a closed one: outside, and the beginning or whole of each kind. */
const OPENING = Uint8Array.of(0, 1, 4, 5, 8, 9, 12);
/** Transition scores as Viterbi reads them: per opening label, from each closed label; then per kind, B→I, I→I, B→E, I→E. */
const gathered = new Float64Array(OPENING.length * CLOSED.length + 4 * ENTITY_KINDS.length);

/**
 * The best well-formed label sequence for `n` characters given per-character label scores
 * (`emissions[i * LABELS + label]`) and transition scores, written into `out`. Each label's best
 * predecessor is picked among the labels BIOES allows before it, in ascending order, the first
 * of equal scores winning; written out label by label (7 labels have the 7 closed ones before
 * them, inside and end labels their kind's beginning and inside), the previous scores in locals.
 */
export function viterbi(emissions: Int32Array | Float32Array, n: number, transitions: Float32Array | Float64Array, out: Uint8Array): void {
  if (!n) return;
  if (scoreBuffer.length < n * LABELS) {
    scoreBuffer = new Float64Array(n * LABELS * 2);
    backBuffer = new Uint8Array(n * LABELS * 2);
  }
  const score = scoreBuffer;
  const back = backBuffer;
  const g = gathered;
  for (let j = 0; j < OPENING.length; j++) for (let k = 0; k < CLOSED.length; k++) g[j * 7 + k] = transitions[(CLOSED[k] + 1) * LABELS + OPENING[j]];
  const inner = OPENING.length * CLOSED.length;
  for (let kind = 0; kind < ENTITY_KINDS.length; kind++) {
    const b = 1 + 4 * kind;
    g[inner + 4 * kind] = transitions[(b + 1) * LABELS + b + 1];
    g[inner + 4 * kind + 1] = transitions[(b + 2) * LABELS + b + 1];
    g[inner + 4 * kind + 2] = transitions[(b + 1) * LABELS + b + 2];
    g[inner + 4 * kind + 3] = transitions[(b + 2) * LABELS + b + 2];
  }
  for (let y = 0; y < LABELS; y++) score[y] = allowed(-1, y) ? transitions[y] + emissions[y] : -Infinity;
  for (let i = 1; i < n; i++) {
    const row = i * LABELS;
    const previous = row - LABELS;
    const o = score[previous];
    const e0 = score[previous + 3];
    const s0 = score[previous + 4];
    const e1 = score[previous + 7];
    const s1 = score[previous + 8];
    const e2 = score[previous + 11];
    const s2 = score[previous + 12];
    for (let j = 0, t = 0; j < 7; j++, t += 7) {
      let best = -Infinity;
      let arg = 0;
      let s = o + g[t];
      if (s > best) best = s;
      s = e0 + g[t + 1];
      if (s > best) {
        best = s;
        arg = 3;
      }
      s = s0 + g[t + 2];
      if (s > best) {
        best = s;
        arg = 4;
      }
      s = e1 + g[t + 3];
      if (s > best) {
        best = s;
        arg = 7;
      }
      s = s1 + g[t + 4];
      if (s > best) {
        best = s;
        arg = 8;
      }
      s = e2 + g[t + 5];
      if (s > best) {
        best = s;
        arg = 11;
      }
      s = s2 + g[t + 6];
      if (s > best) {
        best = s;
        arg = 12;
      }
      const y = row + OPENING[j];
      score[y] = best + emissions[y];
      back[y] = arg;
    }
    for (let kind = 0, t = inner; kind < 3; kind++, t += 4) {
      const b = 1 + 4 * kind;
      const begun = score[previous + b];
      const within = score[previous + b + 1];
      // Inside, then end: each after its kind's beginning or inside.
      for (let part = 1; part <= 2; part++) {
        let best = -Infinity;
        let arg = 0;
        let s = begun + g[t + 2 * part - 2];
        if (s > best) {
          best = s;
          arg = b;
        }
        s = within + g[t + 2 * part - 1];
        if (s > best) {
          best = s;
          arg = b + 1;
        }
        const y = row + b + part;
        score[y] = best + emissions[y];
        back[y] = arg;
      }
    }
  }
  const last = (n - 1) * LABELS;
  let label = 0;
  let best = -Infinity;
  for (let y = 0; y < LABELS; y++) {
    if (!mayEnd(y)) continue;
    const s = score[last + y] + transitions[END_ROW + y];
    if (s > best) {
      best = s;
      label = y;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = label;
    label = back[i * LABELS + label];
  }
}

/**
 * Shipped weights, indexed for `emit` by a perfect hash: every key the model holds has a slot of
 * its own, found with one read of `displacement` and no probing; the slot holds the key, and the
 * key's row of label weights beside it. The weights are integers in units of the smallest
 * quantised step (scale / 127²), so the emissions add exactly.
 */
export interface NerModel {
  /**
   * Per bucket of keys (a key's high bits, `bucketOf`), the number its keys' low byte is XORed
   * with to give their slots: chosen when the weights are written (`slotTable`).
   */
  displacement: Uint16Array;
  /**
   * SLOT numbers a slot, a cache line: PAIRS numbers of weights, the weights of labels 2p and
   * 2p + 1 packed into one double as w(2p) · LANE + w(2p + 1) (label 12 alone in the last), then
   * the key held there (−1: none). Sums of such numbers stay exact integers, and `emit` adds
   * seven numbers a feature instead of thirteen. A power of two of slots.
   */
  table: Float64Array;
  /** In the same units as the weights. */
  transitions: Float32Array;
  features: number;
  /** Titles and roles, learnt from the training data (FeatureKnowledge.titles). */
  titles: Set<string>;
  /** The feature groups' rows (`groupRows`), summed from the table as their codes are first read. */
  groups?: GroupRows;
  /** Per slot, the key `table` holds there (−1: none), apart (`slotKeys`). */
  keys?: Int32Array;
}

/**
 * The keys of `model.table` in an array of their own, made once: `emit` tells a feature the model
 * lacks (about two in five) from 256 KB that stay cached, not from the 4 MB table, which it then
 * reads only for the weights of a feature it holds (0.3–0.8 of the wall time of reading the key
 * in the table, on a loaded machine: docs/benchmarks.md).
 */
function slotKeys(model: NerModel): Int32Array {
  if (model.keys) return model.keys;
  const { table } = model;
  const keys = new Int32Array(table.length / SLOT);
  for (let slot = 0; slot < keys.length; slot++) keys[slot] = table[slot * SLOT + PAIRS];
  model.keys = keys;
  return keys;
}

/**
 * Per group of templates (lib/nlp/ner/features.ts `GROUPS`), per code, the sum of its members'
 * packed weights as `table` holds them, then 1 once summed (SLOT numbers a code); and per group,
 * the codes there is room for.
 */
export interface GroupRows {
  rows: Float64Array[];
  codes: Int32Array;
}

/**
 * One signed byte per weight, on a square-root scale: small weights, most of them, keep their
 * precision, and the largest (`scale`) still fits.
 */
const quantise = (w: number, scale: number) => Math.sign(w) * Math.min(127, Math.round(127 * Math.sqrt(Math.abs(w) / scale)));
/** A quantised weight in units of scale / 127². */
const unquantise = (q: number) => Math.sign(q) * q * q;
/**
 * A feature is known by its hash's low 22 bits, as in training (whose weight table has 2²² rows:
 * features that share them share weights there too). The keys, sorted, differ by ~70 on average
 * where full 32-bit hashes differed by ~70,000: a fifth of the file's deflated size saved.
 */
export const KEY_BITS = 22;
export const KEY_MASK = (1 << KEY_BITS) - 1;
/** Bytes a key's difference takes. */
const DELTA_PLANES = 3;

/** Set bits of a 32-bit number, without a loop (JavaScript has no popcount instruction to call). */
const bitCount = (x: number) => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
};

/** Numbers a row of packed weights takes: thirteen labels, two to a number. */
const PAIRS = (LABELS + 1) >> 1;
/**
 * A label's lane in a packed number. A character's sum in one lane is at most 127² times the
 * templates in magnitude (about 2¹⁹ for 33): far below LANE / 2, so each lane's sum is read back
 * exactly, and two lanes' sums stay within a double's 53 bits of integers.
 */
const LANE = 2 ** 26;

/** Numbers a slot takes: the packed weights, then the key (8: `emit` shifts by 3). */
export const SLOT = 8;
/**
 * A key's bucket is its bits above the low byte (keys are a hash's bits: about four keys a bucket
 * at 60,000 keys), and its slot its low byte XORed with the bucket's displacement. Keys of one
 * bucket differ in their low byte, so no displacement puts two of them in one slot; and the slot
 * needs no multiplication that waits on the displacement's read (a hash of key and displacement
 * made `emit` a fifth slower than the bit directory before it; this takes 0.64–0.73 of the
 * directory's wall time, 0.94 of its CPU time, on a loaded machine: docs/benchmarks.md).
 */
export const BUCKET_BITS = KEY_BITS - 8;
const bucketOf = (key: number) => key >>> 8;
const slotOf = (key: number, displacement: number, slotCount: number) => ((key & 0xff) ^ displacement) & (slotCount - 1);
/** Displacements are 16-bit (32 KB of them, read at every lookup: small enough to stay cached), so the table's slots at most. */
const MAX_SLOTS = 1 << 16;

/**
 * Each character's label scores, the sum of its features' weights, into `emissions` (n × LABELS).
 * A character's `templates` features end with `groups` groups' codes (lib/nlp/ner/features.ts
 * `sentenceFeatures` writes GROUPS of them; hashes only: 0), each read as one row of summed
 * weights (`groupRows`); the rest are hashes. The sums stay in locals while a character's
 * features are read (written out once, not added to memory per feature). The lookups and adds are
 * the cost, 26 a character: hence a key's slot found by a perfect hash, the keys apart from the
 * weights (`slotKeys`), a slot's weights in one cache line, two labels' weights added at once, and
 * each group of few values one summed row.
 */
export function emit(model: NerModel, features: Int32Array, templates: number, n: number, emissions: Int32Array, groups: number = GROUPS.length): void {
  const { displacement, table: w } = model;
  const keys = slotKeys(model);
  const { rows } = groups ? groupRows(model) : NO_GROUPS;
  const hashed = templates - groups;
  const slotMask = keys.length - 1;
  // The rows of the codes met first, apart: a call in the loop below made every iteration slower
  // (about a quarter of `emit`'s time in Node), though it is taken a few thousand times a text.
  for (let g = 0; g < groups; g++) {
    const r = rows[g];
    for (let f = hashed + g; f < n * templates; f += templates) if (r[(features[f] << 3) + PAIRS] === 0) fillRow(model, r, g, features[f]);
  }
  for (let i = 0; i < n; i++) {
    let e0 = 0,
      e1 = 0,
      e2 = 0,
      e3 = 0,
      e4 = 0,
      e5 = 0,
      e6 = 0;
    const start = i * templates;
    const end = start + hashed;
    for (let f = start; f < end; f++) {
      const key = features[f] & KEY_MASK;
      const slot = ((key & 0xff) ^ displacement[key >>> 8]) & slotMask;
      if (keys[slot] !== key) continue;
      // Integers only in the loop: a shift, not `* SLOT`, which the compiler must guard against overflow.
      const b = slot << 3;
      e0 += w[b];
      e1 += w[b + 1];
      e2 += w[b + 2];
      e3 += w[b + 3];
      e4 += w[b + 4];
      e5 += w[b + 5];
      e6 += w[b + 6];
    }
    for (let g = 0; g < groups; g++) {
      const r = rows[g];
      const b = features[end + g] << 3;
      e0 += r[b];
      e1 += r[b + 1];
      e2 += r[b + 2];
      e3 += r[b + 3];
      e4 += r[b + 4];
      e5 += r[b + 5];
      e6 += r[b + 6];
    }
    const t = i * LABELS;
    unpack(e0, emissions, t);
    unpack(e1, emissions, t + 2);
    unpack(e2, emissions, t + 4);
    unpack(e3, emissions, t + 6);
    unpack(e4, emissions, t + 8);
    unpack(e5, emissions, t + 10);
    emissions[t + 12] = e6 / LANE;
  }
}

const NO_GROUPS: GroupRows = { rows: [], codes: new Int32Array(0) };

/**
 * The model's group rows, with room for every code of the tags met so far (a group's codes grow
 * with the tags the features have met, a few dozen): allocated here, each row summed by `fillRow`
 * the first time `emit` reads it. A text meets a few thousand of the ~25,000 codes of 30 tags, and
 * summing them all ahead cost 13–33 ms of CPU at a wake (Node, loaded machine).
 */
export function groupRows(model: NerModel): GroupRows {
  const groups = (model.groups ??= { rows: GROUPS.map(() => new Float64Array(0)), codes: new Int32Array(GROUPS.length) });
  for (let g = 0; g < GROUPS.length; g++) {
    const size = groupSize(g);
    if (groups.codes[g] >= size) continue;
    if (groups.rows[g].length < size * SLOT) {
      const grown = new Float64Array(size * 2 * SLOT);
      grown.set(groups.rows[g]);
      groups.rows[g] = grown;
    }
    groups.codes[g] = size;
  }
  return groups;
}

/** Group `g`'s row for `code`: its members' packed weights summed, and the row's last number set to 1 (filled). */
function fillRow(model: NerModel, rows: Float64Array, g: number, code: number): void {
  const { displacement, table } = model;
  const slotCount = table.length / SLOT;
  const hashes = new Int32Array(GROUPS[g].length);
  groupHashes(g, code, hashes, 0);
  const at = code * SLOT;
  for (const hash of hashes) {
    const key = hash & KEY_MASK;
    const b = slotOf(key, displacement[bucketOf(key)], slotCount) * SLOT;
    if (table[b + PAIRS] === key) for (let p = 0; p < PAIRS; p++) rows[at + p] += table[b + p];
  }
  rows[at + PAIRS] = 1;
}

/**
 * The slots and displacements for `keys` (distinct, below 2^KEY_BITS): `slots[r]` is key r's
 * slot. Buckets are placed largest first, each at the smallest displacement whose slots are all
 * free (CHD, "hash, displace and compress", without the compression), trying displacements from one
 * of its own; the table starts at the
 * power of two just above the keys (60,000 keys: 65,536 slots, 92% full) and doubles in the rare
 * case a bucket finds no place, up to MAX_SLOTS. Deterministic: the same keys give the same table.
 */
export function slotTable(keys: ArrayLike<number>): { displacement: Uint16Array; slotCount: number; slots: Int32Array } {
  const count = keys.length;
  const buckets = 1 << BUCKET_BITS;
  // Keys by bucket (counting sort), and buckets by size, largest first.
  const start = new Int32Array(buckets + 1);
  for (let r = 0; r < count; r++) start[bucketOf(keys[r]) + 1]++;
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const members = new Int32Array(count);
  const fill = start.slice(0, buckets);
  for (let r = 0; r < count; r++) members[fill[bucketOf(keys[r])]++] = r;
  const order = Int32Array.from({ length: buckets }, (_, b) => b).sort((a, b) => start[b + 1] - start[b] - (start[a + 1] - start[a]) || a - b);
  // At least a byte's worth of slots: a bucket's keys, distinct in their low byte, then never share one.
  for (let slotCount = Math.max(256, 2 ** Math.ceil(Math.log2(count + 1))); slotCount <= MAX_SLOTS; slotCount *= 2) {
    const taken = new Uint8Array(slotCount);
    const displacement = new Uint16Array(buckets);
    const slots = new Int32Array(count);
    let placed = true;
    for (const b of order) {
      const from = start[b];
      const to = start[b + 1];
      if (from === to) break;
      // Each bucket starts at a displacement of its own: all starting at 0 would fill the first
      // slots first, and every later bucket would step across them (seconds, not milliseconds).
      const first = Math.imul(b, 0x9e3779b1) >>> 16;
      let found = -1;
      for (let i = 0; i < slotCount && found < 0; i++) {
        const d = (first + i) & (slotCount - 1);
        let m = from;
        while (m < to && !taken[slotOf(keys[members[m]], d, slotCount)]) m++;
        if (m === to) found = d;
      }
      if (found < 0) {
        placed = false;
        break;
      }
      displacement[b] = found;
      for (let m = from; m < to; m++) taken[(slots[members[m]] = slotOf(keys[members[m]], found, slotCount))] = 1;
    }
    if (placed) return { displacement, slotCount, slots };
  }
  throw new RangeError(`entity model: ${count} keys do not fit ${MAX_SLOTS} slots`);
}

/** A packed sum's two lanes into `out` at `at` and `at + 1`. */
const unpack = (sum: number, out: Int32Array, at: number) => {
  const high = Math.round(sum / LANE);
  out[at] = high;
  out[at + 1] = sum - high * LANE;
};

/**
 * The file (`ner.bin`): a little-endian u32, the length of a UTF-8 header of four lines (a
 * comment, `ner 4 <features> <scale> <slots>`, the transition scores, the titles space-separated);
 * then per feature, by ascending key, columns: the key's difference from the previous one (from 0)
 * in three bytes, stored a byte plane at a time (all low bytes, then the next…), the 13-bit mask
 * of the labels it weighs as two byte planes; then the perfect hash's displacement per bucket
 * (`slotTable`, run when the file is written: a wake only places each key) as two byte planes;
 * then one signed byte per weighed label (`quantise`; `scale` is the largest weight). Columns and
 * planes put like bytes together: the zip's deflate packs them to three quarters of the same bytes
 * interleaved, and no base64 is decoded at a wake.
 */
export function parseModel(file: ArrayBuffer | Uint8Array): NerModel {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(file);
  const headerLength = bytes.length >= 4 ? bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24) : -1;
  if (headerLength < 0 || 4 + headerLength > bytes.length) throw new Error('not an entity model');
  const lines = new TextDecoder().decode(bytes.subarray(4, 4 + headerLength)).split('\n');
  const [magic, version, count, scaleText, slotText] = (lines[1] ?? '').split(' ');
  if (magic !== 'ner' || version !== '4' || lines.length < 4) throw new Error('not an entity model');
  const features = Number(count);
  const scale = Number(scaleText);
  const slotCount = Number(slotText);
  const unit = scale / 127 ** 2;
  const transitions = Float32Array.from(lines[2].split(' '), (t) => Number(t) / unit);
  const titles = new Set(lines[3].split(' ').filter(Boolean));
  if (transitions.length !== TRANSITIONS || !(features >= 0) || !(scale > 0)) throw new Error('entity model: bad header');
  // Bounds on the header's counts, so a damaged file fails before it allocates.
  if (!(slotCount > features && slotCount >= 256 && slotCount <= MAX_SLOTS && (slotCount & (slotCount - 1)) === 0)) throw new Error('entity model: bad header');
  const deltas = 4 + headerLength;
  const masks = deltas + DELTA_PLANES * features;
  const displacements = masks + 2 * features;
  const buckets = 1 << BUCKET_BITS;
  let at = displacements + 2 * buckets;
  if (at > bytes.length) throw new Error('entity model: truncated');
  const displacement = new Uint16Array(buckets);
  for (let b = 0; b < buckets; b++) displacement[b] = bytes[displacements + b] | (bytes[displacements + buckets + b] << 8);
  const table = new Float64Array(slotCount * SLOT);
  for (let slot = 0; slot < slotCount; slot++) table[slot * SLOT + PAIRS] = -1;
  let key = 0;
  for (let row = 0; row < features; row++) {
    const delta = bytes[deltas + row] | (bytes[deltas + features + row] << 8) | (bytes[deltas + 2 * features + row] << 16);
    key += delta;
    if (key > KEY_MASK || (row > 0 && delta === 0)) throw new Error('entity model: bad key');
    const b = slotOf(key, displacement[bucketOf(key)], slotCount) * SLOT;
    // Displacements that put two keys in one slot: the file was not written with these keys.
    if (table[b + PAIRS] !== -1) throw new Error('entity model: bad displacements');
    table[b + PAIRS] = key;
    const used = bytes[masks + row] | (bytes[masks + features + row] << 8);
    if (at + bitCount(used) > bytes.length) throw new Error('entity model: truncated');
    for (let y = 0; y < LABELS; y++) {
      if (!(used & (1 << y))) continue;
      const q = unquantise((bytes[at++] << 24) >> 24);
      table[b + (y >> 1)] += y & 1 ? q : q * LANE;
    }
  }
  if (at !== bytes.length) throw new Error('entity model: truncated or padded');
  return { displacement, table, transitions, features, titles };
}

/** Writes weights (a map from feature key, below 2^KEY_BITS, to its label weights) as parseModel reads them. */
export function serializeModel(
  weights: Map<number, Float32Array>,
  transitions: Float32Array,
  titles: Iterable<string>,
  scale: number,
  comment: string,
): Uint8Array<ArrayBuffer> {
  const rows: Array<{ delta: number; used: number; quantised: number[] }> = [];
  const keys: number[] = [];
  let previous = 0;
  for (const key of [...weights.keys()].sort((a, b) => a - b)) {
    if (key < 0 || key > KEY_MASK) throw new RangeError(`entity model: key ${key} out of range`);
    const quantised = Array.from(weights.get(key)!, (w) => quantise(w, scale));
    const used = quantised.reduce((bits, q, y) => (q ? bits | (1 << y) : bits), 0);
    if (!used) continue;
    rows.push({ delta: key - previous, used, quantised: quantised.filter((q) => q) });
    keys.push(key);
    previous = key;
  }
  const { displacement, slotCount } = slotTable(keys);
  const header = new TextEncoder().encode(
    `# ${comment}\nner 4 ${rows.length} ${scale} ${slotCount}\n${Array.from(transitions, (t) => +t.toFixed(3)).join(' ')}\n${[...titles].join(' ')}`,
  );
  const n = rows.length;
  const deltas = 4 + header.length;
  const masks = deltas + DELTA_PLANES * n;
  const displacements = masks + 2 * n;
  const buckets = displacement.length;
  let at = displacements + 2 * buckets;
  const bytes = new Uint8Array(at + rows.reduce((sum, r) => sum + r.quantised.length, 0));
  new DataView(bytes.buffer).setUint32(0, header.length, true);
  bytes.set(header, 4);
  rows.forEach(({ delta, used, quantised }, row) => {
    for (let plane = 0; plane < DELTA_PLANES; plane++) bytes[deltas + plane * n + row] = (delta >> (8 * plane)) & 0xff;
    bytes[masks + row] = used & 0xff;
    bytes[masks + n + row] = used >> 8;
    for (const q of quantised) bytes[at++] = q & 0xff;
  });
  displacement.forEach((d, b) => {
    bytes[displacements + b] = d & 0xff;
    bytes[displacements + buckets + b] = d >> 8;
  });
  return bytes;
}
