/**
 * One article page of a digital edition read into the parts a story keeps. The platforms mark the
 * body and the headlines: Founder's `<founder-title>` / `<founder-introtitle>` (引题) /
 * `<founder-subtitle>` (副题) / `<founder-author>` / `<founder-content>`, the body between
 * `<!--enpcontent-->` and `<!--/enpcontent-->` or in `<div id="ozoom">`, and an
 * `<!--enpproperty …-->` comment naming title, date, author and page; templates with `APP-` ids
 * (`#APP-Title` …); the older table template's font01 / font02 cells; the newer pages put 引题,
 * title and 副题 in h3, h1 and h2, the credit in the paragraph under them. What is marked is taken
 * as marked; a page that marks nothing goes through the content script's own extraction.
 */
import { containerLines, extractArticle } from '../../extract/article';
import { htmlDocument } from '../../extract/html-document';
import { findTitle } from '../../extract/title';
import { BYLINE } from '../print-page';

export interface ArticleParts {
  title: string;
  kicker?: string;
  deck?: string;
  author?: string;
  byline?: string;
  paragraphs: string[];
  /** YYYY-MM-DD, when the page says it. */
  date?: string;
  /** The page's label as the article names it (「第02版：经济」). */
  pageLabel?: string;
}

/**
 * Where the platforms mark each headline, most specific first: Founder's own tags, the ids of its
 * newer templates (`#APP-Title` and the like), the classic table template's title cell.
 */
const HEADLINE = {
  title: ['founder-title', '#APP-Title', 'td.font01'],
  kicker: ['founder-introtitle', '#APP-PreTitle'],
  deck: ['founder-subtitle', '#APP-Subtitle'],
  author: ['founder-author', '#APP-Author'],
} as const;
/** Containers the platforms put an article's body in, most specific first. */
const BODY = ['founder-content', '#ozoom', '#APP-Content', '#articleContent', '.article-content', '#FontZoom', '.content_article'];
/** Lines of an edition's furniture that a container may still hold. */
const NAVIGATION = /^(?:上一篇|下一篇|上一版|下一版|返回目录|返回版面|返回首页|版面导航|标题导航|本版标题导航|往期回顾|放大|缩小|默认|打印|关闭)(?:[：:\s]|$)/;
/** 「本报记者 张三」「记者 张三 通讯员 李四」「□ 张三」: a short credit line opening the text. */
const CREDIT_LINE = /^(?:[□■]\s*)?(?:本报(?:特约)?记者|记者|通讯员|见习记者|文\/|文／|撰文)[\s\p{Script=Han}·/／、，,]{2,40}$/u;
const ENP_PROPERTY = /<!--\s*enpproperty([\s\S]{0,20000}?)\/enpproperty\s*-->/i;
const ENP_CONTENT = /<!--\s*enpcontent\s*-->([\s\S]*?)<!--\s*\/enpcontent\s*-->/i;

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ldquo: '“', rdquo: '”', middot: '·', mdash: '—' };

/** A comment's text is not decoded by the parser: the entities an edition writes in one, decoded. */
const decodeEntities = (text: string) =>
  text.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|(\w{2,8}));/gi, (whole, dec: string, hex: string, name: string) => {
    const code = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return Object.hasOwn(ENTITIES, name.toLowerCase()) ? ENTITIES[name.toLowerCase()] : whole;
  });

/** The fields of the enpproperty comment (<title>…</title><date>…</date>), lower-cased names, own keys only. */
function enpProperty(html: string): Map<string, string> {
  const fields = new Map<string, string>();
  const found = ENP_PROPERTY.exec(html);
  if (!found) return fields;
  for (const [, name, value] of found[1].matchAll(/<(\w{1,30})>([^<]{0,500})<\/\1>/g)) {
    const text = squash(decodeEntities(value));
    if (text && !fields.has(name.toLowerCase())) fields.set(name.toLowerCase(), text);
  }
  return fields;
}

const textOf = (doc: Document, selector: string) => squash(doc.querySelector(selector)?.textContent) || undefined;
const marked = (doc: Document, selectors: readonly string[]) => selectors.map((selector) => textOf(doc, selector)).find(Boolean);

/**
 * The classic table template's cells beside its title cell (td.font01): the font02 cell above it
 * and the one below it (a 引题 and a 副题, or a credit).
 */
function besideCell(doc: Document, after: boolean): string | undefined {
  const title = doc.querySelector('td.font01');
  // In document order, read by querySelectorAll: linkedom's compareDocumentPosition misorders cells of different rows.
  const cells = [...(title?.closest('table')?.querySelectorAll('td.font01, td.font02') ?? [])];
  const at = cells.indexOf(title as Element);
  const cell = after ? cells.slice(at + 1).find((c) => c.matches('td.font02')) : cells.slice(0, at).findLast((c) => c.matches('td.font02'));
  return squash(cell?.textContent) || undefined;
}

/**
 * A credit set in its own paragraph under the headlines (「本报记者 张三」 with the paper's dateline
 * beside it in a span): the paragraph's own text, when it reads as a credit.
 */
function creditBelowTitle(doc: Document): string | undefined {
  let next = doc.querySelector('h1')?.nextElementSibling;
  while (next && /^H[1-6]$/.test(next.tagName)) next = next.nextElementSibling;
  if (next?.tagName !== 'P') return undefined;
  const own = squash([...next.childNodes].map((node) => (node.nodeType === 3 ? node.textContent : ' ')).join(''));
  return CREDIT_LINE.test(own) ? own : undefined;
}

/**
 * A heading beside the page's h1 in the newer layouts: the h3 above it (引题), the h2 (副题) and
 * h4 (author) below it. Headings between are passed over; anything else ends the search.
 */
function besideTitle(doc: Document, tag: 'H2' | 'H3' | 'H4', after: boolean): string | undefined {
  const step = (el: Element | null | undefined) => (after ? el?.nextElementSibling : el?.previousElementSibling);
  for (let sibling = step(doc.querySelector('h1')); sibling && /^H[1-6]$/.test(sibling.tagName); sibling = step(sibling)) {
    if (sibling.tagName === tag) return squash(sibling.textContent) || undefined;
  }
  return undefined;
}

/** The marked container of the article's body, if the page has one. */
const bodyContainer = (doc: Document) =>
  BODY.map((selector) => doc.querySelector(selector)).find((container): container is Element => !!container && !!squash(container.textContent));

function bodyLines(doc: Document, html: string, url: string): string[] | undefined {
  const container = bodyContainer(doc);
  if (container) return containerLines(container);
  const marked = ENP_CONTENT.exec(html);
  if (marked && squash(marked[1].replace(/<[^>]*>/g, ''))) return containerLines(htmlDocument(`<body>${marked[1]}</body>`).body);
  // A page that marks nothing: the content script's extraction; a short one (a notice) it turns
  // down is read whole, furniture, link lists and notices taken out.
  return extractArticle(doc, url)?.text.split('\n') ?? containerLines(doc.body ?? doc.documentElement);
}

/** YYYY-MM-DD of 2024-06-01, 2024/6/1 or 2024年6月1日. */
function dayOf(text: string | undefined): string | undefined {
  const found = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text ?? '');
  return found ? `${found[1]}-${found[2].padStart(2, '0')}-${found[3].padStart(2, '0')}` : undefined;
}

/**
 * The article's parts, or undefined when the page holds no text (a picture page, an error page).
 * `listed` is its title as its page's list of articles gives it: an edition's <title> often reads
 * 「报名-标题」, which the site-suffix rule of findTitle would read the other way round.
 */
export function editionArticle(doc: Document, html: string, url: string, listed?: string): ArticleParts | undefined {
  const enp = enpProperty(html);
  // On a page with a marked body its h1 is the headline.
  const title = marked(doc, HEADLINE.title) ?? enp.get('title') ?? (bodyContainer(doc) && textOf(doc, 'h1')) ?? (listed || undefined) ?? findTitle(doc);
  // A cell beside the title that reads as a credit is the author, not a headline.
  const [above, below] = [besideCell(doc, false), besideCell(doc, true)];
  const credit = [above, below].find((cell) => cell && CREDIT_LINE.test(cell));
  const headline = (cell: string | undefined) => (cell === credit ? undefined : cell);
  const kicker = marked(doc, HEADLINE.kicker) ?? enp.get('introtitle') ?? besideTitle(doc, 'H3', false) ?? headline(above);
  const deck = marked(doc, HEADLINE.deck) ?? enp.get('subtitle') ?? besideTitle(doc, 'H2', true) ?? headline(below);
  const author = marked(doc, HEADLINE.author) ?? enp.get('author') ?? besideTitle(doc, 'H4', true) ?? credit ?? creditBelowTitle(doc);
  const heads = new Set([title, kicker, deck, author].filter(Boolean));
  const lines = (bodyLines(doc, html, url) ?? []).map(squash).filter((line) => line && !NAVIGATION.test(line));
  // A container that also holds the headlines gives them again on top.
  while (lines.length && heads.has(lines[0])) lines.shift();
  let byline: string | undefined;
  if (lines.length > 1 && CREDIT_LINE.test(lines[0])) byline = lines.shift();
  else if (lines.length) {
    const lead = BYLINE.exec(lines[0]);
    if (lead) {
      byline = lead[1];
      lines[0] = lines[0].slice(lead[0].length);
      if (!lines[0]) lines.shift();
    }
  }
  if (!title || !lines.length) return undefined;
  return {
    title,
    kicker,
    deck,
    author: author !== byline ? author : undefined,
    byline,
    paragraphs: lines,
    date: dayOf(enp.get('date')),
    pageLabel: enp.get('nodename'),
  };
}
