import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeStories, keptUnchecked } from '../../lib/library/analyze-stories';
import { NAME_COUNTS, NAMES } from '../../lib/library/database';
import { openLibrary, type Library } from '../../lib/library/library';
import { reanalyse, REANALYSED_PER_BATCH, type ReanalysisDeps } from '../../lib/library/reanalyse';
import { addKnowledge, type Analyzer, emptyKnowledge } from '../../lib/nlp/analyzer';
import type { Story } from '../../lib/story';
import { bundledStories, freshDbName, nodeAnalyzer, TEST_ANALYSIS } from './helpers';

let analyzer: Analyzer;
let seeds: Story[];
beforeAll(async () => {
  analyzer = nodeAnalyzer();
  seeds = await analyzeStories(analyzer, TEST_ANALYSIS, await bundledStories());
}, 60_000);

afterEach(() => {
  vi.restoreAllMocks();
});

const deps = (overrides: Partial<ReanalysisDeps> = {}): ReanalysisDeps => ({
  analyzer: async () => analyzer,
  beforeStep: async () => undefined,
  written: async () => undefined,
  startAfterMs: 0,
  ...overrides,
});

/** The seed stories, each profiled as the telegram to Chad was: what an earlier analysis left, as wrong as it gets. */
const staleSeeds = () => seeds.map((story) => ({ ...story, analysis: seeds.find((s) => s.title.includes('乍得'))!.analysis }));

/** `count` stories of the seeds' text under other ids, profiled as the next seed was. */
const manyStale = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ ...staleSeeds()[i % seeds.length], id: `r${String(i).padStart(3, '0')}`, origin: 'import' }));

/** The analyzer, with the texts it is asked to analyse. */
const countingAnalyzer = () => {
  const analysed: string[] = [];
  const counting: Analyzer = { ...analyzer, analyze: (text, options) => (analysed.push(text), analyzer.analyze(text, options)) };
  return { counting, analysed };
};

/** A library an older build ('old') wrote `stories` into, opened by the running one ('new'); its name, to open it again. */
const leftByOldBuild = async (stories: Story[]) => {
  const name = freshDbName();
  const old = await openLibrary(name, () => analyzer.idf(), { analysisVersion: 'old' });
  await old.put(stories);
  old.close();
  return { name, library: await openLibrary(name, () => analyzer.idf(), { analysisVersion: 'new' }) };
};

const storiesOf = async (library: Library, ids: string[]) => (await library.getMany(ids)).map((s) => s!);
/** The stories the index lists under `term`. */
const holdersOf = async (library: Library, term: string) =>
  (await library.index.docs([...((await library.index.postings([term], Infinity)).lists.get(term)?.ords ?? [])])).map((doc) => doc.id);

describe('analysing the library again when the analysis changes', () => {
  it('profiles and indexes again the stories an earlier analysis stored, and counts their words anew', async () => {
    const name = freshDbName();
    const old = await openLibrary(name, () => analyzer.idf(), { analysisVersion: 'old' });
    // The earlier analysis also read a name that none reads now.
    const misread = (story: Story): Story => ({ ...story, analysis: { ...story.analysis!, entities: { ...story.analysis!.entities, org: ['旧版误认机构'] } } });
    await old.put(staleSeeds().map(misread));
    expect(await old.names()).toHaveProperty('旧版误认机构');
    const caoHuiquan = seeds.find((s) => s.title.includes('曹慧泉'))!;
    expect(await holdersOf(old, 'person:曹慧泉')).not.toContain(caoHuiquan.id);
    old.close();

    const library = await openLibrary(name, () => analyzer.idf(), { analysisVersion: 'new' });
    let batches = 0;
    expect(await reanalyse(library, 'new', deps({ written: async () => void batches++ }))).toBe(seeds.length);
    expect(batches).toBe(1);
    const fresh = await analyzeStories(analyzer, 'new', seeds);
    expect((await storiesOf(library, [caoHuiquan.id]))[0].analysis).toEqual(fresh.find((s) => s.id === caoHuiquan.id)!.analysis);
    expect(await holdersOf(library, 'person:曹慧泉')).toEqual([caoHuiquan.id]);
    // The library's word counts follow the new profiles: each story counted once, by its new words.
    const counts = await library.wordCounts();
    expect(counts.stories).toBe(seeds.length);
    expect(counts.df.曹慧泉).toBe(1);
    expect(counts.df.乍得).toBe(fresh.filter((s) => s.analysis?.entities.place.includes('乍得')).length);
    // And so do its names: the old profile's that no story names now are gone.
    expect(await library.names()).not.toHaveProperty('旧版误认机构');
    const freshNames = emptyKnowledge();
    for (const { analysis } of fresh) addKnowledge(freshNames, analysis!);
    expect(Object.keys(await library.names()).sort()).toEqual(Object.keys(freshNames.names).sort());
    expect(await library.staleStories('new', 50)).toBeUndefined();
    library.close();
  }, 60_000);

  it('costs one read of one record, and no analyzer, when the library is analysed by the current version', async () => {
    const library = await openLibrary(freshDbName(), () => analyzer.idf(), { analysisVersion: 'v1' });
    await library.put(seeds);
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const reads = (['get', 'getAll', 'getAllKeys', 'openCursor', 'count'] as const).map((method) => vi.spyOn(IDBObjectStore.prototype, method));
    const wanted = vi.fn(async () => analyzer);
    expect(await reanalyse(library, 'v1', deps({ analyzer: wanted }))).toBe(0);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(transactions.mock.calls[0][1]).not.toBe('readwrite');
    expect(reads.map((read) => read.mock.calls.length)).toEqual([1, 0, 0, 0, 0]);
    expect(wanted).not.toHaveBeenCalled();
    library.close();
  }, 60_000);

  it('goes on where a stopped run left off, the unfinished batch left as it was', async () => {
    const stale = manyStale(REANALYSED_PER_BATCH + 12);
    // The worker stops in the second batch's analysis (an error stands for it here).
    let { name, library } = await leftByOldBuild(stale);
    let analyses = 0;
    const stopping: Analyzer = {
      ...analyzer,
      analyze: (...args) => (++analyses > REANALYSED_PER_BATCH + 5 ? Promise.reject(new Error('worker stopped')) : analyzer.analyze(...args)),
    };
    await expect(reanalyse(library, 'new', deps({ analyzer: async () => stopping }))).rejects.toThrow('worker stopped');
    const after = await storiesOf(
      library,
      stale.map((s) => s.id),
    );
    const changed = after.map((s, i) => JSON.stringify(s.analysis) !== JSON.stringify(stale[i].analysis));
    expect(changed).toEqual(stale.map((_, i) => i < REANALYSED_PER_BATCH));
    library.close();

    // The next wake analyses only the rest, then says the library is current.
    library = await openLibrary(name, () => analyzer.idf(), { analysisVersion: 'new' });
    const { counting, analysed } = countingAnalyzer();
    expect(await reanalyse(library, 'new', deps({ analyzer: async () => counting }))).toBe(12);
    expect(analysed).toHaveLength(12);
    const fresh = new Map(seeds.map((s) => [s.title, s.analysis]));
    for (const story of await storiesOf(
      library,
      stale.map((s) => s.id),
    ))
      expect(story.analysis?.entities).toEqual(fresh.get(story.title)?.entities);
    expect((await library.wordCounts()).stories).toBe(stale.length);
    expect(await library.staleStories('new', 50)).toBeUndefined();
    library.close();
  }, 120_000);

  it('leaves a story the reader removed or a sync wrote meanwhile as it is now', async () => {
    const [first, second, ...rest] = staleSeeds();
    const { library } = await leftByOldBuild([first, second, ...rest]);
    const synced = { ...seeds[1], title: `${seeds[1].title}（更新）` };
    let meanwhile: Promise<unknown> | undefined;
    const interrupted: Analyzer = {
      ...analyzer,
      analyze: (text, options) => {
        meanwhile ??= Promise.all([library.remove(first.id), library.put([synced])]);
        return analyzer.analyze(text, options);
      },
    };
    expect(await reanalyse(library, 'new', deps({ analyzer: async () => interrupted }))).toBe(rest.length);
    await meanwhile;
    expect(await library.get(first.id)).toBeUndefined();
    expect(await library.get(second.id)).toEqual(synced);
    library.close();
  }, 60_000);

  it('passes over the stories this analysis made since (an import, a sync) without analysing them', async () => {
    const stale = manyStale(REANALYSED_PER_BATCH + 3);
    // The first batch is all current, the next holds the stale ones.
    const current = stale.slice(0, REANALYSED_PER_BATCH).map((story) => ({ ...story, analysis: { ...story.analysis!, version: 'new' } }));
    const { library } = await leftByOldBuild([...current, ...stale.slice(REANALYSED_PER_BATCH)]);
    const { counting, analysed } = countingAnalyzer();
    expect(await reanalyse(library, 'new', deps({ analyzer: async () => counting }))).toBe(3);
    expect(analysed).toHaveLength(3);
    expect((await storiesOf(library, [current[0].id]))[0]).toEqual(current[0]);
    expect(await library.staleStories('new', 50)).toBeUndefined();
    library.close();
  }, 60_000);

  it('asks for no analyzer when every story is one this analysis made, and says the library is current', async () => {
    const { library } = await leftByOldBuild(
      manyStale(REANALYSED_PER_BATCH + 3).map((story) => ({ ...story, analysis: { ...story.analysis!, version: 'new' } })),
    );
    const wanted = vi.fn(async () => analyzer);
    expect(await reanalyse(library, 'new', deps({ analyzer: wanted }))).toBe(0);
    expect(wanted).not.toHaveBeenCalled();
    expect(await library.staleStories('new', 50)).toBeUndefined();
    library.close();
  }, 60_000);

  it('has nothing to analyse again in a library created by the current version', async () => {
    const library = await openLibrary(freshDbName(), () => analyzer.idf(), { analysisVersion: 'v1' });
    await library.put(seeds);
    expect(await library.staleStories('v1', 50)).toBeUndefined();
    expect((await library.staleStories('v2', 50))?.stale).toHaveLength(seeds.length);
    library.close();
  }, 60_000);

  /** A seed's text under `id`, brought by a file claiming this analysis made a profile naming `claimed`. */
  const claiming = (id: string, claimed: string) =>
    keptUnchecked({ ...seeds[0], id, origin: 'import', analysis: { ...seeds[0].analysis!, entities: { person: [], place: [], org: [claimed] } } });

  /** Makes library `name` look as the code before the names' counts left it, with `leftover` among its names. */
  const beforeCounts = async (name: string, leftover: string) => {
    const db = await openDB(name);
    const tx = db.transaction(['docs', 'meta'], 'readwrite');
    for (const doc of await tx.objectStore('docs').getAll()) await tx.objectStore('docs').put({ ...doc, taught: undefined });
    await tx.objectStore('meta').delete(NAME_COUNTS);
    await tx.objectStore('meta').put({ ...(await tx.objectStore('meta').get(NAMES)), [leftover]: ['org', leftover] }, NAMES);
    await tx.done;
    db.close();
  };

  it('forgets the names a library from before the counts kept for no story, once a run has read every story again', async () => {
    const { name, library: old } = await leftByOldBuild(staleSeeds());
    old.close();
    await beforeCounts(name, '旧版误认机构');
    const library = await openLibrary(name, () => analyzer.idf(), { analysisVersion: 'new' });
    expect(await library.names()).toHaveProperty('旧版误认机构');
    await reanalyse(library, 'new', deps());
    const fresh = emptyKnowledge();
    for (const { analysis } of await analyzeStories(analyzer, 'new', seeds)) addKnowledge(fresh, analysis!);
    expect(Object.keys(await library.names()).sort()).toEqual(Object.keys(fresh.names).sort());
    library.close();
  }, 60_000);

  it('keeps them while a story stored before the counts may still teach them: a run that read one story again', async () => {
    const name = freshDbName();
    const again = await openLibrary(name, () => analyzer.idf(), { analysisVersion: 'v1' });
    await again.put(seeds.map((story) => ({ ...story, analysis: { ...story.analysis!, version: 'v1' } })));
    again.close();
    await beforeCounts(name, '旧版误认机构');
    const reopened = await openLibrary(name, () => analyzer.idf(), { analysisVersion: 'v1' });
    await reopened.put([claiming('zz-last', '虚构控股集团')]);
    expect(await reanalyse(reopened, 'v1', deps())).toBe(1);
    expect(await reopened.names()).toHaveProperty('旧版误认机构');
    reopened.close();
  }, 60_000);

  it('reads again a story a file brought unchecked, wherever it stands, and only then learns its names', async () => {
    const library = await openLibrary(freshDbName(), () => analyzer.idf(), { analysisVersion: 'v1' });
    await library.put(seeds.map((story) => ({ ...story, analysis: { ...story.analysis!, version: 'v1' } })));
    expect(await library.staleStories('v1', 50)).toBeUndefined();
    await library.put([claiming('zz-last', '虚构控股集团')]);
    expect(await library.names()).not.toHaveProperty('虚构控股集团');
    const { counting, analysed } = countingAnalyzer();
    expect(await reanalyse(library, 'v1', deps({ analyzer: async () => counting }))).toBe(1);
    expect(analysed).toHaveLength(1);
    const [story] = await storiesOf(library, ['zz-last']);
    expect(story.analysis?.version).toBe('v1');
    expect(story.analysis?.entities).toEqual(seeds[0].analysis?.entities);
    expect(await library.names()).not.toHaveProperty('虚构控股集团');
    expect(await library.staleStories('v1', 50)).toBeUndefined();
    library.close();
  }, 60_000);

  it('teaches the analyzer the names it read, at once: an imported company’s short name reads as it on the next page', async () => {
    const library = await openLibrary(freshDbName(), () => analyzer.idf(), { analysisVersion: 'v1' });
    const lifang = seeds.find((s) => s.title.includes('立方新能源'))!;
    await library.put([keptUnchecked({ ...lifang, id: 'imported-lifang', origin: 'import' })]);
    const fresh = nodeAnalyzer();
    const page = '立方新能源近日又获一项认可。';
    expect((await fresh.analyze(page)).entities.org).not.toContain('湖南立方新能源科技有限责任公司');
    expect(await reanalyse(library, 'v1', deps({ analyzer: async () => fresh }))).toBe(1);
    expect((await fresh.analyze(page)).entities.org).toContain('湖南立方新能源科技有限责任公司');
    library.close();
  }, 60_000);

  it('goes back to the first story when a write keeps a story unchecked during a run, behind where it had read', async () => {
    const stale = manyStale(REANALYSED_PER_BATCH + 12);
    const { library } = await leftByOldBuild(stale);
    let meanwhile: Promise<unknown> | undefined;
    const importing: Analyzer = {
      ...analyzer,
      analyze: (text, options) => {
        // The first id of all: the run has read past it by then.
        meanwhile ??= library.put([claiming('0-imported', '虚构控股集团')]);
        return analyzer.analyze(text, options);
      },
    };
    expect(await reanalyse(library, 'new', deps({ analyzer: async () => importing }))).toBe(stale.length + 1);
    await meanwhile;
    expect((await storiesOf(library, ['0-imported']))[0].analysis?.version).toBe('new');
    expect(await library.staleStories('new', 50)).toBeUndefined();
    library.close();
  }, 120_000);
});
