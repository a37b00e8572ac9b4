/**
 * A page's markup as a DOM without a browser's parser: for `insight`, the tests, and the service
 * worker's sync of editions and news sections (a worker has no DOMParser). linkedom leaves a page
 * without an <html> element (a fragment, a binary file) with no document element at all, where a
 * browser builds one around it; so such markup is parsed again inside a whole page.
 */
import { parseHTML } from 'linkedom';

export function htmlDocument(html: string): Document {
  const { document } = parseHTML(html);
  return document.documentElement ? document : parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}
