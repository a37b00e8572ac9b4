import initJieba, * as jieba from 'jieba-wasm/web';
import { browser } from 'wxt/browser';
import { createBackgroundState } from '../lib/background-state';
import { isTrustedSender } from '../lib/messages';
import { createService } from '../lib/service';

export default defineBackground(() => {
  const packageUrl = (path: string) => browser.runtime.getURL(`/${path}` as '/');
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
  const handle = createService(state);
  const extensionOrigin = packageUrl('');

  browser.runtime.onInstalled.addListener(() => void state.reinstall());

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isTrustedSender(message, sender, browser.runtime.id, extensionOrigin)) return undefined;
    return handle(message);
  });
});
