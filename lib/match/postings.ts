/**
 * Posting lists as two parallel typed arrays (story numbers ascending, weights): compact in
 * memory and copied by IndexedDB's structured clone without per-item work.
 */
import type { Posting } from './rank';

export function emptyPosting(): Posting {
  return { ords: new Uint32Array(0), weights: new Float32Array(0) };
}

/** The posting with `ord` removed, and with it set to `weight` when one is given. */
export function updatePosting(posting: Posting, ord: number, weight?: number): Posting {
  const { ords, weights } = posting;
  let at = 0;
  while (at < ords.length && ords[at] < ord) at++;
  const present = at < ords.length && ords[at] === ord;
  const length = ords.length - (present ? 1 : 0) + (weight === undefined ? 0 : 1);
  const next = { ords: new Uint32Array(length), weights: new Float32Array(length) };
  next.ords.set(ords.subarray(0, at));
  next.weights.set(weights.subarray(0, at));
  let to = at;
  if (weight !== undefined) {
    next.ords[to] = ord;
    next.weights[to++] = weight;
  }
  const rest = at + (present ? 1 : 0);
  next.ords.set(ords.subarray(rest), to);
  next.weights.set(weights.subarray(rest), to);
  return next;
}

/** The posting with every story in `changes` removed (undefined) or set to its weight, in one pass. */
export function mergePosting(posting: Posting, changes: Map<number, number | undefined>): Posting {
  const ords: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < posting.ords.length; i++) {
    if (changes.has(posting.ords[i])) continue;
    ords.push(posting.ords[i]);
    weights.push(posting.weights[i]);
  }
  const added = [...changes].filter((c): c is [number, number] => c[1] !== undefined);
  if (added.length === 0) return { ords: Uint32Array.from(ords), weights: Float32Array.from(weights) };
  const order = [...ords.map((o, i) => [o, weights[i]] as [number, number]), ...added].sort((a, b) => a[0] - b[0]);
  return { ords: Uint32Array.from(order, (e) => e[0]), weights: Float32Array.from(order, (e) => e[1]) };
}
