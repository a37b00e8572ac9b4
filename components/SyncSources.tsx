import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Reply } from '../lib/messages';
import type { SourceKind, SyncResult } from '../lib/library/sync/source';
import { hostPermission } from '../lib/library/sync/sources';
import { Panel } from './Panel';
import { t, tn, type MessageKey } from './i18n';
import { send } from './messaging';
import { syncNotes } from './sync-notes';
import { useSyncStatus } from './sync-status';
import { SyncProgress } from './SyncProgress';

type Listed = Reply<{ type: 'UI_LIST_SOURCES' }>[number];

const KINDS: Array<[SourceKind, Parameters<typeof t>[0]]> = [
  ['feed', 'sourceKindFeed'],
  ['library', 'sourceKindLibrary'],
  ['page', 'sourceKindPage'],
];

const when = (iso: string) => new Date(iso).toLocaleString(t('htmlLang'), { dateStyle: 'medium', timeStyle: 'short' });

const notes = (last: SyncResult) => syncNotes(last).map(([key, ...subs]) => t(key, ...subs)).join('');

function LastResult({ last }: { last?: SyncResult }) {
  if (!last) return <span class="help">{t('sourceNeverSynced')}</span>;
  if (last.error) {
    const problem = t(`syncProblem_${(last.problem ?? 'other').replace('-', '_')}` as MessageKey);
    return (
      <span class="status-error">
        {t('sourceLastError', when(last.at), problem, last.error)}
        {notes(last)}
      </span>
    );
  }
  return (
    <span>
      {t('sourceLastOk', when(last.at), last.added, last.updated)}
      {notes(last)}
    </span>
  );
}

/** Add, remove, turn on and off the sources the library syncs from; sync now; watch it run. */
export function SyncSources() {
  const [sources, setSources] = useState<Listed[] | null>(null);
  const [kind, setKind] = useState<SourceKind>('feed');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [page, setPage] = useState({ publication: '', date: '', page: '1' });
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [removeStories, setRemoveStories] = useState<Record<string, boolean>>({});
  const status = useSyncStatus();

  const refresh = () => send({ type: 'UI_LIST_SOURCES' }).then(setSources);
  useEffect(() => {
    void refresh();
  }, [status === null]);

  async function add() {
    // Asked while the click still counts as the reader's: the host of this source, and no other.
    let origin: string | undefined;
    try {
      origin = hostPermission(url.trim());
    } catch {
      origin = undefined;
    }
    const granted = origin ? browser.permissions.request({ origins: [origin] }).catch(() => false) : Promise.resolve(false);
    void navigator.storage?.persist?.();
    const reply = await send({
      type: 'UI_ADD_SOURCE',
      source: { kind, url, name, page: kind === 'page' ? { publication: page.publication, date: page.date, page: Number(page.page) } : undefined },
    });
    if ('error' in reply) return setMessage({ kind: 'error', text: reply.error });
    setMessage(null);
    setUrl('');
    setName('');
    await refresh();
    // A server that needs the permission is synced again once the reader grants it.
    if (await granted) void send({ type: 'UI_SYNC_NOW' });
  }

  return (
    <Panel id="sources-heading" heading={t('sourcesHeading')} help={t('sourcesHelp')}>
      <form
        class="source-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label>
          {t('sourceKindLabel')}
          <select value={kind} onChange={(event) => setKind(event.currentTarget.value as SourceKind)}>
            {KINDS.map(([value, label]) => (
              <option value={value} key={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sourceUrlLabel')}
          <input type="url" required value={url} placeholder="https://" onInput={(event) => setUrl(event.currentTarget.value)} />
        </label>
        <label>
          {t('sourceNameLabel')}
          <input type="text" value={name} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        {kind === 'page' && (
          <div class="source-page">
            <label>
              {t('sourcePublicationLabel')}
              <input type="text" required value={page.publication} onInput={(event) => setPage({ ...page, publication: event.currentTarget.value })} />
            </label>
            <label>
              {t('sourceDateLabel')}
              <input type="date" required value={page.date} onInput={(event) => setPage({ ...page, date: event.currentTarget.value })} />
            </label>
            <label>
              {t('sourcePageLabel')}
              <input type="number" min="1" required value={page.page} onInput={(event) => setPage({ ...page, page: event.currentTarget.value })} />
            </label>
          </div>
        )}
        <div class="actions">
          <button type="submit">{t('sourceAdd')}</button>
          <button type="button" disabled={status !== null || !sources?.length} onClick={() => void send({ type: 'UI_SYNC_NOW' })}>
            {t('syncNow')}
          </button>
        </div>
      </form>
      {message && (
        <p class={`status status-${message.kind}`} role="alert">
          {message.text}
        </p>
      )}
      {status && <SyncProgress status={status} />}
      {sources?.length === 0 && <p class="help">{t('sourcesNone')}</p>}
      {sources && sources.length > 0 && (
        <ul class="source-list" data-testid="sources">
          {sources.map((source) => (
            <li key={source.id} data-source-id={source.id}>
              <div class="source-head">
                <strong>{source.name}</strong>
                <label>
                  <input
                    type="checkbox"
                    checked={source.enabled}
                    onChange={(event) => void send({ type: 'UI_UPDATE_SOURCE', id: source.id, enabled: event.currentTarget.checked }).then(refresh)}
                  />
                  {t('sourceEnabled')}
                </label>
              </div>
              <span class="source-url">{source.url}</span>
              <span class="source-last" data-testid="source-last">
                <LastResult last={source.last} />
              </span>
              <div class="actions">
                <label>
                  <input type="checkbox" checked={removeStories[source.id] ?? false} onChange={(event) => setRemoveStories({ ...removeStories, [source.id]: event.currentTarget.checked })} />
                  {t('sourceRemoveStories')}
                </label>
                <button
                  type="button"
                  onClick={() =>
                    void send({ type: 'UI_REMOVE_SOURCE', id: source.id, removeStories: removeStories[source.id] ?? false }).then((reply) => {
                      if (reply.removed) setMessage({ kind: 'info', text: tn('sourceRemoved', reply.removed) });
                      // The site's permission goes with the last source on it (a permission the browser does not hold is no error).
                      if (reply.release.length) void browser.permissions.remove({ origins: reply.release }).catch(() => undefined);
                      return refresh();
                    })
                  }
                >
                  {t('sourceRemove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
