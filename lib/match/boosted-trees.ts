/**
 * Gradient-boosted shallow trees for a yes/no question (log loss), trained and read without any
 * randomness: the same examples always give the same trees, and the trees are data (a JSON file).
 * Shallow trees capture what a weighted sum cannot: many shared names count for less when the text
 * dates itself to another year; shared kind-of-event words count for less when another story
 * shares as much.
 */

/** A split (`feature`, `split`: go left when the value is at most the split) or a leaf (`value`). */
export interface TreeNode {
  feature?: number;
  split?: number;
  left?: TreeNode;
  right?: TreeNode;
  value?: number;
}

export interface BoostedTrees {
  /** Log-odds before any tree. */
  base: number;
  /** Each tree's leaf values are multiplied by this. */
  rate: number;
  trees: TreeNode[];
}

export interface BoostOptions {
  rounds?: number;
  depth?: number;
  rate?: number;
  /** Fewest examples a leaf may hold. */
  minLeaf?: number;
  /** L2 penalty on leaf values. */
  lambda?: number;
  /** Most split points tried per feature (quantiles of its values). */
  bins?: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function leafOf(node: TreeNode, x: number[]): number {
  let at = node;
  while (at.value === undefined) at = x[at.feature!] <= at.split! ? at.left! : at.right!;
  return at.value;
}

/** The probability the trees give a raw (not standardised) feature vector. */
export function boostedProbability(model: BoostedTrees, x: number[]): number {
  let z = model.base;
  for (const tree of model.trees) z += model.rate * leafOf(tree, x);
  return sigmoid(z);
}

/** Split points of one feature: midpoints between neighbouring values, at most `bins - 1` of them. */
function splitPoints(values: number[], bins: number): number[] {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const points: number[] = [];
  if (distinct.length <= bins) for (let i = 0; i + 1 < distinct.length; i++) points.push((distinct[i] + distinct[i + 1]) / 2);
  else
    for (let k = 1; k < bins; k++) {
      const i = Math.floor((k * distinct.length) / bins);
      points.push((distinct[i - 1] + distinct[i]) / 2);
    }
  return [...new Set(points)];
}

/**
 * Newton boosting: each round fits a tree of at most `depth` levels to the gradient of the log
 * loss, its leaves set to −G/(H + lambda). Split search runs over histograms of each feature's
 * bins, so a round costs (examples × features) per level.
 */
export function trainBoostedTrees(
  xs: number[][],
  ys: number[],
  { rounds = 300, depth = 2, rate = 0.03, minLeaf = 5, lambda = 1, bins = 32 }: BoostOptions = {},
): BoostedTrees {
  const n = xs.length;
  const dims = xs[0]?.length ?? 0;
  const points = Array.from({ length: dims }, (_, d) =>
    splitPoints(
      xs.map((x) => x[d]),
      bins,
    ),
  );
  // Each example's bin per feature: bin k holds values between points k-1 and k.
  const binOf = points.map((p, d) =>
    Uint8Array.from(xs, (x) => {
      let k = 0;
      while (k < p.length && x[d] > p[k]) k++;
      return k;
    }),
  );
  const positives = ys.reduce((a, y) => a + y, 0);
  const base = Math.log((positives + 0.5) / (n - positives + 0.5));
  const margin = new Float64Array(n).fill(base);
  const gradient = new Float64Array(n);
  const hessian = new Float64Array(n);
  const grow = (members: number[], level: number): TreeNode => {
    let G = 0;
    let H = 0;
    for (const i of members) {
      G += gradient[i];
      H += hessian[i];
    }
    const leaf = { value: -G / (H + lambda) };
    if (level === depth || members.length < 2 * minLeaf) return leaf;
    const parent = (G * G) / (H + lambda);
    let best = { gain: 1e-9, feature: -1, bin: 0 };
    for (let d = 0; d < dims; d++) {
      const size = points[d].length + 1;
      const sumG = new Float64Array(size);
      const sumH = new Float64Array(size);
      const count = new Int32Array(size);
      for (const i of members) {
        const b = binOf[d][i];
        sumG[b] += gradient[i];
        sumH[b] += hessian[i];
        count[b]++;
      }
      let leftG = 0;
      let leftH = 0;
      let leftN = 0;
      for (let b = 0; b < size - 1; b++) {
        leftG += sumG[b];
        leftH += sumH[b];
        leftN += count[b];
        if (leftN < minLeaf || members.length - leftN < minLeaf) continue;
        const gain = (leftG * leftG) / (leftH + lambda) + (G - leftG) ** 2 / (H - leftH + lambda) - parent;
        if (gain > best.gain) best = { gain, feature: d, bin: b };
      }
    }
    if (best.feature < 0) return leaf;
    const chosen = binOf[best.feature];
    return {
      feature: best.feature,
      split: points[best.feature][best.bin],
      left: grow(
        members.filter((i) => chosen[i] <= best.bin),
        level + 1,
      ),
      right: grow(
        members.filter((i) => chosen[i] > best.bin),
        level + 1,
      ),
    };
  };
  const everyone = Array.from({ length: n }, (_, i) => i);
  const trees: TreeNode[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(margin[i]);
      gradient[i] = p - ys[i];
      hessian[i] = Math.max(p * (1 - p), 1e-6);
    }
    const tree = grow(everyone, 0);
    trees.push(tree);
    for (let i = 0; i < n; i++) margin[i] += rate * leafOf(tree, xs[i]);
  }
  return { base, rate, trees };
}
