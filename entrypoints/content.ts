/**
 * In every web page: finds the article (cheaply deciding first whether there is one) and sends it
 * to the background, which sets the badge; watches selections and offers related coverage in a
 * bubble beside them (components/selection-bubble-page.ts). Nothing from the page goes anywhere
 * but this extension's background.
 */
import { browser } from 'wxt/browser';
import { selectionBubble } from '../components/selection-bubble-page';
import { extractArticle, looksLikeArticle } from '../lib/extract/article';
import type { Message, Reply } from '../lib/messages';
import { articleSender } from '../lib/page/article-sender';

const send = <M extends Message>(message: M) => browser.runtime.sendMessage(message) as Promise<Reply<M>>;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would otherwise announce the script to every `message` listener of the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    /** Runs `step` after `ms`, unless the script's context ends first; the returned function cancels it. */
    const later = (step: () => void, ms: number) => {
      const timer = ctx.setTimeout(step, ms);
      return () => clearTimeout(timer);
    };
    const article = articleSender({
      read: () => {
        const found = looksLikeArticle(document) ? extractArticle(document, location.href) : undefined;
        return found ? { ...found, url: location.href } : undefined;
      },
      send: (found) => void send({ type: 'PAGE_ARTICLE', article: found }).catch(() => undefined),
      later,
    });
    article.now();
    ctx.addEventListener(window, 'wxt:locationchange', article.changed);

    selectionBubble(ctx, {
      later,
      related: async (text) => (await send({ type: 'PAGE_SELECTION', text })).related,
      openStory: (id) => void send({ type: 'PAGE_OPEN_STORY', id }).catch(() => undefined),
    });
  },
});
