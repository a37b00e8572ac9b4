import { useId } from 'preact/hooks';
import { displayPunctuation } from '../lib/display-punctuation';
import type { Snippet } from '../lib/match/snippet';
import type { RelatedSummary, StorySummary } from '../lib/messages';
import { formatDate, langOf, t, type MessageKey } from './i18n';
import { printedPage } from './printed-page';
import { openStory, storyPageUrl } from './open-story';
import { groupByTier } from './tiers';

type StoryListProps = {
  /** Stories in the order to show them; related stories show why they relate. */
  stories: Array<StorySummary | RelatedSummary>;
  /** Accessible name of the list. */
  label: string;
  /** What the names shown with a story are: shared with the reader's text (default), or what a search found in it. */
  why?: MessageKey;
  /** Open a story in this tab (the story page, whose Back returns), not in a new one beside it. */
  inPlace?: boolean;
};

/** The stories as cards; each is a link, so Tab and Enter reach and open them. */
export function StoryList({ stories, label, why = 'sharedWith', inPlace = false }: StoryListProps) {
  return (
    <ol class="story-list" aria-label={label}>
      {stories.map((story) => (
        <li key={story.id}>
          <StoryCard story={story} why={why} inPlace={inPlace} />
        </li>
      ))}
    </ol>
  );
}

/** Related coverage in its two tiers, each labelled: the same event first, then related background. */
export function TieredStoryList({ stories, label, inPlace }: { stories: RelatedSummary[]; label: string; inPlace?: boolean }) {
  return (
    <>
      {groupByTier(stories).map((group) =>
        group.label ? (
          <div class="tier" data-tier={group.tier} key={group.tier}>
            <h3 class="tier-heading">{t(group.label)}</h3>
            <StoryList stories={group.stories} label={`${label} · ${t(group.label)}`} inPlace={inPlace} />
          </div>
        ) : (
          <StoryList stories={group.stories} label={label} key="all" inPlace={inPlace} />
        ),
      )}
    </>
  );
}

/** Text with its marked ranges in <mark>: story text is never parsed as HTML. */
export function MarkedText({ text, marks, class: className, id }: Snippet & { class: string; id?: string }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return (
    <span class={className} id={id} lang={langOf(text)}>
      {parts}
    </span>
  );
}

function Why({ story, label, id }: { story: RelatedSummary; label: MessageKey; id: string }) {
  const shared = [
    ...story.sharedEntities.map((e) => ({ key: `${e.type}:${e.name}`, name: e.name, type: e.type as string })),
    ...story.sharedWords.map((w) => ({ key: w, name: w, type: 'word' })),
  ].slice(0, 6);
  if (shared.length === 0) return null;
  return (
    <span class="why" id={id}>
      <span class="why-label">{t(label)}</span>
      {shared.map((s) => (
        <span class={`chip chip-${s.type}`} key={s.key} data-entity-type={s.type} lang={langOf(s.name)}>
          {s.name}
        </span>
      ))}
    </span>
  );
}

/** A card's kicker (天台快评), above its headline, when the story has one. */
export function CardKicker({ kicker }: { kicker?: string }) {
  return kicker ? (
    <span class="kicker" lang={langOf(kicker)}>
      {kicker}
    </span>
  ) : null;
}

function StoryCard({ story, why, inPlace }: { story: StorySummary | RelatedSummary; why: MessageKey; inPlace: boolean }) {
  const found = 'snippet' in story;
  // The link is the title alone and the rest describes it: a list of cards is heard title by title,
  // and the link's name is all of its visible text (WCAG 2.5.3). Its box covers the card (CSS), so
  // the whole card is what a click opens. (A story may be on two lists of one page, so ids come
  // from useId, not from the story.)
  const id = useId();
  const described = found ? `${id}-meta ${id}-why ${id}-text` : `${id}-meta ${id}-text`;
  return (
    <div class="story-card" data-story-id={story.id}>
      <CardKicker kicker={story.kicker} />
      <a
        class="story-link"
        href={storyPageUrl(story.id)}
        aria-describedby={described}
        onClick={(event) => {
          if (inPlace) return;
          event.preventDefault();
          void openStory(story.id);
        }}
      >
        <MarkedText class="story-title" text={story.title} marks={found ? story.titleMarks : []} />
      </a>
      <span class="story-meta" id={`${id}-meta`}>
        <span lang={langOf(story.publication)}>{story.publication}</span> · {formatDate(story.date)}
        {story.page !== undefined && ` · ${printedPage({ page: story.page, pageName: story.pageName })}`}
      </span>
      {found ? (
        <>
          <Why story={story} label={why} id={`${id}-why`} />
          {/* Full-width punctuation keeps the text's length: the marks still fit it. */}
          <MarkedText class="story-first-line snippet" id={`${id}-text`} text={displayPunctuation(story.snippet.text)} marks={story.snippet.marks} />
        </>
      ) : (
        <span class="story-first-line" id={`${id}-text`} lang={langOf(story.firstLine)}>
          {displayPunctuation(story.firstLine)}
        </span>
      )}
    </div>
  );
}
