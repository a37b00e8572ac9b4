import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { RelatedSummary } from '../lib/messages';
import type { Story } from '../lib/story';
import { t } from './i18n';
import { send } from './messaging';
import { StoryArticle } from './StoryArticle';
import { TieredStoryList } from './StoryList';

/** The Navigation API (Chromium 102+), which TypeScript's DOM types do not have yet: what this page reads of it. */
type NavigationGlobal = { navigation: { currentEntry: { index: number } } };

/** The library (the popup's page, which has the search box), for a tab with nowhere to go back to. */
const libraryUrl = () => browser.runtime.getURL('/popup.html');

/**
 * Back where the reader came from: the extension's page before this one in the tab (the story a
 * related link left). A story the popup or the bubble opened is a new tab with no such page
 * (history.back() would do nothing, or leave for a blank page): there Back leads to the library.
 * The Navigation API lists only this origin's entries, so index 0 means none of ours is before.
 */
function StoryNav() {
  const before = (globalThis as unknown as NavigationGlobal).navigation.currentEntry.index > 0;
  return (
    <nav class="story-nav" aria-label={t('storyNavLabel')}>
      <a
        class="story-back"
        href={libraryUrl()}
        onClick={(event) => {
          if (!before) return;
          event.preventDefault();
          history.back();
        }}
      >
        <span aria-hidden="true">← </span>
        {t(before ? 'storyBack' : 'storyToLibrary')}
      </a>
    </nav>
  );
}

/** The story's own related coverage, in its two tiers; its links open in this tab, so Back returns. */
function StoryRelated({ id }: { id: string }) {
  const [related, setRelated] = useState<RelatedSummary[] | null>(null);
  useEffect(() => {
    void send({ type: 'UI_STORY_RELATED', id }).then(setRelated);
  }, [id]);
  return (
    <section class="story-related" aria-labelledby="story-related-heading">
      <h2 class="section-heading" id="story-related-heading">
        {t('storyRelatedHeading')}
      </h2>
      {related === null ? (
        <p class="placeholder">{t('loading')}</p>
      ) : related.length === 0 ? (
        <p class="placeholder">{t('storyRelatedNone')}</p>
      ) : (
        <TieredStoryList stories={related} label={t('storyRelatedHeading')} inPlace />
      )}
    </section>
  );
}

/** A story's page: the way back, the article, and the stories it leads on to. */
export function StoryPage({ story }: { story: Story }) {
  return (
    <>
      <StoryNav />
      <main>
        <StoryArticle story={story} />
        <StoryRelated id={story.id} />
      </main>
    </>
  );
}

/** An id the library does not hold (a removed source's story, a cut link): say so, and where to go. */
export function StoryNotFound() {
  return (
    <>
      <StoryNav />
      <main class="story-missing">
        <h1>{t('storyNotFound')}</h1>
        <p>{t('storyNotFoundHelp')}</p>
        <p>
          <a class="story-search-library" href={libraryUrl()}>
            {t('storySearchLibrary')}
          </a>
        </p>
      </main>
    </>
  );
}
