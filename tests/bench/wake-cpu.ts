/**
 * `npx tsx tests/bench/wake-cpu.ts`: the CPU time the extension's process spends on a cold page
 * load (worker stopped → the badge's final count), beside its wall time. On two cores shared with
 * other work, wall times of the same build swing by half; CPU time, read from /proc (user +
 * system, its exited threads included), much less. Stopping the worker ends the extension's
 * process, so each wake starts a new one: what is counted is all of it. Linux only.
 *
 * WAKE_BUILDS=dirA,dirB (built extensions; default the current build) are compared in blocks of
 * WAKE_LOADS cold loads, each in a fresh browser, the order of the blocks alternating over
 * WAKE_ROUNDS rounds. WAKE_WAIT=N: the test server answers each page N ms late (a distant site).
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BUILT_EXTENSION, launchExtension } from '../../scripts/launch-extension';
import { servePages } from '../fixtures/pages-server';
import { pageToBadge } from './page';
import { printTable, type Row } from './stats';

const BUILDS = process.env.WAKE_BUILDS?.split(',') ?? [BUILT_EXTENSION];
const ROUNDS = Number(process.env.WAKE_ROUNDS ?? 4);
const LOADS = Number(process.env.WAKE_LOADS ?? 4);
const WAIT = Number(process.env.WAKE_WAIT ?? 0);
const MS_PER_TICK = 1000 / Number(execSync('getconf CLK_TCK').toString());

/** A process's fields after its name (which may hold spaces): state is [0], the parent [1]. */
const statOf = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
const cpuMs = (pid: number) => {
  const fields = statOf(pid);
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
};

/** This script's own browsers' extension processes (others may run Chromium too). */
function extensionProcesses(): number[] {
  const ours = (pid: number) => {
    for (let p = pid; p > 1; p = Number(statOf(p)[1])) if (p === process.pid) return true;
    return false;
  };
  return execSync('ps -eo pid=,args=')
    .toString()
    .split('\n')
    .filter((line) => line.includes('--extension-process'))
    .map((line) => Number.parseInt(line, 10))
    .filter((pid) => {
      try {
        return ours(pid);
      } catch {
        return false; // Ended meanwhile.
      }
    });
}

const server = await servePages();
const cpu = new Map<string, number[]>(BUILDS.map((b) => [b, []]));
const wall = new Map<string, number[]>(BUILDS.map((b) => [b, []]));
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const build of round % 2 ? [...BUILDS].reverse() : BUILDS) {
      const session = await launchExtension({ extensionPath: build });
      try {
        // The library installed and jieba's snapshot kept, as a reader's browser has them.
        for (let i = 0; i < 3; i++) await pageToBadge(session, server.base);
        for (let i = 0; i < LOADS; i++) {
          await session.stopWorker();
          await new Promise((resolve) => setTimeout(resolve, 500));
          const before = new Map(extensionProcesses().map((pid) => [pid, cpuMs(pid)]));
          wall.get(build)!.push((await pageToBadge(session, server.base, { wait: WAIT })).polled);
          cpu.get(build)!.push(extensionProcesses().reduce((sum, pid) => sum + cpuMs(pid) - (before.get(pid) ?? 0), 0));
        }
      } finally {
        await session.close();
      }
    }
  }
} finally {
  await server.close();
}
const name = (build: string) => (BUILDS.length > 1 ? ` — ${build.split('/').slice(-2).join('/')}` : '');
const rows: Row[] = BUILDS.flatMap((build) => [
  { measure: `cold page load → badge: extension process CPU${name(build)}`, runs: cpu.get(build)!.length, values: cpu.get(build)!, unit: 'ms' },
  { measure: `cold page load → badge: wall${name(build)}`, runs: wall.get(build)!.length, values: wall.get(build)!, unit: 'ms' },
]);
console.log(printTable(rows));
