/**
 * The service worker's memory (issue 17: ≤ 150 MB at 100,000 stories), read through the DevTools
 * protocol on the worker's own target: V8's JS heap (`Runtime.getHeapUsage`: used size, and the
 * array buffers' backing stores, which V8 keeps outside its heap) plus jieba's wasm memory (its
 * size at the last analysis, from the analysis mark; wasm memory only grows). Read as found, and
 * again after a forced garbage collection: a wake leaves garbage (the chunks of jieba's snapshot
 * it streamed into the wasm memory, not yet collected) until V8 next collects.
 */
import type { Page } from 'playwright-core';
import { ANALYSIS_MARK } from '../../lib/nlp/segmenter';
import type { ExtensionSession } from '../../scripts/launch-extension';
import { attachToTarget } from '../fixtures/cdp-target';

export interface WorkerMemory {
  /** JS heap used, bytes. */
  heap: number;
  /** Array buffers' backing stores (typed arrays, the tagger's weights, snapshots), bytes. */
  buffers: number;
  /** jieba's wasm memory, bytes. */
  wasm: number;
}

export const totalMiB = (m: WorkerMemory) => (m.heap + m.buffers + m.wasm) / 2 ** 20;

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

/** The worker's memory as found and after a garbage collection; `through` is any open page. */
export async function workerMemory(session: ExtensionSession, through: Page): Promise<{ found: WorkerMemory; collected: WorkerMemory }> {
  const worker = await session.worker();
  const url = worker.url();
  const wasm = await worker.evaluate(
    (name) => (performance.getEntriesByName(name).at(-1) as PerformanceMark | undefined)?.detail?.heapBytes ?? 0,
    ANALYSIS_MARK,
  );
  const target = await attachToTarget(through, (t) => t.type === 'service_worker' && t.url === url);
  try {
    const read = async (): Promise<WorkerMemory> => {
      const usage = await target.send<HeapUsage>('Runtime.getHeapUsage');
      return { heap: usage.usedSize, buffers: usage.backingStorageSize ?? 0, wasm };
    };
    const found = await read();
    await target.send('HeapProfiler.collectGarbage');
    return { found, collected: await read() };
  } finally {
    await target.detach();
  }
}
