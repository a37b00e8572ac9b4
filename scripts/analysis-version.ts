/**
 * Which analysis a build makes: the hash of what decides a stored story's profile and index
 * entries. One module for the extension's build (wxt.config.ts, as ANALYSIS_SHA256) and the
 * `insight` CLI, so a file either exports says the same version and either keeps the other's analysis.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';

const ROOT = new URL('../', import.meta.url);

export const JIEBA_WASM = 'node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm';

/** The SHA-256 of the project's `files` (paths from the project's root), in that order. */
export function sha256(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(new URL(file, ROOT)));
  return hash.digest('hex');
}

/** The project's files `entries` import, themselves included, following every relative import (static, dynamic, type-only). */
function importClosure(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.ts')) return;
    for (const [, specifier] of readFileSync(new URL(file, ROOT), 'utf8').matchAll(/\b(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = posix.join(posix.dirname(file), specifier);
      visit(target.endsWith('.json') ? target : `${target}.ts`);
    }
  };
  for (const entry of entries) visit(entry);
  return [...seen].sort();
}

/**
 * What decides a stored story's profile and index entries: the code that analyses and indexes it
 * (found by its imports, so the list never goes stale, and a retrained ranker, which reads the
 * entries, is no part of it), the data it reads, jieba, and the packages' versions (OpenCC, jieba's
 * dictionary, the countries). A build that changes any of it has the library's stories analysed
 * again (lib/library/reanalyse.ts), and an imported or synced story's analysis made by another
 * analysis made again (lib/library/analyze-stories.ts).
 */
export function analysisVersion(): string {
  return sha256([
    ...importClosure(['lib/library/analyze-stories.ts', 'lib/match/index-entry.ts']),
    ...readdirSync(new URL('public/nlp', ROOT))
      .sort()
      .map((file) => `public/nlp/${file}`),
    JIEBA_WASM,
    'package-lock.json',
  ]);
}
