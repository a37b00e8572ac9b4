import { describe, expect, it } from 'vitest';
import { isTrustedSender, MAX_PAGE_TEXT } from '../../lib/messages';
import { MAX_SELECTION } from '../../lib/page/selection';

const id = 'abcdefghijklmnopabcdefghijklmnop';
const origin = `chrome-extension://${id}/`;

describe('who may talk to the background', () => {
  it('accepts UI messages from the extension’s own pages', () => {
    expect(isTrustedSender({ type: 'UI_LIST_STORIES' }, { id, url: `${origin}popup.html` }, id, origin)).toBe(true);
  });

  it('ignores other extensions, web pages and content scripts asking for UI actions', () => {
    const message = { type: 'UI_LIBRARY_CHANGED' };
    expect(isTrustedSender(message, { id: 'another-extension', url: `chrome-extension://another-extension/x.html` }, id, origin)).toBe(false);
    expect(isTrustedSender(message, { url: 'https://example.com/' }, id, origin)).toBe(false);
    expect(isTrustedSender(message, { id, url: 'https://news.example.com/a.html', tab: {} }, id, origin)).toBe(false);
  });

  it('ignores messages that are not of the protocol', () => {
    for (const message of [null, 'UI_LIST_STORIES', { kind: 'UI_LIST_STORIES' }, { type: 'EVIL' }]) {
      expect(isTrustedSender(message, { id, url: `${origin}popup.html` }, id, origin)).toBe(false);
    }
  });
  it('accepts well-formed page messages from its content scripts in a tab, and nothing else from pages', () => {
    const page = { id, url: 'https://news.example.com/a.html', tab: { id: 3 } };
    const article = { url: page.url, title: '标题', text: '正文', date: '2024-05-22', site: '示例网' };
    expect(isTrustedSender({ type: 'PAGE_ARTICLE', article }, page, id, origin)).toBe(true);
    expect(isTrustedSender({ type: 'PAGE_SELECTION', text: '曹慧泉率团访问阿联酋' }, page, id, origin)).toBe(true);
    expect(isTrustedSender({ type: 'PAGE_OPEN_STORY', id: 'zzrb-2024-05-22-p1-1' }, page, id, origin)).toBe(true);
    expect(isTrustedSender({ type: 'PAGE_WAKE' }, page, id, origin)).toBe(true);
    expect(isTrustedSender({ type: 'PAGE_WAKE' }, { id, url: `${origin}popup.html`, tab: {} }, id, origin)).toBe(false);
    // Not from a tab, or from an extension page: not a content script.
    expect(isTrustedSender({ type: 'PAGE_SELECTION', text: 'x' }, { id, url: page.url }, id, origin)).toBe(false);
    expect(isTrustedSender({ type: 'PAGE_SELECTION', text: 'x' }, { id, url: `${origin}popup.html`, tab: {} }, id, origin)).toBe(false);
    // Malformed or oversized fields.
    for (const bad of [
      { type: 'PAGE_ARTICLE' },
      { type: 'PAGE_ARTICLE', article: { ...article, text: 42 } },
      { type: 'PAGE_ARTICLE', article: { ...article, title: 'x'.repeat(5000) } },
      { type: 'PAGE_ARTICLE', article: { ...article, date: { toString: '2024' } } },
      { type: 'PAGE_ARTICLE', article: { ...article, text: 'x'.repeat(MAX_PAGE_TEXT + 1) } },
      // The content script cuts selections to what the bubble answers about.
      { type: 'PAGE_SELECTION', text: 'x'.repeat(MAX_SELECTION + 1) },
      { type: 'PAGE_OPEN_STORY', id: ['a'] },
      { type: 'PAGE_EXPORT_LIBRARY' },
    ]) {
      expect(isTrustedSender(bad, page, id, origin), JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
  });
});
