import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { syncNotes } from '../../components/sync-notes';
import { noCounts, type SyncProblem, type SyncResult } from '../../lib/library/sync/source';

const messages = async (locale: string) =>
  JSON.parse(await readFile(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8')) as Record<
    string,
    { message: string; placeholders?: object }
  >;

const result = (counts: Partial<SyncResult>): SyncResult => ({
  at: '2024-06-01T00:00:00Z',
  ...noCounts(),
  ...counts,
});

describe('what a sync result says', () => {
  it('words every count of what was left out, cut or left alone, in both languages, and nothing for none', async () => {
    const notes = syncNotes(
      result({ duplicates: 1, conflicts: 2, truncated: 3, skippedItems: 4, skippedShards: 5, undated: 6, skippedArticles: 7, disallowed: 8 }),
    );
    expect(notes.map(([, count]) => count)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const locale of ['zh_CN', 'en']) {
      const all = await messages(locale);
      for (const [key, ...subs] of notes) expect(Object.keys(all[key]?.placeholders ?? {}), `${locale} ${key}`).toHaveLength(subs.length);
    }
    expect(syncNotes(result({ added: 5 }))).toEqual([]);
    // A result kept from before conflicts were counted.
    expect(syncNotes({ at: '2024-06-01T00:00:00Z', added: 1, updated: 0, unchanged: 0, duplicates: 0 } as SyncResult)).toEqual([]);
  });

  it('names every kind of failure in both languages', async () => {
    const problems: SyncProblem[] = ['network', 'timeout', 'too-large', 'http', 'redirect', 'format', 'quota', 'other'];
    for (const locale of ['zh_CN', 'en']) {
      const all = await messages(locale);
      for (const problem of problems) expect(all[`syncProblem_${problem.replace('-', '_')}`]?.message, `${locale} ${problem}`).toBeTruthy();
    }
  });
});
