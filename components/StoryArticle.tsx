import { Fragment } from 'preact';
import { displayPunctuation } from '../lib/display-punctuation';
import { nameRuns } from '../lib/name-runs';
import { sourceLink, type Story } from '../lib/story';
import { EntityChips } from './EntityChips';
import { formatDate, langOf, t } from './i18n';
import { printedPage } from './printed-page';

type StoryArticleProps = {
  /** The story to lay out; every part is rendered as text, never as HTML. */
  story: Story;
};

/** The headline with each of the story's names kept on one line: a break inside 曹慧泉 misreads as two words. */
function Headline({ story, lang }: { story: Story; lang?: string }) {
  const names = story.analysis ? Object.values(story.analysis.entities).flat() : [];
  return (
    <h1 class="headline" lang={lang}>
      {nameRuns(displayPunctuation(story.title), names).map((run, i) =>
        run.name ? (
          <span class="headline-name" key={i}>
            {run.text}
          </span>
        ) : (
          run.text
        ),
      )}
    </h1>
  );
}

/**
 * A story laid out like the printed article: kicker, headline, deck, byline, text, caption, jump
 * line, and a link to the original. Chinese punctuation is shown full-width (not stored so).
 */
export function StoryArticle({ story }: StoryArticleProps) {
  const show = displayPunctuation;
  const source = sourceLink(story);
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
            {show(story.kicker)}
          </p>
        )}
        <Headline story={story} lang={lang} />
        {decks.map((deck) => (
          <p class="deck" key={deck.text} lang={lang}>
            {show(deck.text)}
          </p>
        ))}
        <p class="story-meta">
          {story.publication} · {formatDate(story.date)}
          {story.page !== undefined && ` · ${printedPage({ page: story.page, pageName: story.pageName })}`}
        </p>
        {story.author && <p class="byline">{t('bylineAuthor', story.author)}</p>}
        {source && (
          <p class="story-source">
            <a href={source} target="_blank" rel="noopener noreferrer">
              {t('storySource')}
            </a>
          </p>
        )}
        {credit && (
          <p class="byline" lang={lang}>
            {show(credit)}
          </p>
        )}
      </header>
      {story.captions.map((caption) => (
        <figure class="caption" key={caption} lang={lang}>
          <figcaption>
            <span class="visually-hidden">{t('captionLabel')}: </span>
            {show(caption)}
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
                  {show(s.text)}
                </h2>
              ))}
            <p>{show(paragraph)}</p>
          </Fragment>
        ))}
      </div>
      {story.continuation && (
        <p class="jump" lang={lang}>
          {show(story.continuation)}
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
