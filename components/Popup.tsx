import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Reply } from '../lib/messages';
import { EntityChips } from './EntityChips';
import { t } from './i18n';
import { send } from './messaging';
import { usePageCoverage } from './page-coverage';
import { useSyncStatus } from './sync-status';
import { SyncProgress } from './SyncProgress';
import { PageSection } from './PageSection';
import { SearchBox } from './SearchBox';
import { StoryList } from './StoryList';

export const PAINTED_MARK = 'zhuzhou-lens:stories-painted';
/** Popup open → the current page's coverage (or that there is none) painted. */
export const PAGE_PAINTED_MARK = 'zhuzhou-lens:page-painted';

/** The popup lists the newest stories; a library of thousands is searched, not scrolled. */
const LISTED_STORIES = 50;
/** Waits this long after the last keystroke before searching, so typing stays smooth. */
const SEARCH_DELAY_MS = 200;
/** After a partial answer, asks again this much later: about when jieba is ready. */
const PARTIAL_RETRY_MS = 400;

export function Popup() {
  const [stories, setStories] = useState<Reply<{ type: 'UI_LIST_STORIES'; limit: number }> | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Reply<{ type: 'UI_SEARCH'; text: string }> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const page = usePageCoverage();
  const syncing = useSyncStatus();
  const fail = (error: unknown) => setFailure(error instanceof Error ? error.message : String(error));

  useEffect(() => {
    // After the page's coverage is on screen: waking a stopped worker competes with the paint.
    if (page !== undefined) send({ type: 'UI_LIST_STORIES', limit: LISTED_STORIES }).then(setStories, fail);
  }, [page === undefined]);

  useEffect(() => {
    // Read by `npm run bench` (and visible in DevTools): popup open → library painted.
    if (stories) performance.mark(PAINTED_MARK);
  }, [stories !== null]);

  useEffect(() => {
    if (page !== undefined) performance.mark(PAGE_PAINTED_MARK);
  }, [page !== undefined]);

  useEffect(() => {
    if (!query.trim()) {
      setResults(null);
      return;
    }
    let current = true;
    let timer: ReturnType<typeof setTimeout>;
    const search = () =>
      send({ type: 'UI_SEARCH', text: query }).then((found) => {
        if (!current) return;
        setResults(found);
        // A cold worker answered from the library's names only; ask again once jieba is up.
        if (found.partial) timer = setTimeout(search, PARTIAL_RETRY_MS);
      }, fail);
    timer = setTimeout(search, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const searching = query.trim() !== '';
  return (
    <main class="popup">
      <header class="masthead">
        <h1>{t('popupTitle')}</h1>
        <a
          class="masthead-link"
          href={browser.runtime.getURL('/options.html')}
          onClick={(event) => {
            event.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          {t('manageLibrary')}
        </a>
      </header>
      <SearchBox value={query} onInput={setQuery} />
      {syncing && <SyncProgress status={syncing} />}
      {failure && (
        <p class="status status-error" role="alert">
          {t('backgroundError', failure)}
        </p>
      )}
      {searching ? (
        <section class="results" aria-live="polite">
          {results === null ? (
            <p class="placeholder">{t('loading')}</p>
          ) : (
            <>
              <EntityChips entities={results.entities} heading={t('typedEntitiesHeading')} limit={6} />
              {results.related.length === 0 ? (
                <p class="empty-state" data-state="no-related">
                  {t('searchNoResults')}
                </p>
              ) : (
                <>
                  <h2 class="section-heading">{t('searchResultsHeading')}</h2>
                  <StoryList stories={results.related} label={t('searchResultsHeading')} />
                </>
              )}
            </>
          )}
        </section>
      ) : (
        <>
          {page && <PageSection coverage={page} />}
          <section class="results">
            <h2 class="section-heading">
              {t('libraryHeading')}
              {stories && <span class="count">{t('storyCount', stories.total)}</span>}
            </h2>
            {stories === null ? (
              <p class="placeholder">{t('loading')}</p>
            ) : (
              <StoryList stories={stories.stories} label={t('libraryHeading')} />
            )}
          </section>
        </>
      )}
    </main>
  );
}
