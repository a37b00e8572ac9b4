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

/** What an answer is, read from its text: a library manifest, a feed, an edition's page, another web page, or page text. */
export function kindFromContent(text: string, url: string, doc: () => Document): SourceKind {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4096);
  if (head.startsWith('{')) return /"shards"\s*:/.test(text) ? 'library' : 'feed';
  if (/^<\?xml\b/i.test(head) || /^<(?:rss|feed|rdf:RDF)\b/i.test(head)) return /<(?:rss|feed|rdf:RDF)\b/i.test(head) ? 'feed' : 'section';
  if (!head.startsWith('<')) return 'print-page';
  if (isEditionPage(url)) return 'edition';
  // A page linking several pages and articles of an edition is one of its pages, whatever its own address.
  const roles = pageLinks(doc(), url).map((link) => editionRole(link.url));
  return roles.filter((r) => r === 'page').length >= 2 && roles.includes('article') ? 'edition' : 'section';
}
