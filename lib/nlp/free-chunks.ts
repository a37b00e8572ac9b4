/**
 * The free space of a Rust wasm module's heap, cleared in a copy of its memory. Rust's allocator
 * on wasm32 (the `dlmalloc` crate) leaves freed chunks as they were: after jieba builds its
 * dictionary ~13 MB of them (the decompressed dictionary text, the arrays it outgrew) still hold
 * their old bytes, on pages a snapshot would otherwise have to keep (lib/nlp/wasm-snapshot.ts).
 * What a free chunk holds besides its links is never read: memory handed out again is written
 * first, and `calloc` clears any chunk that does not come fresh from `memory.grow`.
 *
 * dlmalloc's chunks, 32-bit: a word for the previous chunk's size (when that one is free), a head
 * word (size | 1 if the previous chunk is in use | 2 if this one is), then the payload; a free
 * chunk's payload starts with up to six words of bin links (fd, bk, two children, parent, index).
 * The heap's one segment starts where the module's own memory ended (dlmalloc grows the memory
 * for it) and ends in a pseudo-chunk whose head is its own size, with no flags.
 */

/** Bytes of a free chunk dlmalloc keeps: prev_foot, head, fd, bk, child[0], child[1], parent, index. */
const KEPT = 32;
const PINUSE = 1;
const CINUSE = 2;
const MIN_CHUNK = 16;

/**
 * Zeroes the payload of every free chunk of the heap in `memory` from `heapStart` to its end;
 * returns the bytes cleared. Nothing is cleared unless the whole heap reads as dlmalloc's chunks,
 * each one's in-use bit agreeing with what the next says of it, ending exactly at the memory's
 * end: any other layout is left as it is.
 */
export function clearFreeChunks(memory: ArrayBuffer, heapStart: number): number {
  const view = new DataView(memory);
  const end = memory.byteLength;
  const free: number[] = [];
  let at = heapStart;
  if (at % 8 !== 0) return 0;
  for (;;) {
    if (at + 8 > end) return 0;
    const head = view.getUint32(at + 4, true);
    const size = head & ~7;
    // The segment's last pseudo-chunk: its head is its size alone, and it ends the memory.
    if ((head & 7) === 0) {
      if (at + size !== end) return 0;
      break;
    }
    if (size < MIN_CHUNK || at + size + 8 > end) return 0;
    const inUse = (head & CINUSE) !== 0;
    const next = view.getUint32(at + size + 4, true);
    if (((next & PINUSE) !== 0) !== inUse) return 0;
    if (!inUse) free.push(at, size);
    at += size;
  }
  const bytes = new Uint8Array(memory);
  let cleared = 0;
  for (let i = 0; i < free.length; i += 2) {
    if (free[i + 1] <= KEPT) continue;
    bytes.fill(0, free[i] + KEPT, free[i] + free[i + 1]);
    cleared += free[i + 1] - KEPT;
  }
  return cleared;
}
