import { Fragment } from 'preact';
import type { Story } from '../lib/story';
import { EntityChips } from './EntityChips';
import { formatDate, langOf, t } from './i18n';

type StoryArticleProps = {
  /** The story to lay out; every part is rendered as text, never as HTML. */
  story: Story;
};

/** A story laid out like the printed article: kicker, headline, deck, byline, text, caption, jump line. */
export function StoryArticle({ story }: StoryArticleProps) {
  const decks = story.subheads.filter((s) => s.before === 0);
  const inside = story.subheads.filter((s) => s.before > 0);
  const credit = [story.byline, story.dateline].filter(Boolean).join(' ');
  // The story's own words are Chinese whatever the UI's language: a Chinese voice and font for them.
  const lang = langOf(story.title);
  return (
    <article class="newspaper" data-story-id={story.id}>
      <header>
        {story.kicker && (
          <p class="kicker" lang={lang}>
            {story.kicker}
          </p>
        )}
        <h1 class="headline" lang={lang}>
          {story.title}
        </h1>
        {decks.map((deck) => (
          <p class="deck" key={deck.text} lang={lang}>
            {deck.text}
          </p>
        ))}
        <p class="story-meta">
          {story.publication} · {formatDate(story.date)}
          {story.page !== undefined && ` · ${t('pageNumber', story.page)}`}
        </p>
        {story.author && <p class="byline">{t('bylineAuthor', story.author)}</p>}
        {credit && (
          <p class="byline" lang={lang}>
            {credit}
          </p>
        )}
      </header>
      {story.captions.map((caption) => (
        <figure class="caption" key={caption} lang={lang}>
          <figcaption>
            <span class="visually-hidden">{t('captionLabel')}: </span>
            {caption}
          </figcaption>
        </figure>
      ))}
      <div class="story-body" lang={lang}>
        {story.paragraphs.map((paragraph, index) => (
          <Fragment key={index}>
            {inside
              .filter((s) => s.before === index)
              .map((s) => (
                <h2 class="subhead" key={`h${index}${s.text}`}>
                  {s.text}
                </h2>
              ))}
            <p>{paragraph}</p>
          </Fragment>
        ))}
      </div>
      {story.continuation && (
        <p class="jump" lang={lang}>
          {story.continuation}
        </p>
      )}
      {story.analysis && (
        <footer class="story-analysis">
          <EntityChips entities={story.analysis.entities} heading={t('entitiesHeading')} />
          {story.analysis.keywords.length > 0 && (
            <p class="keywords">
              <span class="keywords-label">{t('keywordsHeading')}</span>
              {story.analysis.keywords.map((k) => k.word).join(' · ')}
            </p>
          )}
        </footer>
      )}
    </article>
  );
}
