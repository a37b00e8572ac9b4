/**
 * mulberry32: a small seeded generator of numbers in [0, 1), the same sequence on every machine,
 * for whatever must come out alike on every run (the trainer's shuffle, the benchmark's
 * library, the tests' generated input).
 */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
