/**
 * The article on a page: Readability, tuned for Chinese news and cleaned after, with a fallback to
 * the block of densest paragraph text when Readability comes back with nothing or far too little.
 */
import { Readability } from '@mozilla/readability';
import { densestBlock, paragraphBlocks, type Block } from './blocks';
import { removeFurniture } from './boilerplate';
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

// An article's densest block holds running text: at least this much outside links (a weighted
// length, see weightedLength: about 100 Chinese characters or 300 Latin letters), in a few clauses,
// with no more link text than half of it. A home page's blocks are headlines and fail all three.
const MIN_ARTICLE = 300;
const MIN_CLAUSES = 3;
// looksLikeArticle runs on every page: a bound on the text nodes it visits keeps huge pages cheap.
const SCAN_TEXT_NODES = 4000;
// Readability's default, written for English; scaled by how much of the page is Chinese.
const ENGLISH_CHAR_THRESHOLD = 500;

const hasRunningText = (block: Block | undefined): block is Block =>
  !!block && block.text >= MIN_ARTICLE && block.clauses >= MIN_CLAUSES && block.links <= block.text / 2;

/** Cheap test run before anything costly: does this page look like one article? */
export function looksLikeArticle(doc: Document): boolean {
  return hasRunningText(densestBlock(paragraphBlocks(doc.documentElement, SCAN_TEXT_NODES).values()));
}

/**
 * Readability's article as lines, or undefined when it finds none. Consumes `doc`. `sample` is
 * the page's text, to scale the length Readability asks of an article to the page's script.
 */
function readabilityLines(doc: Document, sample: string): string[] | undefined {
  let parsed: { content?: Element | null } | null;
  try {
    parsed = new Readability<Element>(doc, {
      charThreshold: Math.round((ENGLISH_CHAR_THRESHOLD * sample.length) / (weightedLength(sample) || 1)),
      // The classes tell furniture apart in cleanLines.
      keepClasses: true,
      serializer: (node) => node as Element,
    }).parse();
  } catch {
    // Readability walks up to <body> and fails on markup broken enough to have none on the way
    // (found by tests/unit/fuzz.test.ts); the densest block still stands.
    return undefined;
  }
  return parsed?.content ? cleanLines(parsed.content) : undefined;
}

function cleanLines(root: Element): string[] {
  removeFurniture(root);
  pruneLinkBlocks(root);
  return pruneLines(blockText(root).split('\n'));
}

/**
 * The lines of a container known to hold the article (an edition's marked body): cleaned as
 * Readability's pick is, so share bars, link lists and 上一篇 / 下一篇 go. Never mutates the page.
 */
export function containerLines(container: Element): string[] {
  return cleanLines(container.cloneNode(true) as Element);
}

const linesLength = (lines: string[]) => lines.reduce((sum, line) => sum + weightedLength(line), 0);

/**
 * Readability's text unless the densest block clearly beats it: Readability found nothing, or it
 * took furniture (its text is mostly gone from the page once the furniture is removed), or
 * something less than half as long that leaves out most of the densest block. Readability skips
 * paragraphs under 25 characters, so a page of short ones can lose to a comment thread.
 */
function chooseLines(readability: string[] | undefined, dense: string[], unfurnished: string): string[] {
  if (!readability) return dense;
  const ours = linesLength(readability);
  if (linesLength(readability.filter((line) => unfurnished.includes(line))) * 2 < ours) return dense;
  const theirs = linesLength(dense);
  if (theirs <= ours) return readability;
  const joined = readability.join('\n');
  const shared = linesLength(dense.filter((line) => joined.includes(line)));
  return ours * 2 < theirs || shared * 2 < theirs ? dense : readability;
}

/** The page's main article, or undefined when the page holds none. Never mutates `doc`. */
export function extractArticle(doc: Document, url?: string): Article | undefined {
  // The densest block is looked for without the furniture, lest a long comment thread win; but
  // Readability gets the page whole, as it was tuned on whole pages, and is cleaned after.
  const stripped = doc.cloneNode(true) as Document;
  removeFurniture(stripped.documentElement);
  const best = densestBlock(paragraphBlocks(stripped.documentElement).values());
  if (!hasRunningText(best)) return undefined;
  const unfurnished = blockText(stripped.documentElement);
  const lines = chooseLines(readabilityLines(doc.cloneNode(true) as Document, unfurnished), cleanLines(best.element), unfurnished);
  if (linesLength(lines) < MIN_ARTICLE) return undefined;
  const title = findTitle(doc);
  const text = (lines[0] === title ? lines.slice(1) : lines).join('\n');
  return { title, text, date: findPublishedDate(doc, text), site: findSiteName(doc, url) };
}
