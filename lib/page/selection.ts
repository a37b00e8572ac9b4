/** A selection worth looking up: at least six Chinese characters, or three words of other scripts. */
const MIN_HAN = 6;
const MIN_WORDS = 3;
/** Longer selections are cut here: the bubble answers about what was chosen, not a whole page. */
export const MAX_SELECTION = 5_000;

export function isWorthLookingUp(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han >= MIN_HAN) return true;
  return han === 0 && (text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= MIN_WORDS;
}

/** Text being typed is the reader's own: no bubble in inputs, text areas or editable regions. */
export function isEditable(node: Node | null): boolean {
  const element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return !!element?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]');
}

/** The host name the reader turns the bubble off for, as the options page stores it. */
export function siteOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** A host name as URL writes it (lower case, punycode): dot-separated labels of letters, digits and inner hyphens. */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * The site a reader typed or pasted on the options page (news.example.com,
 * https://news.example.com/a.html, 新闻.中国), as siteOf names it; null for anything else, which
 * the URL parser alone would take ("notasite!!" is a valid URL host).
 */
export function siteFromInput(input: string): string | null {
  const value = input.trim();
  if (!value || /\s/.test(value)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  // A user name (mailto:a@b.com read as an address) means it was no site to begin with.
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
  const site = siteOf(url.href);
  return HOST_NAME.test(site) ? site : null;
}
