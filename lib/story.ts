import * as v from 'valibot';
import { MAX_NAME_CHARS } from './nlp/gazetteer';

/** The origin of every story a reader imports from a file, whatever the file says. */
export const IMPORT_ORIGIN = 'import';

/**
 * Bounds of what a story may hold (names: MAX_NAME_CHARS, the longest the analyzer learns). A
 * file to import is hostile: without bounds one line could fill the reader's disk or stall every
 * query. They sit far above real stories (the seed's
 * longest text has 1,172 characters, its longest name 17: 戈尔达娜·西莉娅诺夫斯卡-达夫科娃).
 * Over-long values are refused with the field named rather than cut: a cut story would silently
 * differ from its file, and the reader can fix the file.
 */
export const MAX_TITLE_LENGTH = 500;
export const MAX_TEXT_LENGTH = 50_000;
export const MAX_PARAGRAPHS = 2_000;
/** Sub-heads, captions, and each kind of name in an analysis. */
const MAX_PARTS = 500;
const MAX_URL_LENGTH = 2_000;
/** An analysis version is a SHA-256 in hex. */
const MAX_VERSION_LENGTH = 64;
/** Dates a newspaper story can have: a typo such as 0000-01-01 or 9999-12-31 is refused. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
/** A story imported without a publication is taken to be one of this paper's (and the import says how many). */
export const DEFAULT_PUBLICATION = '株洲日报';

const finite = v.pipe(v.number(), v.finite('must be a finite number'));
const count = (min: number) => v.pipe(finite, v.integer('must be a whole number'), v.minValue(min, `must be at least ${min}`));
const line = v.pipe(v.string(), v.maxLength(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`));
const nonEmpty = v.pipe(line, v.trim(), v.nonEmpty('must not be empty'));
const name = v.pipe(v.string(), v.maxLength(MAX_NAME_CHARS, `must be a name of at most ${MAX_NAME_CHARS} characters`));
const names = v.pipe(v.array(name), v.maxLength(MAX_PARTS, `must hold at most ${MAX_PARTS} names`));

/** What a story's id may be: a message naming a story is checked against it too. */
export const STORY_ID = /^[\w.:-]{1,120}$/;

/** YYYY-MM-DD of a day that exists (not 2024-02-31), in a year a newspaper story can have. */
function isStoryDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= FIRST_YEAR && year <= LAST_YEAR && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A sub-head and where it stands: `before` is the index of the paragraph it precedes,
 * so a deck under the title has `before: 0` and an in-story sub-head sits between paragraphs.
 */
const SubheadSchema = v.object({
  text: v.pipe(line, v.nonEmpty()),
  before: count(0),
});

/**
 * The `version` a kept analysis from a file or a feed is stored with. The file says which analysis
 * made it but cannot prove it: the story ranks by it at once, while its names are taught to the
 * library's gazetteer only once this build has analysed the story again in the background
 * (lib/library/reanalyse.ts), so that no file or feed can make the tagger read a name, or a name
 * as a kind, that its own analysis would not.
 */
export const UNCHECKED_ANALYSIS = 'unchecked';

/**
 * What the analysis found in a story; computed at import and stored with it. A file's or a feed's
 * is kept only when this build's analysis says it made it (`version`), and bounded like the rest of a story.
 */
const AnalysisSchema = v.object({
  /**
   * Which analysis made it (the build's ANALYSIS_SHA256): another build's, or none (a file from
   * before analyses said theirs), has the story analysed again on import and sync.
   */
  version: v.optional(v.pipe(v.string(), v.maxLength(MAX_VERSION_LENGTH, `must be at most ${MAX_VERSION_LENGTH} characters`))),
  entities: v.object({ person: names, place: names, org: names }),
  keywords: v.pipe(v.array(v.object({ word: line, weight: finite })), v.maxLength(MAX_PARTS, `must hold at most ${MAX_PARTS} keywords`)),
  aliases: v.optional(v.record(name, name), {}),
  /** Content words and entities with their counts; an export from before they were kept lacks them. */
  terms: v.optional(
    v.pipe(
      v.record(line, count(1)),
      // A story has no more distinct words than characters.
      v.check((terms) => Object.keys(terms).length <= MAX_TEXT_LENGTH, `must hold at most ${MAX_TEXT_LENGTH} terms`),
    ),
  ),
  /** Names read only in the byline, dateline or author line: shown with the story, not ranked on. */
  credited: v.optional(names),
});

/**
 * One story as the library stores, exports and imports it. The schema is the single source of
 * truth: the TypeScript type is inferred from it and JSON Lines import validates against it.
 */
export const StorySchema = v.object({
  id: v.pipe(v.string(), v.regex(STORY_ID, 'must be 1–120 letters, digits or . _ : -')),
  publication: v.optional(nonEmpty, DEFAULT_PUBLICATION),
  date: v.pipe(v.string(), v.check(isStoryDate, `must be a real day written YYYY-MM-DD, in ${FIRST_YEAR}–${LAST_YEAR}`)),
  page: v.optional(count(1)),
  /** The printed page's name, as a digital edition labels it (经济 of 「第02版：经济」). */
  pageName: v.optional(line),
  /** Order on the printed page (0 = first story), so lists follow the page as a reader saw it. */
  position: v.optional(count(0)),
  title: nonEmpty,
  kicker: v.optional(line),
  subheads: v.optional(v.pipe(v.array(SubheadSchema), v.maxLength(MAX_PARTS, `must hold at most ${MAX_PARTS} sub-heads`)), []),
  byline: v.optional(line),
  dateline: v.optional(line),
  author: v.optional(line),
  captions: v.optional(v.pipe(v.array(line), v.maxLength(MAX_PARTS, `must hold at most ${MAX_PARTS} captions`)), []),
  continuation: v.optional(line),
  paragraphs: v.pipe(
    v.array(v.string()),
    v.minLength(1, 'must hold at least one paragraph'),
    v.maxLength(MAX_PARAGRAPHS, `must hold at most ${MAX_PARAGRAPHS} paragraphs`),
    v.check((paragraphs) => paragraphs.reduce((n, p) => n + p.length, 0) <= MAX_TEXT_LENGTH, `must hold at most ${MAX_TEXT_LENGTH} characters in all`),
  ),
  url: v.optional(v.pipe(v.string(), v.maxLength(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`))),
  /** Where the story came from: `bundled` for the shipped seed, otherwise a source id or `import`. */
  origin: v.optional(v.string(), IMPORT_ORIGIN),
  analysis: v.optional(AnalysisSchema),
});

export type Story = v.InferOutput<typeof StorySchema>;
export type Subhead = v.InferOutput<typeof SubheadSchema>;

/** The words of a story the analysis reads and ranks on: kicker, headline, sub-heads, text, captions. */
export function storyText(story: Story): string {
  return [story.kicker, story.title, ...story.subheads.map((s) => s.text), ...story.paragraphs, ...story.captions].filter(Boolean).join('\n');
}

/**
 * Who wrote and filed it: byline, dateline, author. Their names (reporters, 新华社, 北京) are names
 * a reader sees with the story, but shared by many stories of other subjects, so they are listed
 * and not ranked on.
 */
export function storyCredits(story: Story): string {
  return [story.byline, story.dateline, story.author].filter(Boolean).join('\n');
}

export const BUNDLED_ORIGIN = 'bundled';

/** What a record lacked and was given: its publication. */
export interface Defaulted {
  publication: boolean;
}

/**
 * Validation result for one record: the story (and what it was given), or human-readable
 * problems naming each field.
 */
export function checkStory(input: unknown): { story: Story; defaulted: Defaulted } | { problems: string[] } {
  // A JSON array or value is no story: saying so beats listing every field as missing.
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { problems: [`not a story object but ${Array.isArray(input) ? 'an array' : input === null ? 'null' : `a ${typeof input}`}`] };
  const result = v.safeParse(StorySchema, input);
  if (result.success) return { story: result.output, defaulted: { publication: (input as { publication?: unknown }).publication === undefined } };
  return {
    problems: result.issues.map((issue) => {
      const field = v.getDotPath(issue) ?? '(story)';
      return `${field}: ${issue.input === undefined ? 'is missing' : issue.message}`;
    }),
  };
}

/** Newest first; within a day by page, then by place on the page. */
export function compareStories(a: Story, b: Story): number {
  return b.date.localeCompare(a.date) || (a.page ?? 0) - (b.page ?? 0) || (a.position ?? 0) - (b.position ?? 0) || a.id.localeCompare(b.id);
}

/** The first line a reader sees in a list: the opening paragraph, cut to `max` characters. */
export function firstLine(story: Story, max = 60): string {
  const text = story.paragraphs[0] ?? '';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The story's original to link to: its address when that is a web page (http or https), never a script or file address. */
export function sourceLink(story: Pick<Story, 'url'>): string | undefined {
  if (!story.url || !URL.canParse(story.url)) return undefined;
  return ['http:', 'https:'].includes(new URL(story.url).protocol) ? story.url : undefined;
}
