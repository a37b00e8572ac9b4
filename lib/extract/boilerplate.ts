/**
 * Page furniture removed before anything looks for the article. Readability knows English class
 * names (comment, share, related, footer); Chinese sites often name theirs in pinyin (pinglun,
 * fenxiang, xgxw for 相关新闻, banquan for 版权) or after share widgets (bdshare, jiathis).
 */
import { MAX_DEPTH } from './text';

const FURNITURE =
  /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|weizhi|dangqian|comments?|pinglun|plbox|reply|replies|share|fenxiang|bdshare\w*|bshare\w*|jiathis\w*|related|xgxw|xgwz|xgyd|xglj|xiangguan|tuijian|recommend\w*|copyright|banquan|footer|foot)(?:$|[\s_-])/i;
const FURNITURE_ROLES = new Set(['navigation', 'menu', 'menubar', 'contentinfo', 'complementary']);
// A name can mislead ("nav-content" wrapping everything): an element holding most of the text is
// kept whatever it is called.
const MAX_SHARE_OF_TEXT = 0.5;

const UNREAD = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
// The page's structure, not furniture, whatever its classes say ("u-has-nav-bar" on <body>).
const NEVER = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

const ELEMENT = 1;
const TEXT = 3;

/** Characters a reader could see under `node` (textContent would count inline scripts too). */
function textLength(node: Node, depth = 0): number {
  if (depth > MAX_DEPTH) return 0;
  let length = 0;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT) length += (child.nodeValue ?? '').replace(/\s+/g, '').length;
    else if (child.nodeType === ELEMENT && !UNREAD.has((child as Element).tagName.toUpperCase())) length += textLength(child, depth + 1);
  }
  return length;
}

/** Removes navigation, share bars, comment threads, related links and footers under `root`, in place. */
export function removeFurniture(root: Element): void {
  const total = textLength(root);
  for (const el of [...root.querySelectorAll('nav, footer, [class], [id], [role]')]) {
    if (!root.contains(el)) continue;
    const tag = el.tagName.toUpperCase();
    if (NEVER.has(tag)) continue;
    const named = FURNITURE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
    const furniture = tag === 'NAV' || tag === 'FOOTER' || named || FURNITURE_ROLES.has(el.getAttribute('role') ?? '');
    if (furniture && textLength(el) <= total * MAX_SHARE_OF_TEXT) el.remove();
  }
}
