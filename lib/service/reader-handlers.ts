/** What readers ask of the library: the popup and the story page (UI_), a web page's content script (PAGE_). */
import type { Handler } from './handler';
import { answerQuery, coverage, pageCoverage, storyCoverage, summarize } from './coverage';

export const listStories: Handler<'UI_LIST_STORIES'> = async ({ limit }, { library }) => {
  const lib = await library();
  return { stories: (await lib.recent(limit)).map(summarize), total: await lib.count() };
};

export const getStory: Handler<'UI_GET_STORY'> = async ({ id }, { library }) => (await (await library()).get(id)) ?? null;

export const search: Handler<'UI_SEARCH'> = ({ text }, service) => answerQuery(service, text);

export const storyRelated: Handler<'UI_STORY_RELATED'> = ({ id }, service) => storyCoverage(service, id);

/**
 * Starts readying the analysis and answers at once: the page goes on loading meanwhile. Not for
 * an address whose article was answered before (a reload): its answer is kept, and readying
 * jieba meanwhile (a second of the worker's time on a cold wake) would only hold it back; that
 * answer readies it after (coverage.ts). Nor when the page's article has already arrived, as it
 * has on a cold wake whenever the worker took longer to start than the page to load: the article
 * decides then (coverage.ts), so one answered before is not kept waiting behind jieba's restore
 * (each of its few reads waited for the restore's long tasks: ~1.2 s of a cold badge). A tab
 * starting a page has left the one its coverage was for: the count goes (told here, not by the
 * tabs' updates, whose every event would wake the worker: for the popup's own page too).
 */
export const pageWake: Handler<'PAGE_WAKE'> = async (_message, { prepare, tabs, answers, pages }, { tabId, url }) => {
  // Forgotten before anything is awaited: the page's article, sent later, may be answered (and
  // kept) while this wake still looks its address up.
  const forgotten = tabId === undefined ? undefined : tabs.forget(tabId);
  // Looked at after the lookup: a woken worker is handed the page's waiting messages together.
  const known = url !== undefined && (await answers.knows(url));
  if (!known && (tabId === undefined || !pages.answering(tabId))) void prepare().catch(() => undefined);
  await forgotten;
  return null;
};

/** A page's article waits its turn in its tab's line, outside the readers' gate while it waits. */
export const pageArticle: Handler<'PAGE_ARTICLE'> = async ({ article }, service, { tabId }) => {
  if (tabId === undefined) throw new Error('PAGE_ARTICLE comes from a tab');
  return { count: (await service.pages.submit(tabId, () => pageCoverage(service, article, tabId))) ?? null };
};

/** The bubble shows one answer: the full one, not the cold worker's first guess. */
export const pageSelection: Handler<'PAGE_SELECTION'> = ({ text }, service) => coverage(service, text, false);

export const openStory: Handler<'PAGE_OPEN_STORY'> = async ({ id }, service) => {
  await service.openStory(id);
  return null;
};
