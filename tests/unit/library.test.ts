import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyzeStories } from '../../lib/library/analyze-stories';
import { ensureBundled, installBundled } from '../../lib/library/install';
import { openLibrary, type Library } from '../../lib/library/library';
import { bundledStories, freshDbName, nodeAnalyzer, readPackageFile, readerStory } from './helpers';

const analyzer = nodeAnalyzer();

let name: string;
let library: Library;
beforeEach(async () => {
  name = freshDbName();
  library = await openLibrary(name, () => analyzer.idf());
});

describe('library schema', () => {
  it('is version 4 with stories keyed by id and indexed by date, address and fingerprint, and the inverted index with its segments', async () => {
    library.close();
    const db = await openDB(name);
    expect(db.version).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual(['docs', 'meta', 'postings', 'segments', 'stories', 'termCounts']);
    const store = db.transaction('stories').store;
    expect(store.keyPath).toBe('id');
    expect([...store.indexNames]).toContain('by-date');
    expect(store.index('by-date').keyPath).toBe('date');
    expect([...store.indexNames]).toEqual(expect.arrayContaining(['by-url', 'by-fingerprint']));
    db.close();
  });
});

describe('bundled stories', () => {
  it('are written once however often they are installed', async () => {
    await installBundled(library, readPackageFile, '0.1.0', analyzer);
    await installBundled(library, readPackageFile, '0.1.0', analyzer);
    expect(await library.count()).toBe(10);
    expect(await library.bundledVersion()).toBe('0.1.0');
  });

  it('never drop or duplicate the stories a reader added', async () => {
    await installBundled(library, readPackageFile, '0.1.0', analyzer);
    await library.put([readerStory('reader-1')]);
    await installBundled(library, readPackageFile, '0.2.0', analyzer);
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
    await ensureBundled(library, readPackageFile, '0.1.0', analyzer);
    const [first] = await library.all();
    await library.put([{ ...first, title: 'edited' }]);
    await ensureBundled(library, readPackageFile, '0.1.0', analyzer);
    expect((await library.get(first.id))?.title).toBe('edited');
    await ensureBundled(library, readPackageFile, '0.1.1', analyzer);
    expect((await library.get(first.id))?.title).toBe(first.title);
  });
});

describe('writing stories', () => {
  it('lists them newest first, then in page order', async () => {
    await installBundled(library, readPackageFile, '0.1.0', analyzer);
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

describe('a removed source', () => {
  it('takes its stories with it, from the library and its index, and nothing else', async () => {
    const analysed = async (id: string, origin: string) => ({ ...(await analyzeStories(analyzer, [{ ...readerStory(id, `${id} 欧阳明调研湘江`), paragraphs: ['株洲市住建局局长欧阳明调研湘江风光带。'] }]))[0], origin });
    await library.put([await analysed('a1', 'src-a'), await analysed('a2', 'src-a'), await analysed('b1', 'src-b')]);
    expect(await library.index.size()).toBe(3);
    expect(await library.removeOrigin('src-a')).toBe(2);
    expect((await library.all()).map((s) => s.id)).toEqual(['b1']);
    expect(await library.index.size()).toBe(1);
    expect(await library.removeOrigin('src-a')).toBe(0);
  });
});
