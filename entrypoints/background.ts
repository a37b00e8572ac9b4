import initJieba, * as jieba from 'jieba-wasm/web';
import { browser } from 'wxt/browser';
import { t, tn } from '../components/i18n';
import { cachedSnapshots } from '../components/jieba-snapshot';
import { keptTables } from '../components/kept-tables';
import { openStory } from '../components/open-story';
import { readPackageBytes, readPackageFile } from '../components/package-file';
import { PAPER_RED } from '../components/paper-red';
import { createBackgroundState } from '../lib/background-state';
import type { KeyValueStore } from '../lib/key-value-store';
import { fetchSource } from '../lib/library/sync/fetch-source';
import { SYNC_LIMITS } from '../lib/library/sync/limits';
import { SHOW_SELECTION_COMMAND } from '../lib/commands';
import { isTrustedSender, SYNC_STATUS_KEY, type PageCoverage, type TabCommand } from '../lib/messages';
import { badgeMark, badgeText } from '../lib/page/badge';
import { tabCoverage, tabKey } from '../lib/page/tab-coverage';
import { firstCalls } from '../lib/nlp/segmenter';
import { buildOrRestore } from '../lib/nlp/wasm-snapshot';
import { createService } from '../lib/service';
import { pageAnswers } from '../lib/service/page-answers';

/** The jieba wasm's SHA-256, and those of what builds the tagger's tables and what analyses a story, set by the build (wxt.config.ts). */
declare const JIEBA_WASM_SHA256: string;
declare const TAGGER_TABLES_SHA256: string;
declare const ANALYSIS_SHA256: string;

const CONTEXT_MENU_ID = 'zhuzhou-lens-selection';
const SYNC_ALARM = 'sync';
/** Every six hours, sources are synced in the background. */
const SYNC_EVERY_MINUTES = 360;

/** A storage area of the extension as a key-value store. */
const areaStore = (area: typeof browser.storage.local): KeyValueStore => ({
  get: async (key) => (await area.get(key))[key],
  set: (key, value) => area.set({ [key]: value }),
  remove: (key) => area.remove(key),
  keys: async () => Object.keys(await area.get(null)),
});

export default defineBackground(() => {
  const packageUrl = (path: string) => browser.runtime.getURL(`/${path}` as '/');
  const action = browser.action ?? browser.browserAction;
  const state = createBackgroundState({
    version: browser.runtime.getManifest().version,
    analysisVersion: ANALYSIS_SHA256,
    readPackageFile,
    readPackageBytes,
    taggerTables: keptTables(TAGGER_TABLES_SHA256),
    // Any extension API call resets the idle timer; this one has no effect of its own.
    keepAwake: () => browser.runtime.getPlatformInfo(),
    loadJieba: async (restoring) => {
      const wasm = initJieba({ module_or_path: packageUrl('jieba_rs_wasm_bg.wasm') });
      // The dictionary is built on jieba's first call: from last wake's copy where there is one,
      // read while the wasm compiles. The copy is taken after a few calls, warm (firstCalls), and
      // keeps the pages that differ from a fresh module's; it is named for both, so a copy an
      // older version took is replaced once.
      const copies = cachedSnapshots(`${JIEBA_WASM_SHA256}-first-calls-changed-pages`);
      const dictionary = await buildOrRestore(wasm, () => firstCalls(jieba), copies, { restoring });
      const { memory } = await wasm;
      return { ...jieba, dictionary, memoryBytes: () => memory.buffer.byteLength };
    },
  });

  const showCount = async (tabId: number, coverage: PageCoverage | null) => {
    const count = coverage?.related.length ?? 0;
    const title = count ? tn('badgeTitle', count) : t('actionTitle');
    const text = badgeText(count);
    // Marked as asked for: the browser shows it then, whatever the worker does before it hears back.
    performance.mark(badgeMark(tabId), { detail: text });
    // The tab may have closed meanwhile: nothing to show then.
    await Promise.all([action.setBadgeText({ tabId, text }), action.setTitle({ tabId, title })]).catch(() => undefined);
  };
  const session = areaStore(browser.storage.session);
  const tabs = tabCoverage(session, showCount);
  const { handle, forgetTab, syncAll, resumeSync } = createService({
    ...state,
    tabs,
    answers: pageAnswers(session),
    openStory,
    sync: {
      fetch: (url, known) => fetchSource(url, known, SYNC_LIMITS),
      store: areaStore(browser.storage.local),
      status: (status) => (status ? session.set(SYNC_STATUS_KEY, status) : session.remove(SYNC_STATUS_KEY)),
      // The reader's calendar day: 'sv' writes dates as YYYY-MM-DD.
      today: () => new Date().toLocaleDateString('sv'),
    },
  });
  // A worker stopped mid-sync finishes it when it wakes.
  void resumeSync();
  const extensionOrigin = packageUrl('');

  browser.runtime.onInstalled.addListener(() => {
    void state.reinstall();
    void action.setBadgeBackgroundColor({ color: PAPER_RED });
    browser.contextMenus.create({ id: CONTEXT_MENU_ID, title: browser.i18n.getMessage('contextMenuTitle'), contexts: ['selection'] });
    void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES });
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncAll();
  });

  /** The tab's selection shown in its bubble, asked for from the context menu or by the shortcut. */
  const showSelection = (tabId: number | undefined) => {
    if (tabId === undefined) return;
    const command: TabCommand = { type: 'BG_SHOW_SELECTION' };
    // A page without our content script (the browser's own pages) has nothing to show it in.
    browser.tabs.sendMessage(tabId, command).catch(() => undefined);
  };
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CONTEXT_MENU_ID) showSelection(tab?.id);
  });
  // The command comes with its tab (Chrome 86+): no `tabs` permission is needed to know which.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === SHOW_SELECTION_COMMAND) showSelection(tab?.id);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    performance.clearMarks(badgeMark(tabId));
    void session.remove(tabKey(tabId));
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isTrustedSender(message, sender, browser.runtime.id, extensionOrigin)) return undefined;
    return handle(message, { tabId: sender.tab?.id, url: sender.url });
  });
});
