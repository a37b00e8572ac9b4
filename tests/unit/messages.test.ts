import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../lib/messages';

const id = 'abcdefghijklmnopabcdefghijklmnop';
const origin = `chrome-extension://${id}/`;

describe('who may talk to the background', () => {
  it('accepts UI messages from the extension’s own pages', () => {
    expect(isTrustedSender({ type: 'UI_LIST_STORIES' }, { id, url: `${origin}popup.html` }, id, origin)).toBe(true);
  });

  it('ignores other extensions, web pages and content scripts asking for UI actions', () => {
    const message = { type: 'UI_IMPORT_LIBRARY', text: '' };
    expect(isTrustedSender(message, { id: 'another-extension', url: `chrome-extension://another-extension/x.html` }, id, origin)).toBe(false);
    expect(isTrustedSender(message, { url: 'https://example.com/' }, id, origin)).toBe(false);
    expect(isTrustedSender(message, { id, url: 'https://news.example.com/a.html', tab: {} }, id, origin)).toBe(false);
  });

  it('ignores messages that are not of the protocol', () => {
    for (const message of [null, 'UI_LIST_STORIES', { kind: 'UI_LIST_STORIES' }, { type: 'EVIL' }]) {
      expect(isTrustedSender(message, { id, url: `${origin}popup.html` }, id, origin)).toBe(false);
    }
  });
});
