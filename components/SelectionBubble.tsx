import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RelatedSummary } from '../lib/messages';
import { formatDate, t, tn } from './i18n';
import { groupByTier } from './tiers';

type SelectionBubbleProps = {
  /** Related stories of the selection, best first (empty: say so, when asked from the menu). */
  related: RelatedSummary[];
  expanded: boolean;
  onExpand: () => void;
  onOpen: (id: string) => void;
  onClose: () => void;
};

/** Read by assistive technology, not shown: the page's own styles cannot reach into the shadow root, nor this hide. */
const UNSEEN = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/**
 * Said once, politely, when the bubble appears: the count, not the list. A live region speaks what
 * changes in it, so it starts empty and gets its words once it is in the page.
 */
function Announcement({ words }: { words: string }) {
  const [said, setSaid] = useState('');
  useEffect(() => setSaid(words), [words]);
  return (
    <p role="status" aria-live="polite" style={UNSEEN}>
      {said}
    </p>
  );
}

/**
 * Beside a selection: how many stories relate, and on a click the stories themselves, each
 * opening its story page. Lives in a closed shadow root, so the page can neither style nor read it.
 */
export function SelectionBubble({ related, expanded, onExpand, onOpen, onClose }: SelectionBubbleProps) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (expanded) panel.current?.focus();
  }, [expanded]);

  const announcement = <Announcement words={related.length === 0 ? t('bubbleNone') : tn('bubbleCount', related.length)} />;

  if (!expanded) {
    return (
      <>
        {announcement}
        <button type="button" class="bubble" aria-haspopup="dialog" onClick={onExpand}>
          <span class="mark" aria-hidden="true">
            株
          </span>
          {tn('bubbleCount', related.length)}
        </button>
      </>
    );
  }
  return (
    <>
      {announcement}
      <div class="panel" role="dialog" aria-label={t('bubbleLabel')} tabIndex={-1} ref={panel}>
        <div class="panel-head">
          <span class="panel-title">{t('bubbleLabel')}</span>
          <button type="button" class="close" aria-label={t('bubbleClose')} onClick={onClose}>
            ×
          </button>
        </div>
        {related.length === 0 ? (
          <p class="none">{t('bubbleNone')}</p>
        ) : (
          groupByTier(related).map((group) => (
            <Fragment key={group.tier ?? 'all'}>
              {group.label && <p class="tier">{t(group.label)}</p>}
              <ol class="stories">
                {group.stories.map((story, index) => {
                  // The title alone is the button, its box covering the item (CSS); the date and the
                  // shared names describe it, read after, and the name is all its visible text (WCAG 2.5.3).
                  const id = `${group.tier ?? 'all'}-${index}`;
                  return (
                    <li key={story.id} class="story" data-story-id={story.id} data-tier={story.tier}>
                      <button
                        type="button"
                        class="open"
                        aria-describedby={story.sharedEntities.length > 0 ? `${id}-meta ${id}-why` : `${id}-meta`}
                        onClick={() => onOpen(story.id)}
                      >
                        <span class="title">{story.title}</span>
                      </button>
                      <span class="meta" id={`${id}-meta`}>
                        {story.publication} · {formatDate(story.date)}
                      </span>
                      {story.sharedEntities.length > 0 && (
                        <span class="why" id={`${id}-why`}>
                          {t('sharedWith')}{' '}
                          {story.sharedEntities
                            .slice(0, 4)
                            .map((e) => e.name)
                            .join('、')}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ol>
            </Fragment>
          ))
        )}
      </div>
    </>
  );
}
