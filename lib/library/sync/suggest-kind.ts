/**
 * Which kind of source an address is: guessed from the address alone as the reader pastes it
 * (the options page suggests it), and told from what the address answers (`insight crawl`, and
 * the preview that confirms the suggestion).
 */
import { editionRole, isEditionPage } from './edition-layout';
import { pageLinks } from './page-links';
import type { SourceKind } from './source';

/** The kind an address looks like; a web page that is no edition's is taken for a news section. */
export function kindFromAddress(url: string): SourceKind | undefined {
  if (!URL.canParse(url)) return undefined;
  const { pathname, search } = new URL(url);
  const path = pathname.toLowerCase();
  if (isEditionPage(url)) return 'edition';
  if (/manifest[^/]*\.json$|\.jsonl$/.test(path)) return 'library';
  if (/\.(?:xml|rss|atom)$|\/(?:rss|atom|feeds?)(?:\/|\.\w+)?$|[?&](?:feed|format)=(?:rss|atom|json)/.test(path + search)) return 'feed';
  if (/\.txt$/.test(path)) return 'print-page';
  return 'section';
}

/**
 * An edition's front door (…/index.htm, the site's root) sends readers on to the day's first page,
 * by a <meta http-equiv="refresh"> or a link: that page, if the answer points to one.
 */
function editionEntry(doc: Document, url: string): string | undefined {
  const refresh = doc.querySelector('meta[http-equiv="refresh" i]')?.getAttribute('content') ?? '';
  const target = /url\s*=\s*['"]?([^'"\s;]+)/i.exec(refresh)?.[1];
  if (target && URL.canParse(target, url) && isEditionPage(new URL(target, url).href)) return new URL(target, url).href;
  return pageLinks(doc, url).find((link) => isEditionPage(link.url))?.url;
}

/**
 * What an answer is, read from its text: a library manifest, a feed, an edition (maybe through
 * its front door: then the address to read it from), another web page (a section), or page text.
 */
export function kindFromContent(text: string, url: string, doc: () => Document): { kind: SourceKind; url: string } {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
  const as = (kind: SourceKind, at = url) => ({ kind, url: at });
  if (head.startsWith('{')) return as(/"shards"\s*:/.test(text) ? 'library' : 'feed');
  if (/^<\?xml\b/i.test(head) || /^<(?:rss|feed|rdf:RDF)\b/i.test(head)) return as(/<(?:rss|feed|rdf:RDF)\b/i.test(head) ? 'feed' : 'section');
  if (!head.startsWith('<')) return as('print-page');
  if (isEditionPage(url)) return as('edition');
  const page = doc();
  // A page linking several dated pages and articles of an edition (an article page, a page with
  // an address of its own) is read from the first of those pages: an edition is read from one.
  const links = pageLinks(page, url);
  const pages = links.filter((link) => isEditionPage(link.url));
  if (pages.length >= 2 && links.some((link) => editionRole(link.url) === 'article')) return as('edition', pages[0].url);
  const entry = editionEntry(page, url);
  return entry ? as('edition', entry) : as('section');
}
