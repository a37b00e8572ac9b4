/**
 * Stories for a text: those that contain its entities and keywords, a word in the title counting
 * three times one in the text. What the popup lists and `insight analyze` prints as `related`.
 * Ranking by related coverage (issue 4) replaces this.
 */
import type { Story } from '../library/story';
import type { TextAnalysis } from '../nlp/analyzer';

export interface SearchHit {
  story: Story;
  score: number;
  /** The text's entities and keywords found in the story: why it is listed. */
  shared: string[];
}

export function searchStories(stories: Story[], analysis: Pick<TextAnalysis, 'entities' | 'keywords'>, limit = 20): SearchHit[] {
  const words = [...new Set([...Object.values(analysis.entities).flat(), ...analysis.keywords.map((k) => k.word)])];
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const story of stories) {
    const title = story.title.normalize('NFKC').toLowerCase();
    const body = story.paragraphs.join('\n').normalize('NFKC').toLowerCase();
    const known = new Set(Object.values(story.analysis?.entities ?? {}).flat());
    let score = 0;
    const shared: string[] = [];
    for (const word of words) {
      const w = word.toLowerCase();
      const inTitle = title.includes(w);
      if (inTitle || body.includes(w) || known.has(word)) {
        score += inTitle ? 3 : 1;
        shared.push(word);
      }
    }
    if (score > 0) hits.push({ story, score, shared });
  }
  return hits.sort((a, b) => b.score - a.score || a.story.id.localeCompare(b.story.id)).slice(0, limit);
}
