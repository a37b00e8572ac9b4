import { readFile } from 'node:fs/promises';
import { loadBundledStories } from '../../lib/library/bundled';
import type { Story } from '../../lib/library/story';

/** Reads a file of the extension package from public/, as the background fetches it. */
export const readPackageFile = (path: string) => readFile(new URL(`../../public/${path}`, import.meta.url), 'utf8');

export const bundledStories = () => loadBundledStories(readPackageFile);

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
