/**
 * The entity tagger's model: per character one of 13 labels (outside, or the beginning, inside,
 * end or whole of a person, place or organisation: BIOES), scored by weights per feature hash and
 * per pair of neighbouring labels, decoded by Viterbi over typed arrays. The shipped weights
 * (public/nlp/ner.bin, from `npm run train:ner`) keep only the features that matter, quantised
 * to one byte per weight.
 */
import type { EntityType } from '../entities';

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

/** For each label, the labels that may come before it (BIOES: 7 for O, B and S; 2 for I and E). */
const PREDECESSORS: Uint8Array[] = Array.from({ length: LABELS }, (_, y) => Uint8Array.from({ length: LABELS }, (_, p) => p).filter((p) => allowed(p, y)));

/**
 * The best well-formed label sequence for `n` characters given per-character label scores
 * (`emissions[i * LABELS + label]`) and transition scores, written into `out`.
 */
export function viterbi(emissions: Int32Array | Float32Array, n: number, transitions: Float32Array | Float64Array, out: Uint8Array): void {
  if (!n) return;
  if (scoreBuffer.length < n * LABELS) {
    scoreBuffer = new Float64Array(n * LABELS * 2);
    backBuffer = new Uint8Array(n * LABELS * 2);
  }
  const score = scoreBuffer;
  const back = backBuffer;
  for (let y = 0; y < LABELS; y++) score[y] = allowed(-1, y) ? transitions[y] + emissions[y] : -Infinity;
  for (let i = 1; i < n; i++) {
    const row = i * LABELS;
    const previous = row - LABELS;
    for (let y = 0; y < LABELS; y++) {
      const from = PREDECESSORS[y];
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < from.length; k++) {
        const p = from[k];
        const s = score[previous + p] + transitions[(p + 1) * LABELS + y];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[row + y] = best + emissions[row + y];
      back[row + y] = arg;
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
 * Shipped weights: an open-addressing table from feature key to its row of label weights, half
 * full; the weights are integers in units of the smallest quantised step (scale / 127²), so the
 * emissions add exactly and without a conversion per weight.
 */
export interface NerModel {
  /**
   * Per slot, two numbers side by side: the feature's key (its hash's low KEY_BITS bits), then
   * where its row of weights starts in `weights` (EMPTY: none). A lookup reads one cache line where two arrays cost two misses.
   */
  slots: Int32Array;
  /** Slots − 1 (a power of two). */
  mask: number;
  /** 13 a row; at most 127² in magnitude. */
  weights: Int16Array;
  /** In the same units as the weights. */
  transitions: Float32Array;
  features: number;
  /** Titles and roles, learnt from the training data (FeatureKnowledge.titles). */
  titles: Set<string>;
}

/**
 * One signed byte per weight, on a square-root scale: small weights, most of them, keep their
 * precision, and the largest (`scale`) still fits.
 */
const quantise = (w: number, scale: number) => Math.sign(w) * Math.min(127, Math.round(127 * Math.sqrt(Math.abs(w) / scale)));
/** A quantised weight in units of scale / 127². */
const unquantise = (q: number) => Math.sign(q) * q * q;
const EMPTY = -1;
/** A bound on the header's count, so a damaged file fails before it allocates. */
const MAX_FEATURES = 1 << 20;
/**
 * A feature is known by its hash's low 22 bits, as in training (whose weight table has 2²² rows:
 * features that share them share weights there too). The keys, sorted, differ by ~70 on average
 * where full 32-bit hashes differed by ~70,000: a fifth of the file's deflated size saved.
 */
export const KEY_BITS = 22;
export const KEY_MASK = (1 << KEY_BITS) - 1;
/** Bytes a key's difference takes. */
const DELTA_PLANES = 3;

const popCount = (bits: number) => {
  let count = 0;
  for (; bits; bits &= bits - 1) count++;
  return count;
};

const slot = (hash: number, mask: number) => (Math.imul(hash, 0x27d4eb2d) >>> 0) & mask;

/**
 * Each character's label scores, the sum of its features' weights, into `emissions` (n × LABELS).
 * The 13 sums stay in locals while a character's features are read (written out once, not added
 * to memory per feature): twice as fast as a loop over the labels. The lookups are the cost (33 a
 * character, each a likely cache miss), hence the slots' pairs and 16-bit weights: a quarter
 * faster than keys and rows in two arrays and 32-bit weights. (8-bit weights squared as they are
 * added were twice as slow.)
 */
export function emit(model: NerModel, features: Int32Array, templates: number, n: number, emissions: Int32Array): void {
  const { slots, mask, weights: w } = model;
  const wrap = (mask << 1) | 1;
  for (let i = 0; i < n; i++) {
    let e0 = 0,
      e1 = 0,
      e2 = 0,
      e3 = 0,
      e4 = 0,
      e5 = 0,
      e6 = 0,
      e7 = 0,
      e8 = 0,
      e9 = 0,
      e10 = 0,
      e11 = 0,
      e12 = 0;
    const end = (i + 1) * templates;
    for (let f = i * templates; f < end; f++) {
      const key = features[f] & KEY_MASK;
      let at = slot(key, mask) << 1;
      let b = slots[at + 1];
      while (b !== EMPTY && slots[at] !== key) {
        at = (at + 2) & wrap;
        b = slots[at + 1];
      }
      if (b === EMPTY) continue;
      e0 += w[b];
      e1 += w[b + 1];
      e2 += w[b + 2];
      e3 += w[b + 3];
      e4 += w[b + 4];
      e5 += w[b + 5];
      e6 += w[b + 6];
      e7 += w[b + 7];
      e8 += w[b + 8];
      e9 += w[b + 9];
      e10 += w[b + 10];
      e11 += w[b + 11];
      e12 += w[b + 12];
    }
    const t = i * LABELS;
    emissions[t] = e0;
    emissions[t + 1] = e1;
    emissions[t + 2] = e2;
    emissions[t + 3] = e3;
    emissions[t + 4] = e4;
    emissions[t + 5] = e5;
    emissions[t + 6] = e6;
    emissions[t + 7] = e7;
    emissions[t + 8] = e8;
    emissions[t + 9] = e9;
    emissions[t + 10] = e10;
    emissions[t + 11] = e11;
    emissions[t + 12] = e12;
  }
}

/**
 * The file (`ner.bin`): a little-endian u32, the length of a UTF-8 header of four lines (a
 * comment, `ner 3 <features> <scale>`, the transition scores, the titles space-separated); then
 * per feature, by ascending key, columns: the key's difference from the previous one (from 0) in
 * three bytes, stored a byte plane at a time (all low bytes, then the next…), the 13-bit mask of
 * the labels it weighs as two byte planes, then one signed byte per weighed label (`quantise`;
 * `scale` is the largest weight). Columns and planes put like bytes together: the zip's deflate packs them to
 * three quarters of the same bytes interleaved, and no base64 is decoded at a wake.
 */
export function parseModel(file: ArrayBuffer | Uint8Array): NerModel {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(file);
  const headerLength = bytes.length >= 4 ? bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24) : -1;
  if (headerLength < 0 || 4 + headerLength > bytes.length) throw new Error('not an entity model');
  const lines = new TextDecoder().decode(bytes.subarray(4, 4 + headerLength)).split('\n');
  const [magic, version, count, scaleText] = (lines[1] ?? '').split(' ');
  if (magic !== 'ner' || version !== '3' || lines.length < 4) throw new Error('not an entity model');
  const features = Number(count);
  const scale = Number(scaleText);
  const unit = scale / 127 ** 2;
  const transitions = Float32Array.from(lines[2].split(' '), (t) => Number(t) / unit);
  const titles = new Set(lines[3].split(' ').filter(Boolean));
  if (transitions.length !== TRANSITIONS || !(features >= 0) || !(scale > 0)) throw new Error('entity model: bad header');
  if (features > MAX_FEATURES) throw new Error('entity model: too many features');
  const deltas = 4 + headerLength;
  const masks = deltas + DELTA_PLANES * features;
  let at = masks + 2 * features;
  if (at > bytes.length) throw new Error('entity model: truncated');
  let size = 1;
  while (size < features * 2) size <<= 1;
  const model: NerModel = {
    slots: new Int32Array(2 * size).fill(EMPTY),
    mask: size - 1,
    weights: new Int16Array(features * LABELS),
    transitions,
    features,
    titles,
  };
  let key = 0;
  for (let row = 0; row < features; row++) {
    key += bytes[deltas + row] | (bytes[deltas + features + row] << 8) | (bytes[deltas + 2 * features + row] << 16);
    if (key > KEY_MASK) throw new Error('entity model: bad key');
    const used = bytes[masks + row] | (bytes[masks + features + row] << 8);
    if (at + popCount(used) > bytes.length) throw new Error('entity model: truncated');
    for (let y = 0; y < LABELS; y++) if (used & (1 << y)) model.weights[row * LABELS + y] = unquantise((bytes[at++] << 24) >> 24);
    let s = slot(key, model.mask) << 1;
    while (model.slots[s + 1] !== EMPTY) s = (s + 2) & ((model.mask << 1) | 1);
    model.slots[s] = key;
    model.slots[s + 1] = row * LABELS;
  }
  if (at !== bytes.length) throw new Error('entity model: truncated or padded');
  return model;
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
  let previous = 0;
  for (const key of [...weights.keys()].sort((a, b) => a - b)) {
    if (key < 0 || key > KEY_MASK) throw new RangeError(`entity model: key ${key} out of range`);
    const quantised = Array.from(weights.get(key)!, (w) => quantise(w, scale));
    const used = quantised.reduce((bits, q, y) => (q ? bits | (1 << y) : bits), 0);
    if (!used) continue;
    rows.push({ delta: key - previous, used, quantised: quantised.filter((q) => q) });
    previous = key;
  }
  const header = new TextEncoder().encode(
    `# ${comment}\nner 3 ${rows.length} ${scale}\n${Array.from(transitions, (t) => +t.toFixed(3)).join(' ')}\n${[...titles].join(' ')}`,
  );
  const n = rows.length;
  const deltas = 4 + header.length;
  const masks = deltas + DELTA_PLANES * n;
  let at = masks + 2 * n;
  const bytes = new Uint8Array(at + rows.reduce((sum, r) => sum + r.quantised.length, 0));
  new DataView(bytes.buffer).setUint32(0, header.length, true);
  bytes.set(header, 4);
  rows.forEach(({ delta, used, quantised }, row) => {
    for (let plane = 0; plane < DELTA_PLANES; plane++) bytes[deltas + plane * n + row] = (delta >> (8 * plane)) & 0xff;
    bytes[masks + row] = used & 0xff;
    bytes[masks + n + row] = used >> 8;
    for (const q of quantised) bytes[at++] = q & 0xff;
  });
  return bytes;
}
