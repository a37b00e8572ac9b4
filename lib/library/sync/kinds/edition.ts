/**
 * A paper's digital edition (数字报): from one page's address, the day's page list, every page's
 * articles, and each article read as the platform marks it (edition-article.ts). Stories carry the
 * edition's day, the page's number and name (第02版 经济), kicker, title, deck and byline as the
 * printed-page importer keeps them, and the article's address. Which days: the address's own, or
 * today's, or the last seven (the address's day swapped for each; a day without an edition, a 404,
 * is skipped unless it is the only one asked).
 */
import { checkStory, type Story } from '../../../story';
import { shortHash } from '../../story-id';
import { forgetExcept, mayCrawl, takeArticle, takeListing } from '../crawl-articles';
import { editionArticle } from '../edition-article';
import { articlePage, EditionError, editionDay, lastDays, onDay, pageLabel, pageNumberOf } from '../edition-layout';
import { FetchError } from '../fetch-source';
import { editionListing } from '../listings';
import { MAX_EDITION_PAGES } from '../limits';
import type { Source } from '../source';
import type { SourceKindModule, SyncRun } from '../source-kind';
import { capParagraphs } from '../story-cap';

/** Where an article stands in the edition. */
interface Placement {
  day: string;
  /** Its title in its page's list of articles. */
  listed: string;
  page?: number;
  pageName?: string;
  position: number;
}

/** The days a sync reads, newest first; `span` days ending at the address's own, when given. */
export function editionDays(source: Pick<Source, 'url' | 'editionDays'>, today: string, span?: number): string[] {
  const own = editionDay(source.url);
  if (own && span) return lastDays(own, span);
  if (!own || !source.editionDays || source.editionDays === 'address') return own ? [own] : [];
  return lastDays(today, source.editionDays === 'week' ? 7 : 1);
}

/** The paper's name as its page's <title> gives it (「株洲日报-第01版：要闻」 → 株洲日报). */
function publicationOf(doc: Document): string | undefined {
  const title = (doc.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const name = title
    .replace(/第?\s*[A-Za-z]{0,2}\d{1,3}\s*版.*$/, '')
    .replace(/[\s\-_|｜:：·—]+$/, '')
    .trim();
  return name && name.length <= 30 ? name : undefined;
}

async function editionStory(doc: Document, html: string, url: string, at: Placement, source: Source, publication: string): Promise<Story[]> {
  const parts = editionArticle(doc, html, url, at.listed);
  if (!parts) return [];
  // The article's own word on its page beats the listing's: page 1's 导读 lists stories printed further in.
  const own = parts.pageLabel ? pageLabel(parts.pageLabel) : undefined;
  const label = own ?? (at.page === undefined ? undefined : { page: at.page, name: at.pageName });
  const page = label?.page ?? articlePage(url);
  const capped = capParagraphs(parts.paragraphs);
  const checked = checkStory({
    // By day and address only: a page learnt better at a later sync must not make the same article a new story.
    id: `ed-${at.day}-${await shortHash(url)}`,
    publication,
    date: at.day,
    page,
    pageName: label?.name,
    position: at.position,
    title: parts.title.slice(0, 500),
    ...(parts.kicker && { kicker: parts.kicker.slice(0, 500) }),
    subheads: parts.deck ? [{ text: parts.deck.slice(0, 500), before: 0 }] : [],
    ...(parts.byline && { byline: parts.byline.slice(0, 500) }),
    ...(parts.author && { author: parts.author.slice(0, 500) }),
    paragraphs: capped.paragraphs,
    url,
    origin: source.id,
  });
  return 'story' in checked ? [checked.story] : [];
}

/** One day's edition: its pages from the first one's page list, then each page's articles; the addresses it lists. */
async function syncDay(source: Source, run: SyncRun, first: string, day: string): Promise<string[]> {
  const queue = [first];
  const seen = new Set(queue);
  const articles = new Map<string, Placement & { changed: boolean; mapped?: boolean }>();
  let publication: string | undefined;
  for (let i = 0; i < queue.length && i < MAX_EDITION_PAGES; i++) {
    const url = queue[i];
    if (!(await run.crawl.allowed(url))) {
      if (i === 0) await mayCrawl(run, url);
      run.counts.disallowed++;
      continue;
    }
    const read = await takeListing(run, url, (doc) => {
      publication ??= publicationOf(doc);
      return editionListing(doc, url);
    });
    if (!read) continue;
    const { listing, changed } = read;
    for (const page of listing.pages) {
      if (!seen.has(page.url)) {
        seen.add(page.url);
        queue.push(page.url);
      }
    }
    // The page list names each page: its number and name from its label, else from its address, else its place in the list.
    const own = listing.label ?? listing.pages.find((p) => p.url === url)?.label;
    const label = own ? pageLabel(own) : undefined;
    const order = listing.pages.findIndex((p) => p.url === url);
    const page = label?.page ?? pageNumberOf(url) ?? (order >= 0 ? order + 1 : undefined);
    listing.articles.forEach((article, position) => {
      // An article listed on two pages (导读 and its own) belongs to the one whose page image maps it.
      const placed = articles.get(article.url);
      if (placed && (!article.mapped || placed.mapped)) return;
      articles.delete(article.url);
      articles.set(article.url, { day, listed: article.title || placed?.listed || '', page, pageName: label?.name, position, changed, mapped: article.mapped });
    });
  }
  const paper = source.named === false ? (publication ?? run.state.title ?? source.name) : source.name;
  if (publication) run.titled(publication);
  for (const [url, at] of articles) await takeArticle(run, url, at.changed, (doc, html) => editionStory(doc, html, url, at, source, paper));
  return [...seen, ...articles.keys()];
}

export const editionKind: SourceKindModule<'edition'> = {
  kind: 'edition',
  crawls: true,
  formatErrors: [EditionError],
  async sync(source, run) {
    const days = editionDays(source, run.today, run.crawl.days);
    if (!days.length) throw new EditionError(`${source.url}: not an address of an edition's page (…/2024-06/01/node_1.htm and the like)`);
    // Only the days read now are remembered: the state stays the size of the range.
    forgetExcept(run, (url) => days.includes(editionDay(url) ?? ''));
    let found = false;
    const listed = new Set<string>();
    for (const day of days) {
      try {
        for (const url of await syncDay(source, run, onDay(source.url, day), day)) listed.add(url);
        found = true;
      } catch (error) {
        // No edition that day (a Sunday, today's not out yet): the other days stand.
        if (!(error instanceof FetchError && error.kind === 'http' && days.length > 1)) throw error;
      }
    }
    if (!found) throw new FetchError('http', `${source.url}: no edition found for ${days.at(-1)} – ${days[0]}`);
    // What the edition no longer lists is not remembered: the state stays the size of what it lists.
    forgetExcept(run, (url) => listed.has(url));
  },
};
