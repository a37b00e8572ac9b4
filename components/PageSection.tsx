import type { PageCoverage } from '../lib/messages';
import { NamesDisclosure } from './EntityChips';
import { t, tn } from './i18n';
import { TieredStoryList } from './StoryList';

/**
 * The current page's related stories, right under the heading; the page and the names it
 * mentions folded below them. When nothing relates, one line.
 */
export function PageSection({ coverage }: { coverage: PageCoverage }) {
  const about = [coverage.site, coverage.title].filter(Boolean).join(' · ');
  if (coverage.related.length === 0) {
    return (
      <section class="page-coverage" data-state="page-no-related" aria-label={t('pageHeading')}>
        <p class="page-line" title={about}>
          {t('pageNoRelatedLine')}
        </p>
      </section>
    );
  }
  return (
    <section class="page-coverage" aria-labelledby="page-heading" data-state="page-related">
      <h2 class="section-heading" id="page-heading">
        {t('pageHeading')}
        <span class="count">{tn('storyCount', coverage.related.length)}</span>
      </h2>
      <TieredStoryList stories={coverage.related} label={t('pageHeading')} />
      <NamesDisclosure summary={t('pageNamesSummary')} entities={coverage.entities} about={about} />
    </section>
  );
}
