import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Reply } from '../lib/messages';
import type { SourceKind, SyncProblem, SyncResult } from '../lib/library/sync/source';
import type { SourceField } from '../lib/library/sync/source-kind';
import { SOURCE_FORMS } from '../lib/library/sync/source-forms';
import { hostPermission } from '../lib/library/sync/sources';
import { kindFromAddress } from '../lib/library/sync/suggest-kind';
import { Panel } from './Panel';
import { t, tn, type MessageKey } from './i18n';
import { send } from './messaging';
import { syncNotes } from './sync-notes';
import { useSyncStatus } from './sync-status';
import { SyncProgress } from './SyncProgress';

type Listed = Reply<{ type: 'UI_LIST_SOURCES' }>[number];

const KINDS = Object.values(SOURCE_FORMS);

/** Every kind's own fields as the form starts them (a field one kind shares with another keeps its value). */
const FIELDS: Record<string, string> = Object.fromEntries(
  KINDS.flatMap((kind) => kind.settings?.fields ?? []).map((field) => [field.name, field.initial ?? '']),
);

const when = (iso: string) => new Date(iso).toLocaleString(t('htmlLang'), { dateStyle: 'medium', timeStyle: 'short' });

const notes = (last: SyncResult) =>
  syncNotes(last)
    .map(([key, ...subs]) => t(key, ...subs))
    .join('');

/**
 * Problems whose details are the browser's own words ("Failed to fetch", an abort): the problem's
 * words say it all. The others' details (an HTTP status, a size, the other site) help the reader.
 */
const PLAIN_PROBLEMS: ReadonlySet<SyncProblem> = new Set(['network', 'timeout']);

function LastResult({ last }: { last?: SyncResult }) {
  if (!last) return <span class="help">{t('sourceNeverSynced')}</span>;
  if (last.error) {
    const problem = t(`syncProblem_${(last.problem ?? 'other').replace('-', '_')}` as MessageKey);
    return (
      <span class="status-error">
        {PLAIN_PROBLEMS.has(last.problem ?? 'other')
          ? t('sourceLastErrorPlain', when(last.at), problem)
          : t('sourceLastError', when(last.at), problem, last.error)}
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

/** A kind's own field, every one required (Preact types an input's attributes by its type, so each is written out). */
function FieldInput({ field, value, onInput }: { field: SourceField; value: string; onInput: (value: string) => void }) {
  const common = { required: true, value, onInput: (event: { currentTarget: HTMLInputElement }) => onInput(event.currentTarget.value) };
  switch (field.type) {
    case 'text':
      return <input type="text" {...common} />;
    case 'date':
      return <input type="date" {...common} />;
    case 'number':
      return <input type="number" min={field.min} {...common} />;
    case 'select':
      return (
        <select required value={value} onChange={(event) => onInput(event.currentTarget.value)}>
          {field.options?.map((option) => (
            <option value={option.value} key={option.value}>
              {t(option.label)}
            </option>
          ))}
        </select>
      );
  }
}

/** What a preview found: the first titles, or why it found nothing. */
type Preview = { kind: 'loading' } | { kind: 'titles'; titles: string[] } | { kind: 'error'; text: string };

function PreviewResult({ preview }: { preview: Preview }) {
  if (preview.kind === 'loading') return <p class="help">{t('sourcePreviewing')}</p>;
  if (preview.kind === 'error') return <p class="status status-error">{t('sourcePreviewFailed', preview.text)}</p>;
  if (!preview.titles.length) return <p class="help">{t('sourcePreviewNone')}</p>;
  return (
    <>
      <p>{t('sourcePreviewHeading')}</p>
      <ol class="preview-titles">
        {preview.titles.map((title, i) => (
          <li key={i}>{title}</li>
        ))}
      </ol>
    </>
  );
}

/**
 * Asks the browser for the host of `url`, and no other, while the click still counts as the
 * reader's; resolves to whether it was granted.
 */
function askHost(url: string): Promise<boolean> {
  let origin: string | undefined;
  try {
    origin = hostPermission(url.trim());
  } catch {
    return Promise.resolve(false);
  }
  return browser.permissions.request({ origins: [origin] }).catch(() => false);
}

/** Add, remove, turn on and off the sources the library syncs from; sync now; watch it run. */
export function SyncSources() {
  const [sources, setSources] = useState<Listed[] | null>(null);
  const [kind, setKind] = useState<SourceKind>(KINDS[0].kind);
  /** The reader chose the kind: the address no longer suggests it. */
  const [kindChosen, setKindChosen] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [fields, setFields] = useState(FIELDS);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [removeStories, setRemoveStories] = useState<Record<string, boolean>>({});
  const status = useSyncStatus();
  const settings = SOURCE_FORMS[kind].settings;

  const refresh = () => send({ type: 'UI_LIST_SOURCES' }).then(setSources);
  useEffect(() => {
    void refresh();
  }, [status === null]);

  const suggested = url.trim() ? kindFromAddress(url.trim()) : undefined;

  function changeUrl(value: string) {
    setUrl(value);
    setPreview(null);
    const guess = value.trim() ? kindFromAddress(value.trim()) : undefined;
    if (guess && !kindChosen) setKind(guess);
  }

  async function showPreview() {
    const granted = askHost(url);
    setPreview({ kind: 'loading' });
    const ask = () => send({ type: 'UI_PREVIEW_SOURCE', source: { kind, url, name, ...settings?.fromForm(fields) } });
    let reply = await ask();
    // Read before the reader answered the browser's question: once the site is granted, read again.
    if ('error' in reply && (await granted)) reply = await ask();
    setPreview('error' in reply ? { kind: 'error', text: reply.error } : { kind: 'titles', titles: reply.titles });
  }

  async function add() {
    const granted = askHost(url);
    void navigator.storage?.persist?.();
    const reply = await send({
      type: 'UI_ADD_SOURCE',
      source: { kind, url, name, ...settings?.fromForm(fields) },
    });
    if ('error' in reply) return setMessage({ kind: 'error', text: reply.error });
    setMessage(null);
    setUrl('');
    setName('');
    setPreview(null);
    setKindChosen(false);
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
          <select
            value={kind}
            onChange={(event) => {
              setKind(event.currentTarget.value as SourceKind);
              setKindChosen(true);
              setPreview(null);
            }}
          >
            {KINDS.map((option) => (
              <option value={option.kind} key={option.kind}>
                {t(option.label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sourceUrlLabel')}
          <input type="url" required value={url} placeholder="https://" onInput={(event) => changeUrl(event.currentTarget.value)} />
        </label>
        <p class="help source-suggested" aria-live="polite">
          {suggested && t('sourceSuggested', t(SOURCE_FORMS[suggested].label))}
        </p>
        <label>
          {t('sourceNameLabel')}
          <input type="text" value={name} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        {settings && (
          <div class="source-fields">
            {settings.fields.map((field) => (
              // biome-ignore lint/a11y/noLabelWithoutControl: FieldInput renders the control inside the label.
              <label key={field.name}>
                {t(field.label)}
                <FieldInput field={field} value={fields[field.name]} onInput={(value) => setFields({ ...fields, [field.name]: value })} />
              </label>
            ))}
          </div>
        )}
        <div class="actions">
          <button type="button" disabled={!url.trim() || preview?.kind === 'loading'} onClick={() => void showPreview()}>
            {t('sourcePreview')}
          </button>
          <button type="submit">{t('sourceAdd')}</button>
        </div>
      </form>
      {preview && (
        <div class="source-preview" data-testid="source-preview" aria-live="polite">
          <PreviewResult preview={preview} />
        </div>
      )}
      {message && (
        <p class={`status status-${message.kind}`} role="alert">
          {message.text}
        </p>
      )}
      {status && <SyncProgress status={status} />}
      {sources?.length === 0 && <p class="help">{t('sourcesNone')}</p>}
      {sources && sources.length > 0 && (
        // Syncing is about the sources listed, not the one being added: the button heads their list.
        <div class="sources-head">
          <h3 id="sources-list-heading">{tn('sourcesListHeading', sources.length)}</h3>
          <button type="button" disabled={status !== null} onClick={() => void send({ type: 'UI_SYNC_NOW' })}>
            {t('syncNow')}
          </button>
        </div>
      )}
      {sources && sources.length > 0 && (
        <ul class="source-list" data-testid="sources" aria-labelledby="sources-list-heading">
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
                  <input
                    type="checkbox"
                    checked={removeStories[source.id] ?? false}
                    onChange={(event) => setRemoveStories({ ...removeStories, [source.id]: event.currentTarget.checked })}
                  />
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
