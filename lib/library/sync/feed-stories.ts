/**
 * A feed's items as library stories. Ids are stable (the source and the item's guid, address or
 * title), so a repeated sync replaces a story instead of adding it twice; an item's HTML is read
 * for its text only.
 */
import { checkStory, type Story } from '../../story';
import type { Feed, FeedItem } from './feed';
import { htmlParagraphs } from './html-paragraphs';
import { MAX_FEED_ITEMS } from './limits';
import { capParagraphs } from './story-cap';

export interface FeedSource {
  /** The source's id in the library (recorded as each story's origin). */
  id: string;
  /** The publication to credit when the feed names none. */
  name: string;
}

async function itemId(sourceId: string, item: FeedItem): Promise<string> {
  const key = `${sourceId}\u0000${item.id ?? item.url ?? item.title}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return `feed-${Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** YYYY-MM-DD when it names a day of the calendar (not 2024-02-30), else undefined. */
function calendarDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || year > 9999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** 'Wed, 22 May 2024 08:00:00 +0800', '2024-05-22T08:00:00+08:00' → '2024-05-22' in the feed's own zone when it says one; undefined when it names no real day. */
export function feedDate(published: string | undefined): string | undefined {
  if (!published) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(published.trim());
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const time = Date.parse(published);
  if (Number.isNaN(time)) return undefined;
  // RFC 822 dates carry their zone; the day is the one the newsroom wrote.
  const zone = /([+-])(\d{2})(\d{2})\s*$/.exec(published);
  const offset = zone ? (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) : 0;
  const local = new Date(time + offset * 60_000);
  return calendarDay(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

/** A feed read into stories, and what of it could not be taken as it was. */
export interface FeedStories {
  stories: Story[];
  /** Items past MAX_FEED_ITEMS, not taken. */
  skipped: number;
  /** Items whose date names no day: dated `today` instead. */
  undated: number;
  /** Items whose text was cut to MAX_STORY_CHARS. */
  truncated: number;
}

/** Stories of a feed's first MAX_FEED_ITEMS items; items without text, or that make no valid story, are left out. `today` dates the items that carry no date, or one that names no day. */
export async function feedStories(feed: Feed, source: FeedSource, today: string): Promise<FeedStories> {
  const stories: Story[] = [];
  let undated = 0;
  let truncated = 0;
  for (const item of feed.items.slice(0, MAX_FEED_ITEMS)) {
    const capped = capParagraphs(
      item.html !== undefined
        ? htmlParagraphs(item.html)
        : (item.text ?? '')
            .split(/\n+/)
            .map((p) => p.trim())
            .filter(Boolean),
    );
    const { paragraphs } = capped;
    const title = item.title || paragraphs[0]?.slice(0, 60);
    if (!title || paragraphs.length === 0) continue;
    const date = feedDate(item.published);
    const checked = checkStory({
      id: await itemId(source.id, item),
      publication: feed.title?.trim() || source.name,
      date: date ?? today,
      title,
      paragraphs,
      url: item.url,
      author: item.author,
      origin: source.id,
    });
    // An item the schema refuses (a title of spaces) is one item lost, not the feed.
    if (!('story' in checked)) continue;
    stories.push(checked.story);
    if (item.published && !date) undated++;
    if (capped.truncated) truncated++;
  }
  return { stories, skipped: Math.max(0, feed.items.length - MAX_FEED_ITEMS), undated, truncated };
}
