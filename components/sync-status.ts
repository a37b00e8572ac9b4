import type { SyncStatus } from '../lib/library/sync/sync-all';
import { SYNC_STATUS_KEY } from '../lib/messages';
import { useSessionValue } from './session-value';

/** The running sync's progress, followed live; null when none runs. */
export function useSyncStatus(): SyncStatus | null {
  return useSessionValue<SyncStatus>(() => SYNC_STATUS_KEY) ?? null;
}
