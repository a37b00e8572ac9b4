import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
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

/**
 * Beside a selection: how many stories relate, and on a click the stories themselves, each
 * opening its story page. Lives in a closed shadow root, so the page can neither style nor read it.
 */
export function SelectionBubble({ related, expanded, onExpand, onOpen, onClose }: SelectionBubbleProps) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (expanded) panel.current?.focus();
  }, [expanded]);

  if (!expanded) {
    return (
      <button type="button" class="bubble" aria-haspopup="dialog" onClick={onExpand}>
        <span class="mark" aria-hidden="true">
          株
        </span>
        {tn('bubbleCount', related.length)}
      </button>
    );
  }
  return (
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
              {group.stories.map((story) => (
                <li key={story.id}>
                  <button type="button" class="story" data-story-id={story.id} data-tier={story.tier} onClick={() => onOpen(story.id)}>
                    <span class="title">{story.title}</span>
                    <span class="meta">
                      {story.publication} · {formatDate(story.date)}
                    </span>
                    {story.sharedEntities.length > 0 && (
                      <span class="why">
                        {t('sharedWith')}{' '}
                        {story.sharedEntities
                          .slice(0, 4)
                          .map((e) => e.name)
                          .join('、')}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ol>
          </Fragment>
        ))
      )}
    </div>
  );
}
