/**
 * A sync of every enabled source, one after another, with progress for the reader. The sources
 * still to do are written down before the first and crossed off after each, so a service worker
 * stopped mid-sync picks up where it was when it wakes (`resume`).
 */
import type { KeyValueStore } from '../../key-value-store';
import type { Source, SyncResult } from './source';
import type { SourceRegistry } from './sources';
import { syncSource, SyncStopped, type SyncDeps } from './sync-source';

/** What the options page and the popup show while a sync runs; null when none does. */
export interface SyncStatus {
  /** The source being synced, its place among those of this sync. */
  source: string;
  index: number;
  count: number;
  /** Stories written of those found new or changed so far in this source. */
  done: number;
  total: number;
}

const PENDING = 'sync-pending';

export interface SyncAllDeps extends Omit<SyncDeps, 'state' | 'progress'> {
  sources: SourceRegistry;
  /** Where the to-do list lives: it must outlive the worker (extension local storage). */
  store: KeyValueStore;
  status(status: SyncStatus | null): void | Promise<void>;
}

export function syncRunner(deps: SyncAllDeps) {
  let running: Promise<Map<string, SyncResult>> | undefined;
  /** Sources being removed: their sync stops at its next fetch or write. */
  const removing = new Set<string>();
  /** The source being synced, and its sync settling. */
  let current: { id: string; settled: Promise<unknown> } | undefined;

  const run = async (ids: string[]) => {
    const results = new Map<string, SyncResult>();
    const all = await deps.sources.list();
    const todo = ids.map((id) => all.find((s) => s.id === id)).filter((s): s is Source => !!s && s.enabled);
    await deps.store.set(
      PENDING,
      todo.map((s) => s.id),
    );
    try {
      for (const [index, source] of todo.entries()) {
        // Removed or switched off since the sync began: nothing to do for it.
        const still = removing.has(source.id) ? undefined : (await deps.sources.list()).find((s) => s.id === source.id);
        if (still?.enabled) {
          await deps.status({ source: source.name, index: index + 1, count: todo.length, done: 0, total: 0 });
          const syncing = syncSource(source, {
            ...deps,
            state: deps.sources.state,
            stopped: () => removing.has(source.id),
            progress: (p) => void deps.status({ source: p.source.name, index: index + 1, count: todo.length, done: p.done, total: p.total }),
          });
          current = { id: source.id, settled: syncing.catch(() => undefined) };
          const result = await syncing.catch((error: unknown) => {
            if (error instanceof SyncStopped) return undefined;
            throw error;
          });
          current = undefined;
          if (result) {
            results.set(source.id, result);
            // A source the reader did not name takes the name it gives itself (「株洲新闻网」, not its host).
            const title = (await deps.sources.state.load(source.id))?.title;
            if (source.named === false && title && title !== source.name) await deps.sources.update(source.id, { name: title });
          }
        }
        await deps.store.set(
          PENDING,
          todo.slice(index + 1).map((s) => s.id),
        );
      }
    } finally {
      await deps.status(null);
    }
    await deps.store.remove(PENDING);
    return results;
  };

  /** One sync at a time: a second request while one runs gets the running one. */
  const start = (ids: string[]) => {
    running ??= run(ids).finally(() => (running = undefined));
    return running;
  };

  return {
    /** Syncs every enabled source (or those named). */
    async syncAll(ids?: string[]) {
      return start(ids ?? (await deps.sources.list()).map((s) => s.id));
    },
    /** On a wake: finishes the sync a stopped worker left, if any. */
    async resume() {
      const pending = (await deps.store.get(PENDING)) as string[] | undefined;
      if (pending?.length) await start(pending);
    },
    isRunning: () => running !== undefined,
    /**
     * Removes a source in one step with its sync: a sync of it running stops at its next fetch or
     * write, and only then does `remove` run (dropping the source, its state and, if asked, its
     * stories), so nothing of it is written or remembered afterwards.
     */
    async remove<T>(id: string, remove: () => Promise<T>): Promise<T> {
      removing.add(id);
      try {
        if (current?.id === id) await current.settled;
        return await remove();
      } finally {
        removing.delete(id);
      }
    },
  };
}

export type SyncRunner = ReturnType<typeof syncRunner>;
