/**
 * What the service keeps of the library between messages: the query finder, which caches the
 * library's names for English text, and the library page's counts (and, in session storage, the
 * pages' answers: lib/service/page-answers.ts). Every change to the library
 * goes through `libraryChanged`, so no answer comes from what the library no longer is.
 */
import type { Library } from '../library/library';
import { queryFinder, type QueryFinder } from '../match/related';
import type { Analyzer } from '../nlp/analyzer';
import type { PageAnswers } from './page-answers';

export interface LibraryCache {
  /** The query finder over the library, made at the first query after a change. */
  finder(lib: Library): Promise<QueryFinder>;
  /**
   * A count of the library (or the list of its origins) under `key`, counted at the first ask after
   * a change: IndexedDB counts record by record (a second or more at 100,000 stories), and the
   * library page asks again and again.
   */
  counted<T>(key: string, count: () => Promise<T>): Promise<T>;
  /**
   * The library changed: `here`, written by this worker (its library connection has already
   * dropped what its queries kept); `elsewhere`, written on another connection (the options
   * page's import), so the library drops what it kept too and the analyzer learns the new
   * stories' names (those it knows are skipped).
   */
  libraryChanged(lib: Library, where: 'here' | 'elsewhere'): Promise<void>;
}

export function libraryCache(analyzer: () => Promise<Analyzer>, read: (path: string) => Promise<string>, answers: Pick<PageAnswers, 'clear'>): LibraryCache {
  let finder: QueryFinder | undefined;
  const counts = new Map<string, Promise<unknown>>();
  return {
    async finder(lib) {
      return (finder ??= queryFinder({ analyzer: await analyzer(), index: lib.index, libraryNames: () => lib.entityNames(), read }));
    },
    counted<T>(key: string, count: () => Promise<T>) {
      let counting = counts.get(key) as Promise<T> | undefined;
      if (!counting) {
        counting = count();
        counts.set(key, counting);
        // A failed count is not kept: the next ask counts again.
        counting.catch(() => counts.get(key) === counting && counts.delete(key));
      }
      return counting;
    },
    async libraryChanged(lib, where) {
      finder = undefined;
      counts.clear();
      await answers.clear();
      if (where === 'here') return;
      lib.changedElsewhere();
      (await analyzer()).learnLibrary({ names: await lib.names() });
    },
  };
}
