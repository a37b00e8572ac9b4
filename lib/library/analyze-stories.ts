/**
 * Stories with their analysis. A batch is read twice: the first pass finds each story's
 * entities and short names, the library's gazetteer learns them, and the second pass reads every
 * story again knowing them all (南方阀门 in one story is the 株洲南方阀门股份有限公司 of another).
 * Each analysis says which analysis made it (`version`, the build's ANALYSIS_SHA256), so that an
 * exported one is kept only by a build that would have made the same, and even then unchecked
 * (UNCHECKED_ANALYSIS) until the worker has analysed its story again.
 */
import type { Analyzer } from '../nlp/analyzer';
import { storyCredits, storyText, type Story, UNCHECKED_ANALYSIS } from '../story';

/**
 * A story that arrived (a file, a library feed) without an analysis `version` made: none, one
 * from another build's analysis or from before analyses said theirs (a stale or foreign profile
 * would stay in the library), or one without the ranking terms every analysis now gives.
 */
export function needsAnalysis(story: Story, version: string): boolean {
  return story.analysis?.version !== version || !story.analysis.terms;
}

/**
 * Each story analysed once, with what the analyzer knows now. `pause`, when given, is awaited
 * before each analysis: background work lets a reader's request go first.
 */
export async function analyzeEach(analyzer: Analyzer, version: string, stories: Story[], pause?: () => Promise<void>): Promise<Story[]> {
  const analysed: Story[] = [];
  for (const story of stories) {
    await pause?.();
    analysed.push({ ...story, analysis: { ...(await analyzer.analyze(storyText(story), { credits: storyCredits(story) })), version } });
  }
  return analysed;
}

/** New stories, read twice: the second time knowing the names the first found in all of them. */
export async function analyzeStories(analyzer: Analyzer, version: string, stories: Story[], pause?: () => Promise<void>): Promise<Story[]> {
  for (const { id, analysis } of await analyzeEach(analyzer, version, stories, pause)) analyzer.teach(id, analysis!);
  return analyzeEach(analyzer, version, stories, pause);
}

/** A story kept with the analysis its file or feed brought, stamped as not yet checked by this build (UNCHECKED_ANALYSIS). */
export function keptUnchecked(story: Story): Story {
  return { ...story, analysis: { ...story.analysis!, version: UNCHECKED_ANALYSIS } };
}

/**
 * The stories, each with its analysis: those exported with one `version` made (a file, a library
 * feed) keep it, the others are analysed now, as one batch. A kept analysis is `trusted` only
 * where its file is the user's own (the insight CLI's --library): its names are then taught at
 * once and it keeps its version. Otherwise it is stamped unchecked and teaches nothing until the
 * story is analysed again.
 */
export async function withAnalysis(analyzer: Analyzer, version: string, stories: Story[], { trusted = false } = {}): Promise<Story[]> {
  const kept = stories.filter((story) => !needsAnalysis(story, version));
  // Trusted names join the gazetteer now, not at the next wake: the stories analysed below know them.
  if (trusted) for (const story of kept) analyzer.teach(story.id, story.analysis!);
  const analysed = new Map(
    (
      await analyzeStories(
        analyzer,
        version,
        stories.filter((story) => needsAnalysis(story, version)),
      )
    ).map((s) => [s.id, s]),
  );
  return stories.map((s) => analysed.get(s.id) ?? (trusted ? s : keptUnchecked(s)));
}
