/**
 * robots.txt read the way the big crawlers read it (RFC 9309): the group naming our product token,
 * else the `*` group; the longest matching rule decides, Allow winning a tie; `*` matches any run
 * of characters and a final `$` the end of the path. Bounded: only the first MAX_ROBOTS_CHARS are
 * read (a crawler must read at least 500 KiB), patterns are cut to MAX_PATTERN_CHARS, and matching
 * is a loop over two positions, never a regular expression a hostile pattern could make explode.
 */

/** The token our requests are known by in robots.txt groups (`User-agent: ZhuzhouDailyLens`). */
export const ROBOTS_AGENT = 'zhuzhoudailylens';

export const MAX_ROBOTS_CHARS = 512_000;
const MAX_PATTERN_CHARS = 1_000;
/** A Crawl-delay is honoured up to this (a larger one would stall a sync for hours). */
export const MAX_CRAWL_DELAY_MS = 10_000;

interface Rule {
  allow: boolean;
  pattern: string;
}

export interface Robots {
  /** Whether the path (with its query) may be fetched. */
  allows(pathAndQuery: string): boolean;
  /** The pause between requests the site asks for, in ms (bounded), if it asks. */
  crawlDelayMs?: number;
}

export const ALLOW_ALL: Robots = { allows: () => true };
export const DISALLOW_ALL: Robots = { allows: () => false };

/** Does `path` start with what `pattern` matches (`*` any run, a final `$` the end)? */
export function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const p = anchored ? pattern.slice(0, -1) : pattern;
  // Glob matching with one remembered star: linear in practice, O(|p|·|path|) at worst, both bounded.
  let i = 0;
  let j = 0;
  let star = -1;
  let resume = 0;
  while (j < path.length) {
    if (i < p.length && p[i] !== '*' && p[i] === path[j]) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      resume = j;
    } else if (i === p.length && !anchored) {
      return true;
    } else if (star >= 0) {
      i = star + 1;
      j = ++resume;
    } else {
      return false;
    }
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

/** A pattern as paths are written: non-ASCII characters percent-encoded (路径 → %E8%B7%AF%E5%BE%84). */
const encoded = (pattern: string) => pattern.slice(0, MAX_PATTERN_CHARS).replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run));

export function parseRobots(text: string, agent = ROBOTS_AGENT): Robots {
  const groups: Array<{ agents: string[]; rules: Rule[]; delay?: number }> = [];
  let current: (typeof groups)[number] | undefined;
  let inAgents = false;
  // A file cut at the bound loses its cut last line: half a rule would say something else (/x*y cut to /x*).
  const read = text.length > MAX_ROBOTS_CHARS ? text.slice(0, text.lastIndexOf('\n', MAX_ROBOTS_CHARS) + 1) : text;
  for (const raw of read.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!inAgents || !current) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      inAgents = true;
      continue;
    }
    inAgents = false;
    if (!current) continue;
    if ((key === 'allow' || key === 'disallow') && value) current.rules.push({ allow: key === 'allow', pattern: encoded(value) });
    else if (key === 'crawl-delay' && Number.isFinite(Number(value)) && Number(value) >= 0) current.delay = Number(value) * 1000;
  }
  const ours = groups.filter((g) => g.agents.some((a) => a !== '*' && agent.startsWith(a)));
  const chosen = ours.length ? ours : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delay = chosen.find((g) => g.delay !== undefined)?.delay;
  return {
    allows(pathAndQuery) {
      if (pathAndQuery === '/robots.txt') return true;
      let best: Rule | undefined;
      for (const rule of rules) {
        if (!matches(rule.pattern, pathAndQuery)) continue;
        if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
      }
      return best?.allow ?? true;
    },
    crawlDelayMs: delay === undefined ? undefined : Math.min(delay, MAX_CRAWL_DELAY_MS),
  };
}
