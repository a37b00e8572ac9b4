/**
 * jieba's built dictionary kept across service-worker wakes as a copy of its wasm memory.
 * Building the dictionary (jieba-rs parses ~350,000 entries into its trie) took ~0.35 s of every
 * cold wake on a quiet machine and most of a cold page's wait for its badge; copying the memory
 * back takes a fraction of that. What is restored is the state the build left, so jieba answers
 * exactly as after a build.
 *
 * Sound because of how wasm-bindgen's output keeps its state, at rest (no call in progress):
 * everything in linear memory except the shadow stack's pointer (the module's one mutable global,
 * back at its start value after every call) and the table of JS values handed to Rust, whose
 * slots at rest are free but whose length Rust's allocator remembers: that length is kept too.
 *
 * The copy is streamed into the memory as it is read, while the wasm still compiles: profiles of
 * a cold wake showed the read idle-waiting and then ~50 ms of copying a whole ArrayBuffer into the
 * memory, an ArrayBuffer then left as garbage in a worker that has to stay small at 100,000
 * stories (read into one buffer used again, the stream leaves none either). Its size is what a
 * wake reads: only the pages that differ from a freshly instantiated module's memory are kept
 * (the wasm's own data, unchanged, and the pages the build never touched are not), after the
 * heap's free chunks are cleared (lib/nlp/free-chunks.ts): 46 MiB became 31.
 */

import { nextTask } from '../next-task';
import { clearFreeChunks } from './free-chunks';

/** The exports of a wasm-bindgen module that hold its state. */
export interface WasmState {
  memory: WebAssembly.Memory;
  /** wasm-bindgen's table of JS values (`__wbindgen_export_2` in jieba-wasm's build). */
  __wbindgen_export_2: WebAssembly.Table;
}

export interface WasmSnapshot {
  memory: ArrayBuffer;
  tableLength: number;
  /** The pages that differ from a fresh module's memory: all a restore writes. */
  runs: PageRuns;
}

/** Runs of whole pages of a memory, each [first page, pages], in order. */
export type PageRuns = Array<[number, number]>;

/** A kept snapshot as it is read: its sizes first, its memory's bytes as they come. */
export interface SnapshotSource {
  byteLength: number;
  tableLength: number;
  /** Where the body's bytes go, in order; the pages between the runs are as a fresh module has them. */
  runs: PageRuns;
  body: ReadableStream<Uint8Array>;
}

/** Where a snapshot is kept between wakes (the Cache API in the extension), under the wasm's identity. */
export interface SnapshotStore {
  get(): Promise<SnapshotSource | undefined>;
  put(snapshot: WasmSnapshot): Promise<void>;
}
const PAGE = 65_536;

/**
 * A copy of the module's state, to be restored into a module as fresh as the one `fresh` is a
 * copy of (its memory before any call); take it only between calls.
 */
export function takeSnapshot(state: WasmState, fresh: ArrayBuffer): WasmSnapshot {
  const memory = state.memory.buffer.slice(0);
  clearFreeChunks(memory, fresh.byteLength);
  return { memory, tableLength: state.__wbindgen_export_2.length, runs: changedRuns(memory, fresh) };
}

/** The runs of pages of `memory` that differ from `fresh`'s (zero beyond its end). */
export function changedRuns(memory: ArrayBuffer, fresh: ArrayBuffer = new ArrayBuffer(0)): PageRuns {
  const runs: PageRuns = [];
  const words = new Uint32Array(memory, 0, memory.byteLength >> 2);
  const before = new Uint32Array(fresh, 0, fresh.byteLength >> 2);
  const perPage = PAGE >> 2;
  for (let page = 0; page < memory.byteLength / PAGE; page++) {
    let word = page * perPage;
    const end = word + perPage;
    while (word < end && words[word] === (before[word] ?? 0)) word++;
    if (word === end) continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === page) last[1]++;
    else runs.push([page, 1]);
  }
  return runs;
}

/** Whether the runs are in order, apart, and inside a memory of `pages` pages. */
const ordered = (runs: PageRuns, pages: number) =>
  runs.every(([first, count], i) => Number.isInteger(first) && Number.isInteger(count) && count > 0 && first >= (i ? runs[i - 1][0] + runs[i - 1][1] : 0)) &&
  (runs.length === 0 || runs[runs.length - 1][0] + runs[runs.length - 1][1] <= pages);

/** Whether a snapshot of these sizes can be this fresh module's: a memory in whole pages, no smaller, nor its table. */
const fits = (state: WasmState, { byteLength, tableLength, runs }: Omit<SnapshotSource, 'body'>) =>
  byteLength % PAGE === 0 &&
  byteLength >= state.memory.buffer.byteLength &&
  tableLength >= state.__wbindgen_export_2.length &&
  ordered(runs, byteLength / PAGE);

/** How much a byte stream is read at a time, into one buffer used again and again. */
const READ_BYTES = 1 << 20;

/**
 * Reads `body` leaving no garbage where it can: a byte stream (the Cache API's bodies) is read
 * into one buffer, used again once its bytes are written (`keep` reads into a new one, for bytes
 * that must wait); any other stream chunk by chunk.
 */
function bufferedReader(body: ReadableStream<Uint8Array>) {
  let byob: ReadableStreamBYOBReader;
  try {
    byob = body.getReader({ mode: 'byob' });
  } catch {
    const reader = body.getReader();
    return { read: () => reader.read(), keep: () => undefined, cancel: () => reader.cancel() };
  }
  let buffer = new Uint8Array(READ_BYTES);
  return {
    read: async () => {
      const next = await byob.read(buffer);
      if (next.value) buffer = new Uint8Array(next.value.buffer);
      return next;
    },
    keep: () => void (buffer = new Uint8Array(READ_BYTES)),
    cancel: () => byob.cancel(),
  };
}

/**
 * Reads `body` from now on, handing each chunk to the writer `ready` gives once it settles; the
 * chunks read before then wait in a queue. Each chunk written (~5 ms a MiB into a memory just
 * grown) is followed by `pause`, so a cold wake's messages are answered between them rather than
 * after the whole copy (a run of ~170 ms in a trace). Settles only when both have: true when the
 * body was read to its end and every chunk written, false when reading failed or the writer
 * refused one (or was none: the rest is then not read).
 */
async function pour(
  body: ReadableStream<Uint8Array>,
  ready: Promise<((chunk: Uint8Array) => boolean) | undefined>,
  pause: () => Promise<void>,
): Promise<boolean> {
  const reader = bufferedReader(body);
  const queued: Uint8Array[] = [];
  /** The writer, once the chunks queued before it are written: until then, chunks queue. */
  let write: ((chunk: Uint8Array) => boolean) | undefined;
  let refused = false;
  const take = (writer: (chunk: Uint8Array) => boolean, chunk: Uint8Array) => {
    if (!refused && !writer(chunk)) refused = true;
    return pause();
  };
  const reading = (async () => {
    for (let next = await reader.read(); !next.done && !refused; next = await reader.read()) {
      if (write) await take(write, next.value);
      else {
        queued.push(next.value);
        reader.keep();
      }
    }
  })();
  const writing = ready.then(async (writer) => {
    if (!writer) refused = true;
    else {
      for (let chunk = queued.shift(); chunk && !refused; chunk = queued.shift()) await take(writer, chunk);
      write = writer;
    }
  });
  const [read, written] = await Promise.allSettled([reading, writing]);
  if (refused) await reader.cancel().catch(() => undefined);
  return read.status === 'fulfilled' && written.status === 'fulfilled' && !refused;
}

/**
 * Puts a kept snapshot's state into a freshly instantiated module of the same wasm (`state`,
 * which may still be compiling: reading starts at once), writing each chunk where it belongs as
 * it arrives (the pages no run covers stay as the fresh module has them, or zero as grown), with
 * `pause` after each chunk (lib/next-task.ts: a task's turn). False when the snapshot cannot be
 * this module's or its body fails or ends short or long: the memory is then put back as the fresh
 * module had it (only larger, which its allocator ignores) and the table untouched, so building
 * the dictionary works as on a fresh module.
 */
export async function restoreSnapshot(state: Promise<WasmState>, source: SnapshotSource, pause = nextTask): Promise<boolean> {
  let fresh: { state: WasmState; memory: ArrayBuffer } | undefined;
  const { runs } = source;
  /** The run being written, and how many of its bytes are. */
  let run = 0;
  let written = 0;
  const writer = state.then((s) => {
    if (!fits(s, source)) return undefined;
    fresh = { state: s, memory: s.memory.buffer.slice(0) };
    s.memory.grow((source.byteLength - s.memory.buffer.byteLength) / PAGE);
    // Nothing runs in the module while it is written to (it is handed out only once restored, the
    // tasks between chunks answer without it), so the memory cannot grow under the view.
    const into = new Uint8Array(s.memory.buffer);
    return (chunk: Uint8Array) => {
      for (let from = 0; from < chunk.byteLength; ) {
        if (run === runs.length) return false;
        const [first, pages] = runs[run];
        const bytes = Math.min(pages * PAGE - written, chunk.byteLength - from);
        into.set(chunk.subarray(from, from + bytes), first * PAGE + written);
        from += bytes;
        written += bytes;
        if (written === pages * PAGE) {
          run++;
          written = 0;
        }
      }
      return true;
    };
  });
  const poured = await pour(
    source.body,
    writer.catch(() => undefined),
    pause,
  );
  if (!fresh) return false;
  const { memory, __wbindgen_export_2: table } = fresh.state;
  if (!poured || run !== runs.length) {
    const view = new Uint8Array(memory.buffer);
    view.fill(0);
    view.set(new Uint8Array(fresh.memory));
    return false;
  }
  table.grow(source.tableLength - table.length);
  return true;
}

/**
 * jieba with its dictionary built: restored from `store` when a snapshot is there, built
 * otherwise (`build`: its first call) and then kept for the next wake. `state` is the module
 * being instantiated: the snapshot is read while it compiles. The copy is taken at once, before
 * anyone teaches jieba a word; writing it waits for `later`, after the answer that needed jieba.
 * `restoring` is told as soon as the store has answered whether there is a copy (a cold answer
 * may wait for a restore, not for a build). Any failure of the store only means building.
 */
export async function buildOrRestore(
  state: Promise<WasmState>,
  build: () => void,
  store: SnapshotStore,
  { later = (write) => setTimeout(write, 0), restoring }: { later?: (write: () => void) => void; restoring?: (fromCopy: boolean) => void } = {},
): Promise<'restored' | 'built'> {
  const source = await store.get().catch(() => undefined);
  restoring?.(source !== undefined);
  if (source && (await restoreSnapshot(state, source))) return 'restored';
  const ready = await state;
  const fresh = ready.memory.buffer.slice(0);
  build();
  const taken = takeSnapshot(ready, fresh);
  later(() => void store.put(taken).catch(() => undefined));
  return 'built';
}
