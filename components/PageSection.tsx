import type { PageCoverage } from '../lib/messages';
import { EntityChips } from './EntityChips';
import { t } from './i18n';
import { StoryList } from './StoryList';

/** The current page: its title, the names it mentions, and the library's stories about them. */
export function PageSection({ coverage }: { coverage: PageCoverage }) {
  return (
    <section class="results page-coverage" aria-labelledby="page-heading" data-state={coverage.related.length ? 'page-related' : 'page-no-related'}>
      <h2 class="section-heading" id="page-heading">
        {t('pageHeading')}
        {coverage.related.length > 0 && <span class="count">{t('storyCount', coverage.related.length)}</span>}
      </h2>
      <p class="page-title" title={coverage.url}>
        {coverage.site && <span class="page-site">{coverage.site} · </span>}
        {coverage.title}
      </p>
      <EntityChips entities={coverage.entities} heading={t('pageEntitiesHeading')} limit={6} />
      {coverage.related.length === 0 ? (
        <p class="empty-state">{t('pageNoRelated')}</p>
      ) : (
        <StoryList stories={coverage.related} label={t('pageHeading')} />
      )}
    </section>
  );
}
