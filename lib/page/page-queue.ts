/**
 * Page analyses, one at a time per tab and no closer together than a gap: a page decides when its
 * content script sends the article (a single-page site changes its address as often as it likes),
 * and each article costs the one-threaded worker a whole analysis that a reader's popup or
 * selection would wait behind. A newer article from a tab replaces one of its own still waiting,
 * whose answer would be stale by the time it came.
 */

/** What a job gives: its answer at once, and the work that goes on after it (the refined analysis). */
export interface PageJob<R> {
  value: R;
  finished?: Promise<unknown>;
}

interface TabLine {
  /** Settles when the tab's last submitted job is done or given up. */
  tail: Promise<void>;
  /** The newest submission: an older one still waiting is dropped. */
  latest: number;
  /** When the tab's last job started. */
  startedAt: number;
  /** Submissions not yet answered (waiting, or running until their answer). */
  unanswered: number;
}

export interface PageQueueClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PageQueueClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function pageQueue(gapMs: number, clock: PageQueueClock = realClock) {
  const tabs = new Map<number, TabLine>();
  return {
    /** Runs `job` for the tab in its turn; resolves with its answer, or `undefined` when a newer article replaced it. */
    submit<R>(tabId: number, job: () => Promise<PageJob<R>>): Promise<R | undefined> {
      const line = tabs.get(tabId) ?? { tail: Promise.resolve(), latest: 0, startedAt: -Infinity, unanswered: 0 };
      tabs.set(tabId, line);
      const ticket = ++line.latest;
      line.unanswered++;
      let answer!: (value: R | undefined) => void;
      let fail!: (error: unknown) => void;
      const answered = new Promise<R | undefined>((resolve, reject) => ((answer = resolve), (fail = reject)));
      const settled = () => void line.unanswered--;
      answered.then(settled, settled);
      line.tail = line.tail.then(async () => {
        if (ticket !== line.latest) return answer(undefined);
        const wait = line.startedAt + gapMs - clock.now();
        if (wait > 0) await clock.sleep(wait);
        if (ticket !== line.latest) return answer(undefined);
        line.startedAt = clock.now();
        try {
          const { value, finished } = await job();
          answer(value);
          await finished?.catch(() => undefined);
        } catch (error) {
          fail(error);
        }
      });
      return answered;
    },
    /** Whether an article of the tab is waiting for its answer (in line, or being answered). */
    answering(tabId: number): boolean {
      return (tabs.get(tabId)?.unanswered ?? 0) > 0;
    },
    /** The tab closed: its line goes (a job running finishes on its own). */
    forget(tabId: number) {
      tabs.delete(tabId);
    },
  };
}

export type PageQueue = ReturnType<typeof pageQueue>;
