/**
 * One source synced into the library: fetch what changed (conditional requests; a library feed's
 * shards by version), read it into stories, keep only the new and changed ones, and write them
 * analysed, a batch per transaction. What a source's address answered is remembered only once all
 * of it is written, so a sync that fails or whose worker is stopped half way does the rest next
 * time; ids are stable, so what was written already is recognised as unchanged, never doubled.
 * A story the library has from elsewhere (same address, or same text by fingerprint) is left out.
 * A source adds and updates its own stories only: one carrying the id of a story from elsewhere
 * (bundled, imported, another source) leaves that story as it is, and is counted as a conflict.
 * Stories a source later drops are kept.
 */
import type { Library } from '../library';
import type { Story } from '../../story';
import { FeedError } from './feed-error';
import { FetchError, type Fetched, type Validators } from './fetch-source';
import { CRAWL_PAUSE_MS, MAX_ARTICLES, MAX_ERROR_CHARS, MAX_TITLE_CHARS, MAX_VALIDATOR_CHARS } from './limits';
import { polite } from './polite';
import { emptyState, noCounts, type Source, type SourceState, type SyncCounts, type SyncProblem, type SyncResult } from './source';
import type { SourceDocument, SyncRun } from './source-kind';

export interface SyncProgress {
  /** The source, named as it names itself once that is known and the reader gave no name. */
  source: Source;
  /** Stories written so far in this sync, of `total` new or changed ones found so far. */
  done: number;
  total: number;
}

export interface SyncDeps {
  fetch(url: string, known: Validators): Promise<Fetched>;
  stories: Pick<Library, 'getMany' | 'duplicatesOf' | 'put'>;
  analyze(stories: Story[]): Promise<Story[]>;
  state: { load(id: string): Promise<SourceState | undefined>; save(id: string, state: SourceState): Promise<void> };
  progress?(progress: SyncProgress): void;
  /** True once the source is being removed: the sync stops before its next fetch or write. */
  stopped?(): boolean;
  /** YYYY-MM-DD: the day undated feed items are given. */
  today: string;
  batchSize?: number;
  /** A crawling kind's pause between requests to a site (CRAWL_PAUSE_MS) and cap on articles per sync (MAX_ARTICLES). */
  crawl?: { pauseMs?: number; maxArticles?: number; days?: number };
}

/**
 * Stories per transaction. A batch writes its index changes as one segment (lib/library/
 * index-segment.ts), so its cost follows the batch, not the library: 200 hold the library for
 * ~0.3 s, the longest a popup opened meanwhile waits for it (docs/benchmarks.md).
 */
const BATCH = 200;

/** What a reader sees of a story: the same text is the same story, whatever analysis it carries. */
const sameContent = (a: Story, b: Story) => a.title === b.title && a.date === b.date && a.paragraphs.join('\n') === b.paragraphs.join('\n');

/** Ends a sync whose source is being removed: nothing more of it is written or remembered. */
export class SyncStopped extends Error {
  constructor() {
    super('the source was removed during its sync');
    this.name = 'SyncStopped';
  }
}

/**
 * The kinds' readers (the HTML and XML parsers, Readability), evaluated at the first sync, not
 * at every wake of the worker: the background is one script, where the bundler makes an
 * `import()` a module evaluated when first asked for (a service worker could load no other).
 */
const sourceKinds = () => import('./source-kinds');
type SourceKinds = Awaited<ReturnType<typeof sourceKinds>>['SOURCE_KINDS'];

/** What kind of failure an error is, for the reader. */
function problemOf(error: unknown, kinds: SourceKinds): SyncProblem {
  if (error instanceof FetchError) return error.kind;
  const name = (error as Error | undefined)?.name;
  if (name === 'QuotaExceededError' || /QuotaExceeded/.test(String((error as Error | undefined)?.message))) return 'quota';
  if (isFormatError(error, kinds)) return 'format';
  return 'other';
}

/** An error any kind's reader throws for unreadable text (FeedError also says so of whatever else a reader threw). */
const isFormatError = (error: unknown, kinds: SourceKinds) =>
  error instanceof FeedError || Object.values(kinds).some((kind) => kind.formatErrors.some((type) => error instanceof type));

/** A document's text read into stories: whatever a parser throws says the text is unreadable, in the parser's words. */
async function readText(doc: SourceDocument, text: string, kinds: SourceKinds): Promise<Story[]> {
  try {
    return await doc.read(text);
  } catch (error) {
    if (isFormatError(error, kinds)) throw error;
    throw new FeedError(`${doc.url} could not be read: ${(error as Error).message}`);
  }
}

/** Validators worth remembering: a hostile server's kilobytes of ETag are not kept in local storage. */
const bounded = (validators: Validators): Validators => ({
  etag: validators.etag && validators.etag.length <= MAX_VALIDATOR_CHARS ? validators.etag : undefined,
  lastModified: validators.lastModified && validators.lastModified.length <= MAX_VALIDATOR_CHARS ? validators.lastModified : undefined,
});

/** What a source calls itself, as kept with its state and shown as its name. */
const titleOf = (title: string | undefined) => title?.trim().slice(0, MAX_TITLE_CHARS) || undefined;

export async function syncSource(source: Source, deps: SyncDeps): Promise<SyncResult> {
  const state = (await deps.state.load(source.id)) ?? emptyState();
  const counts: SyncCounts = noCounts();
  let total = 0;
  const stopIfAsked = () => {
    if (deps.stopped?.()) throw new SyncStopped();
  };

  const { kindModule, SOURCE_KINDS } = await sourceKinds();
  const kind = kindModule(source.kind);
  // A crawling kind asks robots.txt first and pauses between requests to a site; the others read files made to be read.
  const manners = kind?.crawls ? polite(deps.fetch, deps.crawl?.pauseMs ?? CRAWL_PAUSE_MS) : undefined;
  const fetchDoc = manners?.fetch ?? deps.fetch;

  /** Fetches one document; writes its new and changed stories; then remembers what it answered. */
  const take = async (doc: SourceDocument) => {
    stopIfAsked();
    const known = state.fetched[doc.url];
    if (doc.version !== undefined && known?.version === doc.version) return;
    const fetched = await fetchDoc(doc.url, doc.version !== undefined ? {} : (known ?? {}));
    if (fetched.status === 'not-modified') return;
    const read = await readText(doc, fetched.text, SOURCE_KINDS);
    const olds = await deps.stories.getMany(read.map((s) => s.id));
    const unknown = read.filter((_, i) => !olds[i]);
    // The same story from another source, or another address of this one: the library has it.
    const duplicates = unknown.length ? await deps.stories.duplicatesOf(unknown) : [];
    const elsewhere = new Set(unknown.filter((_, i) => duplicates[i] !== undefined).map((s) => s.id));
    const fresh: Story[] = [];
    read.forEach((story, i) => {
      const old = olds[i];
      // Another origin's story is never rewritten nor taken over (removing this source would delete it).
      if (old && old.origin !== source.id) counts[sameContent(old, story) ? 'duplicates' : 'conflicts']++;
      else if (old && sameContent(old, story)) counts.unchanged++;
      else if (elsewhere.has(story.id)) counts.duplicates++;
      else {
        fresh.push(story);
        if (old) counts.updated++;
        else counts.added++;
      }
    });
    total += fresh.length;
    const size = deps.batchSize ?? BATCH;
    for (let i = 0; i < fresh.length; i += size) {
      stopIfAsked();
      await deps.stories.put(await deps.analyze(fresh.slice(i, i + size)));
      const named = source.named === false && state.title ? { ...source, name: state.title } : source;
      deps.progress?.({ source: named, done: total - fresh.length + Math.min(fresh.length, i + size), total });
    }
    state.fetched[doc.url] = { ...bounded(fetched.validators), version: doc.version };
    await deps.state.save(source.id, state);
  };

  const run: SyncRun = {
    state,
    counts,
    today: deps.today,
    crawl: { allowed: async (url) => (await manners?.allowed(url)) ?? true, budget: deps.crawl?.maxArticles ?? MAX_ARTICLES, days: deps.crawl?.days },
    titled: (title) => {
      state.title = titleOf(title) ?? state.title;
    },
    take,
  };
  try {
    if (!kind) throw new Error(`unknown kind of source: ${source.kind}`);
    await kind.sync(source, run);
  } catch (error) {
    if (error instanceof SyncStopped) throw error;
    state.last = {
      at: new Date().toISOString(),
      ...counts,
      problem: problemOf(error, SOURCE_KINDS),
      error: String((error as Error).message).slice(0, MAX_ERROR_CHARS),
    };
    await deps.state.save(source.id, state);
    return state.last;
  }
  state.last = { at: new Date().toISOString(), ...counts };
  await deps.state.save(source.id, state);
  return state.last;
}
