/**
 * Readers first: background work (a sync, the index's compaction) waits before each step while a
 * reader's request is being answered. The service worker has one thread and the library one queue
 * of transactions, so without it a popup's search during a large sync waits behind batch after batch.
 */
export type ReaderGate = ReturnType<typeof readerGate>;

export function readerGate() {
  let serving = 0;
  const waiting: Array<() => void> = [];
  return {
    /** Answers a reader's request; background work waits until none is left. */
    async serve<T>(answer: () => Promise<T>): Promise<T> {
      serving++;
      try {
        return await answer();
      } finally {
        if (--serving === 0) for (const resume of waiting.splice(0)) resume();
      }
    },
    /** Resolves when no reader's request is being answered. */
    idle(): Promise<void> {
      return serving === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
    },
  };
}
