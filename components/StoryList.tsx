import type { StorySummary } from '../lib/messages';
import { formatDate, t } from './i18n';
import { openStory, storyPageUrl } from './open-story';

type StoryListProps = {
  /** Stories in the order to show them. */
  stories: StorySummary[];
  /** Accessible name of the list. */
  label: string;
};

/** The stories as cards; each is a link, so Tab and Enter reach and open them. */
export function StoryList({ stories, label }: StoryListProps) {
  return (
    <ol class="story-list" aria-label={label}>
      {stories.map((story) => (
        <li key={story.id}>
          <StoryCard story={story} />
        </li>
      ))}
    </ol>
  );
}

function StoryCard({ story }: { story: StorySummary }) {
  return (
    <a
      class="story-card"
      href={storyPageUrl(story.id)}
      data-story-id={story.id}
      onClick={(event) => {
        event.preventDefault();
        void openStory(story.id);
      }}
    >
      {story.kicker && <span class="kicker">{story.kicker}</span>}
      <span class="story-title">{story.title}</span>
      <span class="story-meta">
        {story.publication} · {formatDate(story.date)}
        {story.page !== undefined && ` · ${t('pageNumber', story.page)}`}
      </span>
      <span class="story-first-line">{story.firstLine}</span>
    </a>
  );
}
