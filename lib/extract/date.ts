/**
 * The publication date of a page as 'YYYY-MM-DD': what the page declares for machines first (meta
 * tags, JSON-LD, <time>), then the dateline a reader sees. Chinese pages mostly have only the latter.
 */
import { blockText, MAX_DEPTH } from './text';

// Meta names and properties that carry the first publication time, lower-cased.
const META_KEYS = new Set([
  'article:published_time',
  'og:published_time',
  'og:release_date',
  'pubdate',
  'publishdate',
  'publish_date',
  'publishtime',
  'publish-date',
  'datepublished',
  'dc.date.issued',
  'dc.date.created',
  'parsely-pub-date',
  'sailthru.date',
]);

// 2024年5月22日 · 2024-05-22 · 2024/5/22 · 2024.05.22, not inside a longer run of digits.
const DATE = /(?<!\d)((?:19|20)\d{2})(?:\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([-/.])(\d{1,2})\4(\d{1,2})(?!\d))/g;

function toIso(year: string, month: string, day: string): string | undefined {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Every date written in `text`, in order. */
function datesIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(DATE)) {
    const date = m[2] ? toIso(m[1], m[2], m[3]) : toIso(m[1], m[5], m[6]);
    if (date) found.push(date);
  }
  return found;
}

// A machine-readable value: ISO 8601 or one of the written forms; the date as the page states it,
// not shifted to another time zone.
function parseValue(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const compact = /^\s*((?:19|20)\d{2})(\d{2})(\d{2})(?:\D|$)/.exec(value);
  if (compact) return toIso(compact[1], compact[2], compact[3]);
  return datesIn(value)[0];
}

function fromMeta(doc: Document): string | undefined {
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
    if (META_KEYS.has(key)) {
      const date = parseValue(meta.getAttribute('content'));
      if (date) return date;
    }
  }
  return undefined;
}

/** The first datePublished in JSON-LD, a page's hostile JSON: nesting is followed MAX_DEPTH deep at most. */
function datePublishedIn(data: unknown, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(data)) {
    for (const item of data) {
      const date = datePublishedIn(item, depth + 1);
      if (date) return date;
    }
  } else if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    if (typeof record.datePublished === 'string') return parseValue(record.datePublished);
    return datePublishedIn(record['@graph'], depth + 1);
  }
  return undefined;
}

function fromJsonLd(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      // Some sites wrap it in CDATA for the sake of XHTML.
      const json = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '');
      const date = datePublishedIn(JSON.parse(json));
      if (date) return date;
    } catch {
      // Hand-written JSON-LD is often invalid; the other sources still apply.
    }
  }
  return undefined;
}

function fromTimeElement(doc: Document): string | undefined {
  const time = doc.querySelector('time[itemprop="datePublished"], time[pubdate], [itemprop="datePublished"][datetime]') ?? doc.querySelector('time[datetime]');
  return parseValue(time?.getAttribute('datetime'));
}

// How far around the article body a dateline is looked for, in characters of page text.
const BEFORE_BODY = 400;
const BODY_HEAD = 200;
const BODY_TAIL = 100;
const AFTER_BODY = 300;
const PAGE_TOP = 2000;

/** A stretch of the article's first or last line long enough to find it in the page text. */
function anchor(text: string, fromEnd: boolean): string | undefined {
  const lines = text.split('\n').filter((line) => line.length >= 8);
  const line = fromEnd ? lines.at(-1) : lines[0];
  return fromEnd ? line?.slice(-30) : line?.slice(0, 30);
}

/**
 * The dateline a reader sees, given the article's text: the date closest above the body (the
 * title block), else one in the body's first lines, else one at its very end or just below it
 * (blogs and notices sign off with the date). The site header's "today" and the dates of related
 * links lie too far away to be taken. Without the article, the first date near the page's top.
 */
function fromPageText(doc: Document, article: string | undefined): string | undefined {
  const page = blockText(doc.documentElement);
  const head = article && anchor(article, false);
  const start = head ? page.indexOf(head) : -1;
  if (start < 0) return datesIn(page.slice(0, PAGE_TOP))[0];
  const tail = anchor(article!, true)!;
  const end = Math.max(start, page.indexOf(tail, start) + tail.length);
  return (
    datesIn(page.slice(Math.max(0, start - BEFORE_BODY), start)).at(-1) ??
    datesIn(page.slice(start, start + BODY_HEAD))[0] ??
    datesIn(page.slice(Math.max(start, end - BODY_TAIL), end + AFTER_BODY))[0]
  );
}

/** `text` is the article's text, when already extracted: it tells where the body sits in the page. */
export function findPublishedDate(doc: Document, text?: string): string | undefined {
  return fromMeta(doc) ?? fromJsonLd(doc) ?? fromTimeElement(doc) ?? fromPageText(doc, text);
}
