import { describe, expect, it } from 'vitest';
import { GROUPS, sentenceFeatures, TEMPLATES, TRAINED_TEMPLATES, trainedFeatures } from '../../lib/nlp/ner/features';
import {
  allowed,
  BUCKET_BITS,
  emit,
  END_ROW,
  KEY_BITS,
  labelOf,
  LABELS,
  labelSpans,
  parseModel,
  serializeModel,
  slotTable,
  spansOf,
  TRANSITIONS,
  viterbi,
} from '../../lib/nlp/ner/model';
import { readPackageBytes } from './helpers';

describe('entity model', () => {
  it('reads back the weights it writes, within one quantisation step, and its titles', () => {
    const weights = new Map([
      [17, Float32Array.from({ length: LABELS }, (_, y) => (y === 5 ? 2 : y === 0 ? -1.5 : 0))],
      [(1 << KEY_BITS) - 9, Float32Array.from({ length: LABELS }, (_, y) => (y === 8 ? 0.01 : 0))],
    ]);
    const model = parseModel(serializeModel(weights, new Float32Array(TRANSITIONS), ['市长', '董事长'], 2, 'test'));
    expect(model.features).toBe(2);
    expect([...model.titles]).toEqual(['市长', '董事长']);
    const emissions = new Int32Array(2 * LABELS);
    emit(model, Int32Array.of(17, 12345), 2, 1, emissions, 0);
    // Units of scale / 127²: 2 is 127², −1.5 is −(110)² (√0.75 · 127 rounds to 110).
    expect(emissions[5]).toBe(127 ** 2);
    expect(emissions[0]).toBe(-(110 ** 2));
    // A feature the model does not hold adds nothing; a tiny weight keeps its sign.
    // A feature is read by its hash's low KEY_BITS bits, as in training: −9 is key 2²² − 9.
    emit(model, Int32Array.of(12345, -9), 2, 1, emissions, 0);
    expect(emissions[8]).toBeGreaterThan(0);
    expect(emissions[0]).toBe(0);
  });

  it('writes only keys of KEY_BITS bits', () => {
    const row = Float32Array.from({ length: LABELS }, () => 1);
    expect(() => serializeModel(new Map([[1 << KEY_BITS, row]]), new Float32Array(TRANSITIONS), [], 1, 'test')).toThrow(RangeError);
    expect(() => serializeModel(new Map([[-1, row]]), new Float32Array(TRANSITIONS), [], 1, 'test')).toThrow(RangeError);
  });

  it('refuses a file that is not a model or is cut short', () => {
    expect(() => parseModel(new TextEncoder().encode('hello\n'))).toThrow(/not an entity model/);
    const file = serializeModel(new Map([[1, Float32Array.from({ length: LABELS }, () => 1)]]), new Float32Array(TRANSITIONS), [], 1, 'test');
    expect(parseModel(file).features).toBe(1);
    expect(() => parseModel(file.subarray(0, file.length - 1))).toThrow(/truncated/);
    expect(() => parseModel(Uint8Array.of(...file, 0))).toThrow(/padded/);
    expect(() => parseModel(file.subarray(0, 40))).toThrow();
  });

  it('decodes only well-formed label sequences, whatever the scores say', () => {
    // Scores that would pick "inside a place" with nothing before it, then "outside".
    const n = 3;
    const emissions = new Int32Array(n * LABELS);
    emissions[labelOf(1, 1)] = 100;
    emissions[LABELS + labelOf(1, 2)] = 100;
    emissions[2 * LABELS] = 100;
    const labels = new Uint8Array(n);
    viterbi(emissions, n, new Float32Array(TRANSITIONS), labels);
    expect(spansOf(labels)).toEqual([{ type: 'place', start: 0, end: 2 }]);
  });

  /** A seeded generator: the random cases are the same at every run. */
  const random = (seed: number) => () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };

  it('sums the weights of every feature it holds, exactly, as a plain table would', () => {
    const next = random(7);
    const rows = new Map<number, Float32Array>();
    while (rows.size < 500)
      rows.set(
        Math.floor(next() * (1 << KEY_BITS)),
        Float32Array.from({ length: LABELS }, () => (next() < 0.4 ? 0 : (next() - 0.5) * 6)),
      );
    const model = parseModel(serializeModel(rows, new Float32Array(TRANSITIONS), [], 3, 'test'));
    // The plain table: each key's quantised row, read back one feature at a time.
    const plain = new Map<number, Int32Array>();
    const one = new Int32Array(LABELS);
    for (const key of rows.keys()) {
      emit(model, Int32Array.of(key), 1, 1, one, 0);
      plain.set(key, one.slice());
    }
    const keys = [...rows.keys()];
    const templates = 33;
    const n = 40;
    // Most features held, some not; the largest weights many times over, both signs.
    const features = Int32Array.from({ length: n * templates }, (_, f) =>
      f % 5 === 0 ? Math.floor(next() * 2 ** 32) | 0 : keys[Math.floor(next() * keys.length)] | (f % 3 === 0 ? 1 << KEY_BITS : 0),
    );
    const emissions = new Int32Array(n * LABELS);
    emit(model, features, templates, n, emissions, 0);
    for (let i = 0; i < n; i++) {
      const expected = new Array(LABELS).fill(0);
      for (let t = 0; t < templates; t++) {
        const row = plain.get(features[i * templates + t] & ((1 << KEY_BITS) - 1));
        if (row) for (let y = 0; y < LABELS; y++) expected[y] += row[y];
      }
      expect([...emissions.subarray(i * LABELS, (i + 1) * LABELS)]).toEqual(expected);
    }
  });

  it('gives each of 60,000 keys a slot of its own among 65,536, the same at every build', () => {
    const next = random(3);
    const keys = new Set<number>();
    while (keys.size < 60_000) keys.add(Math.floor(next() * (1 << KEY_BITS)));
    const sorted = Int32Array.from([...keys].sort((a, b) => a - b));
    const { slotCount, slots, displacement } = slotTable(sorted);
    expect(slotCount).toBe(65_536);
    expect(new Set(slots).size).toBe(60_000);
    expect(slots.every((slot) => slot >= 0 && slot < slotCount)).toBe(true);
    expect(slotTable(sorted).displacement).toEqual(displacement);
  });

  it('refuses displacements that put two keys in one slot, and reads any others alike', () => {
    const next = random(5);
    // Twenty keys in 256 slots, key k weighing label k mod 13 alone.
    const keys = Array.from({ length: 20 }, (_, k) => k * 40_009 + 3);
    const row = (y: number) => Float32Array.from({ length: LABELS }, (_, label) => (label === y ? 1 : 0));
    const file = serializeModel(new Map(keys.map((key, k) => [key, row(k % LABELS)])), new Float32Array(TRANSITIONS), [], 1, 'test');
    // The displacements' two byte planes, after the header, the keys' deltas and their masks.
    const displacements = 4 + new DataView(file.buffer).getUint32(0, true) + 5 * keys.length;
    const buckets = 1 << BUCKET_BITS;
    let refused = 0;
    let read = 0;
    for (let trial = 0; trial < 60; trial++) {
      const other = file.slice();
      for (let b = 0; b < buckets; b++) other[displacements + b] = Math.floor(next() * 256);
      let model: ReturnType<typeof parseModel>;
      try {
        model = parseModel(other);
      } catch (error) {
        expect(String(error)).toMatch(/bad displacements/);
        refused++;
        continue;
      }
      // Any other displacements place the keys elsewhere, and find them there.
      read++;
      const emissions = new Int32Array(keys.length * LABELS);
      emit(model, Int32Array.from(keys), 1, keys.length, emissions, 0);
      for (let k = 0; k < keys.length; k++)
        expect([...emissions.subarray(k * LABELS, (k + 1) * LABELS)]).toEqual(Array.from({ length: LABELS }, (_, y) => (y === k % LABELS ? 127 ** 2 : 0)));
    }
    // About half of such random displacements put two of twenty keys together.
    expect(refused).toBeGreaterThan(0);
    expect(read).toBeGreaterThan(0);
  });

  it('decodes as a plain Viterbi over every allowed predecessor does, ties to the lowest label', () => {
    const next = random(11);
    const plainViterbi = (emissions: Int32Array, n: number, transitions: Float32Array) => {
      const score: number[][] = [];
      const back: number[][] = [];
      score.push(Array.from({ length: LABELS }, (_, y) => (allowed(-1, y) ? transitions[y] + emissions[y] : -Infinity)));
      for (let i = 1; i < n; i++) {
        score.push([]);
        back.push([]);
        for (let y = 0; y < LABELS; y++) {
          let best = -Infinity;
          let arg = 0;
          for (let p = 0; p < LABELS; p++) {
            const s = score[i - 1][p] + transitions[(p + 1) * LABELS + y];
            if (allowed(p, y) && s > best) [best, arg] = [s, p];
          }
          score[i][y] = best + emissions[i * LABELS + y];
          back[i - 1][y] = arg;
        }
      }
      let label = 0;
      let best = -Infinity;
      for (let y = 0; y < LABELS; y++) {
        const s = score[n - 1][y] + transitions[END_ROW + y];
        if (allowed(y, 0) && s > best) [best, label] = [s, y];
      }
      const labels = [label];
      for (let i = n - 2; i >= 0; i--) labels.unshift((label = back[i][label]));
      return labels;
    };
    for (let run = 0; run < 200; run++) {
      const n = 1 + Math.floor(next() * 30);
      // Few distinct scores, so that ties happen and must break the same way.
      const emissions = Int32Array.from({ length: n * LABELS }, () => Math.floor(next() * 5) * 100);
      const transitions = Float32Array.from({ length: TRANSITIONS }, () => Math.floor(next() * 4) * 50 - 100);
      const labels = new Uint8Array(n);
      viterbi(emissions, n, transitions, labels);
      expect([...labels]).toEqual(plainViterbi(emissions, n, transitions));
    }
  });

  it('labels spans and reads them back', () => {
    const spans = [
      { kind: 0, start: 0, end: 3 },
      { kind: 1, start: 4, end: 5 },
      { kind: 2, start: 5, end: 9 },
    ];
    const labels = labelSpans(10, spans);
    expect(spansOf(labels)).toEqual([
      { type: 'person', start: 0, end: 3 },
      { type: 'place', start: 4, end: 5 },
      { type: 'org', start: 5, end: 9 },
    ]);
  });
});

describe('entity features', () => {
  const knowledge = (titles: string[]) => ({ surnames: new Set(['李']), nameClass: new Uint8Array(0x10000), titles: new Set(titles) });
  const tokens = (text: string) => text.split('/').map((word) => ({ word, tag: word === ' ' ? 'x' : 'n' }));
  /** The templates whose hashes at `at` differ between two title lists. */
  const changed = (text: string, at: number, titles: string[]) => {
    const words = tokens(text);
    const plain = text.replaceAll('/', '');
    const hints = new Uint8Array(plain.length);
    const a = sentenceFeatures(plain, words, knowledge([]), hints);
    const b = sentenceFeatures(plain, words, knowledge(titles), hints);
    return Array.from({ length: TEMPLATES }, (_, t) => t).filter((t) => a[at * TEMPLATES + t] !== b[at * TEMPLATES + t]);
  };

  it('marks the words a title stands right before or after, a space skipped, and no other', () => {
    const beside = changed('市长/李明/说', 2, ['市长', '副市长']);
    expect(beside.length).toBeGreaterThan(0);
    expect(changed('市长/ /李明/说', 3, ['市长'])).toEqual(beside);
    expect(changed('李明/董事长/说', 0, ['董事长'])).toEqual(changed('李明/董事长/说', 0, ['董事长', '长']));
    expect(changed('李明/董事长/说', 0, ['董事长']).length).toBeGreaterThan(0);
    // A title two words away, or one the text ends before it is spelt out (市长江 of 市长江边), says nothing.
    expect(changed('市长/在/李明/说', 4, ['市长'])).toEqual([]);
    expect(changed('李明/市长江', 0, ['市长江边'])).toEqual([]);
    expect(changed('李明/市长江边', 0, ['市长江边']).length).toBeGreaterThan(0);
    // Two characters that share a title's key (长 is U+957F, ᕿ U+157F) are told apart by their spelling.
    expect(changed('李明/\u157f官', 0, ['长官', '\u157f员'])).toEqual([]);
    expect(changed('李明/长官', 0, ['长官']).length).toBeGreaterThan(0);
  });

  it('reads each group of templates as one row that sums its members, as training spelt them out one by one', async () => {
    const model = parseModel(await readPackageBytes('nlp/ner.bin'));
    expect(TEMPLATES).toBe(TRAINED_TEMPLATES - GROUPS.reduce((sum, members) => sum + members.length - 1, 0));
    // Tags never met before this test among them: a group's rows grow as new tags come.
    const sentences: Array<[string, string[], number[]]> = [
      [
        '新华社/记者/李明/报道/：/湖南省/株洲市/人民政府/会见/了/代表团/。',
        ['nt', 'n', 'nr', 'v', 'x', 'ns', 'ns', 'nt', 'v', 'ul', 'n', 'x'],
        [9, 11, 11, 12, 0, 0, 1, 3],
      ],
      ['中车株洲所/董事长/在/北京/表示', ['xq1', 'n', 'p', 'ns', 'xq2'], [9, 10, 10, 10, 11]],
      ['株洲', ['xq3'], [5, 7]],
    ];
    for (const [text, tags, hintList] of sentences) {
      const words = text.split('/').map((word, w) => ({ word, tag: tags[w] }));
      const plain = text.replaceAll('/', '');
      const hints = Uint8Array.from({ length: plain.length }, (_, i) => hintList[i] ?? 0);
      const k = { surnames: new Set(['李']), nameClass: new Uint8Array(0x10000), titles: new Set(['董事长', '记者']) };
      const n = plain.length;
      const grouped = new Int32Array(n * LABELS);
      const oneByOne = new Int32Array(n * LABELS);
      const features = sentenceFeatures(plain, words, k, hints);
      emit(model, features, TEMPLATES, n, grouped);
      emit(model, trainedFeatures(features, n), TRAINED_TEMPLATES, n, oneByOne, 0);
      expect([...grouped]).toEqual([...oneByOne]);
      expect(grouped.some((e) => e !== 0)).toBe(true);
    }
  });
});
