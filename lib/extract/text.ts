/**
 * Element → plain text with one paragraph per line. textContent would run paragraphs together
 * (Chinese has no space to fall back on), so block boundaries and <br> become line breaks.
 */

const SKIPPED = new Set(['HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'SELECT', 'TEXTAREA', 'BUTTON']);
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'CENTER',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
]);
const CELLS = new Set(['TD', 'TH']);

const ELEMENT = 1;
const TEXT = 3;

/**
 * How deep the walks over a page's elements go. A page's script can nest elements without limit
 * (the HTML parser stops at 512), and a recursive walk would overflow the stack; no article's text
 * sits this deep.
 */
export const MAX_DEPTH = 256;

function collect(node: Node, out: string[], depth = 0): void {
  if (depth > MAX_DEPTH) return;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT) {
      out.push(child.nodeValue ?? '');
    } else if (child.nodeType === ELEMENT) {
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      if (tag === 'BR') {
        out.push('\n');
      } else if (BLOCKS.has(tag)) {
        out.push('\n');
        collect(child, out, depth + 1);
        out.push('\n');
      } else {
        collect(child, out, depth + 1);
        // Table cells of one row sit side by side: keep them apart without breaking the line.
        if (CELLS.has(tag)) out.push(' ');
      }
    }
  }
}

/** Whitespace runs (full-width and no-break spaces too) fold to one space; blank lines go. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u200B]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The text under `root`, one paragraph per line, without blank lines. */
export function blockText(root: Node): string {
  const out: string[] = [];
  collect(root, out);
  return tidyLines(out.join(''));
}

const CJK = /[\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uAC00-\uD7AF]/g;

/**
 * Length in "Latin-text equivalents": a Chinese, Japanese or Korean character carries about as much
 * as three Latin letters, so thresholds written for English apply to both.
 */
export function weightedLength(text: string): number {
  return text.length + 2 * (text.match(CJK)?.length ?? 0);
}
