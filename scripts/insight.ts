/**
 * `npm run -s insight -- <command>`: the command-line face of the same lib/ code the extension
 * runs, on the bundled library or on an exported one named by --library FILE.
 *
 *   export           print the library as JSON Lines, one story per line (the extension's format)
 *   analyze --jsonl  read {"id","text"} or {"id","html","url"?} lines on stdin; write the article
 *                    (for html), entities, keywords and related stories
 *   search QUERY     the stories the popup's search box lists for a name or a few words
 *   crawl URL        the stories a source yields (library, feed, page text, edition, news section)
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import * as jieba from 'jieba-wasm';
import { extractArticle } from '../lib/extract/article';
import { htmlDocument } from '../lib/extract/html-document';
import { withAnalysis } from '../lib/library/analyze-stories';
import { loadBundledStories } from '../lib/library/bundled';
import { ImportError, jsonlParts, readJsonl, storyLine } from '../lib/library/jsonl';
import { compareStories, type Story } from '../lib/story';
import { MemoryIndex } from '../lib/match/memory-index';
import { queryFinder, type QueryFinder } from '../lib/match/related';
import { createAnalyzer, type Analyzer } from '../lib/nlp/analyzer';
import { analysisVersion } from './analysis-version';
import { publicFiles, readPublic } from './public-files';
import { articleText } from '../lib/page/article-text';
import { isSearchQuery } from '../lib/match/search';
import { crawlSource } from '../lib/library/sync/crawl';
import { editionDay, isEditionPage } from '../lib/library/sync/edition-layout';
import { type Fetched, fetchSource, type Validators } from '../lib/library/sync/fetch-source';
import type { Source } from '../lib/library/sync/source';
import { makeSource } from '../lib/library/sync/sources';
import { kindFromContent } from '../lib/library/sync/suggest-kind';
import { SYNC_LIMITS } from '../lib/library/sync/limits';

const USAGE = `usage: npm run -s insight -- [--library FILE] <command>

commands:
  export           print the library as JSON Lines, one story per line
  analyze --jsonl  read JSON Lines {"id","text"} or {"id","html","url"?} from stdin and write, one line per input:
                   {"id","article"?:{"title","text","date"?},"entities":{"person","place","org"},"keywords",
                    "related":[{"id","title","date","score","shared","tier"}]}   (article: for html input;
                    tier: "same_event" | "background", same-event stories first)
  search QUERY     print, as JSON Lines {"id","title","date","score"}, the stories the popup's search box
                   lists for QUERY (a name or a few words; a longer passage is for analyze)
  crawl URL        print, as JSON Lines in the export format, the stories the source at URL yields: a
                   library manifest, a news feed, newspaper page text, a digital edition (every article of
                   every page of the address's day) or a news site's section page; progress on stderr

options:
  --library FILE   use an exported library (JSON Lines) instead of the bundled one
  --jsonl          input and output are JSON Lines (required by analyze)
  --max N          crawl: at most N stories (an edition or a section fetches at most N articles)
  --pause MS       crawl: the pause between two requests to the site, in ms (default 1000)
  --days N         crawl: a dated edition's last N days ending at the address's day (at most 31; a day
                   without an edition is skipped)
  --help           show this text`;

/** --days at most: a month of an edition is already thousands of requests at the polite pace. */
const MAX_CRAWL_DAYS = 31;

class UsageError extends Error {}
/** A source that could not be read: said on stderr, exit 1. */
class CrawlError extends Error {}

async function loadLibrary(file: string | undefined): Promise<Story[]> {
  if (file === undefined) return loadBundledStories(readPublic);
  try {
    // Read in pieces, as the options page reads an import: a library file may be larger than a string.
    return (await readJsonl(createReadStream(file))).stories.sort(compareStories);
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`${file}: ${error.message}`);
    throw new UsageError(`cannot read library file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * The library as the extension holds it once analysed: every story analysed, the gazetteer
 * taught. The file is the user's own: an analysis it says this tree's analysis made is trusted
 * (the extension checks one by analysing the story again in the background, to the same result).
 */
async function analysedLibrary(stories: Story[], analyzer: Analyzer): Promise<Story[]> {
  return withAnalysis(analyzer, analysisVersion(), stories, { trusted: true });
}

/** The library's queries over the same records the extension keeps in IndexedDB, held in memory. */
async function libraryFinder(stories: Story[], analyzer: Analyzer): Promise<QueryFinder> {
  const index = MemoryIndex.ofStories(stories, await analyzer.idf());
  return queryFinder({ analyzer, index, libraryNames: async () => index.entityNames(), read: readPublic });
}

async function searchQuery(finder: QueryFinder, query: string): Promise<void> {
  if (!isSearchQuery(query)) throw new UsageError('search takes a name or a few words; for a passage use analyze --jsonl');
  for (const { id, title, date, score } of (await finder.search(query)).hits) process.stdout.write(`${JSON.stringify({ id, title, date, score })}\n`);
}

type Input = { id?: unknown; text?: unknown; html?: unknown; url?: unknown };

/** A line's input object, or why it is none: `null`, a number or an array is JSON but no input. */
function parseInput(line: string): Input | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Input) : 'not a JSON object';
}

async function analyzeLines(finder: QueryFinder): Promise<void> {
  let n = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    const input = parseInput(line);
    if (typeof input === 'string') {
      process.stdout.write(`${JSON.stringify({ id: null, error: `line ${n}: ${input}` })}\n`);
      continue;
    }
    const id = input.id ?? null;
    // html input goes through the content script's own extraction, and its text as the popup reads it.
    const article =
      typeof input.html === 'string' ? extractArticle(htmlDocument(input.html), typeof input.url === 'string' ? input.url : undefined) : undefined;
    const text = typeof input.text === 'string' ? input.text : article ? articleText(article) : undefined;
    if (text === undefined) {
      const error = typeof input.html === 'string' ? 'the html holds no article' : 'needs a "text" or an "html" string';
      process.stdout.write(`${JSON.stringify({ id, error: `line ${n}: ${error}` })}\n`);
      continue;
    }
    const { analysis, related } = await finder.related(text);
    process.stdout.write(
      `${JSON.stringify({
        id,
        ...(article && { article: { title: article.title, text: article.text, ...(article.date && { date: article.date }) } }),
        entities: analysis.entities,
        keywords: analysis.keywords.map((k) => k.word),
        related: related.map(({ id: storyId, title, date, score, shared, tier }) => ({ id: storyId, title, date, score, shared, tier })),
      })}\n`,
    );
  }
}

/** A whole number option, at least `min`, or undefined when not given. */
function count(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${name} takes a whole number of at least ${min}, not '${value}'`);
  return Number(value);
}

/** An edition's page by its address; anything else by what it answers (one request more). */
async function kindOf(url: string, fetch: (url: string, known: Validators) => Promise<Fetched>) {
  if (isEditionPage(url)) return { kind: 'edition' as const, url };
  const answer = await fetch(url, {}).catch((error: unknown) => {
    throw new CrawlError((error as Error).message);
  });
  const text = answer.status === 'ok' ? answer.text : '';
  return kindFromContent(text, url, () => htmlDocument(text));
}

/** A source's stories printed as it yields them. */
async function crawl(address: string, max: number | undefined, pauseMs: number | undefined, days: number | undefined): Promise<void> {
  const fetch = (url: string, known: Validators) => fetchSource(url, known, SYNC_LIMITS);
  const today = new Date().toLocaleDateString('sv');
  let source: Source;
  try {
    source = await makeSource({ kind: 'section', url: address });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { kind, url } = await kindOf(source.url, fetch);
  const host = new URL(url).hostname;
  source = await makeSource({ kind, url, ...(kind === 'print-page' && { printPage: { publication: host, date: today, page: 1 } }) });
  if (days !== undefined && (kind !== 'edition' || !editionDay(url)))
    throw new UsageError('--days is for a dated edition address (…/2024-06/01/node_1.htm and the like)');
  process.stderr.write(`insight crawl: ${source.url} is read as a source of kind ${kind}\n`);
  let n = 0;
  const { result } = await crawlSource(source, {
    fetch,
    today,
    max,
    pauseMs,
    days,
    onStory(story) {
      n++;
      process.stdout.write(storyLine(story));
      process.stderr.write(`insight crawl: ${n} ${story.date}${story.page !== undefined ? ` p${story.page}` : ''} ${story.title}\n`);
    },
  });
  if (result.problem) throw new CrawlError(`${result.problem}: ${result.error ?? ''}`);
  const notes = Object.entries(result).filter(([key, value]) => typeof value === 'number' && value > 0 && !['added', 'updated', 'unchanged'].includes(key));
  process.stderr.write(`insight crawl: ${n} stories${notes.length ? ` (${notes.map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}\n`);
}

/** The command line read, or a UsageError saying what is wrong with it. */
function readCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        library: { type: 'string' },
        jsonl: { type: 'boolean' },
        help: { type: 'boolean' },
        max: { type: 'string' },
        pause: { type: 'string' },
        days: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function main(argv: string[]): Promise<void> {
  const parsed = readCommandLine(argv);
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [command, ...extra] = positionals;
  if (!command) throw new UsageError('no command given');
  if (command === 'search') {
    if (!extra.length || !extra.join('').trim()) throw new UsageError('search needs a QUERY');
    const analyzer = createAnalyzer(async () => jieba, publicFiles);
    await searchQuery(await libraryFinder(await analysedLibrary(await loadLibrary(values.library), analyzer), analyzer), extra.join(' '));
    return;
  }
  if (command === 'crawl') {
    if (extra.length !== 1) throw new UsageError('crawl needs one URL');
    const days = count(values.days, '--days', 1);
    if (days !== undefined && days > MAX_CRAWL_DAYS) throw new UsageError(`--days takes at most ${MAX_CRAWL_DAYS}, not ${days}`);
    await crawl(extra[0], count(values.max, '--max', 1), count(values.pause, '--pause', 0), days);
    return;
  }
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
  if (command === 'export') {
    // In parts, as the options page exports: a large library is never one string.
    for await (const part of jsonlParts([await loadLibrary(values.library)])) if (!process.stdout.write(part)) await once(process.stdout, 'drain');
  } else if (command === 'analyze') {
    if (!values.jsonl) throw new UsageError('analyze reads JSON Lines: add --jsonl');
    const analyzer = createAnalyzer(async () => jieba, publicFiles);
    await analyzeLines(await libraryFinder(await analysedLibrary(await loadLibrary(values.library), analyzer), analyzer));
  } else {
    throw new UsageError(`unknown command '${command}'`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`insight: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof CrawlError) {
    process.stderr.write(`insight crawl: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`insight: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
});
