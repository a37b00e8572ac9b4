/**
 * What a page of a digital edition lists (the edition's pages, this page's articles) and what a
 * section page of a news site lists (links that may be articles), read from their links.
 */
import { editionDay, editionRole, pageLabel } from './edition-layout';
import { MAX_EDITION_PAGES, MAX_LINKS_READ, MAX_PAGE_ARTICLES } from './limits';
import { pageLinks } from './page-links';
import type { Listing } from './source';

const MAX_LISTED_TITLE = 100;
/** Elements a page sets its own label in, as text, when its page list links only the other pages. */
const LABEL_TEXT = 'strong, b, font, span, p, td, li, div, h1, h2, h3, h4';

/** The page's own label set as text (「<strong>第A02版：民生</strong>」): the first short element, outside links, that reads as one. */
function labelInText(doc: Document): string | undefined {
  let read = 0;
  for (const element of doc.querySelectorAll(LABEL_TEXT)) {
    // A label is a leaf or nearly: wrappers are passed over before their subtree is read, and a
    // page of endless elements is read no further than its head.
    if (++read > MAX_LINKS_READ) break;
    if (element.childElementCount > 2 || element.closest('a') || element.querySelector('a, area')) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length <= 30 && pageLabel(text)) return text;
  }
  return undefined;
}

/** The pages of the edition's day and this page's articles, in the page's order; navigation to other days, ads and other sites left out. */
export function editionListing(doc: Document, url: string): Listing {
  const day = editionDay(url);
  const links = pageLinks(doc, url).filter((link) => editionDay(link.url) === day);
  // In the order of their numbers: a 下一版 link may come before the page list.
  const pages = links
    .filter((link) => editionRole(link.url) === 'page')
    .slice(0, MAX_EDITION_PAGES)
    .map((link, i) => ({ link, order: pageLabel(link.text)?.page ?? MAX_EDITION_PAGES + i }))
    .sort((a, b) => a.order - b.order)
    .map(({ link }) => link);
  const articles = links
    .filter((link) => editionRole(link.url) === 'article')
    .slice(0, MAX_PAGE_ARTICLES)
    .map((link) => ({ url: link.url, title: link.text.slice(0, MAX_LISTED_TITLE), ...(link.area && { mapped: true }) }));
  const own = pages.find((page) => page.url === url)?.text;
  const title = doc.querySelector('title')?.textContent ?? '';
  return {
    label: own || /第?\s*[A-Za-z]{0,2}\d{1,3}\s*版[^-_|｜]*/.exec(title)?.[0].trim() || labelInText(doc),
    pages: pages.map((page) => ({ url: page.url, label: page.text.slice(0, MAX_LISTED_TITLE) })),
    articles,
  };
}

/** Paths that list or find rather than tell: tags, topics, searches, accounts, a site's own pages. */
const NOT_ARTICLE_PATH =
  /\/(?:tags?|topics?|search|login|register|signup|user|member|about|contact|help|rss|feed|special|zhuanti|video|photo|live|author)(?:[/._?-]|$)|\/(?:index|default|list)(?:_\d+)?\.\w+$|\.(?:jpe?g|png|gif|webp|svg|pdf|zip|rar|docx?|xlsx?|mp[34]|apk|exe|js|css)$/i;
/** A headline has this many characters at least (2 Chinese words); 首页, 更多, 本地 have fewer. */
const MIN_HEADLINE = 6;

/** A section page's links that may lead to articles: same site, headline-like text, not a listing or a file; fetched, the article test decides. */
export function sectionListing(doc: Document, url: string): Listing {
  const self = new URL(url);
  const articles = pageLinks(doc, url)
    .filter((link) => {
      const target = new URL(link.url);
      if (target.pathname === self.pathname && target.search === self.search) return false;
      // A folder is a section, unless numbered as articles are (/2024/06/01/slug/, /news/123456/).
      if (target.pathname.endsWith('/') && !/\d{4}/.test(target.pathname)) return false;
      if (NOT_ARTICLE_PATH.test(target.pathname)) return false;
      return link.text.replace(/\s+/g, '').length >= MIN_HEADLINE;
    })
    .slice(0, MAX_PAGE_ARTICLES)
    .map((link) => ({ url: link.url, title: link.text.slice(0, MAX_LISTED_TITLE) }));
  return { pages: [], articles };
}
