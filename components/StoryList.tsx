import type { Snippet } from '../lib/match/snippet';
import type { RelatedSummary, StorySummary } from '../lib/messages';
import { formatDate, t } from './i18n';
import { openStory, storyPageUrl } from './open-story';

type StoryListProps = {
  /** Stories in the order to show them; related stories show why they relate. */
  stories: Array<StorySummary | RelatedSummary>;
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

/** The snippet as text, its marked ranges in <mark>: story text is never parsed as HTML. */
function SnippetText({ snippet }: { snippet: Snippet }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return <span class="story-first-line snippet">{parts}</span>;
}

function Why({ story }: { story: RelatedSummary }) {
  const shared = [...story.sharedEntities.map((e) => ({ key: `${e.type}:${e.name}`, name: e.name, type: e.type as string })), ...story.sharedWords.map((w) => ({ key: w, name: w, type: 'word' }))].slice(0, 6);
  if (shared.length === 0) return null;
  return (
    <span class="why">
      <span class="why-label">{t('sharedWith')}</span>
      {shared.map((s) => (
        <span class={`chip chip-${s.type}`} key={s.key} data-entity-type={s.type}>
          {s.name}
        </span>
      ))}
    </span>
  );
}

function StoryCard({ story }: { story: StorySummary | RelatedSummary }) {
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
      {'snippet' in story ? (
        <>
          <Why story={story} />
          <SnippetText snippet={story.snippet} />
        </>
      ) : (
        <span class="story-first-line">{story.firstLine}</span>
      )}
    </a>
  );
}
