/**
 * Random and broken input to every parser a page, a feed or a file reaches: each call ends in a
 * valid result or in the parser's own error with a readable message, within a bound far above
 * what a healthy parser needs (it catches loops and blow-ups, not slowness). Deterministic: the
 * cases come from a seeded generator, so a failure names a case that can be run again.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/article';
import { decodeMarkup } from '../../lib/extract/decode';
import { ImportError, storiesFromJsonl, storiesToJsonl } from '../../lib/library/jsonl';
import { PrintPageError, parsePrintPage } from '../../lib/library/print-page';
import { checkStory } from '../../lib/story';
import { FeedError, parseFeed } from '../../lib/library/sync/feed';
import { feedStories } from '../../lib/library/sync/feed-stories';
import { parseManifest } from '../../lib/library/sync/library-feed';
import { htmlDocument } from '../../lib/extract/html-document';
import { bundledStories, readPackageFile } from './helpers';
import { seededRandom } from '../../scripts/seeded-random';

const CASES = 300;
/** Per call: a healthy parser needs milliseconds for these inputs. */
const BOUND_MS = 2_000;

/** What hostile input tends to hold. */
const TOKENS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '{"__proto__":{"polluted":1}}',
  '1e309',
  '-0',
  'NaN',
  'null',
  '[1,2,3]',
  '\u0000',
  '\u001b[31m',
  '\ud800',
  '\udfff',
  '\u200b',
  '\u00ad',
  '\ufeff',
  '\u202e',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '&a;',
  '&#0;',
  '&#x110000;',
  '<script>alert(1)</script>',
  '"',
  '\\',
  '\n',
  '\r\n',
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  '下转02版',
  '株洲日报',
  '0000-01-01',
  '2024-02-31',
  '99999-01-01',
  'x'.repeat(5000),
  '株'.repeat(3000),
  '[['.repeat(500),
  '<a>'.repeat(500),
];

function mutate(text: string, next: () => number): string {
  const at = () => Math.floor(next() * (text.length + 1));
  switch (Math.floor(next() * 7)) {
    case 0:
      return text.slice(0, at());
    case 1: {
      const a = at();
      return text.slice(0, a) + text.slice(a + Math.floor(next() * 200));
    }
    case 2: {
      const a = at();
      return text.slice(0, a) + TOKENS[Math.floor(next() * TOKENS.length)] + text.slice(a);
    }
    case 3: {
      const a = at();
      return text.slice(0, a) + text.slice(a, a + 300).repeat(1 + Math.floor(next() * 20)) + text.slice(a);
    }
    case 4:
      return Array.from(text, (c) => (next() < 0.02 ? String.fromCharCode(Math.floor(next() * 0x10000)) : c)).join('');
    case 5:
      return Array.from({ length: Math.floor(next() * 4000) }, () => String.fromCharCode(Math.floor(next() * 256))).join('');
    default:
      return TOKENS[Math.floor(next() * TOKENS.length)].repeat(1 + Math.floor(next() * 50));
  }
}

/** A message a reader can be shown: some words, not a dump of the input. */
function expectReadable(error: Error) {
  expect(error.message.length).toBeGreaterThan(5);
  expect(error.message.length).toBeLessThan(1_000);
  // Line breaks between listed problems are fine; other control characters and lone surrogates are not.
  expect(error.message.replace(/[\n\t]/g, '')).not.toMatch(/[\p{Cc}\p{Cs}]/u);
}

/** Runs `parse` on CASES mutations of the samples: a valid result, or `expected` with a readable message. */
async function fuzz<T>(
  name: string,
  samples: string[],
  parse: (text: string) => T | Promise<T>,
  expected: Array<new (...args: never[]) => Error>,
  check: (result: T) => void,
) {
  const next = seededRandom([...name].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261));
  let results = 0;
  let errors = 0;
  for (let i = 0; i < CASES; i++) {
    const input = mutate(samples[i % samples.length], next);
    const started = performance.now();
    try {
      check(await parse(input));
      results++;
    } catch (error) {
      if (!expected.some((kind) => error instanceof kind))
        throw new Error(`${name} case ${i}: ${(error as Error).stack ?? String(error)}\ninput: ${JSON.stringify(input.slice(0, 200))}`);
      expectReadable(error as Error);
      errors++;
    }
    expect(performance.now() - started, `${name} case ${i}`).toBeLessThan(BOUND_MS);
  }
  // Both outcomes occur: the mutations neither always break nor never break the samples.
  expect(results).toBeGreaterThan(0);
  expect(errors).toBeGreaterThan(0);
}

const validStories = (stories: unknown[]) => {
  for (const story of stories) expect(checkStory(story)).toHaveProperty('story');
};
class NoArticle extends Error {
  constructor() {
    super('the page holds no article');
  }
}
const fixture = (name: string) => readFile(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');

describe('fuzzed input', () => {
  it('JSON Lines of the library', async () => {
    const jsonl = storiesToJsonl((await bundledStories()).slice(0, 3));
    await fuzz('jsonl', [jsonl], storiesFromJsonl, [ImportError], validStories);
  });

  it('feeds: RSS, Atom, JSON Feed', async () => {
    const samples = await Promise.all(['rss.xml', 'atom.xml', 'feed.json'].map(fixture));
    const source = { id: 'src-fuzz', name: '示例' };
    await fuzz('feed', samples, async (text) => (await feedStories(parseFeed(text), source, '2024-06-01')).stories, [FeedError], validStories);
  });

  it('library manifests', async () => {
    const manifest = JSON.stringify({
      library: '株洲日报',
      shards: [{ url: '2024-05.jsonl', version: '3' }, { url: 'https://lib.example.com/2024-06.jsonl' }],
    });
    await fuzz(
      'manifest',
      [manifest],
      (text) => parseManifest(text, 'https://lib.example.com/manifest.json'),
      [FeedError],
      (result) => {
        expect(Array.isArray(result.shards)).toBe(true);
        for (const shard of result.shards) expect(typeof shard.url).toBe('string');
      },
    );
  });

  it('newspaper page text', async () => {
    const page = await readPackageFile('seeds/zhuzhou-daily-2024-05-22-p1.txt');
    const info = { publication: '株洲日报', date: '2024-05-22', page: 1, origin: 'src-fuzz' };
    await fuzz('page', [page], (text) => parsePrintPage(text, info), [PrintPageError], validStories);
  });

  it('web pages, as the content script and `insight analyze` read them', async () => {
    const samples = await Promise.all(
      ['news.html', 'hostile.html', 'spa.html'].map((name) => readFile(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8')),
    );
    // No error of its own: a page is an article or it is not.
    await fuzz(
      'html',
      samples,
      (html) => extractArticle(htmlDocument(html), 'https://news.example.com/a.html') ?? Promise.reject(new NoArticle()),
      [NoArticle],
      (article) => {
        expect(typeof article.title).toBe('string');
        expect(typeof article.text).toBe('string');
      },
    );
  });

  it('bytes of a page or feed in any charset', () => {
    const next = seededRandom(7);
    const labels = [undefined, 'text/html; charset=gbk', 'text/xml; charset=utf-16', 'text/html; charset=nonsense', 'text/html; charset=utf-8'];
    for (let i = 0; i < CASES; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 3000) }, () => Math.floor(next() * 256));
      if (next() < 0.3) bytes.set(new TextEncoder().encode('<meta charset="gb2312">'), 0);
      expect(typeof decodeMarkup(bytes, labels[i % labels.length])).toBe('string');
    }
  });
});
