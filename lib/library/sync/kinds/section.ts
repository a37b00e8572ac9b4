/**
 * A section page of a news site (要闻, 本地): the same-site links it lists that lead to articles.
 * Each candidate is fetched and kept only when the content script's own article test says it is
 * one (navigation, tag pages and listings fail it), and read with the content script's extraction.
 */
import { extractArticle, looksLikeArticle } from '../../../extract/article';
import { checkStory, type Story } from '../../../story';
import { shortHash } from '../../story-id';
import { forgetExcept, mayCrawl, takeArticle, takeListing } from '../crawl-articles';
import { sectionListing } from '../listings';
import type { Source } from '../source';
import type { SourceKindModule, SyncRun } from '../source-kind';
import { capParagraphs } from '../story-cap';

async function sectionStory(doc: Document, url: string, source: Source, run: SyncRun): Promise<Story[]> {
  if (!looksLikeArticle(doc)) return [];
  const article = extractArticle(doc, url);
  if (!article) return [];
  const capped = capParagraphs(article.text.split('\n').filter((line) => line.trim()));
  const checked = checkStory({
    id: `web-${await shortHash(url)}`,
    publication: source.named === false ? (article.site ?? source.name) : source.name,
    date: article.date ?? run.today,
    title: article.title.slice(0, 500),
    paragraphs: capped.paragraphs,
    url,
    origin: source.id,
  });
  if (!('story' in checked)) return [];
  if (!article.date) run.counts.undated++;
  if (capped.truncated) run.counts.truncated++;
  return [checked.story];
}

export const sectionKind: SourceKindModule<'section'> = {
  kind: 'section',
  crawls: true,
  formatErrors: [],
  async sync(source, run) {
    await mayCrawl(run, source.url);
    const read = await takeListing(run, source.url, (doc) => {
      run.titled(doc.querySelector('title')?.textContent ?? undefined);
      return sectionListing(doc, source.url);
    });
    if (!read) return;
    const listed = new Set([source.url, ...read.listing.articles.map((a) => a.url)]);
    // Only what the section lists now is remembered: the state stays the size of one page.
    forgetExcept(run, (url) => listed.has(url));
    for (const article of read.listing.articles) await takeArticle(run, article.url, read.changed, (doc) => sectionStory(doc, article.url, source, run));
  },
};
