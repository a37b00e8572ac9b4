import type { KeyValueStore } from '../../lib/key-value-store';
import * as jieba from 'jieba-wasm';
import { loadBundledStories } from '../../lib/library/bundled';
import type { Story } from '../../lib/story';
import { createAnalyzer } from '../../lib/nlp/analyzer';
import { publicFiles, readPublic } from '../../scripts/public-files';

/** Files of the extension package read from public/, as the background fetches them. */
export { publicFiles, readPublic as readPackageFile, readPublicBytes as readPackageBytes } from '../../scripts/public-files';

export const bundledStories = () => loadBundledStories(readPublic);

/** jieba's Node build: the same wasm as the extension's, loaded synchronously. */
export const loadJieba = async () => jieba;

/** An analyzer as the background builds it, reading the IDF table from public/. */
export const nodeAnalyzer = () => createAnalyzer(loadJieba, publicFiles);
/** The analysis version the tests' analyses say, as the background state's `analysisVersion: 'test'`. */
export const TEST_ANALYSIS = 'test';

let counter = 0;
/** A fresh database name per test, so tests never see each other's stories. */
export const freshDbName = () => `test-library-${process.pid}-${++counter}`;

export function readerStory(id: string, title = '读者自己添加的报道'): Story {
  return {
    id,
    publication: '潇湘晨报',
    date: '2024-06-01',
    title,
    subheads: [],
    captions: [],
    paragraphs: ['这是一篇读者导入的报道。'],
    origin: 'import',
  };
}

/** A key-value store over a Map, as the background's storage areas are; `clone` copies values in and out, as browser storage does. */
export function mapStore(map = new Map<string, unknown>(), clone = false): KeyValueStore {
  const copy = <T>(value: T): T => (clone ? structuredClone(value) : value);
  return {
    get: async (key) => copy(map.get(key)),
    set: async (key, value) => void map.set(key, copy(value)),
    remove: async (key) => void map.delete(key),
    keys: async () => [...map.keys()],
  };
}
