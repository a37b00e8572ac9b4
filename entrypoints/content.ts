/**
 * In every web page: finds the article (cheaply deciding first whether there is one) and sends it
 * to the background, which sets the badge; watches selections and offers related coverage in a
 * bubble beside them. Nothing from the page goes anywhere but this extension's background.
 */
import { browser } from 'wxt/browser';
import { bubbleHost } from '../components/bubble-host';
import { extractArticle, looksLikeArticle } from '../lib/extract/article';
import type { Message, Reply, TabCommand } from '../lib/messages';
import { articleSender } from '../lib/page/article-sender';
import { isEditable, isWorthLookingUp, MAX_SELECTION, siteOf } from '../lib/page/selection';
import { BUBBLE_OFF_SITES } from '../lib/page/settings';

/** Waits for a selection to settle (a drag, shift+arrows) before looking it up. */
const SELECTION_DELAY_MS = 250;

const send = <M extends Message>(message: M) => browser.runtime.sendMessage(message) as Promise<Reply<M>>;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would otherwise announce the script to every `message` listener of the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const article = articleSender({
      read: () => {
        const found = looksLikeArticle(document) ? extractArticle(document, location.href) : undefined;
        return found ? { ...found, url: location.href } : undefined;
      },
      send: (found) => void send({ type: 'PAGE_ARTICLE', article: found }).catch(() => undefined),
      later: (step, ms) => {
        const timer = ctx.setTimeout(step, ms);
        return () => clearTimeout(timer);
      },
    });
    article.now();
    ctx.addEventListener(window, 'wxt:locationchange', article.changed);

    const bubble = bubbleHost((id) => void send({ type: 'PAGE_OPEN_STORY', id }));
    let bubbleOff = false;
    void browser.storage.local.get(BUBBLE_OFF_SITES).then((stored) => {
      bubbleOff = ((stored[BUBBLE_OFF_SITES] as string[] | undefined) ?? []).includes(siteOf(location.href));
    });
    browser.storage.onChanged.addListener((changes, area) => {
      const change = changes[BUBBLE_OFF_SITES];
      if (area === 'local' && change) bubbleOff = ((change.newValue as string[] | undefined) ?? []).includes(siteOf(location.href));
    });

    /** Looks the selection up; `asked` (from the context menu) shows the answer even when empty. */
    let lookup = 0;
    const lookUpSelection = async (asked: boolean) => {
      const selection = getSelection();
      const text = selection?.toString().trim().slice(0, MAX_SELECTION) ?? '';
      // Asked from the menu, any selection is looked up; on its own, only one worth a bubble.
      if (!selection || selection.rangeCount === 0 || !text || isEditable(selection.anchorNode) || (!asked && !isWorthLookingUp(text))) return;
      const rect = selection.getRangeAt(0).getBoundingClientRect();
      const mine = ++lookup;
      const found = await send({ type: 'PAGE_SELECTION', text });
      // A newer selection or a cleared one makes this answer stale.
      if (mine !== lookup || getSelection()?.toString().trim().slice(0, MAX_SELECTION) !== text) return;
      if (found.related.length > 0 || asked) bubble.show(found.related, rect, asked);
    };

    let timer: number | undefined;
    const onSelectionEnd = () => {
      if (bubbleOff) return;
      clearTimeout(timer);
      timer = ctx.setTimeout(() => void lookUpSelection(false).catch(() => undefined), SELECTION_DELAY_MS);
    };
    // Only the reader's own mouse and keys count: a page script that selects text and fires a
    // synthetic event would otherwise learn from the bubble what the library holds.
    ctx.addEventListener(document, 'mouseup', (event) => {
      if (!event.isTrusted) return;
      // A click inside the bubble is not a new selection.
      if (!bubble.isOpen() || !(event as MouseEvent).composedPath().some((n) => (n as Element).localName === 'zhuzhou-lens-bubble')) onSelectionEnd();
    });
    // Selections made from the keyboard (shift+arrows with caret browsing, Ctrl+A) end on a key.
    ctx.addEventListener(document, 'keyup', (event) => {
      if (event.isTrusted && (event as KeyboardEvent).key !== 'Escape' && getSelection()?.isCollapsed === false) onSelectionEnd();
    });

    browser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as TabCommand | undefined)?.type === 'BG_SHOW_SELECTION') void lookUpSelection(true).catch(() => undefined);
    });
  },
});
