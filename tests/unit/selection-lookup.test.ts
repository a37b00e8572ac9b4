/**
 * The selection bubble's decisions (lib/page/selection-lookup.ts): the reader's own events only,
 * a lookup once the selection settles, only the latest answer for a selection still there, the
 * per-site switch; and its wiring into the page (components/selection-bubble-page.ts) lets go of
 * every listener when the content script's context ends.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RelatedSummary } from '../../lib/messages';
import { BUBBLE_OFF_SITES, bubbleOffSites } from '../../lib/page/settings';
import { keyEndsSelection, mouseEndsSelection, SELECTION_DELAY_MS, selectionLookup } from '../../lib/page/selection-lookup';

const PASSAGE = '株洲市住建局局长欧阳明宣布湘江风光带改造工程开工';
const story = (id: string) => ({ id, title: id }) as RelatedSummary;

/** A page whose selection the test sets, a background whose answers it releases, and a clock it moves. */
function harness(site = 'news.example.com') {
  let selected: { text: string; editable?: boolean } | undefined;
  const asked: Array<{ text: string; answer: (related: RelatedSummary[]) => void }> = [];
  const shown: Array<{ ids: string[]; place: string; asked: boolean }> = [];
  let pending: Array<{ step: () => void; ms: number; cancelled: boolean }> = [];
  const lookup = selectionLookup<string>({
    site,
    selection: () => selected && { text: selected.text, editable: selected.editable ?? false, place: () => `at:${selected!.text}` },
    related: (text) => new Promise((resolve) => asked.push({ text, answer: resolve })),
    show: (related, place, wasAsked) => shown.push({ ids: related.map((r) => r.id), place, asked: wasAsked }),
    later: (step, ms) => {
      const timer = { step, ms, cancelled: false };
      pending.push(timer);
      return () => void (timer.cancelled = true);
    },
  });
  return {
    lookup,
    asked,
    shown,
    select: (text: string | undefined, editable = false) => void (selected = text === undefined ? undefined : { text, editable }),
    /** Runs the timers that were not cancelled; returns how many ran. */
    tick() {
      const due = pending.filter((t) => !t.cancelled);
      pending = [];
      for (const t of due) {
        expect(t.ms).toBe(SELECTION_DELAY_MS);
        t.step();
      }
      return due.length;
    },
  };
}
/** Lets settled promises run their continuations. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the events that end a selection', () => {
  it('are the reader’s own: a synthetic mouse up or key up from the page is ignored', () => {
    expect(mouseEndsSelection({ isTrusted: true }, false)).toBe(true);
    expect(mouseEndsSelection({ isTrusted: false }, false)).toBe(false);
    expect(keyEndsSelection({ isTrusted: true, key: 'a' }, true, false)).toBe(true);
    expect(keyEndsSelection({ isTrusted: false, key: 'a' }, true, false)).toBe(false);
  });

  it('are not a click or a key inside the bubble, Escape, or a key with nothing selected', () => {
    expect(mouseEndsSelection({ isTrusted: true }, true)).toBe(false);
    expect(keyEndsSelection({ isTrusted: true, key: 'Escape' }, true, false)).toBe(false);
    expect(keyEndsSelection({ isTrusted: true, key: 'ArrowRight' }, false, false)).toBe(false);
    // Tab onto the bubble and Enter to open it: keys that work the bubble, not the selection.
    expect(keyEndsSelection({ isTrusted: true, key: 'Enter' }, true, true)).toBe(false);
  });
});

describe('looking a selection up', () => {
  it('waits for the selection to settle: many ends in a row make one lookup, of the last selection', async () => {
    const h = harness();
    h.select('株洲');
    h.lookup.ended();
    h.select(PASSAGE);
    h.lookup.ended();
    h.lookup.ended();
    expect(h.asked).toHaveLength(0);
    expect(h.tick()).toBe(1);
    expect(h.asked.map((a) => a.text)).toEqual([PASSAGE]);
    h.asked[0].answer([story('s1')]);
    await flush();
    expect(h.shown).toEqual([{ ids: ['s1'], place: `at:${PASSAGE}`, asked: false }]);
  });

  it('shows only the latest answer, and only while its selection is still there', async () => {
    const h = harness();
    h.select(PASSAGE);
    h.lookup.ended();
    h.tick();
    const other = `${PASSAGE}，工程明年完工`;
    h.select(other);
    h.lookup.ended();
    h.tick();
    expect(h.asked.map((a) => a.text)).toEqual([PASSAGE, other]);
    // The first answer comes last: it is stale twice over (a newer lookup, another selection).
    h.asked[1].answer([story('new')]);
    h.asked[0].answer([story('old')]);
    await flush();
    expect(h.shown.map((s) => s.ids)).toEqual([['new']]);

    // Cleared before its answer came: nothing shown.
    h.lookup.ended();
    h.tick();
    h.select(undefined);
    h.asked[2].answer([story('late')]);
    await flush();
    expect(h.shown).toHaveLength(1);
  });

  it('compares selections as looked up: trimmed, and cut at the limit', async () => {
    const h = harness();
    h.select(`  ${PASSAGE}\n`);
    h.lookup.ended();
    h.tick();
    expect(h.asked[0].text).toBe(PASSAGE);
    h.select(PASSAGE);
    h.asked[0].answer([story('s1')]);
    await flush();
    expect(h.shown).toHaveLength(1);
  });

  it('looks up nothing too short, in an editable field, or empty; shows no empty answer unless asked', async () => {
    const h = harness();
    for (const [text, editable] of [
      ['株洲', false],
      [PASSAGE, true],
      ['   ', false],
    ] as const) {
      h.select(text, editable);
      h.lookup.ended();
      h.tick();
    }
    expect(h.asked).toHaveLength(0);
    h.select(PASSAGE);
    h.lookup.ended();
    h.tick();
    h.asked[0].answer([]);
    await flush();
    expect(h.shown).toHaveLength(0);
  });

  it('from the context menu: at once, any selection, the answer shown even when empty', async () => {
    const h = harness();
    h.select('株洲');
    const done = h.lookup.asked();
    expect(h.asked.map((a) => a.text)).toEqual(['株洲']);
    h.asked[0].answer([]);
    await done;
    expect(h.shown).toEqual([{ ids: [], place: 'at:株洲', asked: true }]);
  });

  it('an answer that fails shows nothing and throws nothing', async () => {
    const lookup = selectionLookup<string>({
      site: 'news.example.com',
      selection: () => ({ text: PASSAGE, editable: false, place: () => 'here' }),
      related: () => Promise.reject(new Error('Extension context invalidated.')),
      show: () => expect.unreachable('nothing to show'),
      later: (step) => (step(), () => undefined),
    });
    await expect(lookup.asked()).resolves.toBeUndefined();
    lookup.ended();
    await flush();
  });
});

describe('the per-site switch', () => {
  it('turns the bubble off on the listed sites only, and on again when the site leaves the list; the menu still works', async () => {
    const h = harness('news.example.com');
    h.select(PASSAGE);
    h.lookup.sitesOff(['other.example.com', 'news.example.com']);
    h.lookup.ended();
    expect(h.tick()).toBe(0);
    const done = h.lookup.asked();
    expect(h.asked).toHaveLength(1);
    h.asked[0].answer([]);
    await done;
    h.lookup.sitesOff(['other.example.com']);
    h.lookup.ended();
    expect(h.tick()).toBe(1);
    expect(h.asked).toHaveLength(2);
  });

  it('reads the stored list as a list of names, whatever else is stored there', () => {
    expect(bubbleOffSites(['a.example', 'b.example'])).toEqual(['a.example', 'b.example']);
    expect(bubbleOffSites(undefined)).toEqual([]);
    // A string would otherwise match any site it contains.
    expect(bubbleOffSites('news.example.com.cn')).toEqual([]);
    expect(bubbleOffSites(['a.example', 42, null, { site: 'b' }])).toEqual(['a.example']);
  });
});

describe('stopping (the content script’s context ends)', () => {
  it('cancels the lookup waiting to run and drops the answer on its way', async () => {
    const h = harness();
    h.select(PASSAGE);
    h.lookup.ended();
    h.tick();
    h.lookup.ended();
    h.lookup.stop();
    expect(h.tick()).toBe(0);
    h.asked[0].answer([story('s1')]);
    await flush();
    expect(h.shown).toHaveLength(0);
    h.lookup.ended();
    await h.lookup.asked();
    expect(h.tick()).toBe(0);
    expect(h.asked).toHaveLength(1);
  });
});

describe('the bubble in a page', () => {
  /** Whether a fake browser event has any listener (its testing side, which the types leave out). */
  const listening = (event: object) => (event as { hasListeners(): boolean }).hasListeners();
  const saved = { document: globalThis.document, location: globalThis.location, getSelection: globalThis.getSelection };
  beforeEach(() => {
    fakeBrowser.reset();
    Object.assign(globalThis, { document: new EventTarget(), location: { href: 'https://www.news.example.com/a.html' }, getSelection: () => null });
  });
  afterEach(() => void Object.assign(globalThis, saved));

  it('lets go of every listener it attached when the context is invalidated', async () => {
    const { selectionBubble } = await import('../../components/selection-bubble-page');
    const onInvalidated: Array<() => void> = [];
    const attached = new Set<string>();
    const ctx = {
      onInvalidated: (cb: () => void) => (onInvalidated.push(cb), () => undefined),
      // WXT's ctx.addEventListener removes its own listeners; what it was given is counted here.
      addEventListener: (_target: EventTarget, type: string) => void attached.add(type),
    } as unknown as ContentScriptContext;
    selectionBubble(ctx, { related: async () => [], openStory: () => undefined, later: () => () => undefined });
    expect([...attached].sort()).toEqual(['keyup', 'mouseup']);
    expect(listening(fakeBrowser.storage.onChanged)).toBe(true);
    expect(listening(fakeBrowser.runtime.onMessage)).toBe(true);
    for (const cb of onInvalidated) cb();
    expect(listening(fakeBrowser.storage.onChanged)).toBe(false);
    expect(listening(fakeBrowser.runtime.onMessage)).toBe(false);
  });

  it('follows the reader’s list of sites as the options page changes it', async () => {
    await fakeBrowser.storage.local.set({ [BUBBLE_OFF_SITES]: ['news.example.com'] });
    const { readBubbleOffSites, watchBubbleOffSites } = await import('../../components/bubble-off-sites');
    expect(await readBubbleOffSites()).toEqual(['news.example.com']);
    const seen: string[][] = [];
    const stop = watchBubbleOffSites((sites) => seen.push(sites));
    await fakeBrowser.storage.local.set({ [BUBBLE_OFF_SITES]: [] });
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    stop();
    await fakeBrowser.storage.local.set({ [BUBBLE_OFF_SITES]: ['x.example'] });
    expect(seen).toEqual([[]]);
  });
});
