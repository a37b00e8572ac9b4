import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { keepShown } from '../lib/match/keep-shown';
import type { Reply, SearchAnswer } from '../lib/messages';
import { t, tn } from './i18n';
import { send } from './messaging';
import { usePageCoverage } from './page-coverage';
import { libraryPageUrl } from './open-story';
import { useSyncStatus } from './sync-status';
import { SyncProgress } from './SyncProgress';
import { PageSection } from './PageSection';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
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
  const [answer, setAnswer] = useState<{ query: string; reply: SearchAnswer } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const page = usePageCoverage();
  const syncing = useSyncStatus();
  const top = useStickyTop();
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
    const asked = query.trim();
    if (!asked) {
      setAnswer(null);
      return;
    }
    let current = true;
    let timer: ReturnType<typeof setTimeout>;
    const search = () =>
      send({ type: 'UI_SEARCH', text: query }).then((found) => {
        if (!current) return;
        // The same question answered again (fuller): reordered, nothing shown taken back.
        setAnswer((shown) => ({ query: asked, reply: shown?.query === asked ? { ...found, related: keepShown(shown.reply.related, found.related) } : found }));
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
      <div class="popup-top" ref={top}>
        <header class="masthead">
          <h1>{t('popupTitle')}</h1>
          <a
            class="masthead-link"
            href={libraryPageUrl()}
            onClick={(event) => {
              // In a tab of its own: the popup closes as it loses the focus.
              event.preventDefault();
              void browser.tabs.create({ url: event.currentTarget.href });
            }}
          >
            {t('manageLibrary')}
          </a>
        </header>
        <SearchBox value={query} onInput={setQuery} />
        {syncing && <SyncProgress status={syncing} />}
      </div>
      {failure && (
        <p class="status status-error" role="alert">
          {t('backgroundError', failure)}
        </p>
      )}
      {searching ? (
        answer === null ? (
          <p class="placeholder">{t('loading')}</p>
        ) : (
          <SearchResults query={answer.query} answer={answer.reply} />
        )
      ) : (
        <>
          {page && <PageSection coverage={page} />}
          <section class="results" aria-labelledby="library-heading">
            <h2 class="section-heading" id="library-heading">
              {t('libraryHeading')}
              {stories && <span class="count">{tn('storyCount', stories.total)}</span>}
            </h2>
            {stories === null ? <p class="placeholder">{t('loading')}</p> : <StoryList stories={stories.stories} label={t('libraryHeading')} />}
          </section>
        </>
      )}
    </main>
  );
}

/**
 * The masthead and search box stay at the top while the popup scrolls; a story reached by Tab is
 * scrolled into view below them, not under them (the document's scroll padding follows their height).
 */
function useStickyTop() {
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = top.current;
    if (!element) return;
    const follow = () => (document.documentElement.style.scrollPaddingTop = `${element.offsetHeight + 8}px`);
    const observer = new ResizeObserver(follow);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return top;
}
