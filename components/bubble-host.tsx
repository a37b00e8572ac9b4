import { render } from 'preact';
import type { RelatedSummary } from '../lib/messages';
import type { BubbleSpot } from '../lib/page/bubble-spot';
import { SelectionBubble } from './SelectionBubble';
import css from './selection-bubble.css?inline';

/** The element the page sees: its shadow root is closed, so the page cannot read what it shows. */
const HOST_TAG = 'zhuzhou-lens-bubble';
/** Space between the selection and the bubble, in CSS pixels. */
const GAP = 6;

/** Where a bubble goes: beside the selection on screen, and after it in the DOM (the Tab order). */
export interface BubblePlace {
  /** The selection's box, in viewport coordinates. */
  rect: DOMRect;
  spot: BubbleSpot;
}

interface Shown {
  related: RelatedSummary[];
  /** The host's offset from its containing block, in CSS pixels. */
  left: number;
  top: number;
  expanded: boolean;
  /** The selection's box it was shown for. */
  rect: DOMRect;
}

/** The same stories for a selection in the same place: a key that changed nothing (Enter on the bubble) looked it up again. */
const sameAnswer = (shown: Shown, related: RelatedSummary[], rect: DOMRect) =>
  shown.rect.left === rect.left &&
  shown.rect.bottom === rect.bottom &&
  shown.related.length === related.length &&
  shown.related.every((story, i) => story.id === related[i].id && story.tier === related[i].tier);

/** One bubble per page, shown beside a selection and closed by Escape or a click elsewhere. */
export function bubbleHost(openStory: (id: string) => void) {
  let host: HTMLElement | undefined;
  /** Inside the closed shadow root, beside its style sheet. */
  let mount: HTMLElement | undefined;
  let shown: Shown | undefined;
  /** Each show is a new bubble (keyed by this): announced once, and focused when asked for. */
  let shows = 0;

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

  // Inline !important beats any page rule that targets the host element.
  const style = (name: string, value: string) => host!.style.setProperty(name, value, 'important');
  /**
   * The host sits in the page's flow now, so its containing block may be any positioned ancestor:
   * it is put at that block's corner first, and moved from there to just below the selection.
   */
  const placeBeside = (rect: DOMRect) => {
    style('all', 'initial');
    style('position', 'absolute');
    style('z-index', '2147483647');
    style('display', 'block');
    style('left', '0px');
    style('top', '0px');
    const corner = host!.getBoundingClientRect();
    return { left: Math.max(0, Math.min(rect.left, innerWidth - 360)) - corner.left, top: rect.bottom + GAP - corner.top };
  };

  const draw = () => {
    if (!shown || !host || !mount) return;
    style('left', `${shown.left}px`);
    style('top', `${shown.top}px`);
    render(
      <SelectionBubble
        key={shows}
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
    /** `asked` (the context menu's or the shortcut's command): the list is open and has the keyboard focus. */
    show(related: RelatedSummary[], { rect, spot }: BubblePlace, asked = false) {
      // Left as the reader has it, open and focused: drawing it anew would close it under their keys.
      if (!asked && shown && host?.isConnected && sameAnswer(shown, related, rect)) return;
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
        document.addEventListener('keydown', onKey, true);
        document.addEventListener('mousedown', onOutside, true);
      }
      // Right after the selection, so Tab from it comes here next (moved there for a new selection).
      spot.parent.insertBefore(host, spot.before);
      shows++;
      shown = { related, ...placeBeside(rect), expanded: asked, rect };
      draw();
    },
    close,
    /** Whether an event (by its composed path) happened inside the open bubble. */
    holds: (path: EventTarget[]) => shown !== undefined && !!host && path.includes(host),
  };
}
