/**
 * RSS 2.0, Atom and JSON Feed, read into one shape. XML goes through fast-xml-parser (the service
 * worker has no DOMParser); a feed that is none of the three, or broken, is a FeedError naming
 * what is wrong, never a half-read list.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FeedError } from './feed-error';

export { FeedError };

export interface FeedItem {
  /** guid, Atom id or JSON Feed id, when the feed gives one. */
  id?: string;
  url?: string;
  title: string;
  /** As the feed writes it (RFC 822, RFC 3339 …); read by `feedDate`. */
  published?: string;
  /** HTML of the item's content, or its summary when that is all there is. */
  html?: string;
  /** Plain text, for JSON Feed's content_text. */
  text?: string;
  author?: string;
}

export interface Feed {
  kind: 'rss' | 'atom' | 'json';
  title?: string;
  items: FeedItem[];
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  cdataPropName: false,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'author',
});

type Node = Record<string, unknown>;
/** An element's text, whatever fast-xml-parser made of it (a string, or an object with #text). */
const text = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return text((value as Node)['#text']);
  return undefined;
};

function rssItem(item: Node): FeedItem | undefined {
  const title = text(item.title);
  const html = text(item['content:encoded']) ?? text(item.description);
  if (!title && !html) return undefined;
  const links = (item.link as unknown[] | undefined) ?? [];
  return {
    id: text(item.guid),
    url: links.map(text).find(Boolean),
    title: title ?? '',
    published: text(item.pubDate) ?? text(item['dc:date']),
    html,
    author: text((item.author as unknown[] | undefined)?.[0]) ?? text(item['dc:creator']),
  };
}

function atomEntry(entry: Node): FeedItem | undefined {
  const title = text(entry.title);
  const html = text(entry.content) ?? text(entry.summary);
  if (!title && !html) return undefined;
  const links = ((entry.link as Node[] | undefined) ?? []).filter((l) => typeof l === 'object');
  const alternate = links.find((l) => (l['@rel'] ?? 'alternate') === 'alternate') ?? links[0];
  const author = (entry.author as Node[] | undefined)?.[0];
  return {
    id: text(entry.id),
    url: typeof alternate?.['@href'] === 'string' ? alternate['@href'] : undefined,
    title: title ?? '',
    published: text(entry.published) ?? text(entry.updated),
    html,
    author: author ? text(author.name) : undefined,
  };
}

function jsonFeed(source: string): Feed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    throw new FeedError(`not valid JSON: ${(error as Error).message}`);
  }
  const feed = parsed as { version?: unknown; title?: unknown; items?: unknown };
  if (typeof feed !== 'object' || feed === null || typeof feed.version !== 'string' || !feed.version.startsWith('https://jsonfeed.org/version/')) {
    throw new FeedError('JSON, but not a JSON Feed (no "version": "https://jsonfeed.org/version/…")');
  }
  if (!Array.isArray(feed.items)) throw new FeedError('JSON Feed without an "items" list');
  const items: FeedItem[] = [];
  for (const raw of feed.items as Node[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const title = typeof raw.title === 'string' ? raw.title.trim() : '';
    const html = typeof raw.content_html === 'string' ? raw.content_html : typeof raw.summary === 'string' ? raw.summary : undefined;
    const plain = typeof raw.content_text === 'string' ? raw.content_text : undefined;
    if (!title && !html && !plain) continue;
    const authors = Array.isArray(raw.authors) ? (raw.authors as Node[]) : [];
    items.push({
      // Only a string or a number is an id; anything else (an object reads "[object Object]") is none, and the item's address serves.
      id: (typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id).trim() : '') || undefined,
      url: typeof raw.url === 'string' ? raw.url : undefined,
      title,
      published: typeof raw.date_published === 'string' ? raw.date_published : undefined,
      html,
      text: plain,
      author: typeof authors[0]?.name === 'string' ? authors[0].name : undefined,
    });
  }
  return { kind: 'json', title: typeof feed.title === 'string' ? feed.title : undefined, items };
}

export function parseFeed(source: string): Feed {
  const trimmed = source.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) return jsonFeed(trimmed);
  if (!trimmed.startsWith('<')) throw new FeedError('neither XML nor JSON');
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) throw new FeedError(`broken XML at line ${valid.err.line}: ${valid.err.msg}`);
  let doc: Node;
  try {
    doc = xml.parse(trimmed) as Node;
  } catch (error) {
    // Well-formed, yet refused by the parser (an external entity, a broken DOCTYPE).
    throw new FeedError(`unreadable XML: ${(error as Error).message}`);
  }
  const rss = (doc.rss as Node | undefined)?.channel as Node | undefined;
  if (rss) return { kind: 'rss', title: text(rss.title), items: ((rss.item as Node[] | undefined) ?? []).map(rssItem).filter((i): i is FeedItem => !!i) };
  const rdf = doc['rdf:RDF'] as Node | undefined;
  if (rdf)
    return {
      kind: 'rss',
      title: text((rdf.channel as Node | undefined)?.title),
      items: ((rdf.item as Node[] | undefined) ?? []).map(rssItem).filter((i): i is FeedItem => !!i),
    };
  const atom = doc.feed as Node | undefined;
  if (atom)
    return { kind: 'atom', title: text(atom.title), items: ((atom.entry as Node[] | undefined) ?? []).map(atomEntry).filter((i): i is FeedItem => !!i) };
  throw new FeedError(`XML, but not RSS or Atom (its root is <${Object.keys(doc).find((k) => !k.startsWith('?')) ?? '?'}>)`);
}
