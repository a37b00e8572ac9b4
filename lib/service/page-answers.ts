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
import { samePage, type Coverage } from '../messages';

/** Answers kept, the latest: a few kB each, well inside session storage's 10 MB. */
export const PAGE_ANSWERS_KEPT = 50;
const ANSWER = 'answer:';
/** The kept answers' keys with the address each was last given for, oldest first. */
const KEPT = 'answers';
type Kept = Array<{ key: string; address: string }>;

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
  const all = async () => ((await store.get(KEPT)) as Kept | undefined) ?? [];
  return {
    async get(text: string): Promise<Coverage | undefined> {
      return (await store.get(await keyOf(text))) as Coverage | undefined;
    },
    /** Whether an answer is kept for an article met at this address (likely the same article again: a reload). */
    async knows(address: string): Promise<boolean> {
      return (await all()).some((answer) => samePage(answer.address, address));
    },
    /** Where the library stands now: `put` keeps an answer only if it has not changed since. */
    version: () => changes,
    put(text: string, coverage: Coverage, address: string, asOf: number): Promise<void> {
      return inTurn(async () => {
        if (coverage.partial || asOf !== changes) return;
        const key = await keyOf(text);
        const now = [...(await all()).filter((answer) => answer.key !== key), { key, address }];
        await Promise.all(now.slice(0, -kept).map((answer) => store.remove(answer.key)));
        await store.set(key, coverage);
        await store.set(KEPT, now.slice(-kept));
      });
    },
    /** The library changed: every answer kept may list a story gone or miss a new one. */
    clear(): Promise<void> {
      changes++;
      return inTurn(async () => {
        await Promise.all((await all()).map((answer) => store.remove(answer.key)));
        await store.remove(KEPT);
      });
    },
  };
}

export type PageAnswers = ReturnType<typeof pageAnswers>;
