import { Readability } from '@mozilla/readability';
import { findPublishedDate } from './date';
import { pruneLines, pruneLinkBlocks } from './prune';
import { blockText, weightedLength } from './text';
import { findSiteName, findTitle } from './title';

export interface Article {
  title: string;
  text: string;
  date?: string;
  site?: string;
}

export function looksLikeArticle(_doc: Document): boolean {
  return true;
}

const ENGLISH_CHAR_THRESHOLD = 500;

export function extractArticle(doc: Document, url?: string): Article | undefined {
  const clone = doc.cloneNode(true) as Document;
  const pageText = blockText(clone.documentElement);
  const ratio = pageText.length / (weightedLength(pageText) || 1);
  const parsed = new Readability<Element>(clone, {
    charThreshold: Math.round(ENGLISH_CHAR_THRESHOLD * ratio),
    serializer: (node) => node as Element,
  }).parse();
  if (!parsed?.content) return undefined;
  pruneLinkBlocks(parsed.content);
  const text = pruneLines(blockText(parsed.content).split('\n')).join('\n');
  if (!text) return undefined;
  return { title: findTitle(doc), text, date: findPublishedDate(doc, text), site: findSiteName(doc, url) };
}
