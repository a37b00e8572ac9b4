import { readdirSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'wxt';
import type { Plugin } from 'vite';
import { SHOW_SELECTION_COMMAND } from './lib/commands';
import { analysisVersion, JIEBA_WASM, sha256 } from './scripts/analysis-version';

/**
 * What the tagger's tables kept between wakes (lib/nlp/ner/tables.ts) are built by: the weights,
 * the name model, the name lexicon, the code that reads them and the packages' versions (the
 * lexicon's countries come from i18n-iso-countries). All of lib/ rather than a list of modules that
 * would go stale: a build that changes any of it builds the tables once more at its first wake.
 */
const TAGGER_TABLES_SOURCES = [
  'public/nlp/ner.bin',
  'public/nlp/names.txt',
  'public/nlp/lexicon.txt',
  'package-lock.json',
  ...readdirSync(new URL('lib', import.meta.url), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => `lib/${file}`),
];

/**
 * jieba-wasm's web build falls back to `new URL('jieba_rs_wasm_bg.wasm', import.meta.url)`, which
 * makes Vite inline the 4 MB wasm as base64 into background.js. We always pass our own URL, so the
 * fallback is replaced before Vite sees it and the wasm ships once, as a plain asset.
 */
function jiebaWasmAsAsset(): Plugin {
  return {
    name: 'jieba-wasm-as-asset',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('jieba-wasm') || !code.includes("new URL('jieba_rs_wasm_bg.wasm', import.meta.url)")) return;
      return code.replace("new URL('jieba_rs_wasm_bg.wasm', import.meta.url)", 'undefined');
    },
  };
}

/**
 * linkedom parses a <style> element's CSS (cssomnom, ~190 KB of background.js) only when its
 * `sheet` is read, which nothing here does: the worker's sync reads pages' text and links. The
 * parser is left out of the build; a `sheet` read would throw rather than pass silently.
 */
function linkedomWithoutStyleSheets(): Plugin {
  const stub = '\0no-style-sheets';
  return {
    name: 'linkedom-without-style-sheets',
    enforce: 'pre',
    resolveId: (id) => (id === 'cssomnom/parse' ? stub : undefined),
    load: (id) => (id === stub ? "export function parse() { throw new Error('style sheets are not parsed in this build (wxt.config.ts)'); }" : undefined),
  };
}

/** Shared with vitest.config.ts: WXT's test plugin does not apply these itself. */
export const viteOptions = {
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [jiebaWasmAsAsset()],
} as const;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    action: { default_title: '__MSG_actionTitle__' },
    // storage: each tab's coverage and the sync's progress (session), the sites without the
    // bubble and the sync sources (local); contextMenus: 查找株洲日报相关报道 on a selection;
    // alarms: the periodic sync. Hosts only at run time, each source's origin when the reader
    // adds it (optional); no tabs.
    permissions: ['storage', 'contextMenus', 'alarms'],
    [manifestVersion === 3 ? 'optional_host_permissions' : 'optional_permissions']: ['http://*/*', 'https://*/*'],
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_commandOpenPopup__',
      },
      // The context menu's 查找株洲日报相关报道 from the keyboard: the bubble opens with the focus in it.
      [SHOW_SELECTION_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+U' },
        description: '__MSG_commandShowSelection__',
      },
    },
    // jieba is WebAssembly: compiling it needs 'wasm-unsafe-eval', and nothing else is relaxed.
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" }
        : "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    // Firefox: an add-on id of its own, and the consent form told that nothing leaves the machine.
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: { id: 'zhuzhou-daily-lens@lens.invalid', data_collection_permissions: { required: ['none'] } } },
    }),
  }),
  // The wasm's hash names the snapshot of jieba's built dictionary (components/jieba-snapshot.ts),
  // the tables' sources' hash the tagger's kept tables (components/kept-tables.ts), the analysis's
  // sources' hash the analysis the library's stories are brought to.
  vite: () =>
    ({
      ...viteOptions,
      plugins: [...viteOptions.plugins, linkedomWithoutStyleSheets()],
      define: {
        JIEBA_WASM_SHA256: JSON.stringify(sha256([JIEBA_WASM])),
        TAGGER_TABLES_SHA256: JSON.stringify(sha256(TAGGER_TABLES_SOURCES)),
        ANALYSIS_SHA256: JSON.stringify(analysisVersion()),
      },
    }) as unknown as NonNullable<UserConfig['vite']> extends (env: never) => infer R ? R : never,
  zip: { excludeSources: ['.ci/**', 'tests/**', 'docs/**', '*.log'] },
  hooks: {
    'build:publicAssets': (_wxt, assets) => {
      assets.push({ absoluteSrc: new URL(JIEBA_WASM, import.meta.url).pathname, relativeDest: 'jieba_rs_wasm_bg.wasm' });
    },
  },
});
