/**
 * `npm run eval:extract`: article extraction on two sets of saved pages, against plain Readability
 * with its default options as the baseline.
 *
 * - Chinese-Web-Content-Extraction-Dataset: 30 hand-labelled Chinese news pages (body and date).
 * - Readability's own test pages (22): the gold body is the text of expected.html, so Readability
 *   scores 1 there by construction; ours must not lose to it.
 *
 * Body score: F1 over the multisets of adjacent character pairs, whitespace removed, which is
 * fair to Chinese (no word boundaries) and indifferent to line layout. Dates compare YYYY-MM-DD.
 * `--show ID` prints our text for the page(s) whose id starts with ID, with the gold lines we miss.
 * Reads the data in place from $EVAL_DIR/extraction (default ../shared/eval) and skips when absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle, looksLikeArticle, type Article } from '../../lib/extract/article';
import { decodeMarkup } from '../../lib/extract/decode';
import { blockText } from '../../lib/extract/text';

const EVAL_DIR = process.env.EVAL_DIR ?? fileURLToPath(new URL('../../../shared/eval', import.meta.url));
const CHINESE_DIR = join(EVAL_DIR, 'extraction', 'Chinese-Web-Content-Extraction-Dataset');
const READABILITY_DIR = join(EVAL_DIR, 'extraction', 'readability');
// The address Readability's own test suite gives every page.
const READABILITY_URL = 'http://fakehost/test/page.html';

interface Page {
  id: string;
  html: string;
  gold: string;
  goldDate?: string;
  url?: string;
}

/** 'YYYY-MM-DD' from a gold date ('2005-3-11 12:12', ISO 8601), or undefined for UNKNOWN and the like. */
function dayOf(value: string | null | undefined): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value?.trim() ?? '');
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : undefined;
}

function readChinese(): Page[] {
  return readdirSync(join(CHINESE_DIR, 'original'))
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => {
      const id = name.slice(0, -'.html'.length);
      return {
        id,
        html: decodeMarkup(readFileSync(join(CHINESE_DIR, 'original', name))),
        gold: readFileSync(join(CHINESE_DIR, 'cleaned', `${id}.txt`), 'utf8'),
        goldDate: dayOf(readFileSync(join(CHINESE_DIR, 'date', `${id}.txt`), 'utf8')),
      };
    });
}

function readReadability(): Page[] {
  return readdirSync(READABILITY_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((id) => {
      const file = (name: string) => readFileSync(join(READABILITY_DIR, id, name));
      const expected = parseHTML(`<!doctype html><html><body>${file('expected.html').toString('utf8')}</body></html>`).document;
      return {
        id,
        // Stored as UTF-8 whatever the page declares (qq says gb2312, hukumusume Shift_JIS).
        html: file('source.html').toString('utf8'),
        gold: blockText(expected.body),
        goldDate: dayOf(JSON.parse(file('expected-metadata.json').toString('utf8')).publishedTime),
        url: READABILITY_URL,
      };
    });
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/\s+/g, '')];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i] + chars[i + 1];
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

function bigramF1(found: string, gold: string): number {
  const a = bigrams(found);
  const b = bigrams(gold);
  const total = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  let shared = 0;
  for (const [pair, n] of a) shared += Math.min(n, b.get(pair) ?? 0);
  if (!shared) return 0;
  const p = shared / total(a);
  const r = shared / total(b);
  return (2 * p * r) / (p + r);
}

interface Result {
  page: Page;
  baseline: number;
  baselineDate?: string;
  baselineMs: number;
  ours: number;
  article?: Article;
  looks: boolean;
  looksMs: number;
  oursMs: number;
}

function run(page: Page): Result {
  const doc = () => parseHTML(page.html).document as unknown as Document;
  const plainDoc = doc();
  let started = performance.now();
  const plain = new Readability(plainDoc.cloneNode(true) as Document).parse();
  const baselineMs = performance.now() - started;

  const ourDoc = doc();
  started = performance.now();
  const looks = looksLikeArticle(ourDoc);
  const looksMs = performance.now() - started;
  started = performance.now();
  const article = extractArticle(ourDoc, page.url);
  const oursMs = performance.now() - started;
  return {
    page,
    baseline: bigramF1(plain?.textContent ?? '', page.gold),
    baselineDate: dayOf(plain?.publishedTime),
    baselineMs,
    ours: bigramF1(article?.text ?? '', page.gold),
    article,
    looks,
    looksMs,
    oursMs,
  };
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / (values.length || 1);
const f3 = (n: number) => n.toFixed(3);
const ms = (n: number) => n.toFixed(1);

function dateCounts(results: Result[], pick: (r: Result) => string | undefined) {
  const known = results.filter((r) => r.page.goldDate);
  const correct = known.filter((r) => pick(r) === r.page.goldDate).length;
  const wrong = known.filter((r) => pick(r) && pick(r) !== r.page.goldDate).length;
  return { known: known.length, found: known.length - known.filter((r) => !pick(r)).length, correct, wrong, missing: known.filter((r) => !pick(r)).length };
}

function report(name: string, results: Result[], perPage: boolean): void {
  console.log(`\n## ${name} (${results.length} pages)\n`);
  console.log('| extractor | mean body F1 | pages ≥ 0.95 | mean ms/page | max ms/page |');
  console.log('|---|---:|---:|---:|---:|');
  const row = (label: string, scores: number[], times: number[]) =>
    console.log(`| ${label} | ${f3(mean(scores))} | ${scores.filter((s) => s >= 0.95).length} | ${ms(mean(times))} | ${ms(Math.max(...times))} |`);
  row(
    'Readability, default options',
    results.map((r) => r.baseline),
    results.map((r) => r.baselineMs),
  );
  row(
    'ours (extractArticle)',
    results.map((r) => r.ours),
    results.map((r) => r.oursMs),
  );
  const looksTimes = results.map((r) => r.looksMs);
  console.log(
    `\nlooksLikeArticle: true on ${results.filter((r) => r.looks).length}/${results.length}, ` +
      `mean ${ms(mean(looksTimes))} ms, max ${ms(Math.max(...looksTimes))} ms; extractArticle undefined on ${results.filter((r) => !r.article).length}`,
  );

  const shown = perPage ? results : results.filter((r) => Math.abs(r.ours - r.baseline) >= 0.0005);
  if (shown.length) {
    console.log(
      perPage
        ? '\n| page | baseline F1 | ours F1 | gold date | our date | ms |'
        : '\nPages where ours differs from the baseline:\n\n| page | baseline F1 | ours F1 | gold date | our date | ms |',
    );
    console.log('|---|---:|---:|---|---|---:|');
    for (const r of shown) {
      const date = r.article?.date ?? '—';
      const mark = r.page.goldDate && r.article?.date ? (date === r.page.goldDate ? ' ✓' : ' ✗') : '';
      console.log(`| ${r.page.id.slice(0, 8)} | ${f3(r.baseline)} | ${f3(r.ours)} | ${r.page.goldDate ?? 'unknown'} | ${date}${mark} | ${ms(r.oursMs)} |`);
    }
  }

  console.log('\n| dates (gold known) | pages | found | correct | wrong | missing |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [label, pick] of [
    ['Readability publishedTime', (r: Result) => r.baselineDate],
    ['ours (findPublishedDate)', (r: Result) => r.article?.date],
  ] as const) {
    const c = dateCounts(results, pick);
    console.log(`| ${label} | ${c.known} | ${c.found} | ${c.correct} | ${c.wrong} | ${c.missing} |`);
  }
}

function show(results: Result[], prefix: string): void {
  for (const r of results.filter((x) => x.page.id.startsWith(prefix))) {
    const squash = (s: string) => s.replace(/\s+/g, '');
    const ours = squash(r.article?.text ?? '');
    console.log(`\n### ${r.page.id}: F1 ${f3(r.ours)}, title ${JSON.stringify(r.article?.title)}, site ${r.article?.site}, date ${r.article?.date}\n`);
    console.log(r.article?.text ?? '(no article)');
    console.log('\n--- gold lines missing from ours:');
    for (const line of r.page.gold.split('\n').map(squash).filter(Boolean)) if (!ours.includes(line)) console.log(`- ${line}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { show: { type: 'string' } } });
  if (!existsSync(CHINESE_DIR) || !existsSync(READABILITY_DIR)) {
    console.log(`eval:extract skipped: no extraction data under ${join(EVAL_DIR, 'extraction')} (set EVAL_DIR to its folder)`);
    process.exit(0);
  }
  const chinese = readChinese().map(run);
  const readability = readReadability().map(run);
  if (values.show) {
    show([...chinese, ...readability], values.show);
  } else {
    console.log('# Article extraction: plain Readability vs ours');
    report('Chinese-Web-Content-Extraction-Dataset', chinese, true);
    report('Readability test pages', readability, false);
  }
}
