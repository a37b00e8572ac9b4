/**
 * `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint) over the Firefox build. Errors
 * fail; so does any warning except the ones explained below (and in the README), each recognised
 * by the code around it so that a new one of the same kind still fails.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const build = fileURLToPath(new URL('../.output/firefox-mv2/', import.meta.url));

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Warnings from libraries' own code, which the extension never reaches with page or story text. */
const EXPLAINED = [
  {
    why: 'Preact applies dangerouslySetInnerHTML, which no component of the extension uses (stories render as text)',
    near: /\.__html/,
  },
  {
    why: 'Readability moves markup inside its own copy of the page (between attempts, out of noscript), a document no page sees',
    near: /_attempts|_isSingleImage/,
  },
  {
    why: "linkedom's innerHTML and outerHTML parse markup into its own objects, a DOM in plain JavaScript that the worker's crawls read and no browser renders",
    near: /set outerHTML\(|\.ignoreCase\?\w+\.toUpperCase\(\)/,
  },
];

/** The minified code around a finding. */
function around({ file, line, column }: Finding): string {
  if (!file || !line || column === undefined) return '';
  const text = readFileSync(`${build}${file}`, 'utf8').split('\n')[line - 1] ?? '';
  return text.slice(Math.max(0, column - 300), column + 300);
}

const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', build, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
if (!run.stdout) {
  console.error(`web-ext lint did not run: ${run.stderr || run.error}`);
  process.exit(1);
}
const report = JSON.parse(run.stdout) as { errors: Finding[]; warnings: Finding[]; notices: Finding[] };
const unexplained: Finding[] = [];
for (const finding of [...report.errors, ...report.warnings]) {
  const code = finding.code === 'UNSAFE_VAR_ASSIGNMENT' ? around(finding) : '';
  const reason = EXPLAINED.find(({ near }) => code && near.test(code));
  if (reason) console.log(`explained: ${finding.code} in ${finding.file}: ${reason.why}`);
  else unexplained.push(finding);
}
for (const finding of unexplained) console.error(`${finding.code} ${finding.file ?? ''}:${finding.line ?? ''} ${finding.message}`);
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexplained.length} explained), ${report.notices.length} notices`,
);
process.exit(unexplained.length > 0 ? 1 : 0);
