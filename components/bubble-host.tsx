import { render } from 'preact';
import type { RelatedSummary } from '../lib/messages';
import { SelectionBubble } from './SelectionBubble';
import css from './selection-bubble.css?inline';

/** The element the page sees: its shadow root is closed, so the page cannot read what it shows. */
const HOST_TAG = 'zhuzhou-lens-bubble';
/** Space between the selection and the bubble, in CSS pixels. */
const GAP = 6;

interface Shown {
  related: RelatedSummary[];
  /** Where the selection ends, in viewport coordinates. */
  rect: DOMRect;
  expanded: boolean;
}

/** One bubble per page, shown beside a selection and closed by Escape or a click elsewhere. */
export function bubbleHost(openStory: (id: string) => void) {
  let host: HTMLElement | undefined;
  /** Inside the closed shadow root, beside its style sheet. */
  let mount: HTMLElement | undefined;
  let shown: Shown | undefined;

  const close = () => {
    if (!host) return;
    render(null, mount!);
    host.remove();
    shown = undefined;
    document.removeEventListener('keydown', onKey, true);
    document.removeEventListener('mousedown', onOutside, true);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };
  const onOutside = (event: MouseEvent) => {
    if (host && !event.composedPath().includes(host)) close();
  };

  const draw = () => {
    if (!shown || !host || !mount) return;
    const { rect } = shown;
    // Inline !important beats any page rule that targets the host element.
    const style = (name: string, value: string) => host!.style.setProperty(name, value, 'important');
    style('all', 'initial');
    style('position', 'absolute');
    style('z-index', '2147483647');
    style('display', 'block');
    style('left', `${Math.max(0, Math.min(rect.left, innerWidth - 360)) + scrollX}px`);
    style('top', `${rect.bottom + GAP + scrollY}px`);
    render(
      <SelectionBubble
        related={shown.related}
        expanded={shown.expanded}
        onExpand={() => {
          shown!.expanded = true;
          draw();
        }}
        onOpen={(id) => {
          openStory(id);
          close();
        }}
        onClose={close}
      />,
      mount,
    );
  };

  return {
    show(related: RelatedSummary[], rect: DOMRect, expanded = false) {
      if (!host) {
        host = document.createElement(HOST_TAG);
        // Focus given to the host goes to the bubble's button: keyboard users reach it with one call.
        const root = host.attachShadow({ mode: 'closed', delegatesFocus: true });
        const sheet = document.createElement('style');
        sheet.textContent = css;
        mount = document.createElement('div');
        root.append(sheet, mount);
      }
      if (!host.isConnected) {
        document.documentElement.append(host);
        document.addEventListener('keydown', onKey, true);
        document.addEventListener('mousedown', onOutside, true);
      }
      shown = { related, rect, expanded };
      draw();
    },
    close,
    /** Whether an event (by its composed path) happened inside the open bubble. */
    holds: (path: EventTarget[]) => shown !== undefined && !!host && path.includes(host),
  };
}
