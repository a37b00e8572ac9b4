/**
 * A feed item's text cut to the size a story may hold (MAX_STORY_CHARS) before it becomes one: a
 * 20 MB item would otherwise be refused by the schema, or analysed and indexed whole. The cut
 * falls at the end of a sentence, or of a paragraph, so what is kept reads as written; the item
 * itself is never dropped. (Library shards and page text carry stories already: the schema
 * refuses one over the bound, naming it.)
 */
import { MAX_STORY_CHARS } from './limits';

// 。！？… end a Chinese sentence; . ! ? end one only before a space (not in 3.5 or an address).
// Closing quotes and brackets after the mark belong to the sentence.
const SENTENCE_END = /(?:[。！？…]+|[.!?]+(?=\s))[”’」』）)"']*/g;

/** The longest start of `text` within `room` characters that ends a sentence; '' when none does. */
function sentencesWithin(text: string, room: number): string {
  const head = text.slice(0, room);
  let end = 0;
  for (const match of head.matchAll(SENTENCE_END)) end = match.index + match[0].length;
  return head.slice(0, end);
}

/** The first `room` characters, without splitting a character outside the Basic Multilingual Plane. */
function hardCut(text: string, room: number): string {
  const code = text.charCodeAt(room - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? room - 1 : room);
}

/** At most `max` characters of paragraphs, and whether they had to be cut. */
export function capParagraphs(paragraphs: string[], max = MAX_STORY_CHARS): { paragraphs: string[]; truncated: boolean } {
  let room = max;
  const kept: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.length <= room) {
      kept.push(paragraph);
      room -= paragraph.length;
      continue;
    }
    const part = sentencesWithin(paragraph, room) || (kept.length ? '' : hardCut(paragraph, room));
    if (part) kept.push(part);
    return { paragraphs: kept, truncated: true };
  }
  return { paragraphs, truncated: false };
}
