import * as v from 'valibot';

/**
 * A sub-head and where it stands: `before` is the index of the paragraph it precedes,
 * so a deck under the title has `before: 0` and an in-story sub-head sits between paragraphs.
 */
const SubheadSchema = v.object({
  text: v.pipe(v.string(), v.nonEmpty()),
  before: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const nonEmpty = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

const names = v.array(v.string());

/** What the analysis found in a story; computed at import and stored with it. */
const AnalysisSchema = v.object({
  entities: v.object({ person: names, place: names, org: names }),
  keywords: v.array(v.object({ word: v.string(), weight: v.number() })),
  aliases: v.optional(v.record(v.string(), v.string()), {}),
  /** Content words and entities with their counts; an export from before they were kept lacks them. */
  terms: v.optional(v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(1)))),
  /** Names read only in the byline, dateline or author line: shown with the story, not ranked on. */
  credited: v.optional(names),
});

/**
 * One story as the library stores, exports and imports it. The schema is the single source of
 * truth: the TypeScript type is inferred from it and JSON Lines import validates against it.
 */
export const StorySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[\w.:-]{1,120}$/, 'must be 1–120 letters, digits or . _ : -')),
  publication: nonEmpty,
  date: v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD')),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Order on the printed page (0 = first story), so lists follow the page as a reader saw it. */
  position: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  title: nonEmpty,
  kicker: v.optional(v.string()),
  subheads: v.optional(v.array(SubheadSchema), []),
  byline: v.optional(v.string()),
  dateline: v.optional(v.string()),
  author: v.optional(v.string()),
  captions: v.optional(v.array(v.string()), []),
  continuation: v.optional(v.string()),
  paragraphs: v.pipe(v.array(v.string()), v.minLength(1, 'must hold at least one paragraph')),
  url: v.optional(v.string()),
  /** Where the story came from: `bundled` for the shipped seed, otherwise a source id or `import`. */
  origin: v.optional(v.string(), 'import'),
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

/** Validation result for one record: the story, or human-readable problems naming each field. */
export function checkStory(input: unknown): { story: Story } | { problems: string[] } {
  const result = v.safeParse(StorySchema, input);
  if (result.success) return { story: result.output };
  return {
    problems: result.issues.map((issue) => {
      const field = v.getDotPath(issue) ?? '(story)';
      return `${field}: ${issue.input === undefined ? 'is missing' : issue.message}`;
    }),
  };
}

/** Newest first; within a day by page, then by place on the page. */
export function compareStories(a: Story, b: Story): number {
  return (
    b.date.localeCompare(a.date) ||
    (a.page ?? 0) - (b.page ?? 0) ||
    (a.position ?? 0) - (b.position ?? 0) ||
    a.id.localeCompare(b.id)
  );
}

/** The first line a reader sees in a list: the opening paragraph, cut to `max` characters. */
export function firstLine(story: Story, max = 60): string {
  const text = story.paragraphs[0] ?? '';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
