/**
 * `npx tsx tests/bench/profile-wake.ts`: CPU profiles of the service worker over a cold page load
 * (worker stopped → the page's badge shows its final count), written as .cpuprofile files
 * (open them in DevTools' Performance panel) with a summary of where the time went.
 *
 * The worker's DevTools target outlives the worker (Chromium keeps it across stops), and a
 * profiler started on it starts again in the next worker from its first instruction: so the
 * profile covers the worker's start and script evaluation, not only what follows the wake.
 * PROFILE_RUNS (3) profiles; PROFILE_OUT (test-results/) where they go; EXTENSION_PATH another build.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchExtension } from '../../scripts/launch-extension';
import { attachToTarget } from '../fixtures/cdp-target';
import { servePages } from '../fixtures/pages-server';
import { pageToBadge } from './page';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const RUNS = Number(process.env.PROFILE_RUNS ?? 3);
const OUT = process.env.PROFILE_OUT ?? 'test-results';

const BUCKET_MS = 25;

/**
 * Self time by function (wasm functions, garbage collection, idle and V8's own work included), in
 * ms, the largest first; and what took most of each 25 ms of the profile (the order of a wake).
 */
function summary(profile: Profile, top = 15): { self: Array<[string, number]>; timeline: string[] } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const buckets: Array<Map<string, number>> = [];
  let at = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}${url ? `:${lineNumber + 1}` : ''}`;
    const ms = profile.timeDeltas[i] / 1000;
    at += ms;
    self.set(name, (self.get(name) ?? 0) + ms);
    const bucket = (buckets[Math.floor(at / BUCKET_MS)] ??= new Map());
    bucket.set(name, (bucket.get(name) ?? 0) + ms);
  });
  const largest = (times: Map<string, number>) => [...times].sort((a, b) => b[1] - a[1]);
  const timeline = [...buckets].map((bucket, i) => `${String(i * BUCKET_MS).padStart(5)} ms  ${bucket ? largest(bucket)[0][0] : '-'}`);
  return { self: largest(self).slice(0, top), timeline };
}

const server = await servePages();
const session = await launchExtension();
try {
  /** A page loaded until its badge shows the full answer, the worker stopped first or not; the ms taken. */
  const visit = (cold = false) => pageToBadge(session, server.base, { cold });
  // The library installed and jieba's snapshot kept, as a reader's browser has them.
  for (let i = 0; i < 3; i++) await visit();
  const through = await session.openPage('options.html');
  const url = (await session.worker()).url();
  const target = await attachToTarget(through, (t) => t.type === 'service_worker' && t.url === url);
  await target.send('Profiler.enable');
  await target.send('Profiler.setSamplingInterval', { interval: 200 });
  await mkdir(OUT, { recursive: true });
  for (let run = 0; run < RUNS; run++) {
    await target.send('Profiler.start');
    const { polled: ms } = await visit(true);
    const { profile } = await target.send<{ profile: Profile }>('Profiler.stop');
    const file = join(OUT, `cold-wake-${run}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    console.log(`\ncold page load → badge ${ms} ms; profile ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms → ${file}`);
    const { self, timeline } = summary(profile);
    console.log(timeline.join('\n'));
    for (const [name, ms] of self) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  }
  await target.detach();
} finally {
  await session.close();
  await server.close();
}
