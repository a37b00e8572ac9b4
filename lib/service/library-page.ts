/**
 * The library page's questions: a page of the library (browsed newest first, or searched as the
 * search box searches a name), the counts per origin, and a story removed and put back. Every
 * field is checked here: the protocol's types hold only for senders that keep to them.
 */
import type { StoryFilter } from '../library/browse';
import { isBefore, takePage } from '../library/browse';
import type { SearchHit } from '../match/search';
import { makeSnippet, markWords } from '../match/snippet';
import { MAX_LIBRARY_QUERY, type LibraryQuery, type LibraryStory } from '../messages';
import { BUNDLED_ORIGIN, compareStories, IMPORT_ORIGIN, STORY_ID, type Story } from '../story';
import { summarize } from './coverage';
import type { Handler, ServiceContext } from './handler';

/** Stories a page lists at most. */
export const LIBRARY_PAGE_MAX = 100;
/** A search ranks at most this many stories, the best; the page lists them newest first. */
const LIBRARY_FOUND = 1000;
/** An origin is `bundled`, `import` or a source's id. */
const MAX_ORIGIN = 200;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isDay = (value: unknown): value is string => typeof value === 'string' && DAY.test(value);
const isId = (value: unknown): value is string => typeof value === 'string' && STORY_ID.test(value);

function fieldError(type: string, field: string): Error {
  return new Error(`${type}: ${field} is not what it must be`);
}

/** A filter as the handler may trust it, or an error naming the first field that is wrong. */
function checkFilter(type: string, filter: unknown, name: string): StoryFilter {
  if (typeof filter !== 'object' || filter === null) throw fieldError(type, name);
  const { from, to, origin } = filter as Record<string, unknown>;
  if (from !== undefined && !isDay(from)) throw fieldError(type, 'from');
  if (to !== undefined && !isDay(to)) throw fieldError(type, 'to');
  if (origin !== undefined && (typeof origin !== 'string' || origin.length === 0 || origin.length > MAX_ORIGIN)) throw fieldError(type, 'origin');
  return { from, to, origin } as StoryFilter;
}

/** The query as the handler may trust it, or an error naming the first field that is wrong. */
export function checkLibraryQuery(query: unknown): LibraryQuery {
  const type = 'UI_LIBRARY_LIST';
  checkFilter(type, query, 'query');
  const { text, after, limit } = query as Record<string, unknown>;
  if (typeof text !== 'string' || text.length > MAX_LIBRARY_QUERY) throw fieldError(type, 'text');
  if (after !== undefined) {
    const { date, id } = (typeof after === 'object' && after !== null ? after : {}) as Record<string, unknown>;
    if (!isDay(date) || !isId(id)) throw fieldError(type, 'after');
  }
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > LIBRARY_PAGE_MAX) throw fieldError(type, 'limit');
  return query as LibraryQuery;
}

const listed = (story: Story, found?: LibraryStory['found']): LibraryStory => ({ ...summarize(story), origin: story.origin, ...(found && { found }) });

/** The hits a filter keeps, in list order: the days by the hit's date, the origin through the index. */
async function filterHits(hits: SearchHit[], { from, to, origin }: StoryFilter, ofOrigin: (origin: string, hits: SearchHit[]) => Promise<boolean[]>) {
  const inDays = hits.filter((hit) => (from === undefined || hit.date >= from) && (to === undefined || hit.date <= to));
  const kept = origin === undefined ? inDays : await ofOrigin(origin, inDays).then((mine) => inDays.filter((_, i) => mine[i]));
  return kept.sort((a, b) => (isBefore(a, b) ? -1 : 1));
}

export const libraryList: Handler<'UI_LIBRARY_LIST'> = async ({ query }, { library, finder }) => {
  const { text, from, to, origin, after, limit } = checkLibraryQuery(query);
  const filter: StoryFilter = { from, to, origin };
  const lib = await library();
  if (!text.trim()) {
    const { items, next } = await lib.browse.page(filter, after, limit);
    return { stories: items.map((story) => listed(story)), next };
  }
  const { hits, total: named } = await (await finder(lib)).search(text, { limit: LIBRARY_FOUND });
  const shown = await filterHits(hits, filter, lib.browse.ofOrigin);
  const { items, next } = await takePage(
    shown.filter((hit) => !after || isBefore(after, hit)),
    limit,
  );
  const stories = await lib.getMany(items.map((hit) => hit.id));
  const page = items.flatMap((hit, i) => {
    const story = stories[i];
    if (!story) return [];
    const words = hit.matched.map((m) => m.name);
    return [{ story, found: { titleMarks: markWords(story.title, words).marks, snippet: makeSnippet(story.paragraphs, words) } }];
  });
  return {
    stories: page.sort((a, b) => compareStories(a.story, b.story)).map(({ story, found }) => listed(story, found)),
    total: shown.length,
    next,
    ...(named > hits.length && { capped: hits.length }),
  };
};

/** Each origin's count, counted once after each change of the library (every story has an origin: they add up to the library). */
async function originCounts({ library, counted }: Pick<ServiceContext, 'library' | 'counted'>) {
  const lib = await library();
  const origins = await counted('origins', () => lib.browse.origins());
  return Promise.all(origins.map(async (origin) => ({ origin, count: await counted(`origin:${origin}`, () => lib.browse.count({ origin })) })));
}

export const libraryCounts: Handler<'UI_LIBRARY_COUNTS'> = async (_message, service) => {
  const [origins, span, known] = await Promise.all([originCounts(service), (await service.library()).browse.span(), service.sources.list()]);
  const names = new Map(known.map((source) => [source.id, source.name]));
  return {
    total: origins.reduce((sum, { count }) => sum + count, 0),
    origins: origins.map(({ origin, count }) => {
      const name = origin === BUNDLED_ORIGIN || origin === IMPORT_ORIGIN ? undefined : names.get(origin);
      return { origin, count, ...(name !== undefined && { name }) };
    }),
    ...(span && { span }),
  };
};

/** A filter's count: an origin's (or the library's) as counted for the page's toggles, a range of days counted once after each change. */
export const libraryCount: Handler<'UI_LIBRARY_COUNT'> = async (message, service) => {
  const filter = checkFilter('UI_LIBRARY_COUNT', message.filter, 'filter');
  if (filter.from === undefined && filter.to === undefined) {
    const origins = await originCounts(service);
    return origins.reduce((sum, { origin, count }) => sum + (filter.origin === undefined || origin === filter.origin ? count : 0), 0);
  }
  const lib = await service.library();
  return service.counted(JSON.stringify(filter), () => lib.browse.count(filter));
};

export const removeStory: Handler<'UI_REMOVE_STORY'> = async ({ id }, { library, libraryChanged, tabs }) => {
  if (!isId(id)) throw fieldError('UI_REMOVE_STORY', 'id');
  const lib = await library();
  const removed = await lib.remove(id);
  // The finder forgets it: no search or related coverage finds it any more, nor a tab's popup.
  if (removed) {
    await libraryChanged(lib, 'here');
    await tabs.prune(lib.holds);
  }
  return { removed };
};

export const restoreStory: Handler<'UI_RESTORE_STORY'> = async ({ id }, { library, libraryChanged, tabs }) => {
  if (!isId(id)) throw fieldError('UI_RESTORE_STORY', 'id');
  const lib = await library();
  const restored = await lib.restore(id);
  if (restored) {
    await libraryChanged(lib, 'here');
    await tabs.restore(id);
  }
  return { restored };
};
