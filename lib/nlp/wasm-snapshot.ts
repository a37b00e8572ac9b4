/**
 * jieba's built dictionary kept across service-worker wakes as a copy of its wasm memory.
 * Building the dictionary (jieba-rs parses ~350,000 entries into its trie) took ~0.35 s of every
 * cold wake on a quiet machine and most of a cold page's wait for its badge; copying the memory
 * back takes a fraction of that. What is restored is byte for byte the state the build left, so
 * jieba answers exactly as after a build.
 *
 * Sound because of how wasm-bindgen's output keeps its state, at rest (no call in progress):
 * everything in linear memory except the shadow stack's pointer (the module's one mutable global,
 * back at its start value after every call) and the table of JS values handed to Rust, whose
 * slots at rest are free but whose length Rust's allocator remembers: that length is kept too.
 */

/** The exports of a wasm-bindgen module that hold its state. */
export interface WasmState {
  memory: WebAssembly.Memory;
  /** wasm-bindgen's table of JS values (`__wbindgen_export_2` in jieba-wasm's build). */
  __wbindgen_export_2: WebAssembly.Table;
}

export interface WasmSnapshot {
  memory: ArrayBuffer;
  tableLength: number;
}

/** Where a snapshot is kept between wakes (the Cache API in the extension), under the wasm's identity. */
export interface SnapshotStore {
  get(): Promise<WasmSnapshot | undefined>;
  put(snapshot: WasmSnapshot): Promise<void>;
}

const PAGE = 65_536;

/** A copy of the module's state; take it only between calls. */
export function takeSnapshot(state: WasmState): WasmSnapshot {
  return { memory: state.memory.buffer.slice(0), tableLength: state.__wbindgen_export_2.length };
}

/**
 * Puts a snapshot's state into a freshly instantiated module of the same wasm. False, and
 * nothing changed, if the snapshot cannot be that module's (a memory smaller than the fresh
 * one's, or not in whole pages, a shorter table).
 */
export function restoreSnapshot(state: WasmState, snapshot: WasmSnapshot): boolean {
  const { memory, __wbindgen_export_2: table } = state;
  const bytes = snapshot.memory.byteLength;
  if (bytes % PAGE || bytes < memory.buffer.byteLength || snapshot.tableLength < table.length) return false;
  memory.grow((bytes - memory.buffer.byteLength) / PAGE);
  table.grow(snapshot.tableLength - table.length);
  new Uint8Array(memory.buffer).set(new Uint8Array(snapshot.memory));
  return true;
}

/**
 * jieba with its dictionary built: restored from `store` when a snapshot is there, built
 * otherwise (`build`: its first call) and then kept for the next wake. The copy is taken at once,
 * before anyone teaches jieba a word; writing it waits for `later`, after the answer that needed
 * jieba. Any failure of the store only means building.
 */
export async function buildOrRestore(
  state: WasmState,
  build: () => void,
  store: SnapshotStore,
  later: (write: () => void) => void = (write) => setTimeout(write, 0),
): Promise<'restored' | 'built'> {
  const snapshot = await store.get().catch(() => undefined);
  if (snapshot && restoreSnapshot(state, snapshot)) return 'restored';
  build();
  const taken = takeSnapshot(state);
  later(() => void store.put(taken).catch(() => undefined));
  return 'built';
}
