/**
 * The reader's sources: made from what the options page asks for (checked, with a stable id per
 * address), and kept through a small key-value store (extension local storage; a Map in tests).
 */
import type { KeyValueStore } from '../../key-value-store';
import type { EditionDays, PrintPage, Source, SourceKind, SourceState } from './source';
import { sourceForm } from './source-forms';

export interface NewSource {
  kind: SourceKind;
  url: string;
  name?: string;
  printPage?: PrintPage;
  editionDays?: EditionDays;
}

const SOURCES = 'sources';
const stateKey = (id: string) => `source-state:${id}`;

export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

async function sourceId(url: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(url));
  return `src-${Array.from(new Uint8Array(digest).slice(0, 6), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A source from the reader's input, or a SourceError saying what to fix. */
export async function makeSource(input: NewSource): Promise<Source> {
  let url: URL;
  try {
    url = new URL(input.url.trim());
  } catch {
    throw new SourceError(`"${input.url}" is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SourceError('only http and https addresses can be synced');
  // Kept with the source in plain text, and never sent by the browser's fetch anyway: every sync would fail.
  if (url.username || url.password)
    throw new SourceError('an address with a user name or password in it (user:password@) cannot be synced: remove them, the source must be readable without');
  const kind = sourceForm(input.kind);
  if (!kind) throw new SourceError(`unknown kind of source: ${input.kind}`);
  const settings = kind.settings?.check(input);
  if (settings && 'problem' in settings) throw new SourceError(settings.problem);
  const name = input.name?.trim() || settings?.name;
  return {
    id: await sourceId(url.href),
    kind: kind.kind,
    url: url.href,
    name: name || url.hostname,
    named: Boolean(name),
    enabled: true,
    printPage: settings?.printPage,
    ...(settings?.editionDays && { editionDays: settings.editionDays }),
  };
}

/** A source as an earlier version stored it: a printed page was kind 'page', its settings `page`. */
type StoredSource = Source | (Omit<Source, 'kind'> & { kind: 'page'; page?: PrintPage });

/** A stored source in today's shape (the next write of the list stores it so). */
function upgraded(stored: StoredSource): Source {
  if (stored.kind !== 'page') return stored;
  const { page, ...rest } = stored;
  return { ...rest, kind: 'print-page', printPage: page };
}

export function sourceRegistry(store: KeyValueStore) {
  const list = async () => (((await store.get(SOURCES)) as StoredSource[] | undefined) ?? []).map(upgraded);
  return {
    list,
    async add(source: Source) {
      const all = await list();
      if (all.some((s) => s.id === source.id)) throw new SourceError('this address is already a source');
      await store.set(SOURCES, [...all, source]);
    },
    async update(id: string, change: Partial<Pick<Source, 'enabled' | 'name'>>) {
      await store.set(
        SOURCES,
        (await list()).map((s) => (s.id === id ? { ...s, ...change } : s)),
      );
    },
    /** Removes a source and its state; the source removed, if there was one. */
    async remove(id: string): Promise<Source | undefined> {
      const all = await list();
      await store.set(
        SOURCES,
        all.filter((s) => s.id !== id),
      );
      await store.remove(stateKey(id));
      return all.find((s) => s.id === id);
    },
    state: {
      load: async (id: string) => (await store.get(stateKey(id))) as SourceState | undefined,
      save: (id: string, state: SourceState) => store.set(stateKey(id), state),
    },
  };
}

export type SourceRegistry = ReturnType<typeof sourceRegistry>;

/** The host permission a source's address needs: its origin, every path (what the options page asks for). */
export const hostPermission = (url: string) => `${new URL(url).origin}/*`;

/** The host permissions to give back once `removed` is gone: its origin's, unless a remaining source still reads it. */
export function permissionsToRelease(removed: Source, remaining: Source[]): string[] {
  const needed = hostPermission(removed.url);
  return remaining.some((s) => hostPermission(s.url) === needed) ? [] : [needed];
}
