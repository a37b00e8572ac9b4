import type { SearchAnswer } from '../lib/messages';
import { NamesDisclosure } from './EntityChips';
import { t, tn } from './i18n';
import { StoryList, TieredStoryList } from './StoryList';

type SearchResultsProps = {
  /** The query the answer is for, trimmed (the box may hold newer text while its answer comes). */
  query: string;
  answer: SearchAnswer;
};

/**
 * What the search box found, saying which kind of answer it is: the stories that mention a name
 * or a few words, or the related coverage of a passage (with the passage's names folded below).
 */
export function SearchResults({ query, answer }: SearchResultsProps) {
  const search = answer.mode === 'search';
  const heading = search ? t('searchFoundHeading', query) : t('searchResultsHeading');
  const count = search ? answer.total : answer.related.length;
  if (answer.related.length === 0) {
    // A cold worker's first look found nothing; the full one is on its way.
    if (answer.partial) return <p class="placeholder">{t('loading')}</p>;
    return (
      <section class="results" data-mode={answer.mode} data-query={query}>
        <p class="empty-state" data-state="no-related" role="status">
          {search ? t('searchNoneFound', query) : t('searchNoResults')}
        </p>
        {!search && <NamesDisclosure summary={t('typedNamesSummary')} entities={answer.entities} />}
      </section>
    );
  }
  return (
    <section class="results" data-mode={answer.mode} data-query={query} aria-labelledby="results-heading">
      <h2 class="section-heading" id="results-heading">
        <span>{heading}</span>
        <span class="count" role="status">
          {count > answer.related.length ? t('searchShownOf', answer.related.length, count) : tn('storyCount', count)}
        </span>
      </h2>
      <p class="mode-hint">{search ? t('searchModeSearch') : t('searchModeRelated')}</p>
      {search ? <StoryList stories={answer.related} label={heading} why="mentions" /> : <TieredStoryList stories={answer.related} label={heading} />}
      {!search && <NamesDisclosure summary={t('typedNamesSummary')} entities={answer.entities} />}
    </section>
  );
}
