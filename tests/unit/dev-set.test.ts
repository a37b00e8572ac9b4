import { describe, expect, it } from 'vitest';
import { judgeableIn, LABELS, readDevSet, readDistractors } from '../eval/related-cv';

/**
 * The development set's passages about distractor stories (dev/library-*.jsonl) are judged in the
 * fold their id prefix names (lib-zz-a-072-…), so a wrong prefix would let a story's passages be
 * both trained on and judged, and a story id that is not in the library could never be listed.
 */
describe('development set: passages about the distractor library', () => {
  const library = new Set(readDistractors().map((s) => s.id));
  const passages = readDevSet().filter((p) => p.id.startsWith('lib-'));

  it('has passages about the distractor stories', () => {
    expect(passages.length).toBeGreaterThanOrEqual(80);
  });

  it('names a distractor story in every id prefix, and only stories the library or the seed holds', () => {
    for (const p of passages) {
      const prefix = /^lib-(zz-[a-z]-\d+)-/.exec(p.id)?.[1];
      expect(prefix && library.has(prefix), p.id).toBe(true);
      // A seed story by its number (a passage about a distractor story and a seed story at once).
      for (const id of [...p.stories, ...Object.keys(p.library ?? {})])
        expect(typeof id === 'number' ? id >= 1 && id <= 10 : library.has(id), `${p.id}: ${id}`).toBe(true);
    }
  });

  it('gives a near miss no story, and every other passage one, with a known label and language and a source', () => {
    for (const p of passages) {
      expect(LABELS, p.id).toContain(p.label);
      expect(['zh', 'zh-Hant', 'en', 'ja'], p.id).toContain(p.lang);
      expect(p.stories.length === 0, p.id).toBe(p.label === 'near_miss');
      expect(p.source, p.id).toMatch(/^https?:\/\//);
    }
  });
});

/**
 * eval:related's smaller libraries grade the passages a library can judge: a passage about a story
 * the library lacks would count as right for listing nothing, and flatter the small library.
 */
describe('development set: the passages a smaller library judges', () => {
  const passages = readDevSet();
  const half = new Set(readDistractors(/^distractors-a\.jsonl$/).map((s) => s.id));

  it('keeps every near miss and every passage about a seed story, whatever the library holds', () => {
    for (const p of passages.filter((p) => p.label === 'near_miss' || p.stories.some((s) => typeof s === 'number')))
      expect(judgeableIn(p, new Set()), p.id).toBe(true);
  });

  it('leaves out a passage whose stories the library lacks, and keeps one it holds a story of', () => {
    const other = passages.filter((p) => p.label !== 'near_miss' && p.stories.every((s) => typeof s === 'string' && !half.has(s)));
    const held = passages.filter((p) => p.label !== 'near_miss' && p.stories.some((s) => typeof s === 'string' && half.has(s)));
    expect(other.length).toBeGreaterThan(0);
    expect(held.length).toBeGreaterThan(0);
    for (const p of other) expect(judgeableIn(p, half), p.id).toBe(false);
    for (const p of held) expect(judgeableIn(p, half), p.id).toBe(true);
  });
});
