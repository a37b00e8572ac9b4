import { displayPunctuation } from '../lib/display-punctuation';
import type { EntityPage as EntityPageData, EntityStory } from '../lib/messages';
import type { EntityType } from '../lib/nlp/entities';
import { formatDate, langOf, t, tn, type MessageKey } from './i18n';
import { printedPage } from './printed-page';
import { entityPageUrl, storyPageUrl } from './open-story';
import { MarkedText } from './StoryList';

/** Marked when an entity page has painted its stories: the benchmark times it. */
export const ENTITY_PAINTED_MARK = 'zhuzhou-lens:entity-painted';

/** The kind above one name: 地点, or Place (the chip rows' headings are plurals). */
const KIND: Record<EntityType, MessageKey> = { person: 'entityKindPerson', place: 'entityKindPlace', org: 'entityKindOrg' };

/** 2024-05 → 2024年5月 or May 2024, in the UI's language. */
function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(t('htmlLang'), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Stories per month as bars of plain elements, each titled with its month and count; the first and last months labelled. */
function Timeline({ months }: { months: EntityPageData['months'] }) {
  const top = Math.max(1, ...months.map((m) => m.count));
  return (
    <section class="entity-timeline" aria-label={t('entityTimelineHeading')}>
      <h2 class="section-heading">{t('entityTimelineHeading')}</h2>
      <ol class="timeline-bars">
        {months.map(({ month, count }) => {
          const label = tn('entityMonthCount', count, formatMonth(month));
          return (
            <li key={month} title={label} aria-label={label}>
              <span class="timeline-bar" style={{ height: `${Math.max(count ? 8 : 0, (count / top) * 100)}%` }} />
            </li>
          );
        })}
      </ol>
      <p class="timeline-ends" aria-hidden="true">
        <span>{formatMonth(months[0].month)}</span>
        {months.length > 1 && <span>{formatMonth(months[months.length - 1].month)}</span>}
      </p>
    </section>
  );
}

/** The stories by month, newest first, each with the sentence that names the entity marked. */
function StoriesByMonth({ stories }: { stories: EntityStory[] }) {
  const groups: Array<{ month: string; stories: EntityStory[] }> = [];
  for (const story of stories) {
    const month = story.date.slice(0, 7);
    if (groups[groups.length - 1]?.month !== month) groups.push({ month, stories: [] });
    groups[groups.length - 1].stories.push(story);
  }
  return groups.map(({ month, stories: inMonth }) => (
    <section class="entity-month" key={month} aria-label={formatMonth(month)}>
      <h3 class="month-heading">{formatMonth(month)}</h3>
      <ol class="story-list">
        {inMonth.map((story, index) => {
          // As the popup's cards (StoryList): the title is the link, covering its card; the rest describes it.
          const id = `story-${month}-${index}`;
          return (
            <li key={story.id}>
              <div class="story-card" data-story-id={story.id}>
                <a class="story-link" href={storyPageUrl(story.id)} aria-describedby={`${id}-meta ${id}-text`}>
                  <span class="story-title" lang={langOf(story.title)}>
                    {story.title}
                  </span>
                </a>
                <span class="story-meta" id={`${id}-meta`}>
                  <span lang={langOf(story.publication)}>{story.publication}</span> · {formatDate(story.date)}
                  {story.page !== undefined && ` · ${printedPage({ page: story.page, pageName: story.pageName })}`}
                </span>
                {/* Full-width punctuation keeps the text's length: the marks still fit it. */}
                <MarkedText class="story-first-line snippet" id={`${id}-text`} text={displayPunctuation(story.snippet.text)} marks={story.snippet.marks} />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  ));
}

/** The names its stories name most besides it, each a link to its own page. */
function Together({ together }: { together: EntityPageData['together'] }) {
  if (together.length === 0) return null;
  return (
    <section class="entity-together" aria-label={t('entityTogetherHeading')}>
      <h2 class="section-heading">{t('entityTogetherHeading')}</h2>
      <ul class="chips">
        {together.map(({ type, name, count }) => (
          <li class={`chip chip-${type}`} key={`${type}:${name}`} data-entity-type={type} lang={langOf(name)}>
            <a class="chip-link" href={entityPageUrl(type, name)} title={tn('storyCount', count)}>
              {name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A person's, place's or organisation's page: its stories, how often over time, and who appears with it. */
export function EntityPage({ type, page }: { type: EntityType; page: EntityPageData }) {
  const more = page.total - page.stories.length;
  return (
    <main class="newspaper entity">
      <header>
        <p class="kicker">{t(KIND[type])}</p>
        <h1 class="headline" lang={langOf(page.name)}>
          {page.name}
        </h1>
        <p class="story-meta">{tn('storyCount', page.total)}</p>
      </header>
      {page.total === 0 ? (
        <p class="empty-state">{t('entityNotFound')}</p>
      ) : (
        <>
          <Timeline months={page.months} />
          <Together together={page.together} />
          <section class="entity-stories" aria-label={t('entityStoriesHeading')}>
            <h2 class="section-heading">{t('entityStoriesHeading')}</h2>
            <StoriesByMonth stories={page.stories} />
            {more > 0 && <p class="entity-more">{tn('entityMore', more)}</p>}
          </section>
        </>
      )}
    </main>
  );
}
