/**
 * What an edition and a section share: a listing page read (or, unchanged, its links as last
 * read), then its articles, each fetched only when new, or when its listing changed (and then
 * conditionally); robots.txt asked first, the per-sync cap counted down. A listing is remembered
 * with the source's state, so a 304 still knows its links, and a sync stopped half way fetches
 * next time exactly the articles it had not.
 */
import type { Story } from '../../story';
import { htmlDocument } from '../../extract/html-document';
import { FetchError, type FetchFailure } from './fetch-source';
import { MAX_REMEMBERED_LINKS } from './limits';
import type { Listing } from './source';
import type { SyncRun } from './source-kind';

/** A listing page's links, read fresh or (a 304) as remembered; `changed` when it answered anew. Its caller asks robots.txt. */
export async function takeListing(
  run: SyncRun,
  url: string,
  read: (doc: Document, html: string) => Listing,
): Promise<{ listing: Listing; changed: boolean } | undefined> {
  const listings = (run.state.listings ??= {});
  // Validators without the links they answered for would make a 304 list nothing: ask afresh.
  if (!Object.hasOwn(listings, url)) delete run.state.fetched[url];
  let changed = false;
  let fresh: Listing | undefined;
  await run.take({
    url,
    read: async (html) => {
      fresh = read(htmlDocument(html), html);
      changed = true;
      delete listings[url];
      // Remembered within the bound; past it, its validators go too (below), and it is read afresh next time.
      const remembered = Object.values(listings).reduce((sum, listing) => sum + listing.articles.length, 0);
      if (remembered + fresh.articles.length <= MAX_REMEMBERED_LINKS) listings[url] = fresh;
      return [];
    },
  });
  if (fresh && !Object.hasOwn(listings, url)) delete run.state.fetched[url];
  const listing = fresh ?? (Object.hasOwn(listings, url) ? listings[url] : undefined);
  return listing ? { listing, changed } : undefined;
}

/** Asks robots.txt for the source's own address: refused, the sync says so rather than reading nothing. */
export async function mayCrawl(run: SyncRun, url: string): Promise<void> {
  if (!(await run.crawl.allowed(url))) throw new FetchError('robots', `${url}: the site's robots.txt asks crawlers not to read this address`);
}

const ARTICLE_FAILURES: ReadonlySet<FetchFailure> = new Set(['http', 'redirect', 'too-large']);

/** Takes an article unless it is known and its listing unchanged, within robots.txt and the cap. */
export async function takeArticle(run: SyncRun, url: string, changed: boolean, read: (doc: Document, html: string) => Promise<Story[]>): Promise<void> {
  if (Object.hasOwn(run.state.fetched, url) && !changed) return;
  if (run.crawl.budget <= 0) {
    run.counts.skippedArticles++;
    return;
  }
  if (!(await run.crawl.allowed(url))) {
    run.counts.disallowed++;
    return;
  }
  run.crawl.budget--;
  try {
    await run.take({ url, read: (html) => read(htmlDocument(html), html) });
  } catch (error) {
    // A dead link, an article sent to another site or one over the size limit is one article
    // missed, not the edition: counted, and tried again next sync. A site down fails the sync.
    if (!(error instanceof FetchError && ARTICLE_FAILURES.has(error.kind))) throw error;
    run.counts.skippedArticles++;
  }
}

/** Forgets what the source no longer lists: the state keeps only the addresses `keep` says. */
export function forgetExcept(run: SyncRun, keep: (url: string) => boolean): void {
  for (const url of Object.keys(run.state.fetched)) if (!keep(url)) delete run.state.fetched[url];
  const listings = run.state.listings ?? {};
  for (const url of Object.keys(listings)) if (!keep(url)) delete listings[url];
}
