/**
 * At document_start on every page: one tiny message, so a stopped service worker wakes and
 * readies jieba and the tagger while the page loads, instead of after its article is found
 * (entrypoints/content.ts runs at document_idle); the background forgets the tab's last page's
 * coverage then. It also tells the popup the page's address. Nothing from the page is sent.
 */
import { browser } from 'wxt/browser';
import type { Message, TabCommand } from '../lib/messages';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main() {
    const wake: Message = { type: 'PAGE_WAKE' };
    // An extension reloaded under the page has no background to answer: nothing to do then.
    browser.runtime.sendMessage(wake).catch(() => undefined);
    // The popup asks which page this is before it shows the coverage kept for the tab.
    browser.runtime.onMessage.addListener((message: unknown) =>
      (message as TabCommand | undefined)?.type === 'TAB_ADDRESS' ? Promise.resolve(location.href) : undefined,
    );
  },
});
