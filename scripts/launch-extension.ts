/**
 * Starts Debian's Chromium with the built extension loaded, for the end-to-end tests and for
 * `npm start`. Headless uses Chromium's new headless mode, which loads unpacked extensions.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

import type { Browser } from 'webextension-polyfill';

/**
 * The `chrome` global inside code that runs in an extension context through `evaluate`; extension
 * code itself uses `browser.*`. Cast `globalThis` to this there.
 */
export type ExtensionGlobal = { chrome: Browser };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The build to load: `.output/chrome-mv3`, or EXTENSION_PATH (a benchmark of another build, for before/after pairs). */
export const BUILT_EXTENSION = process.env.EXTENSION_PATH ?? fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker as it is now (it changes after a reload). */
  worker(): Promise<Worker>;
  /** Opens an extension page such as `popup.html?tabId=1`. */
  openPage(path: string): Promise<Page>;
  /** Stops the service worker through the DevTools protocol, as MV3 does whenever it idles. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  extensionPath?: string;
  /** Reuse a profile (to restart the browser on the same library); a fresh one otherwise. */
  userDataDir?: string;
  /** The browser's UI language, which picks the extension's strings: zh_CN (default) or en. */
  language?: string;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const { headless = true, extensionPath = BUILT_EXTENSION } = options;
  const profile = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'zhuzhou-lens-profile-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1100, height: 800 },
    // Chromium on Linux takes its UI language, and so the extension's _locales, from the environment.
    env: { ...process.env, LANGUAGE: options.language ?? 'zh_CN', LANG: `${options.language ?? 'zh_CN'}.UTF-8` },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });

  const worker = async () => context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL((await worker()).url()).host;

  return {
    context,
    extensionId,
    worker,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async stopWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(profile, { recursive: true, force: true });
    },
  };
}
