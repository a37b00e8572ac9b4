/**
 * The library's file format: JSON Lines, one story per line, as exported by the extension and
 * printed by `insight export`. Reading validates every line before anything is returned, so an
 * import either takes the whole file or nothing.
 */
import { checkStory, type Story } from './story';

export class ImportError extends Error {
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, 10).join('\n');
    const more = problems.length > 10 ? `\n… and ${problems.length - 10} more` : '';
    super(`${problems.length === 1 ? 'The file has a problem' : `The file has ${problems.length} problems`}; nothing was imported.\n${shown}${more}`);
    this.name = 'ImportError';
  }
}

export function storiesToJsonl(stories: Iterable<Story>): string {
  let out = '';
  for (const story of stories) out += `${JSON.stringify(story)}\n`;
  return out;
}

export function storiesFromJsonl(text: string): Story[] {
  const problems: string[] = [];
  const stories: Story[] = [];
  const firstLineOf = new Map<string, number>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      const n = index + 1;
      if (!line.trim()) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        problems.push(`line ${n}: not JSON (${(error as Error).message})`);
        return;
      }
      const checked = checkStory(value);
      if ('problems' in checked) {
        for (const problem of checked.problems) problems.push(`line ${n}: ${problem}`);
        return;
      }
      const seen = firstLineOf.get(checked.story.id);
      if (seen) {
        problems.push(`line ${n}: id: "${checked.story.id}" is already used on line ${seen}`);
        return;
      }
      firstLineOf.set(checked.story.id, n);
      stories.push(checked.story);
    });
  if (problems.length) throw new ImportError(problems);
  if (stories.length === 0) throw new ImportError(['the file holds no stories']);
  return stories;
}
