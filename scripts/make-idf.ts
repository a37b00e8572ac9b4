/**
 * Writes public/nlp/idf.txt, the general IDF the keyword weights start from: jieba's own IDF
 * table (idf.txt, MIT, as shipped in @node-rs/jieba), cut to the words common enough to matter
 * (IDF < 10: about 44,000 words of two or more characters) and rounded to one decimal. Rarer words
 * get the default IDF at the top of the file. Run `npm run idf` after upgrading @node-rs/jieba.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const CUTOFF = 10;
const source = join(dirname(createRequire(import.meta.url).resolve('@node-rs/jieba/package.json')), 'idf.txt');
const table = (await readFile(source, 'utf8'))
  .trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/));
const rows = table.filter(([word, idf]) => [...word].length >= 2 && Number(idf) < CUTOFF);
const sorted = table.map(([, idf]) => Number(idf)).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const lines = [`# jieba idf.txt (MIT) via @node-rs/jieba; words with IDF < ${CUTOFF}; default ${median.toFixed(1)}`, `default\t${median.toFixed(1)}`];
for (const [word, idf] of rows) lines.push(`${word}\t${Number(idf).toFixed(1)}`);
await writeFile(new URL('../public/nlp/idf.txt', import.meta.url), `${lines.join('\n')}\n`);
console.log(`public/nlp/idf.txt: ${rows.length} words, default IDF ${median.toFixed(1)}`);
