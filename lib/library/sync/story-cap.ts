/**
 * A story's text cut to the size a sync takes (MAX_STORY_CHARS): a 20 MB feed item would
 * otherwise be analysed and indexed whole. The cut falls at the end of a sentence, or of a
 * paragraph, so what is kept reads as written; the story itself is never dropped.
 */
import type { Story } from '../story';
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

/** The story with at most `max` characters of paragraphs, and whether it had to be cut. */
export function capStory(story: Story, max = MAX_STORY_CHARS): { story: Story; truncated: boolean } {
  let room = max;
  const kept: string[] = [];
  for (const paragraph of story.paragraphs) {
    if (paragraph.length <= room) {
      kept.push(paragraph);
      room -= paragraph.length;
      continue;
    }
    const part = sentencesWithin(paragraph, room) || (kept.length ? '' : hardCut(paragraph, room));
    if (part) kept.push(part);
    // Sub-heads stand before a kept paragraph or go with the text they headed.
    const subheads = story.subheads.filter((s) => s.before < kept.length);
    return { story: { ...story, paragraphs: kept, subheads }, truncated: true };
  }
  return { story, truncated: false };
}
