/**
 * `npm run -s insight -- <command>`: the command-line face of the same lib/ code the extension
 * runs, on the bundled library or on an exported one named by --library FILE.
 *
 *   export    print the library as JSON Lines, one story per line (the extension's export format)
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadBundledStories } from '../lib/library/bundled';
import { storiesFromJsonl, storiesToJsonl } from '../lib/library/jsonl';
import { compareStories, type Story } from '../lib/library/story';

const USAGE = `usage: npm run -s insight -- [--library FILE] <command>

commands:
  export    print the library as JSON Lines, one story per line

options:
  --library FILE   use an exported library (JSON Lines) instead of the bundled one
  --help           show this text`;

class UsageError extends Error {}

async function loadLibrary(file: string | undefined): Promise<Story[]> {
  if (file === undefined) {
    return loadBundledStories((path) => readFile(new URL(`../public/${path}`, import.meta.url), 'utf8'));
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read library file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return storiesFromJsonl(text).sort(compareStories);
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { library: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [command, ...extra] = positionals;
  if (!command) throw new UsageError('no command given');
  if (command !== 'export') throw new UsageError(`unknown command '${command}'`);
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
  process.stdout.write(storiesToJsonl(await loadLibrary(values.library)));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`insight: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`insight: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
});
