/**
 * `npm start`: builds the extension and opens Chromium with it on a bundled demo news page.
 * With a display the browser stays open until you close it. Without one it runs headless,
 * prints what the popup shows and where its screenshot is, and exits; it never waits forever.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchExtension, type ExtensionGlobal } from './launch-extension';
import { serveDirectory } from './static-server';

const HEADLESS_LIMIT_MS = 120_000;
const root = fileURLToPath(new URL('..', import.meta.url));
const screenshot = fileURLToPath(new URL('../.output/start-popup.png', import.meta.url));
const headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || Boolean(process.env.CI);

const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await serveDirectory(fileURLToPath(new URL('demo/', import.meta.url)));
const session = await launchExtension({ headless });

async function stop(code: number): Promise<never> {
  await session.close().catch(() => undefined);
  await server.close();
  process.exit(code);
}

const limit = setTimeout(() => {
  console.error(`npm start: gave up after ${HEADLESS_LIMIT_MS / 1000} s`);
  void stop(1);
}, HEADLESS_LIMIT_MS);

try {
  const news = await session.context.newPage();
  await news.goto(server.url);
  const worker = await session.worker();
  // The demo page is the active tab (matching tabs by URL would need the tabs permission).
  const tabId = await worker.evaluate(
    async () => (await (globalThis as unknown as ExtensionGlobal).chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );

  if (!headless) {
    clearTimeout(limit);
    console.log(`Chromium is open on the demo page ${server.url} with the extension loaded.`);
    console.log('Click the 株洲日报 icon in the toolbar (pin it from the puzzle-piece menu). Close the browser to stop.');
    await session.context.waitForEvent('close', { timeout: 0 });
    await stop(0);
  }

  const popup = await session.openPage(`popup.html?tabId=${tabId}`);
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.locator('[data-story-id]').first().waitFor({ timeout: 30_000 });
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator, not a DOM node: the text as rendered is wanted.
  const heading = (await popup.locator('.section-heading').first().innerText()).replace(/\s+/g, ' ');
  const cards = await popup.locator('[data-story-id]').evaluateAll((nodes) =>
    nodes.map((node) => ({
      kicker: node.querySelector('.kicker')?.textContent ?? '',
      title: node.querySelector('.story-title')?.textContent ?? '',
      meta: node.querySelector('.story-meta')?.textContent ?? '',
    })),
  );
  await popup.screenshot({ path: screenshot });

  console.log(`\nDemo page: ${server.url} (tab ${tabId})`);
  console.log(`The popup shows: ${heading}`);
  cards.forEach((card, i) => {
    console.log(`${String(i + 1).padStart(2)}. ${card.kicker ? `[${card.kicker}] ` : ''}${card.title}  — ${card.meta}`);
  });
  console.log(`\nScreenshot of the popup: ${screenshot}`);
  clearTimeout(limit);
  await stop(0);
} catch (error) {
  console.error('npm start failed:', error);
  clearTimeout(limit);
  await stop(1);
}
