/**
 * Stories with their analysis. A batch is read twice: the first pass finds each story's
 * entities and short names, the library's gazetteer learns them, and the second pass reads every
 * story again knowing them all (南方阀门 in one story is the 株洲南方阀门股份有限公司 of another).
 */
import type { Analyzer } from '../nlp/analyzer';
import { storyCredits, storyText, type Story } from '../story';

/** A story imported without an analysis, or with one from before ranking terms were kept. */
export function needsAnalysis(story: Story): boolean {
  return !story.analysis?.terms;
}

function teachLibrary(analyzer: Analyzer, stories: Iterable<Story>): void {
  for (const story of stories) if (story.analysis) analyzer.teach(story.id, story.analysis);
}

/** `pause`, when given, is awaited before each analysis: background work lets a reader's request go first. */
export async function analyzeStories(analyzer: Analyzer, stories: Story[], pause?: () => Promise<void>): Promise<Story[]> {
  const first = [];
  const analyze = async (story: Story) => {
    await pause?.();
    return analyzer.analyze(storyText(story), { credits: storyCredits(story) });
  };
  for (const story of stories) first.push(await analyze(story));
  first.forEach((analysis, i) => {
    analyzer.teach(stories[i].id, analysis);
  });
  const analysed: Story[] = [];
  for (const story of stories) analysed.push({ ...story, analysis: await analyze(story) });
  return analysed;
}

/**
 * The stories, each with its analysis: those exported with one (a file, a library feed) keep it,
 * the others are analysed now, as one batch.
 */
export async function withAnalysis(analyzer: Analyzer, stories: Story[]): Promise<Story[]> {
  // Their names join the gazetteer now, not at the worker's next wake: the next page, and the
  // stories analysed below, know them.
  teachLibrary(analyzer, stories);
  const analysed = new Map((await analyzeStories(analyzer, stories.filter(needsAnalysis))).map((s) => [s.id, s]));
  return stories.map((s) => analysed.get(s.id) ?? s);
}
