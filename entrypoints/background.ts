import initJieba, * as jieba from 'jieba-wasm/web';
import { browser } from 'wxt/browser';
import { ensureBundled, installBundled } from '../lib/library/install';
import { openLibrary, type Library } from '../lib/library/library';
import { isTrustedSender } from '../lib/messages';
import { lazySegmenter } from '../lib/nlp/segmenter';
import { createService } from '../lib/service';

export default defineBackground(() => {
  const version = browser.runtime.getManifest().version;
  const packageUrl = (path: string) => browser.runtime.getURL(`/${path}` as '/');
  const readPackageFile = async (path: string) => {
    const response = await fetch(packageUrl(path));
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.text();
  };

  let library: Promise<Library> | undefined;
  const openedLibrary = () =>
    (library ??= openLibrary().then(async (lib) => {
      await ensureBundled(lib, readPackageFile, version);
      return lib;
    }));

  const segmenter = lazySegmenter(async () => {
    await initJieba({ module_or_path: packageUrl('jieba_rs_wasm_bg.wasm') });
    return jieba;
  });

  const handle = createService({ library: openedLibrary, segmenter });
  const extensionOrigin = packageUrl('');

  // Install and update (and a developer's reload) rewrite the shipped stories: ids are stable,
  // so nothing is duplicated, and the reader's own stories are left alone.
  browser.runtime.onInstalled.addListener(() => {
    void openedLibrary().then((lib) => installBundled(lib, readPackageFile, version));
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isTrustedSender(message, sender, browser.runtime.id, extensionOrigin)) return undefined;
    return handle(message);
  });
});
