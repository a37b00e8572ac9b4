/**
 * The small asynchronous key-value store the background keeps state in: the browser's extension
 * storage (local for what outlives a browser session, session for what a restarted service worker
 * needs back), a Map in tests.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every key it holds (an extension's storage area holds few: sources, tabs' coverage, statuses). */
  keys(): Promise<string[]>;
}
