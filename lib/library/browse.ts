/**
 * The library as its page lists it: newest first, a page at a time, through the indexes on
 * (date, id) and (origin, date, id), so a page costs the same in a library of ten stories or of
 * 100,000 and the page never holds the whole library. Counts come from the indexes too.
 */
import { compareStories, type Story } from '../story';
import { plain, type LibraryDb } from './database';

/** Which stories a list shows: days from `from` to `to` (YYYY-MM-DD, both included), of one origin. */
export interface StoryFilter {
  from?: string;
  to?: string;
  origin?: string;
}

/**
 * Where a page ended: its last story in the list's order, date then id, both descending (the
 * order of the indexes read backwards). The next page starts after it, whatever was added since.
 */
export interface Position {
  date: string;
  id: string;
}

export interface StoryPage<T> {
  /** In list order. */
  items: T[];
  /** Where the next page starts; none after the last. */
  next?: Position;
}

/**
 * A page goes on to the end of its last day when that takes at most this many more stories, so a
 * day of the paper is listed whole (and the caller can sort it in page order); a longer day (a big
 * import) is cut.
 */
export const DAY_SLACK = 100;

/** `a` comes before `b` in the list (newer, or the same day and a greater id). */
export const isBefore = (a: Position, b: Position) => a.date > b.date || (a.date === b.date && a.id > b.id);

/** The next page of `items`, which come in list order: `limit` of them, then the rest of the last day if DAY_SLACK more hold it. */
export async function takePage<T extends Position>(items: AsyncIterable<T> | Iterable<T>, limit: number): Promise<StoryPage<T>> {
  const taken: T[] = [];
  for await (const item of items) {
    const last = taken.at(-1);
    if (last && taken.length >= limit && (item.date !== last.date || taken.length >= limit + DAY_SLACK)) {
      return { items: taken, next: { date: last.date, id: last.id } };
    }
    taken.push(item);
  }
  return { items: taken };
}

/**
 * The index a filter reads and its key range (arrays compare element by element, a shorter prefix
 * first; an array sorts after every string, so [day, []] ends the day), up to `after` if given.
 */
function keyRange({ from, to, origin }: StoryFilter, after?: Position) {
  const prefix = origin === undefined ? [] : [origin];
  const lower = from ?? (origin === undefined ? undefined : '');
  const upper = after ? [...prefix, after.date, after.id] : to !== undefined ? [...prefix, to, []] : origin === undefined ? undefined : [origin, []];
  const lowerKey = lower === undefined ? undefined : [...prefix, lower];
  const range =
    lowerKey && upper
      ? IDBKeyRange.bound(lowerKey, upper, false, after !== undefined)
      : lowerKey
        ? IDBKeyRange.lowerBound(lowerKey)
        : upper
          ? IDBKeyRange.upperBound(upper, after !== undefined)
          : null;
  return { index: origin === undefined ? ('by-date-id' as const) : ('by-origin-date-id' as const), range };
}

export interface LibraryBrowser {
  /** The page of stories after `after` (the first page without): newest first, a day's stories in page order. */
  page(filter: StoryFilter, after: Position | undefined, limit: number): Promise<StoryPage<Story>>;
  /** How many stories the filter shows. */
  count(filter: StoryFilter): Promise<number>;
  /** Each origin the library holds stories of, in origin order. */
  origins(): Promise<string[]>;
  /** The first and the last day of the library; none when it is empty. */
  span(): Promise<{ first: string; last: string } | undefined>;
  /** For each story (by date and id), whether it is of `origin`: one key lookup each, no story read. */
  ofOrigin(origin: string, stories: Position[]): Promise<boolean[]>;
}

export function libraryBrowser(db: LibraryDb): LibraryBrowser {
  return {
    async page(filter, after, limit) {
      const { index, range } = keyRange(filter, after);
      const store = db.transaction('stories').store.index(index);
      async function* newestFirst() {
        for (let cursor = await store.openCursor(range, 'prev'); cursor; cursor = await cursor.continue()) yield cursor.value;
      }
      const { items, next } = await takePage(newestFirst(), limit);
      return { items: items.map(plain).sort(compareStories), next };
    },
    count(filter) {
      const { index, range } = keyRange(filter);
      return db.countFromIndex('stories', index, range ?? undefined);
    },
    async origins() {
      const index = db.transaction('stories').store.index('by-origin');
      const origins: string[] = [];
      // One step per origin, not per story.
      for (let cursor = await index.openKeyCursor(null, 'nextunique'); cursor; cursor = await cursor.continue()) origins.push(cursor.key);
      return origins;
    },
    async span() {
      const index = db.transaction('stories').store.index('by-date');
      const [first, last] = await Promise.all([index.openKeyCursor(null, 'next'), index.openKeyCursor(null, 'prev')]);
      return first && last ? { first: first.key, last: last.key } : undefined;
    },
    async ofOrigin(origin, stories) {
      const index = db.transaction('stories').store.index('by-origin-date-id');
      return Promise.all(stories.map(async ({ date, id }) => (await index.count(IDBKeyRange.only([origin, date, id]))) > 0));
    },
  };
}
