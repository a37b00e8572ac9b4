import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackgroundState } from '../../lib/background-state';
import { DAY_SLACK, takePage, type Position, type StoryFilter } from '../../lib/library/browse';
import { REMOVED } from '../../lib/library/database';
import { REMOVED_KEPT, type Library } from '../../lib/library/library';
import { fetchSource } from '../../lib/library/sync/fetch-source';
import { MAX_LIBRARY_QUERY, type LibraryQuery } from '../../lib/messages';
import { pageAnswers } from '../../lib/service/page-answers';
import { tabCoverage } from '../../lib/page/tab-coverage';
import { createService } from '../../lib/service';
import { LIBRARY_PAGE_MAX } from '../../lib/service/library-page';
import { compareStories, type Story } from '../../lib/story';
import { freshDbName, loadJieba, mapStore, readPackageBytes, readPackageFile, readerStory } from './helpers';

let dbName: string;
let library: Library;
let handle: ReturnType<typeof createService>['handle'];
/** The sync sources' storage, where a test adds a source by hand. */
let store: Map<string, unknown>;

beforeEach(async () => {
  dbName = freshDbName();
  const state = createBackgroundState({ version: 'test', analysisVersion: 'test', readPackageFile, readPackageBytes, loadJieba, dbName });
  library = await state.library();
  const session = new Map<string, unknown>();
  store = new Map();
  handle = createService({
    ...state,
    tabs: tabCoverage(mapStore(session), () => undefined),
    answers: pageAnswers(mapStore(session)),
    openStory: async () => undefined,
    sync: {
      fetch: (url, known) => fetchSource(url, known, { timeoutMs: 5000, maxBytes: 1 << 20 }),
      store: mapStore(store),
      status: () => undefined,
      today: () => '2024-06-01',
    },
  }).handle;
});

const day = (n: number) => `2024-06-${String(n).padStart(2, '0')}`;
/** `perDay` stories on each of `days` days, in print order by page, of `origin`. */
const stories = (days: number, perDay: number, origin = 'import', prefix = 'r'): Story[] =>
  Array.from({ length: days * perDay }, (_, i) => ({
    ...readerStory(`${prefix}-${i}`, `报道${i}`),
    date: day(1 + Math.floor(i / perDay)),
    page: 1 + (i % perDay),
    origin,
  }));

const count = (filter: StoryFilter) => handle({ type: 'UI_LIBRARY_COUNT', filter });
const list = (query: Partial<LibraryQuery>) => handle({ type: 'UI_LIBRARY_LIST', query: { text: '', limit: 20, ...query } });

/** Every page of a query, followed from the first to the last. */
async function allPages(query: Partial<LibraryQuery>): Promise<string[][]> {
  const pages: string[][] = [];
  let after: Position | undefined;
  do {
    const page = await list({ ...query, after });
    pages.push(page.stories.map((s) => s.id));
    after = page.next;
  } while (after);
  return pages;
}

describe('the library page’s list', () => {
  it('pages through the library newest first, each day whole and in page order, every story once', async () => {
    const all = [...stories(6, 4), ...(await library.all())];
    await library.put(stories(6, 4));
    const pages = await allPages({ limit: 5 });
    // Five stories, then the rest of the fifth one's day (a day has four).
    expect(pages.map((p) => p.length)).toEqual([8, 8, 8, 10]);
    expect(pages.flat()).toEqual([...all].sort(compareStories).map((s) => s.id));
    const first = await list({ limit: 5 });
    expect(first.total).toBeUndefined();
    expect(await count({})).toBe(34);
    expect(first.stories.slice(0, 4).map((s) => s.title)).toEqual(['报道20', '报道21', '报道22', '报道23']);
    expect(first.stories[0]).toMatchObject({ origin: 'import', publication: '潇湘晨报', firstLine: '这是一篇读者导入的报道。' });
  });

  it('filters by days and by origin, counting what the filter shows', async () => {
    await library.put([...stories(5, 2), ...stories(3, 3, 'source-1', 's')]);
    const june2to3 = await list({ from: day(2), to: day(3) });
    expect(await count({ from: day(2), to: day(3) })).toBe(10);
    expect(new Set(june2to3.stories.map((s) => s.date))).toEqual(new Set([day(2), day(3)]));
    const source = await allPages({ origin: 'source-1', limit: 2 });
    expect(source.flat()).toHaveLength(9);
    expect((await list({ origin: 'source-1', from: day(3) })).stories.map((s) => s.id)).toEqual(['s-6', 's-7', 's-8']);
    expect((await list({ origin: 'bundled', from: day(1) })).stories).toEqual([]);
    expect(await count({ origin: 'bundled', from: day(1) })).toBe(0);
    expect(await count({ origin: 'bundled', to: day(1) })).toBe(10);
    expect(await count({ origin: 'bundled' })).toBe(10);
    expect(await count({ origin: 'source-1' })).toBe(9);
    expect(await count({ origin: 'nobody' })).toBe(0);
    expect((await list({ origin: 'nobody' })).stories).toEqual([]);
  });

  it('reads a page’s stories only, however large the library: never the whole of it', async () => {
    // 3,000 stories, 30 a day (10 of each of three origins) from 2014-01-01.
    const dayOf = (i: number) => new Date(Date.UTC(2014, 0, 1 + Math.floor(i / 30))).toISOString().slice(0, 10);
    await library.put(Array.from({ length: 3000 }, (_, i) => ({ ...readerStory(`big-${i}`), date: dayOf(i), origin: `src-${i % 3}` })));
    // Every step of a cursor, counted in fake-indexeddb's own step (idb knows cursor.continue by identity, so that stays).
    const cursor = globalThis.IDBCursor.prototype as unknown as { _iterate: (...args: unknown[]) => unknown };
    const advance = cursor._iterate;
    let steps = 0;
    cursor._iterate = function (this: unknown, ...args: unknown[]) {
      steps++;
      return advance.apply(this, args);
    };
    try {
      const first = await list({ limit: 50 });
      // The ten bundled stories, then two whole days of thirty.
      expect(first.stories).toHaveLength(70);
      const next = await list({ limit: 50, origin: 'src-1', from: '2014-01-01', after: first.next });
      expect(next.stories.map((s) => s.date)).toEqual([97, 96, 95, 94, 93].flatMap((day) => Array(10).fill(dayOf(day * 30))));
      // Each page read its own stories and one more (the probe counts: 70 and 50 stories shown).
      expect(steps).toBeGreaterThan(120);
      expect(steps).toBeLessThan(2 * (50 + DAY_SLACK));
    } finally {
      cursor._iterate = advance;
    }
  });

  it('cuts a day longer than a page and DAY_SLACK more, and resumes inside it', async () => {
    await library.put(stories(1, DAY_SLACK + 30));
    const pages = await allPages({ origin: 'import', limit: 20 });
    expect(pages[0]).toHaveLength(20 + DAY_SLACK);
    expect(new Set(pages.flat()).size).toBe(DAY_SLACK + 30);
  });

  it('searches as the search box does, then filters, newest first, with the words found marked', async () => {
    const seed = await library.all();
    const named = seed.filter((s) => s.paragraphs.join('').includes('株洲'));
    const found = await list({ text: '株洲', limit: 3 });
    expect(found.total).toBe(named.length);
    expect(found.capped).toBeUndefined();
    expect(found.stories[0].found?.snippet.marks.length).toBeGreaterThan(0);
    const pages = await allPages({ text: '株洲', limit: 3 });
    expect(new Set(pages.flat())).toEqual(new Set(named.map((s) => s.id)));
    expect((await list({ text: '株洲', origin: 'import' })).total).toBe(0);
    expect((await list({ text: '株洲', origin: 'bundled', from: '2024-05-23' })).total).toBe(0);
    expect((await list({ text: '株洲', origin: 'bundled', from: '2024-05-22', to: '2024-05-22' })).total).toBe(named.length);
  });

  it('counts once after each change of the library: a story removed is counted out at once', async () => {
    expect(await count({ from: '2024-05-22' })).toBe(10);
    expect((await handle({ type: 'UI_LIBRARY_COUNTS' })).total).toBe(10);
    // Written behind the service's back (no change announced): the counts kept stand.
    await library.put(stories(1, 2));
    expect(await count({ from: '2024-05-22' })).toBe(10);
    const [first] = await library.all();
    await handle({ type: 'UI_REMOVE_STORY', id: first.id });
    expect(await count({ from: '2024-05-22' })).toBe(11);
    expect(await count({})).toBe(11);
    expect((await handle({ type: 'UI_LIBRARY_COUNTS' })).origins).toEqual([
      { origin: 'bundled', count: 10 - (first.origin === 'bundled' ? 1 : 0) },
      { origin: 'import', count: 2 - (first.origin === 'import' ? 1 : 0) },
    ]);
  });

  it('counts the stories of each origin, naming a sync source, and the library’s first and last day', async () => {
    await library.put([...stories(2, 1), ...stories(1, 3, 'src-1', 's')]);
    store.set('sources', [{ id: 'src-1', kind: 'feed', url: 'https://news.example/rss', name: '潇湘晨报', enabled: true }]);
    const counts = await handle({ type: 'UI_LIBRARY_COUNTS' });
    expect(counts.total).toBe(15);
    expect(counts.origins).toEqual([
      { origin: 'bundled', count: 10 },
      { origin: 'import', count: 2 },
      { origin: 'src-1', count: 3, name: '潇湘晨报' },
    ]);
    expect(counts.span).toEqual({ first: '2024-05-22', last: day(2) });
  });

  it('refuses a query whose fields are not what they must be', async () => {
    const bad: Array<Partial<Record<keyof LibraryQuery, unknown>>> = [
      { limit: 0 },
      { limit: LIBRARY_PAGE_MAX + 1 },
      { limit: 2.5 },
      { text: 5 },
      { text: 'x'.repeat(MAX_LIBRARY_QUERY + 1) },
      { from: '22 May' },
      { to: 20240522 },
      { origin: '' },
      { after: { date: day(1) } },
      { after: { date: day(1), id: 'a b' } },
    ];
    for (const fields of bad) await expect(list(fields as Partial<LibraryQuery>), JSON.stringify(fields)).rejects.toThrow(/UI_LIBRARY_LIST/);
    await expect(handle({ type: 'UI_LIBRARY_LIST', query: null as never })).rejects.toThrow(/query/);
    await expect(count({ to: '2024-5-1' })).rejects.toThrow(/UI_LIBRARY_COUNT: to/);
    await expect(handle({ type: 'UI_LIBRARY_COUNT', filter: 'all' as never })).rejects.toThrow(/filter/);
    await expect(handle({ type: 'UI_REMOVE_STORY', id: '../x' })).rejects.toThrow(/id/);
    await expect(handle({ type: 'UI_RESTORE_STORY', id: 42 as never })).rejects.toThrow(/id/);
  });
});

describe('takePage', () => {
  it('ends after the limit at a day’s end, and says where the next page starts', async () => {
    const items = ['c', 'b', 'a'].flatMap((id) => [day(3), day(2)].map((date) => ({ date, id })));
    items.sort((x, y) => y.date.localeCompare(x.date) || y.id.localeCompare(x.id));
    expect(await takePage(items, 2)).toEqual({ items: items.slice(0, 3), next: items[2] });
    expect(await takePage(items, 6)).toEqual({ items });
  });
});

/** Everything the library keeps of a story and its words, read straight from the database. */
async function snapshot(id: string) {
  const db = await openDB(dbName);
  const tx = db.transaction(['stories', 'docs', 'meta']);
  const [story, doc, wordCounts, names, docCount] = await Promise.all([
    tx.objectStore('stories').get(id),
    tx.objectStore('docs').index('by-id').get(id),
    tx.objectStore('meta').get('wordCounts'),
    tx.objectStore('meta').get('knownNames'),
    tx.objectStore('meta').get('docCount'),
  ]);
  db.close();
  const { ord: _, ...entry } = doc ?? {};
  return { story, entry: doc && entry, wordCounts, names, docCount };
}

describe('removing a story and undoing it', () => {
  it('takes it out of the library, the search index and related coverage, and puts it back exactly', async () => {
    const story = (await library.all()).find((s) => s.title === '立方新能源获国际权威双认可')!;
    const searched = async (text: string) => (await handle({ type: 'UI_SEARCH', text })).related.map((s) => s.id);
    const before = await snapshot(story.id);
    expect(await searched('立方新能源')).toContain(story.id);
    const passage = story.paragraphs.join('');
    expect(await searched(passage)).toContain(story.id);

    expect(await handle({ type: 'UI_REMOVE_STORY', id: story.id })).toEqual({ removed: true });
    expect(await library.get(story.id)).toBeUndefined();
    expect(await searched('立方新能源')).not.toContain(story.id);
    expect(await searched(passage)).not.toContain(story.id);
    expect((await list({ text: '立方新能源' })).stories.map((s) => s.id)).not.toContain(story.id);
    expect((await handle({ type: 'UI_LIBRARY_COUNTS' })).total).toBe(9);
    const gone = await snapshot(story.id);
    expect(gone.story).toBeUndefined();
    expect(gone.entry).toBeUndefined();
    expect(gone.docCount).toBe(before.docCount - 1);
    expect(gone.wordCounts.stories).toBe(before.wordCounts.stories - 1);
    expect(await handle({ type: 'UI_REMOVE_STORY', id: story.id })).toEqual({ removed: false });

    expect(await handle({ type: 'UI_RESTORE_STORY', id: story.id })).toEqual({ restored: true });
    expect(await snapshot(story.id)).toEqual(before);
    expect(await searched('立方新能源')).toContain(story.id);
    expect(await searched(passage)).toContain(story.id);
    // Once back, it is no longer kept aside: a second undo does nothing.
    expect(await handle({ type: 'UI_RESTORE_STORY', id: story.id })).toEqual({ restored: false });
  });

  it('keeps the last REMOVED_KEPT removed stories for undo, and never puts one over a story of its id', async () => {
    await library.put(stories(1, REMOVED_KEPT + 1));
    for (let i = 0; i <= REMOVED_KEPT; i++) await library.remove(`r-${i}`);
    const db = await openDB(dbName);
    expect(((await db.get('meta', REMOVED)) as Story[]).map((s) => s.id)).toEqual(Array.from({ length: REMOVED_KEPT }, (_, i) => `r-${i + 1}`));
    db.close();
    expect(await library.restore('r-0')).toBe(false);
    await library.put([{ ...readerStory('r-1', '同一编号的新报道'), origin: 'import' }]);
    expect(await library.restore('r-1')).toBe(false);
    expect((await library.get('r-1'))?.title).toBe('同一编号的新报道');
    expect(await library.restore('r-2')).toBe(true);
    expect((await library.get('r-2'))?.title).toBe('报道2');
  });
});
