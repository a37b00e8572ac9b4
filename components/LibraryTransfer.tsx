import { useEffect, useState } from 'preact/hooks';
import { type ImportProblem, MAX_LINE_LENGTH } from '../lib/library/jsonl';
import { LIBRARY_DB, openLibrary, type Library } from '../lib/library/library';
import { exportLibrary, importLibrary, transferProblem } from '../lib/library/transfer';
import { parseIdf } from '../lib/nlp/keywords';
import { Panel } from './Panel';
import { t, tn } from './i18n';
import { send } from './messaging';
import { readPackageFile } from './package-file';
import { useSyncStatus } from './sync-status';

type Status = { kind: 'info' | 'error'; text: string; details?: string };

/**
 * The library on this page's own connection, for one export or import: a file can be larger
 * than a message to the service worker may be. Closed after, so it never holds back a new
 * version's upgrade of the database (nor compacts the index: the worker does, told of the change).
 */
async function withLibrary<T>(use: (library: Library) => Promise<T>): Promise<T> {
  const library = await openLibrary(LIBRARY_DB, async () => parseIdf(await readPackageFile('nlp/idf.txt')));
  try {
    return await use(library);
  } finally {
    library.close();
  }
}

/** A file's problems in the reader's language, one a line (the file's own words, such as a field's name, stay as they are). */
function listProblems(problems: readonly ImportProblem[], total: number): string {
  const say = ({ kind, line, detail = '', firstLine = 0 }: ImportProblem) => {
    const text = t(`importProblem_${kind}`, ...(kind === 'tooLong' ? [MAX_LINE_LENGTH] : kind === 'duplicate' ? [detail, firstLine] : [detail]));
    return line === undefined ? text : t('importProblemLine', line, text);
  };
  const more = total > problems.length ? [t('importProblemsMore', total - problems.length)] : [];
  return [...problems.map(say), ...more].join('\n');
}

/**
 * Export the library to a JSON Lines file and import one; a bad file changes nothing.
 * `analysisVersion`: the build's analysis, the only one an imported story keeps.
 */
export function LibraryTransfer({ analysisVersion }: { analysisVersion: string }) {
  const [count, setCount] = useState<number | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const sync = useSyncStatus();

  const refresh = () => send({ type: 'UI_LIST_STORIES', limit: 0 }).then((listed) => setCount(listed.total));
  // Counted again as a sync writes its batches, and when it ends.
  useEffect(() => {
    void refresh();
  }, [sync?.done ?? -1]);

  async function run(working: string, work: () => Promise<Status>, failed: (error: unknown) => Status) {
    setBusy(true);
    setStatus({ kind: 'info', text: working });
    try {
      setStatus(await work());
    } catch (error) {
      setStatus(failed(error));
    } finally {
      setBusy(false);
    }
  }

  const exportFile = () =>
    run(
      t('exporting'),
      async () => {
        const { file, count: exported } = await withLibrary(exportLibrary);
        const link = document.createElement('a');
        link.href = URL.createObjectURL(file);
        link.download = `zhuzhou-daily-library-${new Date().toISOString().slice(0, 10)}.jsonl`;
        link.click();
        // The download has taken the file's address by now: a later tick lets it go.
        setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
        return { kind: 'info', text: tn('exportDone', exported) };
      },
      (error) => {
        const problem = transferProblem(error);
        return problem.kind === 'diskFull'
          ? { kind: 'error', text: t('exportDiskFull') }
          : { kind: 'error', text: t('exportFailed'), details: 'details' in problem ? problem.details : undefined };
      },
    );

  const importFile = (file: File) =>
    run(
      t('importing'),
      async () => {
        const result = await withLibrary((library) =>
          importLibrary(library, file, analysisVersion, (stories) => send({ type: 'UI_ANALYZE_STORIES', stories })),
        );
        // The worker drops what it kept of the library and learns the new stories' names. The
        // import is done whatever it answers: a worker that cannot be told reads it all afresh next life.
        await send({ type: 'UI_LIBRARY_CHANGED' }).catch(() => undefined);
        await refresh().catch(() => undefined);
        const defaulted = result.defaulted ? ` ${tn('importDefaulted', result.defaulted)}` : '';
        return { kind: 'info', text: `${tn('importDone', result.imported, result.total)}${defaulted}` };
      },
      (error) => {
        const problem = transferProblem(error);
        if (problem.kind === 'diskFull') return { kind: 'error', text: t('importDiskFull') };
        if (problem.kind === 'unreadable') return { kind: 'error', text: t('importUnreadable'), details: problem.details };
        if (problem.kind === 'invalid') return { kind: 'error', text: t('importFailed'), details: listProblems(problem.problems, problem.total) };
        return { kind: 'error', text: t('importFailed'), details: problem.details };
      },
    );

  return (
    <Panel id="transfer-heading" heading={t('transferHeading')} help={t('transferHelp')}>
      <p class="library-status" data-testid="library-count">
        {count === null ? t('loading') : tn('libraryStatus', count)}
      </p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void exportFile()}>
          {t('exportButton')}
        </button>
        <label class="button" aria-disabled={busy}>
          {t('importButton')}
          <input
            type="file"
            class="visually-hidden"
            disabled={busy}
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
