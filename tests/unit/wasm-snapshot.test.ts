/**
 * jieba's built dictionary restored from a copy of its wasm memory (lib/nlp/wasm-snapshot.ts)
 * must answer exactly as a freshly built one: the same words and tags on the seed stories,
 * before and after it is taught words. Two instances of jieba-wasm's web build (the one the
 * extension runs), each a module of its own.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { buildOrRestore, restoreSnapshot, takeSnapshot, type WasmSnapshot } from '../../lib/nlp/wasm-snapshot';
import { bundledStories } from './helpers';

const wasm = new WebAssembly.Module(await readFile(new URL('../../node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm', import.meta.url)));

/** A fresh jieba: its own module instance, its dictionary not built. */
async function freshJieba() {
  vi.resetModules();
  const jieba = await import('jieba-wasm/web');
  return { jieba, state: jieba.initSync({ module: wasm }) };
}

const memoryStore = () => {
  let kept: WasmSnapshot | undefined;
  return { get: async () => kept, put: async (s: WasmSnapshot) => void (kept = s), kept: () => kept };
};

describe('jieba restored from a snapshot', () => {
  it('tags the seed stories exactly as the jieba that was built, before and after teaching it words', async () => {
    const text = (await bundledStories()).map((s) => [s.title, ...s.paragraphs].join('\n')).join('\n');
    const store = memoryStore();
    const built = await freshJieba();
    expect(
      await buildOrRestore(
        built.state,
        () => built.jieba.cut('株洲', false),
        store,
        (write) => write(),
      ),
    ).toBe('built');
    expect(store.kept()?.tableLength).toBe(built.state.__wbindgen_export_2.length);

    const restored = await freshJieba();
    expect(restored.state.memory).not.toBe(built.state.memory);
    expect(await buildOrRestore(restored.state, () => expect.unreachable('built again'), store)).toBe('restored');
    expect(restored.jieba.tag(text, true)).toEqual(built.jieba.tag(text, true));
    expect(restored.jieba.cut_for_search(text, true)).toEqual(built.jieba.cut_for_search(text, true));
    for (const j of [built.jieba, restored.jieba]) j.add_word('立方新能源', undefined, 'nt');
    expect(restored.jieba.tag(text, true)).toEqual(built.jieba.tag(text, true));
  }, 60_000);

  it('refuses a snapshot that cannot be this module’s and then builds', async () => {
    const { jieba, state } = await freshJieba();
    const small: WasmSnapshot = { memory: new ArrayBuffer(65_536), tableLength: 1 };
    expect(restoreSnapshot(state, small)).toBe(false);
    expect(restoreSnapshot(state, { ...takeSnapshot(state), memory: new ArrayBuffer(state.memory.buffer.byteLength + 100) })).toBe(false);
    const failing = { get: async () => Promise.reject(new Error('no cache')), put: async () => undefined };
    expect(
      await buildOrRestore(
        state,
        () => jieba.cut('株洲', false),
        failing,
        (write) => write(),
      ),
    ).toBe('built');
    expect(jieba.cut('株洲日报', false)).toEqual(['株洲', '日报']);
  }, 60_000);
});
