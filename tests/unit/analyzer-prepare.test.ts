import { describe, expect, it, vi } from 'vitest';
import { createAnalyzer } from '../../lib/nlp/analyzer';
import { normalizeForAnalysis } from '../../lib/nlp/normalize';
import { nextTask } from '../../lib/next-task';
import { loadJieba, readPackageBytes, readPackageFile } from './helpers';

// The warm-up's first step, watched: when it runs is what is tested.
vi.mock('../../lib/nlp/normalize', async (original) => {
  const actual = await original<typeof import('../../lib/nlp/normalize')>();
  return { ...actual, normalizeForAnalysis: vi.fn(actual.normalizeForAnalysis) };
});

describe('readying an analyzer', () => {
  it('asks for its reads and jieba first, and warms up only after a task’s turn (the reads reach the browser when the task ends)', async () => {
    const asked: string[] = [];
    let jiebaAsked = false;
    const analyzer = createAnalyzer(
      async () => {
        jiebaAsked = true;
        return loadJieba();
      },
      {
        text: (path) => (asked.push(path), readPackageFile(path)),
        bytes: (path) => (asked.push(path), readPackageBytes(path)),
        tables: { get: async () => (asked.push('tables'), undefined), put: async () => undefined },
      },
    );
    const prepared = analyzer.prepare();
    expect(jiebaAsked).toBe(true);
    expect(asked.sort()).toEqual(['nlp/idf.txt', 'nlp/names.txt', 'tables']);
    expect(normalizeForAnalysis).not.toHaveBeenCalled();
    await nextTask();
    expect(normalizeForAnalysis).toHaveBeenCalled();
    await prepared;
  });
});
