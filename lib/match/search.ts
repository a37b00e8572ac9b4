/**
 * Library search for the popup's search box: stories that contain the typed words, a word in the
 * title counting three times one in the text. Ranking by related coverage replaces this.
 */
import type { Story } from '../library/story';

export interface SearchHit {
  story: Story;
  score: number;
}

export function searchStories(stories: Story[], words: string[], limit = 20): SearchHit[] {
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const story of stories) {
    const title = story.title.normalize('NFKC').toLowerCase();
    const body = story.paragraphs.join('\n').normalize('NFKC').toLowerCase();
    let score = 0;
    for (const word of words) {
      if (title.includes(word)) score += 3;
      if (body.includes(word)) score += 1;
    }
    if (score > 0) hits.push({ story, score });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
