/**
 * The library's file format: JSON Lines, one story per line, as exported by the extension and
 * printed by `insight export`. Reading validates every line before anything is returned, so an
 * import either takes the whole file or nothing. Files are read and written in chunks: a library
 * of hundreds of megabytes is never one string.
 */
import { printable } from './printable';
import { checkStory, type Story } from '../story';

/** The problems an error message lists; the rest are counted. */
const SHOWN_PROBLEMS = 10;
/**
 * The longest line read: a story within the schema's bounds, with its analysis, is well under
 * 1 MB of JSON. A longer "line" is not a story (a binary file, one giant JSON value), and is
 * refused before it fills memory.
 */
export const MAX_LINE_LENGTH = 2_000_000;
/** Export parts of about this many characters each: a Blob is built from them, never one string. */
const EXPORT_PART_LENGTH = 1 << 20;

/**
 * One thing wrong with a file, as data: the CLI and error messages say it in English
 * (`describeImportProblem`), the options page in the reader's language.
 */
export interface ImportProblem {
  kind: 'empty' | 'utf16' | 'binary' | 'notUtf8' | 'nul' | 'tooLong' | 'notJson' | 'field' | 'duplicate';
  /** The file's line, counted from 1, for problems of one line. */
  line?: number;
  /** The parser's or the schema's own words, or the repeated id. */
  detail?: string;
  /** For a repeated id: the line that used it first. */
  firstLine?: number;
}

/** How each kind of problem is said in English; `{detail}` and `{first}` are filled in. */
const ENGLISH: Record<ImportProblem['kind'], string> = {
  empty: 'the file holds no stories',
  utf16: 'the file is UTF-16 text; save it as UTF-8',
  binary: 'the file is binary, not a JSON Lines text file',
  notUtf8: 'the file is not UTF-8 text (another encoding, or binary); save it as UTF-8',
  nul: 'holds NUL characters: the file is UTF-16 or binary, not UTF-8 text (save it as UTF-8)',
  tooLong: `longer than ${MAX_LINE_LENGTH.toLocaleString('en')} characters: not a story line`,
  notJson: 'not JSON ({detail})',
  field: '{detail}',
  duplicate: 'id: "{detail}" is already used on line {first}',
};

export function describeImportProblem({ kind, line, detail = '', firstLine }: ImportProblem): string {
  const text = ENGLISH[kind].replace('{detail}', detail).replace('{first}', String(firstLine));
  return line === undefined ? text : `line ${line}: ${text}`;
}

export class ImportError extends Error {
  /** `total` counts every problem; only the first SHOWN_PROBLEMS are kept in `problems`. */
  constructor(
    readonly problems: ImportProblem[],
    readonly total = problems.length,
  ) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).map(describeImportProblem).join('\n');
    const more = total > SHOWN_PROBLEMS ? `\n… and ${total - SHOWN_PROBLEMS} more` : '';
    super(`${total === 1 ? 'The file has a problem' : `The file has ${total} problems`}; nothing was imported.\n${shown}${more}`);
    this.name = 'ImportError';
  }
}

/** What a file holds: its stories, and how many of them were given the default publication. */
export interface ReadStories {
  stories: Story[];
  defaulted: number;
}

/**
 * Reads JSON Lines pushed in pieces of any size (a line may span pieces), checking each line as
 * it completes; `finish` gives the stories, or throws an ImportError listing the problems.
 */
export class JsonlReader {
  private rest = '';
  private lineNumber = 0;
  private problems: ImportProblem[] = [];
  private problemCount = 0;
  private stories: Story[] = [];
  private defaulted = 0;
  private readonly firstLineOf = new Map<string, number>();
  /** The rest of an over-long line is dropped until its end, already counted as one problem. */
  private skipping = false;

  push(text: string): void {
    if (this.lineNumber === 0 && !this.rest) text = text.replace(/^\uFEFF/, '');
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      if (this.skipping) {
        this.skipping = false;
        this.lineNumber++;
      } else {
        this.line(this.rest + text.slice(start, end));
      }
      this.rest = '';
      start = end + 1;
    }
    if (!this.skipping) this.rest += text.slice(start);
    if (this.rest.length > MAX_LINE_LENGTH) {
      this.problem({ kind: 'tooLong', line: this.lineNumber + 1 });
      this.rest = '';
      this.skipping = true;
    }
  }

  finish(): ReadStories {
    if (this.rest) this.line(this.rest);
    this.rest = '';
    if (this.problemCount) throw new ImportError(this.problems, this.problemCount);
    if (this.stories.length === 0) throw new ImportError([{ kind: 'empty' }]);
    return { stories: this.stories, defaulted: this.defaulted };
  }

  private problem(problem: ImportProblem): void {
    this.problemCount++;
    if (this.problems.length < SHOWN_PROBLEMS) this.problems.push(problem);
  }

  private line(raw: string): void {
    const n = ++this.lineNumber;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line.trim()) return;
    // UTF-16 read as UTF-8 puts a NUL beside every ASCII character.
    if (line.includes('\0')) {
      this.problem({ kind: 'nul', line: n });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      this.problem({ kind: 'notJson', line: n, detail: printable((error as Error).message) });
      return;
    }
    const checked = checkStory(value);
    if ('problems' in checked) {
      for (const problem of checked.problems) this.problem({ kind: 'field', line: n, detail: printable(problem, 200) });
      return;
    }
    const { story, defaulted } = checked;
    const seen = this.firstLineOf.get(story.id);
    if (seen) {
      this.problem({ kind: 'duplicate', line: n, detail: story.id, firstLine: seen });
      return;
    }
    this.firstLineOf.set(story.id, n);
    this.stories.push(story);
    if (defaulted.publication) this.defaulted++;
  }
}

export function storiesToJsonl(stories: Iterable<Story>): string {
  let out = '';
  for (const story of stories) out += storyLine(story);
  return out;
}

/**
 * One story's line. JSON has no Infinity or NaN (JSON.stringify writes null, which the import
 * then refuses): such a number is an error here, so no export fails to import again.
 */
export function storyLine(story: Story): string {
  return `${JSON.stringify(story, (key, value) => {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`story ${story.id}: ${key} is not a finite number`);
    return value as unknown;
  })}\n`;
}

/** The library as JSON Lines in parts of about EXPORT_PART_LENGTH characters, read batch by batch. */
export async function* jsonlParts(batches: AsyncIterable<Story[]> | Iterable<Story[]>): AsyncGenerator<string> {
  let part = '';
  for await (const batch of batches) {
    for (const story of batch) {
      part += storyLine(story);
      if (part.length >= EXPORT_PART_LENGTH) {
        yield part;
        part = '';
      }
    }
  }
  if (part) yield part;
}

export function storiesFromJsonl(text: string): Story[] {
  const reader = new JsonlReader();
  reader.push(text);
  return reader.finish().stories;
}

/**
 * Why a file's first bytes cannot be JSON Lines: UTF-16 (by its byte-order mark, or a NUL beside
 * every ASCII character), or binary (NUL bytes). Refused, not decoded: the format is UTF-8, as
 * JSON is for interchange, and a file named for what it is tells the reader what to change.
 */
export function encodingProblem(head: Uint8Array): ImportProblem | undefined {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return { kind: 'utf16' };
  const sample = head.subarray(0, 1024);
  const nulAt = (parity: number) => sample.filter((byte, i) => byte === 0 && i % 2 === parity).length;
  const half = Math.floor(sample.length / 2);
  if (half >= 2 && (nulAt(0) >= half * 0.8 || nulAt(1) >= half * 0.8)) return { kind: 'utf16' };
  if (sample.includes(0)) return { kind: 'binary' };
  return undefined;
}

/**
 * Reads a file's bytes, piece by piece, into the stories it holds. Bytes that are not UTF-8 are
 * refused (a wrong encoding would otherwise store mojibake).
 */
export async function readJsonl(bytes: AsyncIterable<Uint8Array>): Promise<ReadStories> {
  const reader = new JsonlReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  for await (const chunk of bytes) {
    if (first && chunk.length) {
      const problem = encodingProblem(chunk);
      if (problem) throw new ImportError([problem]);
      first = false;
    }
    reader.push(decodeOrRefuse(decoder, chunk, true));
  }
  reader.push(decodeOrRefuse(decoder, new Uint8Array(), false));
  return reader.finish();
}

function decodeOrRefuse(decoder: TextDecoder, chunk: Uint8Array, stream: boolean): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch {
    throw new ImportError([{ kind: 'notUtf8' }]);
  }
}
