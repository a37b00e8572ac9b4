import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { displayPunctuation } from '../lib/display-punctuation';
import { MAX_LIBRARY_QUERY, type LibraryCounts, type LibraryListing, type LibraryQuery, type LibraryStory } from '../lib/messages';
import { BUNDLED_ORIGIN, IMPORT_ORIGIN } from '../lib/story';
import { formatDate, langOf, t, tn } from './i18n';
import { send } from './messaging';
import { storyPageUrl } from './open-story';
import { CardKicker, MarkedText } from './StoryList';

/** Stories a page of the list adds. */
const PAGE_SIZE = 50;
/** A search waits this long after the last key, as the popup's does. */
const SEARCH_DELAY_MS = 250;
/** A removed story's row offers undo this long (longer while the focus is in it). */
const UNDO_MS = 10_000;

/** What the list shows: a search and the filters, kept in the page's address so Back from a story returns to them. */
export type LibraryFilters = Pick<LibraryQuery, 'text' | 'from' | 'to' | 'origin'>;

export function filtersFromUrl(search: string): LibraryFilters {
  const params = new URLSearchParams(search);
  const value = (name: string) => params.get(name) || undefined;
  return { text: params.get('q') ?? '', from: value('from'), to: value('to'), origin: value('origin') };
}

function filtersToUrl({ text, from, to, origin }: LibraryFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of [
    ['q', text],
    ['from', from],
    ['to', to],
    ['origin', origin],
  ] as const)
    if (value) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

/** Where a story came from, in words: the bundle, an import, or the sync source by its name. */
function originName(origin: string, counts: LibraryCounts | null): string {
  if (origin === BUNDLED_ORIGIN) return t('originBundled');
  if (origin === IMPORT_ORIGIN) return t('originImport');
  return counts?.origins.find((o) => o.origin === origin)?.name ?? t('originRemovedSource');
}

/** The library, each origin with its count: a row of toggles, one pressed. */
function SourceFilter({ counts, origin, onChange }: { counts: LibraryCounts; origin?: string; onChange: (origin?: string) => void }) {
  const choices = [
    { origin: undefined, count: counts.total, name: t('libraryAllSources') },
    ...counts.origins.map((o) => ({ ...o, name: originName(o.origin, counts) })),
  ];
  return (
    <fieldset class="library-sources">
      <legend class="library-label">{t('librarySources')}</legend>
      <ul class="library-source-list" data-testid="source-counts">
        {choices.map((choice) => (
          <li key={choice.origin ?? ''}>
            <button
              type="button"
              class="library-source"
              aria-pressed={choice.origin === origin}
              data-origin={choice.origin ?? ''}
              onClick={() => onChange(choice.origin)}
            >
              <span lang={langOf(choice.name)}>{choice.name}</span> <span class="library-source-count">{choice.count.toLocaleString(t('htmlLang'))}</span>
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * A story of the list: its title is the link (its box covers the card, as the popup's cards do),
 * the rest describes it; the button beside it removes it.
 */
function StoryRow({ story, origin, onRemove }: { story: LibraryStory; origin: string; onRemove: () => void }) {
  const id = `story-${story.id}`;
  return (
    <>
      <div class="story-card" data-story-id={story.id}>
        <CardKicker kicker={story.kicker} />
        <a class="story-link" href={storyPageUrl(story.id)} aria-describedby={`${id}-meta ${id}-text`}>
          <MarkedText class="story-title" text={story.title} marks={story.found?.titleMarks ?? []} />
        </a>
        <span class="story-meta" id={`${id}-meta`}>
          <span lang={langOf(story.publication)}>{story.publication}</span> · {formatDate(story.date)}
          {story.page !== undefined && ` · ${t('pageNumber', story.page)}`} · <span class="library-origin">{t('libraryOriginOf', origin)}</span>
        </span>
        {story.found ? (
          <MarkedText
            class="story-first-line snippet"
            id={`${id}-text`}
            text={displayPunctuation(story.found.snippet.text)}
            marks={story.found.snippet.marks}
          />
        ) : (
          <span class="story-first-line" id={`${id}-text`} lang={langOf(story.firstLine)}>
            {displayPunctuation(story.firstLine)}
          </span>
        )}
      </div>
      <button type="button" class="library-remove" aria-label={t('libraryRemoveLabel', story.title)} onClick={onRemove}>
        {t('libraryRemove')}
      </button>
    </>
  );
}

/** A removed story's row, as tall as it was, until undo is no longer offered. */
function RemovedRow({ story, onUndo }: { story: LibraryStory; onUndo: () => void }) {
  return (
    <>
      <p class="library-removed-text" lang={langOf(story.title)}>
        {t('libraryRemoved', story.title)}
      </p>
      <button type="button" class="library-undo" aria-label={t('libraryUndoLabel', story.title)} onClick={onUndo}>
        {t('libraryUndo')}
      </button>
    </>
  );
}

/** The library page: every story, newest first, searched and filtered by day and source; each opens, and goes with undo. */
export function LibraryPage({ initial }: { initial: LibraryFilters }) {
  const [filters, setFilters] = useState<LibraryFilters>(initial);
  /** The search as asked: the typed text after a pause. */
  const [asked, setAsked] = useState(initial.text);
  const [counts, setCounts] = useState<LibraryCounts | null>(null);
  const [listing, setListing] = useState<LibraryListing | null>(null);
  /** The query the list shown answers: while it is not the current one, the list is busy. */
  const [listedKey, setListedKey] = useState<string | null>(null);
  /** Removed stories whose rows offer undo, with the height each row had. */
  const [removed, setRemoved] = useState<Map<string, number>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  /** What went wrong, in words: the worker's error, or an undo that could not be done. */
  const [failure, setFailure] = useState<string | null>(null);
  /** What takes the focus after the next render (a row's button or link): rows come and go under it. */
  const focusNext = useRef<string | null>(null);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const fetchingMore = useRef(false);
  const fail = (error: unknown) => setFailure(t('backgroundError', error instanceof Error ? error.message : String(error)));
  const query: LibraryQuery = { ...filters, text: asked.trim(), limit: PAGE_SIZE };
  const queryKey = JSON.stringify(query);

  const refreshCounts = () => void send({ type: 'UI_LIBRARY_COUNTS' }).then(setCounts, fail);
  // Counts are asked once the first list is shown: a count reads every story it counts, and the
  // library's requests queue behind it.
  const listed = listing !== null;
  useEffect(() => {
    if (listed) refreshCounts();
  }, [listed]);

  // Browsing, the list's count is asked apart (and after the counts per source), so the list
  // never waits for it. Asked again when the counts change: a story removed or put back.
  const filter = { from: filters.from, to: filters.to, origin: filters.origin };
  const filterKey = JSON.stringify(filter);
  const [shownCount, setShownCount] = useState<{ key: string; count: number } | null>(null);
  useEffect(() => {
    if (!counts) return;
    let current = true;
    send({ type: 'UI_LIBRARY_COUNT', filter }).then((count) => current && setShownCount({ key: filterKey, count }), fail);
    return () => {
      current = false;
    };
  }, [filterKey, counts]);

  useEffect(() => {
    const timer = setTimeout(() => setAsked(filters.text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filters.text]);

  useEffect(() => {
    history.replaceState(null, '', filtersToUrl({ ...filters, text: asked }));
    let current = true;
    // The list shown stays, marked busy, until the new one comes: nothing jumps meanwhile.
    send({ type: 'UI_LIBRARY_LIST', query }).then((found) => {
      if (!current) return;
      setListing(found);
      setListedKey(queryKey);
      for (const timer of timers.current.values()) clearTimeout(timer);
      timers.current.clear();
      setRemoved(new Map());
    }, fail);
    return () => {
      current = false;
    };
  }, [queryKey]);

  useEffect(() => {
    if (!focusNext.current) return;
    document.querySelector<HTMLElement>(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const update = (change: Partial<LibraryFilters>) => setFilters((now) => ({ ...now, ...change }));

  async function showMore() {
    // One page at a time (a double click asks once), and only for the list still shown.
    if (!listing?.next || fetchingMore.current) return;
    fetchingMore.current = true;
    const before = listing;
    const more = await send({ type: 'UI_LIBRARY_LIST', query: { ...query, after: listing.next } })
      .catch(fail)
      .finally(() => {
        fetchingMore.current = false;
      });
    if (!more) return;
    // The focus goes to the first story added: the button may be gone, and the reader reads on from there.
    if (more.stories[0]) focusNext.current = `[data-row-id="${CSS.escape(more.stories[0].id)}"] .story-link`;
    setListing((now) => (now && now.next === before.next ? { ...more, stories: [...now.stories, ...more.stories] } : now));
  }

  const rowOf = (id: string) => document.querySelector(`[data-row-id="${CSS.escape(id)}"]`);

  /** A row goes; the focus, when it was in it, goes on to the next row (or the list's heading). */
  function dropRow(id: string) {
    const row = rowOf(id);
    if (row?.contains(document.activeElement)) {
      const near = (row.nextElementSibling ?? row.previousElementSibling)?.getAttribute('data-row-id');
      focusNext.current = near ? `[data-row-id="${CSS.escape(near)}"] :is(.story-link, .library-undo)` : '#library-results-heading';
    }
    timers.current.delete(id);
    setRemoved((now) => new Map([...now].filter(([key]) => key !== id)));
    setListing((now) => now && { ...now, stories: now.stories.filter((s) => s.id !== id) });
  }

  /** Undo is no longer offered: the row goes, unless the reader is in it (then it waits for them to leave). */
  function expire(id: string) {
    if (rowOf(id)?.contains(document.activeElement)) {
      timers.current.set(
        id,
        setTimeout(() => expire(id), UNDO_MS),
      );
      return;
    }
    dropRow(id);
  }

  async function remove(story: LibraryStory) {
    const height = (rowOf(story.id) as HTMLElement | null)?.offsetHeight ?? 0;
    const answer = await send({ type: 'UI_REMOVE_STORY', id: story.id }).catch(fail);
    if (!answer) return;
    refreshCounts();
    // Already gone (removed in another tab): its row goes too.
    if (!answer.removed) {
      dropRow(story.id);
      return;
    }
    focusNext.current = `[data-row-id="${CSS.escape(story.id)}"] .library-undo`;
    setRemoved((now) => new Map(now).set(story.id, height));
    setListing((now) => now && { ...now, total: now.total && now.total - 1 });
    setAnnouncement(t('libraryRemoved', story.title));
    timers.current.set(
      story.id,
      setTimeout(() => expire(story.id), UNDO_MS),
    );
  }

  async function undo(story: LibraryStory) {
    clearTimeout(timers.current.get(story.id));
    timers.current.delete(story.id);
    const answer = await send({ type: 'UI_RESTORE_STORY', id: story.id }).catch(fail);
    if (!answer) return;
    refreshCounts();
    if (!answer.restored) {
      setFailure(t('libraryNotRestored', story.title));
      dropRow(story.id);
      return;
    }
    focusNext.current = `[data-row-id="${CSS.escape(story.id)}"] .story-link`;
    setRemoved((now) => new Map([...now].filter(([key]) => key !== story.id)));
    setListing((now) => now && { ...now, total: now.total && now.total + 1 });
    setAnnouncement(t('libraryRestored', story.title));
  }

  const filtered = Boolean(query.text || filters.from || filters.to || filters.origin !== undefined);
  return (
    <main class="library">
      <header class="library-head">
        <h1>{t('libraryPageHeading')}</h1>
        <p class="story-meta" data-testid="library-total">
          {counts ? tn('storyCount', counts.total) : '\u00a0'}
        </p>
        <a class="library-options-link" href={browser.runtime.getURL('/options.html')}>
          {t('libraryToOptions')}
        </a>
      </header>
      <section class="library-filters" aria-label={t('libraryFilters')}>
        <div class="library-search">
          <label class="library-label" for="library-search">
            {t('searchLabel')}
          </label>
          <input
            id="library-search"
            type="search"
            value={filters.text}
            placeholder={t('librarySearchPlaceholder')}
            maxLength={MAX_LIBRARY_QUERY}
            onInput={(event) => update({ text: event.currentTarget.value })}
          />
        </div>
        <div class="library-dates">
          {(['from', 'to'] as const).map((bound) => (
            <div class="library-date" key={bound}>
              <label class="library-label" for={`library-${bound}`}>
                {t(bound === 'from' ? 'libraryFrom' : 'libraryTo')}
              </label>
              <input
                id={`library-${bound}`}
                type="date"
                value={filters[bound] ?? ''}
                min={counts?.span?.first}
                max={counts?.span?.last}
                onChange={(event) => update({ [bound]: event.currentTarget.value || undefined })}
              />
            </div>
          ))}
        </div>
        {counts && <SourceFilter counts={counts} origin={filters.origin} onChange={(origin) => update({ origin })} />}
        <button type="button" class="library-clear" disabled={!filtered} onClick={() => setFilters({ text: '' })}>
          {t('libraryClearFilters')}
        </button>
      </section>
      {failure && (
        <p class="status status-error" role="alert">
          {failure}
        </p>
      )}
      <section class="library-results" aria-labelledby="library-results-heading" aria-busy={listedKey !== queryKey}>
        <h2 class="section-heading" id="library-results-heading" tabIndex={-1}>
          {t('libraryListHeading')}
          <span class="count" aria-live="polite" data-testid="library-shown">
            {query.text
              ? listing?.total !== undefined && tn('libraryFound', listing.total)
              : shownCount?.key === filterKey && tn('storyCount', shownCount.count)}
            {listing?.capped !== undefined && t('libraryCapped', listing.capped)}
          </span>
        </h2>
        {listing === null ? (
          <p class="placeholder">{t('loading')}</p>
        ) : listing.stories.length === 0 ? (
          <p class="empty-state">{t(filtered ? 'libraryNoMatch' : 'libraryEmpty')}</p>
        ) : (
          <ol class="story-list library-list">
            {listing.stories.map((story) => {
              const height = removed.get(story.id);
              return (
                <li
                  key={story.id}
                  class={height === undefined ? 'library-row' : 'library-row library-row-removed'}
                  data-row-id={story.id}
                  style={height ? { minHeight: `${height}px` } : undefined}
                >
                  {height === undefined ? (
                    <StoryRow story={story} origin={originName(story.origin, counts)} onRemove={() => void remove(story)} />
                  ) : (
                    <RemovedRow story={story} onUndo={() => void undo(story)} />
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {listing?.next && (
          <button type="button" class="library-more" onClick={() => void showMore()}>
            {t('libraryMore')}
          </button>
        )}
      </section>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </main>
  );
}
