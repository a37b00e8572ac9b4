/**
 * The selection bubble's decisions, apart from the page (components/selection-bubble-page.ts wires
 * them to it): which events end a selection, when a selection is looked up (once it settles, on a
 * site where the reader left the bubble on) and which answers are shown (only the latest, and only
 * while its selection is still there).
 */
import type { RelatedSummary } from '../messages';
import { isWorthLookingUp, MAX_SELECTION } from './selection';

/** Waits for a selection to settle (a drag, shift+arrows) before looking it up. */
export const SELECTION_DELAY_MS = 250;

// Only the reader's own mouse and keys count (`isTrusted`): a page script that selects text and
// fires a synthetic event would otherwise learn from the bubble what the library holds.

/** A mouse button let go ends a selection, unless it is a click inside the bubble. */
export function mouseEndsSelection(event: { isTrusted: boolean }, inBubble: boolean): boolean {
  return event.isTrusted && !inBubble;
}

/**
 * Selections made from the keyboard (shift+arrows with caret browsing, Ctrl+A) end on a key, with
 * something selected; Escape closes the bubble instead. A key inside the bubble works the bubble
 * (Tab onto it, Enter to open it): looking the selection up again would draw it anew, closed and
 * without the focus.
 */
export function keyEndsSelection(event: { isTrusted: boolean; key: string }, somethingSelected: boolean, inBubble: boolean): boolean {
  return event.isTrusted && event.key !== 'Escape' && somethingSelected && !inBubble;
}

/** The page's selection, as far as the bubble needs it. */
export interface Selected<Place> {
  /** The selected text as the page gives it. */
  text: string;
  /** In an input, a text area or an editable region: the reader's own typing, never looked up. */
  editable: boolean;
  /** Where the selection is, for the bubble: read only when it is looked up. */
  place(): Place;
}

export interface SelectionLookupDeps<Place> {
  /** This page's site, as the reader's list of sites without the bubble names it (siteOf). */
  site: string;
  /** The page's selection now, or undefined when nothing is selected. */
  selection(): Selected<Place> | undefined;
  /** The library's stories related to a text (the background's answer). */
  related(text: string): Promise<RelatedSummary[]>;
  show(related: RelatedSummary[], place: Place, asked: boolean): void;
  /** Runs `step` after `ms`; the returned function cancels it. */
  later(step: () => void, ms: number): () => void;
}

const textOf = (selected: Selected<unknown>) => selected.text.trim().slice(0, MAX_SELECTION);

export function selectionLookup<Place>({ site, selection, related, show, later }: SelectionLookupDeps<Place>) {
  let off = false;
  let stopped = false;
  /** Number of the latest lookup: an answer to an earlier one is stale. */
  let latest = 0;
  let cancel: (() => void) | undefined;

  /** `asked` (from the context menu): any selection is looked up, and the answer shown even when empty. */
  const lookUp = async (asked: boolean) => {
    const selected = selection();
    const text = selected ? textOf(selected) : '';
    if (!selected || !text || selected.editable || (!asked && !isWorthLookingUp(text))) return;
    const place = selected.place();
    const mine = ++latest;
    const found = await related(text);
    // A newer selection or a cleared one makes this answer stale, and so does stop().
    const now = selection();
    if (mine !== latest || !now || textOf(now) !== text) return;
    if (found.length > 0 || asked) show(found, place, asked);
  };
  // An answer that never comes (the extension reloaded meanwhile) shows nothing.
  const quietly = (asked: boolean) => lookUp(asked).catch(() => undefined);

  return {
    /** The reader ended a selection: it is looked up once it stays SELECTION_DELAY_MS. */
    ended() {
      if (off || stopped) return;
      cancel?.();
      cancel = later(() => {
        cancel = undefined;
        void quietly(false);
      }, SELECTION_DELAY_MS);
    },
    /** The reader asked from the context menu: looked up now, even on a site without the bubble. */
    async asked(): Promise<void> {
      if (!stopped) await quietly(true);
    },
    /** The reader's list of sites without the bubble, as read or changed. */
    sitesOff(sites: readonly string[]) {
      off = sites.includes(site);
    },
    /** Nothing more is looked up or shown: a pending lookup is cancelled, an answer on its way dropped. */
    stop() {
      stopped = true;
      cancel?.();
      cancel = undefined;
      latest++;
    },
  };
}
