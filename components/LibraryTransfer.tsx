import { useEffect, useState } from 'preact/hooks';
import { Panel } from './Panel';
import { t, tn } from './i18n';
import { send } from './messaging';
import { useSyncStatus } from './sync-status';

type Status = { kind: 'info' | 'error'; text: string; details?: string };

/** Export the library to a JSON Lines file and import one; a bad file changes nothing. */
export function LibraryTransfer() {
  const [count, setCount] = useState<number | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  const sync = useSyncStatus();

  const refresh = () => send({ type: 'UI_LIST_STORIES', limit: 0 }).then((listed) => setCount(listed.total));
  // Counted again as a sync writes its batches, and when it ends.
  useEffect(() => {
    void refresh();
  }, [sync?.done ?? -1]);

  async function exportLibrary() {
    const { jsonl, count: exported } = await send({ type: 'UI_EXPORT_LIBRARY' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([jsonl], { type: 'application/x-ndjson' }));
    link.download = `zhuzhou-daily-library-${new Date().toISOString().slice(0, 10)}.jsonl`;
    link.click();
    URL.revokeObjectURL(link.href);
    setStatus({ kind: 'info', text: tn('exportDone', exported) });
  }

  async function importFile(file: File) {
    const reply = await send({ type: 'UI_IMPORT_LIBRARY', text: await file.text() });
    if ('error' in reply) setStatus({ kind: 'error', text: t('importFailed'), details: reply.error });
    else setStatus({ kind: 'info', text: tn('importDone', reply.imported, reply.total) });
    await refresh();
  }

  return (
    <Panel id="transfer-heading" heading={t('transferHeading')} help={t('transferHelp')}>
      <p class="library-status" data-testid="library-count">
        {count === null ? t('loading') : tn('libraryStatus', count)}
      </p>
      <div class="actions">
        <button type="button" onClick={() => void exportLibrary()}>
          {t('exportButton')}
        </button>
        <label class="button">
          {t('importButton')}
          <input
            type="file"
            class="visually-hidden"
            accept=".jsonl,.ndjson,.json,application/x-ndjson,application/json,text/plain"
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      {status && (
        <div class={`status status-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          <p>{status.text}</p>
          {status.details && <pre>{status.details}</pre>}
        </div>
      )}
    </Panel>
  );
}
