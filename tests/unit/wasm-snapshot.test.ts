/**
 * jieba's built dictionary restored from a copy of its wasm memory (lib/nlp/wasm-snapshot.ts)
 * must answer exactly as a freshly built one: the same words and tags on the seed stories,
 * before and after it is taught words, the copy streamed in chunks that arrive before and after
 * the module is ready. A copy that fails to arrive whole must leave a module that builds as a
 * fresh one does. Instances of jieba-wasm's web build (the one the extension runs), each a
 * module of its own.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOrRestore, changedRuns, restoreSnapshot, type SnapshotSource, type WasmSnapshot } from '../../lib/nlp/wasm-snapshot';
import { firstCalls } from '../../lib/nlp/segmenter';
import { bundledStories } from './helpers';

const wasm = new WebAssembly.Module(await readFile(new URL('../../node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm', import.meta.url)));

/** A fresh jieba: its own module instance, its dictionary not built. */
async function freshJieba() {
  vi.resetModules();
  const jieba = await import('jieba-wasm/web');
  return { jieba, state: jieba.initSync({ module: wasm }) };
}

/** The module as the background has it: instantiated a little after the snapshot starts coming. */
const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 5));

interface Streaming {
  /** Bytes sent (or that share of them, below 1) before the body ends (`end`) or errors (`fail`); all of them otherwise. */
  cut?: number;
  how?: 'end' | 'fail';
  /** What the body carries beyond the snapshot. */
  extra?: number;
  /** A byte stream, as the Cache API's bodies are (read into one buffer); chunks otherwise. */
  bytes?: boolean;
}

/** A kept snapshot read as the Cache API hands it out (the pages of its runs, as components/jieba-snapshot.ts keeps them): in 64 KiB chunks, one per task. */
function sourceOf(
  { memory, tableLength, runs }: WasmSnapshot,
  { cut: asked = Number.POSITIVE_INFINITY, how = 'end', extra = 0, bytes: byteStream = false }: Streaming = {},
): SnapshotSource {
  const kept = runs.map(([first, pages]) => new Uint8Array(memory, first * 65_536, pages * 65_536));
  const bytes = new Uint8Array(kept.reduce((sum, run) => sum + run.byteLength, 0) + extra);
  let at = 0;
  for (const run of kept) {
    bytes.set(run, at);
    at += run.byteLength;
  }
  const cut = asked < 1 ? Math.round(bytes.length * asked) : asked;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    ...(byteStream && { type: 'bytes' as const }),
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const end = Math.min(bytes.length, cut, sent + 65_536);
      if (sent < end) controller.enqueue(bytes.slice(sent, end));
      sent = end;
      if (sent === bytes.length || sent === cut) {
        if (how === 'fail' && sent === cut) controller.error(new Error('read failed'));
        else controller.close();
      }
    },
  });
  return { body, byteLength: memory.byteLength, tableLength, runs };
}

const memoryStore = (streaming?: Streaming) => {
  let kept: WasmSnapshot | undefined;
  return { get: async () => kept && sourceOf(kept, streaming), put: async (s: WasmSnapshot) => void (kept = s), kept: () => kept };
};

let text = '';
let built: Awaited<ReturnType<typeof freshJieba>>;
let snapshot: WasmSnapshot;

beforeAll(async () => {
  text = (await bundledStories()).map((s) => [s.title, ...s.paragraphs].join('\n')).join('\n');
  const store = memoryStore();
  built = await freshJieba();
  const told: boolean[] = [];
  expect(
    // Built as the background builds it: the copy is taken after jieba's first calls, warm.
    await buildOrRestore(later(built.state), () => firstCalls(built.jieba), store, {
      later: (write) => write(),
      restoring: (fromCopy) => told.push(fromCopy),
    }),
  ).toBe('built');
  expect(told).toEqual([false]);
  snapshot = store.kept()!;
  expect(snapshot.tableLength).toBe(built.state.__wbindgen_export_2.length);
}, 60_000);

describe('jieba restored from a snapshot', () => {
  it.each([
    ['in chunks', false],
    ['as a byte stream', true],
  ])(
    'tags the seed stories exactly as the jieba that was built, before and after teaching it words (read %s)',
    async (_how, bytes) => {
      const store = memoryStore({ bytes });
      await store.put(snapshot);
      const restored = await freshJieba();
      expect(restored.state.memory).not.toBe(built.state.memory);
      const told: boolean[] = [];
      expect(
        await buildOrRestore(later(restored.state), () => expect.unreachable('built again'), store, { restoring: (fromCopy) => told.push(fromCopy) }),
      ).toBe('restored');
      // Told before the copy is read: a cold answer may wait for it.
      expect(told).toEqual([true]);
      expect(restored.jieba.tag(text, true)).toEqual(built.jieba.tag(text, true));
      expect(restored.jieba.cut_for_search(text, true)).toEqual(built.jieba.cut_for_search(text, true));
      // A jieba that made no more calls than building its dictionary answers the same.
      const taught = await freshJieba();
      taught.jieba.cut('株洲', false);
      expect(restored.jieba.tag(text, true)).toEqual(taught.jieba.tag(text, true));
      for (const j of [taught.jieba, restored.jieba]) j.add_word('立方新能源', undefined, 'nt');
      expect(restored.jieba.tag(text, true)).toEqual(taught.jieba.tag(text, true));
    },
    60_000,
  );

  it('lets tasks waiting meanwhile run between the chunks it writes, even when the whole copy is there at once', async () => {
    const { jieba, state } = await freshJieba();
    const { memory, tableLength, runs } = snapshot;
    // Every chunk there before the first read, as a copy read while the wasm compiles: no task of its own between reads.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const [first, pages] of runs) controller.enqueue(new Uint8Array(memory.slice(first * 65_536, (first + pages) * 65_536)));
        controller.close();
      },
    });
    let ranMeanwhile = false;
    setTimeout(() => (ranMeanwhile = true), 0);
    expect(await restoreSnapshot(Promise.resolve(state), { body, byteLength: memory.byteLength, tableLength, runs })).toBe(true);
    expect(ranMeanwhile).toBe(true);
    expect(jieba.tag(text, true)).toEqual(built.jieba.tag(text, true));
  }, 60_000);

  it('refuses a snapshot that cannot be this module’s and then builds', async () => {
    const { state } = await freshJieba();
    const body = () => new Blob([new Uint8Array(65_536)]).stream();
    const pages = state.memory.buffer.byteLength / 65_536;
    const one: [number, number][] = [[0, 1]];
    expect(await restoreSnapshot(later(state), { body: body(), byteLength: 65_536, tableLength: 1, runs: one })).toBe(false);
    expect(await restoreSnapshot(later(state), { body: body(), byteLength: state.memory.buffer.byteLength + 100, tableLength: 200, runs: one })).toBe(false);
    const byteLength = (pages + 2) * 65_536;
    for (const runs of [
      [[pages + 1, 2]],
      [
        [3, 1],
        [2, 1],
      ],
      [
        [0, 2],
        [1, 1],
      ],
      [[0, 0]],
    ] as [number, number][][]) {
      expect(await restoreSnapshot(later(state), { body: body(), byteLength, tableLength: 200, runs })).toBe(false);
    }
    const { jieba, state: other } = await freshJieba();
    const failing = { get: async () => Promise.reject(new Error('no cache')), put: async () => undefined };
    expect(await buildOrRestore(later(other), () => jieba.cut('株洲', false), failing, { later: (write) => write() })).toBe('built');
    expect(jieba.cut('株洲日报', false)).toEqual(['株洲', '日报']);
  }, 60_000);

  it('keeps the runs of pages that differ from a fresh module’s memory', () => {
    const memory = new Uint8Array(8 * 65_536);
    for (const page of [1, 2, 3, 6]) memory[page * 65_536 + (page === 2 ? 65_535 : 7)] = 1;
    expect(changedRuns(memory.buffer)).toEqual([
      [1, 3],
      [6, 1],
    ]);
    expect(changedRuns(new ArrayBuffer(2 * 65_536))).toEqual([]);
    // The fresh module's own pages count only where they changed; beyond them, where not zero.
    const fresh = new Uint8Array(3 * 65_536);
    fresh[7] = 5;
    fresh[65_536 + 7] = 1;
    memory[7] = 5;
    expect(changedRuns(memory.buffer, fresh.buffer)).toEqual([
      [2, 2],
      [6, 1],
    ]);
  });

  it('keeps fewer bytes than the pages jieba’s memory holds anything in', () => {
    const whole = new Uint8Array(built.state.memory.buffer);
    const nonZero = changedRuns(whole.buffer).reduce((sum, [, pages]) => sum + pages, 0);
    const kept = snapshot.runs.reduce((sum, [, pages]) => sum + pages, 0);
    expect(kept).toBeLessThan(nonZero * 0.8);
  });
  // Half of the copy written over a fresh module would leave it believing its dictionary built.
  it.each<[string, Streaming]>([
    ['ends short', { cut: 0.9 }],
    ['fails half way', { cut: 0.6, how: 'fail' }],
    ['fails half way, a byte stream', { cut: 0.6, how: 'fail', bytes: true }],
    ['fails before the module is ready', { cut: 65_536, how: 'fail' }],
    ['carries more than the snapshot', { extra: 65_536 }],
  ])(
    'builds, as a fresh module does, when the copy %s',
    async (_name, streaming) => {
      const store = memoryStore(streaming);
      await store.put(snapshot);
      const { jieba, state } = await freshJieba();
      const tableLength = state.__wbindgen_export_2.length;
      let builds = 0;
      const build = () => {
        builds++;
        jieba.cut('株洲', false);
      };
      expect(await buildOrRestore(later(state), build, store, { later: () => undefined })).toBe('built');
      expect(builds).toBe(1);
      expect(state.__wbindgen_export_2.length).toBeGreaterThanOrEqual(tableLength);
      expect(jieba.tag(text, true)).toEqual(built.jieba.tag(text, true));
    },
    60_000,
  );
});
