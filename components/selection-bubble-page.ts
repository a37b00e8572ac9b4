/**
 * The selection bubble in a web page: the reader's mouse and keys, the context menu's command and
 * the per-site switch wired to the lookup (lib/page/selection-lookup.ts) and the bubble
 * (bubble-host.tsx). Everything it attaches goes when the content script's context is
 * invalidated (the extension updated or reloaded): a dead script must not answer selections.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RelatedSummary, TabCommand } from '../lib/messages';
import { bubbleSpot } from '../lib/page/bubble-spot';
import { isEditable, siteOf } from '../lib/page/selection';
import { keyEndsSelection, mouseEndsSelection, selectionLookup, type Selected } from '../lib/page/selection-lookup';
import { type BubblePlace, bubbleHost } from './bubble-host';
import { readBubbleOffSites, watchBubbleOffSites } from './bubble-off-sites';

export interface SelectionBubbleDeps {
  /** The library's stories related to a selected text. */
  related(text: string): Promise<RelatedSummary[]>;
  openStory(id: string): void;
  /** Runs `step` after `ms`; the returned function cancels it. */
  later(step: () => void, ms: number): () => void;
}

/** The document's selection, or undefined when nothing is selected. */
function pageSelection(): Selected<BubblePlace> | undefined {
  const selection = getSelection();
  if (!selection || selection.rangeCount === 0) return undefined;
  const place = () => {
    const range = selection.getRangeAt(0);
    return { rect: range.getBoundingClientRect(), spot: bubbleSpot(range.endContainer, range.endOffset) };
  };
  return { text: selection.toString(), editable: isEditable(selection.anchorNode), place };
}

export function selectionBubble(ctx: ContentScriptContext, { related, openStory, later }: SelectionBubbleDeps): void {
  const bubble = bubbleHost(openStory);
  const lookup = selectionLookup({
    site: siteOf(location.href),
    selection: pageSelection,
    related,
    show: bubble.show,
    later,
  });
  // Each on its own: one that fails in a dead context does not keep the others.
  ctx.onInvalidated(lookup.stop);
  ctx.onInvalidated(bubble.close);

  void readBubbleOffSites().then(lookup.sitesOff);
  ctx.onInvalidated(watchBubbleOffSites(lookup.sitesOff));

  ctx.addEventListener(document, 'mouseup', (event) => {
    if (mouseEndsSelection(event, bubble.holds(event.composedPath()))) lookup.ended();
  });
  ctx.addEventListener(document, 'keyup', (event) => {
    if (keyEndsSelection(event, getSelection()?.isCollapsed === false, bubble.holds(event.composedPath()))) lookup.ended();
  });

  const onCommand = (message: unknown) => {
    if ((message as TabCommand | undefined)?.type === 'BG_SHOW_SELECTION') void lookup.asked();
  };
  browser.runtime.onMessage.addListener(onCommand);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));
}
