/**
 * Where a page's running text sits, without Readability: every piece of text outside links is
 * credited to the block holding its paragraph (the parent of a <p>, or a <div>/<td> that holds
 * text lines directly). Unlike Readability this counts short paragraphs, which is how Chinese
 * news is written, and costs one walk over the tree.
 */
import { MAX_DEPTH, weightedLength } from './text';

export interface Block {
  element: Element;
  /** Weighted length (see weightedLength) of the text outside links. */
  text: number;
  /** Weighted length of the link text. */
  links: number;
  /** Clause punctuation in the text outside links: running text has it, lists of names do not. */
  clauses: number;
}

const IGNORED = new Set(['HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'SELECT', 'TEXTAREA', 'BUTTON', 'OPTION']);
const PARAGRAPHS = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'LI', 'DD']);
const BLOCKS = new Set([
  ...PARAGRAPHS,
  'DIV',
  'TD',
  'TH',
  'ARTICLE',
  'SECTION',
  'MAIN',
  'BODY',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'TR',
  'FORM',
  'CENTER',
  'ASIDE',
  'NAV',
  'HEADER',
  'FOOTER',
  'FIGURE',
  'HTML',
]);

// Full-width marks anywhere; Latin ones only before a space or the end, so "3.5" and "example.com"
// do not count. Commas too: some sites end paragraphs without a full stop.
const CLAUSE_END = /[。！？，；]|[.!?,;](?=\s|$)/g;

const ELEMENT = 1;
const TEXT = 3;

function containerOf(paragraph: Element): Element {
  if (!PARAGRAPHS.has(paragraph.tagName.toUpperCase())) return paragraph;
  let up = paragraph.parentElement;
  while (up && !BLOCKS.has(up.tagName.toUpperCase())) up = up.parentElement;
  return up ?? paragraph;
}

/**
 * Text per block under `root`. `maxTextNodes` bounds the walk on huge pages: running text comes
 * early enough in the source that the first few thousand text nodes find it.
 */
export function paragraphBlocks(root: Element, maxTextNodes = Infinity): Map<Element, Block> {
  const blocks = new Map<Element, Block>();
  let seen = 0;
  const walk = (node: Element, block: Element, inLink: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (let child = node.firstChild; child && seen < maxTextNodes; child = child.nextSibling) {
      if (child.nodeType === TEXT) {
        const text = child.nodeValue ?? '';
        const length = weightedLength(text.replace(/\s+/g, ''));
        if (!length) continue;
        seen++;
        const container = containerOf(block);
        const entry = blocks.get(container) ?? { element: container, text: 0, links: 0, clauses: 0 };
        if (inLink) {
          entry.links += length;
        } else {
          entry.text += length;
          entry.clauses += text.match(CLAUSE_END)?.length ?? 0;
        }
        blocks.set(container, entry);
      } else if (child.nodeType === ELEMENT) {
        const el = child as Element;
        const tag = el.tagName.toUpperCase();
        if (IGNORED.has(tag)) continue;
        walk(el, BLOCKS.has(tag) ? el : block, inLink || tag === 'A', depth + 1);
      }
    }
  };
  walk(root, root, false, 0);
  return blocks;
}

/** The block with the most text outside links. */
export function densestBlock(blocks: Iterable<Block>): Block | undefined {
  let best: Block | undefined;
  for (const block of blocks) if (!best || block.text > best.text) best = block;
  return best;
}
