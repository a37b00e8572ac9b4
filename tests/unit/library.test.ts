import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyzeStories, withAnalysis } from '../../lib/library/analyze-stories';
import { ensureBundled, installBundled } from '../../lib/library/install';
import { storiesFromJsonl, storiesToJsonl } from '../../lib/library/jsonl';
import { openLibrary, type Library } from '../../lib/library/library';
import { type Story, UNCHECKED_ANALYSIS } from '../../lib/story';
import { ANALYSIS_BATCH, exportLibrary, importLibrary, transferProblem } from '../../lib/library/transfer';
import { bundledStories, freshDbName, nodeAnalyzer, readPackageFile, readerStory, TEST_ANALYSIS } from './helpers';

const analyzer = nodeAnalyzer();

let name: string;
let library: Library;
beforeEach(async () => {
  name = freshDbName();
  library = await openLibrary(name, () => analyzer.idf());
});

describe('library schema', () => {
  it('is version 6 with stories keyed by id and indexed by date, address, fingerprint and the library page’s order, and the inverted index with its segments', async () => {
    library.close();
    const db = await openDB(name);
    expect(db.version).toBe(6);
    expect([...db.objectStoreNames].sort()).toEqual(['docs', 'meta', 'postings', 'segments', 'stories', 'termCounts']);
    const store = db.transaction('stories').store;
    expect(store.keyPath).toBe('id');
    expect([...store.indexNames]).toContain('by-date');
    expect(store.index('by-date').keyPath).toBe('date');
    expect([...store.indexNames]).toEqual(expect.arrayContaining(['by-url', 'by-fingerprint']));
    expect(store.index('by-date-id').keyPath).toEqual(['date', 'id']);
    expect(store.index('by-origin-date-id').keyPath).toEqual(['origin', 'date', 'id']);
    db.close();
  });
});

describe('bundled stories', () => {
  it('are written once however often they are installed', async () => {
    await installBundled(library, readPackageFile, '0.1.0', analyzer, TEST_ANALYSIS);
    await installBundled(library, readPackageFile, '0.1.0', analyzer, TEST_ANALYSIS);
    expect(await library.count()).toBe(10);
    expect(await library.bundledVersion()).toBe('0.1.0');
  }, 30_000);

  it('never drop or duplicate the stories a reader added', async () => {
    await installBundled(library, readPackageFile, '0.1.0', analyzer, TEST_ANALYSIS);
    await library.put([readerStory('reader-1')]);
    await installBundled(library, readPackageFile, '0.2.0', analyzer, TEST_ANALYSIS);
    expect(await library.count()).toBe(11);
    expect((await library.get('reader-1'))?.title).toBe('读者自己添加的报道');
  });

  it('drop a bundled story that a newer bundle no longer ships, and only that one', async () => {
    const stories = await bundledStories();
    await library.installBundled(stories, '0.1.0');
    await library.put([readerStory('reader-1')]);
    await library.installBundled(stories.slice(1), '0.2.0');
    expect(await library.get(stories[0].id)).toBeUndefined();
    expect(await library.count()).toBe(10);
  });

  it('are installed on wake only when the installed bundle is older', async () => {
    await ensureBundled(library, readPackageFile, '0.1.0', analyzer, TEST_ANALYSIS);
    const [first] = await library.all();
    await library.put([{ ...first, title: 'edited' }]);
    await ensureBundled(library, readPackageFile, '0.1.0', analyzer, TEST_ANALYSIS);
    expect((await library.get(first.id))?.title).toBe('edited');
    await ensureBundled(library, readPackageFile, '0.1.1', analyzer, TEST_ANALYSIS);
    expect((await library.get(first.id))?.title).toBe(first.title);
  });
});

describe('writing stories', () => {
  it('lists them newest first, then in page order', async () => {
    await installBundled(library, readPackageFile, '0.1.0', analyzer, TEST_ANALYSIS);
    await library.put([readerStory('reader-1')]);
    const all = await library.all();
    expect(all[0].id).toBe('reader-1');
    expect(all.slice(1).map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('writes all of a batch or none of it', async () => {
    const unstorable = { ...readerStory('bad'), paragraphs: [() => 'not data'] } as never;
    await expect(library.put([readerStory('good-1'), unstorable, readerStory('good-2')])).rejects.toThrow();
    expect(await library.count()).toBe(0);
  });
});

describe('stories that arrive with their analysis (a library feed, an export)', () => {
  const text = '渌口区松西子社区今天召开居民议事会。';
  const arrived = (version?: string, org = '松西子社区', title = `${org}议事会`): Story => ({
    ...readerStory('feed-1', title),
    analysis: { version, entities: { person: [], place: [], org: [org] }, keywords: [{ word: org, weight: 1 }], aliases: {}, terms: { [`org:${org}`]: 1 } },
  });

  it('keep it, unchecked, when it says this analysis made it: it ranks its story at once, but teaches no name', async () => {
    // A name of its own: jieba's dictionary, which a taught name joins, is one for the whole test file.
    const org = '石岭坳社区';
    const claimed = arrived(TEST_ANALYSIS, org, '居民议事会');
    const fresh = nodeAnalyzer();
    const [kept] = await withAnalysis(fresh, TEST_ANALYSIS, [claimed]);
    expect(kept).toEqual({ ...claimed, analysis: { ...claimed.analysis, version: UNCHECKED_ANALYSIS } });
    expect((await fresh.analyze(`渌口区${org}今天召开居民议事会。`)).entities.org).not.toContain(org);
    // Stored, it is found by its names but adds none to the library's.
    await library.put([kept]);
    expect(await library.names()).toEqual({});
    expect((await library.index.postings([`org:${org}`], Infinity)).lists.get(`org:${org}`)?.ords).toHaveLength(1);
  });

  it('keep it and teach its names at once when the file is trusted (the insight CLI reading the user’s own)', async () => {
    const fresh = nodeAnalyzer();
    expect((await fresh.analyze(text)).entities.org).not.toContain('松西子社区');
    expect(await withAnalysis(fresh, TEST_ANALYSIS, [arrived(TEST_ANALYSIS)], { trusted: true })).toEqual([arrived(TEST_ANALYSIS)]);
    expect((await fresh.analyze(text)).entities.org).toContain('松西子社区');
  });

  it('are analysed again when another analysis made it, or one that does not say, and its names, not in the story, are not learnt', async () => {
    // A name of its own: jieba's dictionary, which a taught name joins, is one for the whole test file.
    const org = '枫溪坪社区';
    for (const version of ['another-build', undefined]) {
      const fresh = nodeAnalyzer();
      const [story] = await withAnalysis(fresh, TEST_ANALYSIS, [arrived(version, org, '居民议事会')]);
      expect(story.analysis?.version).toBe(TEST_ANALYSIS);
      expect(story.analysis?.entities.org).not.toContain(org);
      expect((await fresh.analyze(`渌口区${org}今天召开居民议事会。`)).entities.org).not.toContain(org);
    }
  });
});

describe('a removed source', () => {
  it('takes its stories with it, from the library and its index, and nothing else', async () => {
    const analysed = async (id: string, origin: string) => ({
      ...(
        await analyzeStories(analyzer, TEST_ANALYSIS, [{ ...readerStory(id, `${id} 欧阳明调研湘江`), paragraphs: ['株洲市住建局局长欧阳明调研湘江风光带。'] }])
      )[0],
      origin,
    });
    await library.put([await analysed('a1', 'src-a'), await analysed('a2', 'src-a'), await analysed('b1', 'src-b')]);
    expect(await library.index.size()).toBe(3);
    expect(await library.removeOrigin('src-a')).toBe(2);
    expect((await library.all()).map((s) => s.id)).toEqual(['b1']);
    expect(await library.index.size()).toBe(1);
    expect(await library.removeOrigin('src-a')).toBe(0);
  });
});

describe('import and export', () => {
  const analysed = (story: Story, version: string | undefined = TEST_ANALYSIS): Story => ({
    ...story,
    analysis: { version, entities: { person: [], place: ['株洲'], org: [] }, keywords: [{ word: '株洲', weight: 1 }], aliases: {}, terms: { 'place:株洲': 1 } },
  });
  const noAnalysis = async (): Promise<Story[]> => {
    throw new Error('nothing to analyse');
  };
  /** A file that can only be read as a stream, in pieces of `size` bytes: reading it whole would throw. */
  const streamOnly = (text: string, size = 4096): Blob => {
    const bytes = new TextEncoder().encode(text);
    let at = 0;
    const file = {
      stream: () => new ReadableStream<Uint8Array>({ pull: (c) => (at < bytes.length ? c.enqueue(bytes.slice(at, (at += size))) : c.close()) }),
      text: () => Promise.reject(new Error('read whole')),
      arrayBuffer: () => Promise.reject(new Error('read whole')),
    };
    return file as unknown as Blob;
  };

  it('gives every imported story the import’s origin, whatever the file claims', async () => {
    await installBundled(library, readPackageFile, '0.1.0', analyzer, TEST_ANALYSIS);
    const claims = ['bundled', 'src-someone'].map((origin, i) => ({ ...analysed(readerStory(`claim-${i}`)), origin }));
    await importLibrary(library, new Blob([storiesToJsonl(claims)]), TEST_ANALYSIS, noAnalysis);
    expect((await library.getMany(['claim-0', 'claim-1'])).map((s) => s?.origin)).toEqual(['import', 'import']);
    // The next bundle update removes bundled stories it no longer ships: never an imported one.
    await installBundled(library, readPackageFile, '0.1.1', analyzer, TEST_ANALYSIS);
    expect(await library.count()).toBe(12);
  }, 60_000);

  it('keeps a story’s analysis only when this analysis made it; another’s, or one from a file before analyses said theirs, is made again', async () => {
    const sent: Story[] = [];
    const again = async (batch: Story[]) => {
      sent.push(...batch);
      return batch.map((s) => ({ ...s, analysis: { ...analysed(s).analysis!, keywords: [{ word: '重析', weight: 1 }] } }));
    };
    const current = analysed(readerStory('current'));
    const foreign = analysed(readerStory('foreign'), 'another-build');
    // A line as files exported before this change wrote it: no version in its analysis.
    const older = `{"id":"older","date":"2024-06-01","title":"旧文件","paragraphs":["株洲"],"analysis":{"entities":{"person":[],"place":["株洲"],"org":[]},"keywords":[{"word":"株洲","weight":1}],"aliases":{},"terms":{"place:株洲":1}}}\n`;
    const result = await importLibrary(library, new Blob([storiesToJsonl([current, foreign]), older]), TEST_ANALYSIS, again);
    expect(result).toEqual({ imported: 3, total: 3, defaulted: 1 });
    // Sent to be analysed without the analysis they came with.
    expect(sent.map((s) => [s.id, s.analysis])).toEqual([
      ['foreign', undefined],
      ['older', undefined],
    ]);
    // Kept, but marked unchecked: its names wait for this build's own reading (lib/library/reanalyse.ts).
    expect((await library.get('current'))?.analysis).toEqual({ ...current.analysis, version: UNCHECKED_ANALYSIS });
    for (const id of ['foreign', 'older']) expect((await library.get(id))?.analysis?.keywords).toEqual([{ word: '重析', weight: 1 }]);
  });

  it('refuses an analysis beyond a story’s bounds, naming the field', async () => {
    const [story] = [analysed(readerStory('big'))];
    const keywords = Array.from({ length: 501 }, (_, i) => ({ word: `词${i}`, weight: 1 }));
    const hostile = [
      { ...story, analysis: { ...story.analysis!, keywords } },
      { ...story, id: 'long-version', analysis: { ...story.analysis!, version: 'v'.repeat(65) } },
    ];
    const problem = transferProblem(await importLibrary(library, new Blob([storiesToJsonl(hostile)]), TEST_ANALYSIS, noAnalysis).catch((e: unknown) => e));
    expect(problem).toMatchObject({
      kind: 'invalid',
      problems: [
        { line: 1, detail: 'analysis.keywords: must hold at most 500 keywords' },
        { line: 2, detail: 'analysis.version: must be at most 64 characters' },
      ],
    });
    expect(await library.count()).toBe(0);
  });

  it('reads the file as a stream, never whole, and asks for analysis in bounded batches', async () => {
    const stories = Array.from({ length: 120 }, (_, i) => readerStory(`s-${i}`, `第${i}篇`));
    const batches: number[] = [];
    const result = await importLibrary(library, streamOnly(storiesToJsonl(stories)), TEST_ANALYSIS, async (batch) => {
      batches.push(batch.length);
      return batch.map((s) => analysed(s));
    });
    expect(result).toEqual({ imported: 120, total: 120, defaulted: 0 });
    expect(batches).toEqual([ANALYSIS_BATCH, ANALYSIS_BATCH, 120 - 2 * ANALYSIS_BATCH]);
    expect((await library.get('s-7'))?.analysis?.entities.place).toEqual(['株洲']);
  });

  it('exports in id order, batch by batch, what it imports again', async () => {
    const stories = Array.from({ length: 1234 }, (_, i) => analysed(readerStory(`e-${String(i).padStart(4, '0')}`)));
    await library.put(stories);
    let batches = 0;
    const counting: Library = { ...library, batches: (size) => (batches++, library.batches(size)) };
    const { file, count } = await exportLibrary(counting);
    expect({ count, batches }).toEqual({ count: 1234, batches: 1 });
    const again = storiesFromJsonl(await file.text());
    expect(again.map((s) => s.id)).toEqual(stories.map((s) => s.id));
    const sizes: number[] = [];
    for await (const batch of library.batches(500)) sizes.push(batch.length);
    expect(sizes).toEqual([500, 500, 234]);
  });

  it('leaves the library as it was on a full disk, and says so', async () => {
    await library.put([analysed(readerStory('kept'))]);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function full(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'docs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    let error: unknown;
    try {
      await importLibrary(
        library,
        new Blob([storiesToJsonl([analysed(readerStory('new-1')), analysed(readerStory('new-2'))])]),
        TEST_ANALYSIS,
        noAnalysis,
      ).catch((e: unknown) => (error = e));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(transferProblem(error)).toEqual({ kind: 'diskFull' });
    expect((await library.all()).map((s) => s.id)).toEqual(['kept']);
  });

  it('names a file that cannot be read, and a bad file, apart from other failures', async () => {
    const gone = { stream: () => new ReadableStream({ pull: (c) => c.error(new DOMException('The file changed.', 'NotReadableError')) }) } as unknown as Blob;
    expect(transferProblem(await importLibrary(library, gone, TEST_ANALYSIS, noAnalysis).catch((e: unknown) => e))).toEqual({
      kind: 'unreadable',
      details: 'The file changed.',
    });
    expect(transferProblem(await importLibrary(library, new Blob(['[1]']), TEST_ANALYSIS, noAnalysis).catch((e: unknown) => e))).toMatchObject({
      kind: 'invalid',
      problems: [{ kind: 'field', line: 1, detail: 'not a story object but an array' }],
      total: 1,
    });
    expect(await library.count()).toBe(0);
  });
});

describe('the library’s names, which the analyzer learns at every wake', () => {
  /** A story whose checked analysis names the organisations `orgs`. */
  const naming = (id: string, orgs: string[], aliases: Record<string, string> = {}): Story => ({
    ...readerStory(id, `${orgs[0]}的报道`),
    analysis: {
      version: TEST_ANALYSIS,
      entities: { person: [], place: [], org: orgs },
      keywords: [],
      aliases,
      terms: Object.fromEntries(orgs.map((org) => [`org:${org}`, 1])),
    },
  });
  const names = async () => Object.keys(await library.names()).sort();

  it('lose a name with the last story that teaches it, and get it back with the story', async () => {
    await library.put([naming('a', ['甲乙化工公司', '丙丁集团']), naming('b', ['丙丁集团'])]);
    expect(await names()).toEqual(['丙丁集团', '甲乙化工公司']);
    await library.remove('a');
    expect(await names()).toEqual(['丙丁集团']);
    await library.restore('a');
    expect(await names()).toEqual(['丙丁集团', '甲乙化工公司']);
    await library.remove('b');
    await library.remove('a');
    expect(await library.names()).toEqual({});
  });

  it('lose what a story no longer names when it is stored again with another analysis, a short name with its full name', async () => {
    await library.put([naming('a', ['甲乙化工公司'], { 甲乙化工: '甲乙化工公司' })]);
    expect(await library.names()).toEqual({ 甲乙化工公司: ['org', '甲乙化工公司'], 甲乙化工: ['org', '甲乙化工公司'] });
    await library.put([naming('a', ['戊己公司'])]);
    expect(await library.names()).toEqual({ 戊己公司: ['org', '戊己公司'] });
  });

  it('lose a source’s names with its stories, and keep a prototype key as a name like any other', async () => {
    await library.put([{ ...naming('feed-1', ['__proto__', '庚辛公司']), origin: 'sync:feed' }, naming('mine', ['庚辛公司'])]);
    expect(await names()).toEqual(['__proto__', '庚辛公司']);
    await library.removeOrigin('sync:feed');
    expect(await names()).toEqual(['庚辛公司']);
    expect(Object.getPrototypeOf(await library.names())).toBe(Object.prototype);
  });
});
