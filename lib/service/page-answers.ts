/**
 * The full coverage of the articles lately analysed, kept in session storage by the article's
 * text: a worker woken for a page it has answered before (a reload, a re-visit, the same article
 * at another address) answers at once with the stories a warm worker gives, instead of a first
 * guess from the library's names while jieba loads. Only the very same text finds an answer, and
 * every change to the library empties the store, so no answer outlives what it was ranked from
 * (session storage itself is emptied when the extension is updated or reloaded).
 */
import { shortHash } from '../library/story-id';
import type { KeyValueStore } from '../key-value-store';
import type { Coverage } from '../messages';

/** Answers kept, the latest: a few kB each, well inside session storage's 10 MB. */
export const PAGE_ANSWERS_KEPT = 50;
const ANSWER = 'answer:';
/** The kept answers' keys, oldest first. */
const KEPT = 'answers';

/** A key of this store in session storage (tests and the bench empty it to meet a worker that knows no page). */
export const isPageAnswerKey = (key: string) => key === KEPT || key.startsWith(ANSWER);

const keyOf = async (text: string) => `${ANSWER}${text.length}-${await shortHash(text)}`;

export function pageAnswers(store: KeyValueStore, kept = PAGE_ANSWERS_KEPT) {
  /** Changes of the library in this worker life: an answer ranked before one is not kept. */
  let changes = 0;
  /** Writes one after another, so two answers arriving together do not drop each other's key. */
  let writes: Promise<unknown> = Promise.resolve();
  const inTurn = (write: () => Promise<void>) => {
    const done = writes.then(write);
    writes = done.catch(() => undefined);
    return done;
  };
  const keys = async () => ((await store.get(KEPT)) as string[] | undefined) ?? [];
  return {
    async get(text: string): Promise<Coverage | undefined> {
      return (await store.get(await keyOf(text))) as Coverage | undefined;
    },
    /** Where the library stands now: `put` keeps an answer only if it has not changed since. */
    version: () => changes,
    put(text: string, coverage: Coverage, asOf: number): Promise<void> {
      return inTurn(async () => {
        if (coverage.partial || asOf !== changes) return;
        const key = await keyOf(text);
        const all = [...(await keys()).filter((k) => k !== key), key];
        await Promise.all(all.slice(0, -kept).map((k) => store.remove(k)));
        await store.set(key, coverage);
        await store.set(KEPT, all.slice(-kept));
      });
    },
    /** The library changed: every answer kept may list a story gone or miss a new one. */
    clear(): Promise<void> {
      changes++;
      return inTurn(async () => {
        await Promise.all((await keys()).map((k) => store.remove(k)));
        await store.remove(KEPT);
      });
    },
  };
}

export type PageAnswers = ReturnType<typeof pageAnswers>;
