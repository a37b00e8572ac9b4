/**
 * The manners of a crawling source (an edition, a news section): robots.txt fetched once per site
 * per sync and honoured, and one request at a time per host with a pause between them (the
 * site's Crawl-delay when it asks for a longer one, within MAX_CRAWL_DELAY_MS). The pause spares
 * another's server: a site on the reader's own machine (127.0.0.1, ::1, localhost) gets none
 * unless its robots.txt asks for one.
 */
import { FetchError, type Fetched, type Validators } from './fetch-source';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type Robots } from './robots';

export type FetchDoc = (url: string, known: Validators) => Promise<Fetched>;

export interface Politeness {
  fetch: FetchDoc;
  /** Whether the site's robots.txt lets us fetch `url`. */
  allowed(url: string): Promise<boolean>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * What a robots.txt answer means: none (a 4xx) allows everything, as the RFC says; one that cannot
 * be read (a 5xx, a timeout, too large, sent elsewhere) allows nothing this time.
 */
function robotsFrom(result: Fetched | FetchError): Robots {
  if (result instanceof FetchError) return result.kind === 'http' && result.status !== undefined && result.status < 500 ? ALLOW_ALL : DISALLOW_ALL;
  return result.status === 'ok' ? parseRobots(result.text) : ALLOW_ALL;
}

/** This machine: loopback addresses and localhost. */
export const isLoopback = (hostname: string) => /^127(?:\.\d{1,3}){3}$|^\[::1\]$|^localhost$/i.test(hostname);

export function polite(fetch: FetchDoc, pauseMs: number, sleep = wait): Politeness {
  /** Per host: the end of its last request (a chain, so requests to it go one at a time). */
  const hosts = new Map<string, Promise<number | undefined>>();
  const robots = new Map<string, Promise<Robots>>();

  const delayOf = async (origin: string) => Math.max(pauseFor(origin), (await robots.get(origin))?.crawlDelayMs ?? 0);
  const pauseFor = (origin: string) => (isLoopback(new URL(origin).hostname) ? 0 : pauseMs);

  const politeFetch: FetchDoc = (url, known) => {
    const { host, origin } = new URL(url);
    const before = hosts.get(host) ?? Promise.resolve(undefined);
    const result = before.then(async (lastEnd) => {
      const delay = url.endsWith('/robots.txt') ? pauseFor(origin) : await delayOf(origin);
      if (lastEnd !== undefined && delay > 0) await sleep(Math.max(0, lastEnd + delay - Date.now()));
      return fetch(url, known);
    });
    hosts.set(
      host,
      result.then(
        () => Date.now(),
        () => Date.now(),
      ),
    );
    return result;
  };

  const robotsOf = (origin: string) => {
    let rules = robots.get(origin);
    if (!rules) {
      rules = politeFetch(`${origin}/robots.txt`, {}).then(robotsFrom, (error: unknown) => {
        if (error instanceof FetchError) return robotsFrom(error);
        throw error;
      });
      robots.set(origin, rules);
    }
    return rules;
  };

  return {
    fetch: async (url, known) => {
      await robotsOf(new URL(url).origin);
      return politeFetch(url, known);
    },
    async allowed(url) {
      const { origin, pathname, search } = new URL(url);
      return (await robotsOf(origin)).allows(pathname + search);
    },
  };
}
