/**
 * When the content script sends its page's article: once when the page is read, then after each
 * address change once the page has settled, and only when the address or the text differs from
 * what was last sent. A page can change its address sixty times a second (`replaceState`) or fire
 * the change event itself; without this each change cost the worker a whole analysis.
 */
import { MAX_PAGE_TEXT, type PageArticle } from '../messages';

/** A single-page site renders its next article a moment after the address changes. */
export const SETTLE_MS = 500;

export interface ArticleSenderDeps {
  /** The page's article now, if it has one. */
  read(): PageArticle | undefined;
  send(article: PageArticle): void;
  /** Runs `step` after `ms`; the returned function cancels it. */
  later(step: () => void, ms: number): () => void;
}

/**
 * An article cut to what the background accepts, at the last line break before the limit where
 * there is one: a very long page still gets its badge, from its beginning.
 */
export function withinLimit(article: PageArticle): PageArticle {
  if (article.text.length <= MAX_PAGE_TEXT) return article;
  const cut = article.text.lastIndexOf('\n', MAX_PAGE_TEXT);
  return { ...article, text: article.text.slice(0, cut > MAX_PAGE_TEXT / 2 ? cut : MAX_PAGE_TEXT) };
}

/** FNV-1a over UTF-16 code units: tells texts apart without keeping them. */
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export function articleSender({ read, send, later }: ArticleSenderDeps) {
  let lastSent: string | undefined;
  let cancel: (() => void) | undefined;
  const sendIfNew = () => {
    cancel = undefined;
    const found = read();
    if (!found) return;
    const article = withinLimit(found);
    const key = `${article.url}\n${textHash(`${article.title}\n${article.text}`)}`;
    if (key === lastSent) return;
    lastSent = key;
    send(article);
  };
  return {
    /** The page as it is now. */
    now: sendIfNew,
    /** The address changed: looked at again once changes stop for SETTLE_MS. */
    changed() {
      cancel?.();
      cancel = later(sendIfNew, SETTLE_MS);
    },
  };
}
