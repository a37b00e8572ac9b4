/**
 * The library's related coverage of a text, as the popup, the selection bubble and a tab's badge
 * show it: the stories found, each with why it is listed (shared names and words) and where (its
 * sentence, its headline).
 */
import type { Library } from '../library/library';
import { firstLine, storyText, type Story } from '../story';
import { isSearchQuery, splitMatches } from '../match/search';
import { asWritten, makeSnippet, markWords } from '../match/snippet';
import type { Coverage, PageArticle, PageCoverage, RelatedSummary, SearchAnswer, StorySummary } from '../messages';
import type { TextAnalysis } from '../nlp/analyzer';
import { articleText } from '../page/article-text';
import type { PageJob } from '../page/page-queue';
import type { ServiceContext } from './handler';

/** What coverage reads: the library, the analyzer and the finder over them. */
type Finding = Pick<ServiceContext, 'library' | 'analyzer' | 'finder'>;

export function summarize(story: Story): StorySummary {
  const { id, title, kicker, date, page, pageName, publication } = story;
  return { id, title, kicker, date, page, ...(pageName && { pageName }), publication, firstLine: firstLine(story) };
}

/** The stories as the popup lists them, each with why (shared names and words) and where (its sentence, its headline). */
async function summariesOf(
  lib: Library,
  hits: Array<Pick<RelatedSummary, 'id' | 'score' | 'sharedEntities' | 'sharedWords' | 'tier'>>,
): Promise<RelatedSummary[]> {
  const stories = await lib.getMany(hits.map((hit) => hit.id));
  return hits.flatMap(({ score, sharedEntities, sharedWords, tier }, i) => {
    const story = stories[i];
    if (!story) return [];
    const written = sharedWords.map((w) => asWritten([story.title, ...story.paragraphs], w));
    const words = [...sharedEntities.map((e) => e.name), ...written];
    const snippet = makeSnippet(story.paragraphs, words);
    return [
      { ...summarize(story), score, sharedEntities, sharedWords: written, snippet, titleMarks: markWords(story.title, words).marks, ...(tier && { tier }) },
    ];
  });
}

/** A cold worker answered from the library's names: jieba starts loading once that answer is out. */
function afterPartial({ analyzer }: Finding, analysis: TextAnalysis): boolean {
  if (analysis.partial) setTimeout(() => void analyzer().then((a) => a.prepare()), 0);
  return analysis.partial ?? false;
}

/**
 * The related coverage of a text. With `partial`, a cold worker answers from the library's
 * names at once (jieba's dictionary build would hold the answer back); the caller asks again
 * for the rest.
 */
export async function coverage(service: Finding, text: string, partial: boolean, without?: string): Promise<Coverage> {
  const lib = await service.library();
  const { analysis, related } = await (await service.finder(lib)).related(text, { partial, without });
  const { entities, keywords } = analysis;
  return { entities, keywords, related: await summariesOf(lib, related), partial: afterPartial(service, analysis) };
}

/**
 * A story's own related coverage: its words read as any reader's text is, the story itself left
 * out before ranking. The whole analysis, not a cold worker's first guess: the story page shows one answer.
 */
export async function storyCoverage(service: Finding, id: string): Promise<RelatedSummary[]> {
  const story = await (await service.library()).get(id);
  if (!story) return [];
  return (await coverage(service, storyText(story), false, id)).related;
}

/** What the search box answers: the stories naming a short query, or a passage's related coverage. */
export async function answerQuery(service: Finding, text: string): Promise<SearchAnswer> {
  if (!isSearchQuery(text)) return { mode: 'related', ...(await coverage(service, text, true)) };
  const lib = await service.library();
  const { analysis, hits, total } = await (await service.finder(lib)).search(text, { partial: true });
  const found = hits.map((hit) => ({ ...hit, ...splitMatches(hit) }));
  const { entities, keywords } = analysis;
  return { mode: 'search', total, entities, keywords, related: await summariesOf(lib, found), partial: afterPartial(service, analysis) };
}

/**
 * A page's coverage, kept for its tab at once (the badge's count) and refined when the full
 * analysis is done; the job finishes with the refinement, so the tab's next article waits for it.
 * An article whose very text was answered in full before, since the library last changed, is
 * answered from that (a cold worker then needs neither the library nor jieba for it).
 */
export async function pageCoverage(
  service: Finding & Pick<ServiceContext, 'readers' | 'tabs' | 'answers' | 'prepare'>,
  article: PageArticle,
  tabId: number,
): Promise<PageJob<number>> {
  const page = (found: Coverage): PageCoverage => ({ ...found, url: article.url, title: article.title, site: article.site });
  const text = articleText(article);
  const known = await service.answers.get(text);
  if (known) {
    await service.tabs.keep(tabId, page(known));
    // The wake of a page answered before left the analysis unreadied, so as not to slow this answer.
    setTimeout(() => void service.prepare().catch(() => undefined), 0);
    return { value: known.related.length };
  }
  // Readied here when the page's wake left it to the article (reader-handlers.ts): a cold first
  // answer then waits for jieba's restore, as it would have from the wake, not for a guess.
  void service.prepare().catch(() => undefined);
  const asOf = service.answers.version();
  const first = await service.readers.serve(() => coverage(service, text, true));
  await service.tabs.keep(tabId, page(first));
  const full = async (found: Coverage) => {
    await service.answers.put(text, found, article.url, asOf);
    return found;
  };
  const finished = first.partial
    ? new Promise((resolve) => setTimeout(resolve, 0)).then(async () => service.tabs.refine(tabId, page(await full(await coverage(service, text, false)))))
    : full(first);
  return { value: first.related.length, finished };
}
