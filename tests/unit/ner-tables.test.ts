import { describe, expect, it } from 'vitest';
import { nameClasses } from '../../lib/nlp/ner/features';
import { emit, LABELS, parseModel } from '../../lib/nlp/ner/model';
import { tablesFromImage, tablesImage, type TablesStore } from '../../lib/nlp/ner/tables';
import { parseNameModel } from '../../lib/nlp/names';
import { lexiconCodes } from '../../lib/nlp/ner/lexicon';
import { readLexicon } from '../../lib/nlp/ner/read-lexicon';
import { createAnalyzer } from '../../lib/nlp/analyzer';
import { bundledStories, loadJieba, publicFiles, readPackageBytes, readPackageFile } from './helpers';

const built = async () => ({
  model: parseModel(await readPackageBytes('nlp/ner.bin')),
  nameClass: nameClasses(parseNameModel(await readPackageFile('nlp/names.txt'))),
  lexicon: readLexicon(await readPackageFile('nlp/lexicon.txt')),
});

/** Whether two typed arrays hold the same bytes (a deep equality over a million numbers is too slow). */
const sameBytes = (a: ArrayBufferView, b: ArrayBufferView) =>
  a.byteLength === b.byteLength &&
  Buffer.compare(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), new Uint8Array(b.buffer, b.byteOffset, b.byteLength)) === 0;

/** A copy of the image in a buffer of its own, as the Cache API hands it back. */
const reread = (image: Uint8Array) => image.slice().buffer;

describe("the tagger's kept tables", () => {
  it('read back the very arrays built from the shipped files, and score features alike', async () => {
    const tables = await built();
    const read = tablesFromImage(reread(tablesImage(tables)));
    expect(read.model.features).toBe(tables.model.features);
    for (const part of ['table', 'displacement', 'transitions'] as const) expect(sameBytes(read.model[part], tables.model[part]), part).toBe(true);
    expect(sameBytes(read.nameClass, tables.nameClass)).toBe(true);
    expect(read.model.titles).toEqual(tables.model.titles);
    // Random 32-bit hashes, as features are: the emissions agree to the last unit.
    const n = 400;
    const features = Int32Array.from({ length: n * 33 }, (_, i) => Math.imul(i + 1, 0x9e3779b1) ^ (i << 7));
    const [a, b] = [new Int32Array(n * LABELS), new Int32Array(n * LABELS)];
    emit(tables.model, features, 33, n, a, 0);
    emit(read.model, features, 33, n, b, 0);
    expect(sameBytes(a, b)).toBe(true);
    expect(a.some((e) => e !== 0)).toBe(true);
    for (const part of ['root', 'parent', 'child', 'char', 'ends'] as const) expect(sameBytes(read.lexicon![part], tables.lexicon[part]), part).toBe(true);
    const text = '株洲市长曹慧泉到土耳其考察，中国铁建重工集团在长沙。';
    const [codesBuilt, codesRead] = [new Uint16Array(text.length), new Uint16Array(text.length)];
    lexiconCodes(tables.lexicon, text, codesBuilt);
    lexiconCodes(read.lexicon, text, codesRead);
    expect([...codesRead]).toEqual([...codesBuilt]);
    expect(codesBuilt.some((c) => c !== 0)).toBe(true);
  });

  it('keep weights trained without a lexicon without one', async () => {
    const { model, nameClass } = await built();
    expect(tablesFromImage(reread(tablesImage({ model, nameClass }))).lexicon).toBeUndefined();
  });

  it('refuses an image of another layout, of other sizes, or cut short', async () => {
    const image = tablesImage(await built());
    expect(() => tablesFromImage(new ArrayBuffer(4))).toThrow(/not an image/);
    const otherMagic = image.slice();
    otherMagic[0] ^= 1;
    expect(() => tablesFromImage(otherMagic.buffer)).toThrow(/not an image/);
    expect(() => tablesFromImage(image.slice(0, image.length - 1).buffer)).toThrow(/truncated/);
    const otherSizes = image.slice();
    new Uint32Array(otherSizes.buffer, 0, 8)[3] += 1;
    expect(() => tablesFromImage(otherSizes.buffer)).toThrow(/other sizes/);
    // The lexicon's child table a slot longer than its parent table: the trie's probes would leave it.
    const otherTrie = image.slice();
    new Uint32Array(otherTrie.buffer, 0, 12)[8] += 1;
    expect(() => tablesFromImage(otherTrie.buffer)).toThrow(/other sizes/);
  });

  it('an analyzer reads them instead of the weights once kept, and analyses exactly as when it built them', async () => {
    let kept: ArrayBuffer | undefined;
    const store: TablesStore = {
      get: async () => kept,
      put: async (image) => void (kept = reread(image)),
    };
    const first = createAnalyzer(loadJieba, { ...publicFiles, tables: store });
    const texts = (await bundledStories()).map((s) => [s.title, ...s.paragraphs].join('\n'));
    const before = await Promise.all(texts.map((text) => first.analyze(text)));
    // Written after the task that built them.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(kept).toBeDefined();
    const read: string[] = [];
    const second = createAnalyzer(loadJieba, {
      text: (path) => {
        if (path === 'nlp/lexicon.txt') read.push(path);
        return publicFiles.text(path);
      },
      bytes: (path) => {
        read.push(path);
        return publicFiles.bytes(path);
      },
      tables: store,
    });
    expect(await Promise.all(texts.map((text) => second.analyze(text)))).toEqual(before);
    expect(read).toEqual([]);
    // Ten analyses of the seed stories, twice: seconds on two busy cores.
  }, 30_000);

  it('a damaged copy is built again and replaced', async () => {
    let kept: ArrayBuffer | undefined = new ArrayBuffer(64);
    const analyzer = createAnalyzer(loadJieba, {
      ...publicFiles,
      tables: { get: async () => kept, put: async (image) => void (kept = reread(image)) },
    });
    expect((await analyzer.analyze('曹慧泉到土耳其考察。')).entities.person).toContain('曹慧泉');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(kept.byteLength).toBeGreaterThan(1 << 20);
  });
});
