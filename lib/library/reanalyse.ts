/**
 * Stories keep the profile (entities, keywords, terms) and index entries computed when they were
 * stored; when the analysis changes (another tagger, other passes, other index entries) the
 * library's stories are analysed again, in the background, so that they rank as fresh ones do.
 * A batch at a time, each written in its own transaction with the run's progress: a failure
 * leaves the batch's stories as they were, and a worker stopped mid-way goes on from the next
 * batch when it wakes.
 */
import { addKnowledge, type Analyzer, emptyKnowledge } from '../nlp/analyzer';
import { nextTask } from '../next-task';
import { analyzeEach } from './analyze-stories';
import type { Library } from './library';
import type { Story } from '../story';

/**
 * Stories per transaction. Each is read once, a few tens of milliseconds in Chromium: a batch is
 * a second or two of work, and what a stopped worker loses at most.
 */
export const REANALYSED_PER_BATCH = 50;
/** The run starts this long after the library opens: the event that woke the worker comes first. */
const REANALYSE_AFTER_OPEN_MS = 5000;

export interface ReanalysisDeps {
  /** The analyzer, taught the library's gazetteer: asked for only when a story is stale. */
  analyzer: () => Promise<Analyzer>;
  /** Awaited before each analysis and each write: a reader's request goes first, the worker is kept awake. */
  beforeStep: () => Promise<void>;
  /** A batch was written: what was kept from the library before is dropped. */
  written: () => Promise<void>;
  startAfterMs?: number;
}

/** The names and short names of stories' analyses, as the library's knowledge holds them. */
function namesOf(stories: Story[]) {
  const knowledge = emptyKnowledge();
  for (const { analysis } of stories) if (analysis) addKnowledge(knowledge, analysis, { counted: true });
  return knowledge.names;
}

/** Analyses again the stories `version` did not analyse; how many were written. One read when none is stale. */
export async function reanalyse(lib: Library, version: string, deps: ReanalysisDeps): Promise<number> {
  let batch = await lib.staleStories(version, REANALYSED_PER_BATCH);
  if (!batch) return 0;
  await new Promise((resolve) => setTimeout(resolve, deps.startAfterMs ?? REANALYSE_AFTER_OPEN_MS));
  // A task's turn before each step, so a message that came meanwhile is answered first.
  const pause = async () => {
    await nextTask();
    await deps.beforeStep();
  };
  let written = 0;
  for (; batch; batch = await lib.staleStories(version, REANALYSED_PER_BATCH)) {
    const { stale } = batch;
    // Jieba is loaded only for a stale story: a run over stories this analysis made needs none.
    // Read once, not twice as new stories are: the analyzer already knows the whole library's
    // names from the stories' earlier analyses, which is what a second reading is for (on the
    // 172-story development library, one reading gives every story the same names as two). An
    // unchecked story's names were never taught: they are learnt batch by batch, below.
    const analyzer = stale.length ? await deps.analyzer() : undefined;
    const analysed = analyzer ? await analyzeEach(analyzer, version, stale, pause) : [];
    await pause();
    written += await lib.reanalysed(version, batch, analysed);
    if (!analyzer) continue;
    await deps.written();
    // Their names are known from now on, not from the next wake (the library's word counts hold them already).
    analyzer.learnLibrary({ names: namesOf(analysed) });
  }
  return written;
}

/**
 * `run`, one at a time: asked while one is under way, it runs once more after it, since a write
 * meanwhile may have kept stories unchecked behind where the run had read. A run that fails is
 * said on the console and goes on at the next start.
 */
export function oneRunAtATime(run: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const start = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    run()
      .catch((error: unknown) => console.warn('analysing stories again stopped:', error))
      .finally(() => {
        running = false;
        if (again) start();
      });
  };
  return start;
}
