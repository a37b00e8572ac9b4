import initJieba, * as jieba from 'jieba-wasm/web';
import { browser } from 'wxt/browser';
import { createBackgroundState } from '../lib/background-state';
import { isTrustedSender, type PageCoverage, type TabCommand } from '../lib/messages';
import { badgeText } from '../lib/page/badge';
import { tabCoverage, tabKey } from '../lib/page/tab-coverage';
import { createService } from '../lib/service';

/** The badge's colour: the masthead red of the paper. */
const BADGE_COLOUR = '#b3261e';
const CONTEXT_MENU_ID = 'zhuzhou-lens-selection';

export default defineBackground(() => {
  const packageUrl = (path: string) => browser.runtime.getURL(`/${path}` as '/');
  const action = browser.action ?? browser.browserAction;
  const state = createBackgroundState({
    version: browser.runtime.getManifest().version,
    readPackageFile: async (path) => {
      const response = await fetch(packageUrl(path));
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return response.text();
    },
    loadJieba: async () => {
      const { memory } = await initJieba({ module_or_path: packageUrl('jieba_rs_wasm_bg.wasm') });
      return { ...jieba, memoryBytes: () => memory.buffer.byteLength };
    },
  });

  const showCount = async (tabId: number, coverage: PageCoverage | null) => {
    const count = coverage?.related.length ?? 0;
    const title = count ? browser.i18n.getMessage('badgeTitle', [String(count)]) : browser.i18n.getMessage('actionTitle');
    // The tab may have closed meanwhile: nothing to show then.
    await Promise.all([action.setBadgeText({ tabId, text: badgeText(count) }), action.setTitle({ tabId, title })]).catch(() => undefined);
  };
  const session = browser.storage.session;
  const tabs = tabCoverage(
    { get: async (key) => (await session.get(key))[key], set: (key, value) => session.set({ [key]: value }), remove: (key) => session.remove(key) },
    showCount,
  );
  const handle = createService({
    ...state,
    tabs,
    openStory: async (id) => void (await browser.tabs.create({ url: `${packageUrl('story.html')}?id=${encodeURIComponent(id)}` })),
  });
  const extensionOrigin = packageUrl('');

  browser.runtime.onInstalled.addListener(() => {
    void state.reinstall();
    void action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
    browser.contextMenus.create({ id: CONTEXT_MENU_ID, title: browser.i18n.getMessage('contextMenuTitle'), contexts: ['selection'] });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CONTEXT_MENU_ID || tab?.id === undefined) return;
    const command: TabCommand = { type: 'BG_SHOW_SELECTION' };
    // A page without our content script (the browser's own pages) has nothing to show it in.
    browser.tabs.sendMessage(tab.id, command).catch(() => undefined);
  });

  // A page that starts loading is another page: its old count goes.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void tabs.forget(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void session.remove(tabKey(tabId)));

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isTrustedSender(message, sender, browser.runtime.id, extensionOrigin)) return undefined;
    return handle(message, { tabId: sender.tab?.id });
  });
});
