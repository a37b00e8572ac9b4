import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncStatus } from '../lib/library/sync/sync-all';
import { SYNC_STATUS_KEY } from '../lib/messages';

/** The running sync's progress, from session storage, followed live; null when none runs. */
export function useSyncStatus(): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && SYNC_STATUS_KEY in changes) setStatus((changes[SYNC_STATUS_KEY].newValue as SyncStatus | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.session.get(SYNC_STATUS_KEY).then((stored) => setStatus((stored[SYNC_STATUS_KEY] as SyncStatus | undefined) ?? null));
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return status;
}
