/**
 * The article's headline and the site's name. <title> usually reads "标题_频道_新浪网" or
 * "Title - Site"; the <h1> or og:title usually holds the bare headline.
 */

// A trailing "_新浪网", " - 云南日报网", "--大河网", "| Site": the last segment after a separator,
// short and free of sentence punctuation, as a headline's own second half rarely is. A bare hyphen
// after a digit or Latin letter belongs to the headline (2022-2023赛季, Wi-Fi).
const SITE_SUFFIX = /^(.{2,}?)\s*(?:_+|[|｜]|-{2,}|\s[-–—]\s|(?<![\p{N}\p{Script=Latin}])-|[–—])\s*([\p{L}\p{N} .·]{1,16})$/u;

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function meta(doc: Document, key: string): string {
  return squash(doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content'));
}

/** The headline without its site suffix, and the suffixes taken off, innermost first. */
function splitTitle(full: string): { title: string; suffixes: string[] } {
  let title = squash(full);
  const suffixes: string[] = [];
  for (let m = SITE_SUFFIX.exec(title); m; m = SITE_SUFFIX.exec(title)) {
    title = m[1];
    suffixes.unshift(m[2].trim());
  }
  return { title, suffixes };
}

/** The headline: an <h1> that the <title> confirms, else og:title or <title> without the site's name. */
export function findTitle(doc: Document): string {
  const headline = splitTitle(doc.querySelector('title')?.textContent ?? '').title;
  // An <h1> making up most of the <title>'s headline is the headline itself; a shorter one, or one
  // found only in the site suffix, is the site's logo or a section name.
  for (const h1 of doc.querySelectorAll('h1')) {
    const text = squash(h1.textContent);
    if (text.length * 2 >= headline.length && headline.includes(text)) return text;
  }
  const og = meta(doc, 'og:title');
  return (og && splitTitle(og).title) || headline || squash(doc.querySelector('h1')?.textContent);
}

/** The site's name as the page declares it, else the last suffix of its <title>, else the URL's host. */
export function findSiteName(doc: Document, url?: string): string | undefined {
  const declared = meta(doc, 'og:site_name') || meta(doc, 'application-name');
  if (declared) return declared;
  const { suffixes } = splitTitle(doc.querySelector('title')?.textContent ?? '');
  if (suffixes.length) return suffixes.at(-1);
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined; // not an absolute URL: no host to name
  }
}
