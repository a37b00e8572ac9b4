/**
 * A heap's free chunks cleared in a copy of a wasm memory (lib/nlp/free-chunks.ts): only their
 * payloads past dlmalloc's links, and nothing at all where the memory does not read as its heap.
 */
import { describe, expect, it } from 'vitest';
import { clearFreeChunks } from '../../lib/nlp/free-chunks';

const HEAP = 64;

/** A heap at HEAP of chunks [size, in use], its pseudo-chunk last, every byte that is no header 0xee. */
function heap(chunks: Array<[number, boolean]>): ArrayBuffer {
  const size = HEAP + chunks.reduce((sum, [bytes]) => sum + bytes, 0) + 40;
  const memory = new ArrayBuffer(size);
  new Uint8Array(memory).fill(0xee);
  const view = new DataView(memory);
  let at = HEAP;
  let previousInUse = true;
  for (const [bytes, inUse] of chunks) {
    view.setUint32(at + 4, bytes | (previousInUse ? 1 : 0) | (inUse ? 2 : 0), true);
    if (!inUse) view.setUint32(at + bytes, bytes, true);
    previousInUse = inUse;
    at += bytes;
  }
  view.setUint32(at + 4, 40, true);
  return memory;
}

describe('clearFreeChunks', () => {
  it('clears the free chunks past their links, and nothing else', () => {
    const memory = heap([
      [32, true],
      [96, false],
      [16, true],
      [24, false],
      [48, true],
      [72, false],
    ]);
    const before = new Uint8Array(memory.slice(0));
    expect(clearFreeChunks(memory, HEAP)).toBe(64 + 40);
    const after = new Uint8Array(memory);
    const cleared = [
      [HEAP + 32 + 32, HEAP + 32 + 96],
      [HEAP + 32 + 96 + 16 + 24 + 48 + 32, HEAP + 32 + 96 + 16 + 24 + 48 + 72],
    ];
    for (let i = 0; i < after.length; i++) {
      const inside = cleared.some(([from, to]) => i >= from && i < to);
      expect(after[i], `byte ${i}`).toBe(inside ? 0 : before[i]);
    }
  });

  it.each<[string, (view: DataView) => void]>([
    ['a chunk in use that the next says is free', (view) => view.setUint32(HEAP + 32 + 4, 96 | 3, true)],
    ['a chunk running past the memory', (view) => view.setUint32(HEAP + 4, (1 << 20) | 3, true)],
    ['a pseudo-chunk before the end', (view) => view.setUint32(HEAP + 32 + 96 + 4, 8, true)],
  ])('clears nothing in a memory with %s', (_name, spoil) => {
    const memory = heap([
      [32, true],
      [96, false],
      [16, true],
    ]);
    spoil(new DataView(memory));
    const before = new Uint8Array(memory.slice(0));
    expect(clearFreeChunks(memory, HEAP)).toBe(0);
    expect(new Uint8Array(memory)).toEqual(before);
  });
});
