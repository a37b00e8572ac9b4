/**
 * The links of a page an edition or a news section lists its articles on: every <a href>,
 * image-map <area href> (an edition's page image links its articles through one) and <option
 * value> (some editions list their pages in a drop-down), resolved
 * against the page, on the page's own site only, without fragments. A page served over https whose
 * template still writes its own links as http://same-host/… has them read as https: the same site. Bounded: a page of a hundred
 * thousand links gives its first MAX_LINKS_READ.
 */
import { blockText } from '../../extract/text';
import { editionRole } from './edition-layout';
import { MAX_LINKS_READ } from './limits';

export interface PageLink {
  url: string;
  /** The link's text (an <area>'s alt or title), spaces squashed. */
  text: string;
  /** One of its links is an image map's <area>. */
  area?: boolean;
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The page's same-site links in document order, each address once (with the longest text any of its links has). */
export function pageLinks(doc: Document, pageUrl: string): PageLink[] {
  const origin = new URL(pageUrl).origin;
  const base = doc.querySelector('base[href]')?.getAttribute('href');
  let from = pageUrl;
  if (base && URL.canParse(base, pageUrl) && new URL(base, pageUrl).origin === origin) from = new URL(base, pageUrl).href;
  const found = new Map<string, PageLink>();
  let read = 0;
  for (const element of doc.querySelectorAll('a[href], area[href], option[value]')) {
    if (++read > MAX_LINKS_READ) break;
    const href = (element.getAttribute(element.tagName === 'OPTION' ? 'value' : 'href') ?? '').trim();
    if (!href || !URL.canParse(href, from)) continue;
    const url = new URL(href, from);
    if (url.protocol === 'http:' && new URL(pageUrl).protocol === 'https:' && url.hostname === new URL(pageUrl).hostname && !url.port) url.protocol = 'https:';
    // An <option>'s value is any string: only an edition's page address is taken from one.
    if (url.origin !== origin || (element.tagName === 'OPTION' && !editionRole(url.href))) continue;
    url.hash = '';
    // An edition's pages and articles are named by their path: content_1234.htm?div=-1 is content_1234.htm.
    if (editionRole(url.href)) url.search = '';
    // blockText, not textContent: a title a script writes (document.write(view("…"))) is not read twice.
    const text = squash(element.tagName === 'AREA' ? (element.getAttribute('alt') ?? element.getAttribute('title')) : blockText(element)).slice(0, 200);
    const known = found.get(url.href) ?? { url: url.href, text };
    found.set(url.href, known);
    if (text.length > known.text.length) known.text = text;
    if (element.tagName === 'AREA') known.area = true;
  }
  return [...found.values()];
}
