/**
 * Where the selection bubble goes in the page's DOM: right after what the reader selected, so Tab
 * from the selection reaches it next (at the end of the document it came after every link of a
 * news portal). Pure over the DOM's node interface, so it runs under linkedom in tests.
 */

/** Inside these the bubble would be part of a control, or not rendered at all (SVG): it goes after them. */
const CONTAINERS = 'a, button, label, summary, select, textarea, svg, math, [role="link"], [role="button"]';

/** The bubble's host goes into `parent`, before `before` (null: at its end). */
export interface BubbleSpot {
  parent: Node;
  before: Node | null;
}

/**
 * After the element containing the selection's end (`end` and `offset` as a range gives them), or
 * after the control or picture that element is part of; at the selection's end itself when that
 * element is the whole body or document (a selection of everything, text right in <body>).
 */
export function bubbleSpot(end: Node, offset: number): BubbleSpot {
  const element = end.nodeType === 1 ? (end as Element) : end.parentElement;
  if (!element || element.localName === 'body' || element.localName === 'html') {
    if (end.nodeType !== 1) return { parent: end.parentNode ?? end, before: end.nextSibling };
    return { parent: end, before: end.childNodes[offset] ?? null };
  }
  // The outermost one: a link's icon in SVG goes after the link, not after the icon inside it.
  let after = element;
  for (let outer = element.closest(CONTAINERS); outer; outer = outer.parentElement?.closest(CONTAINERS) ?? null) after = outer;
  return { parent: after.parentNode!, before: after.nextSibling };
}
