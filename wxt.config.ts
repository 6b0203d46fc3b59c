import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { hostPermissions } from './lib/sites/platforms';
import { browserPath } from './scripts/browsers';

// `npm run dev` / `npm run dev:firefox` open Chromium / Firefox with the extension loaded:
// the system's (scripts/browsers.ts), or the binary named by CHROMIUM_PATH / FIREFOX_PATH.
// Chromium rather than Chrome: branded Chrome ignores --load-extension since version 137.
const chromium = browserPath('chromium');
const firefox = browserPath('firefox');

/**
 * Content scripts render the overlay's React components with Preact's compat layer: React
 * DOM 19 alone is about 70 KB gzipped, the whole budget of a content script (measured: 91 KB
 * per site with it, against a 70 KB goal). The components are the same React code; the
 * popup and dashboard keep React itself. WXT builds each content script separately, so
 * the plugin knows from the build's input whether it is one.
 */
function preactInContentScripts(): Plugin {
  const ALIASES: Record<string, string> = {
    react: 'preact/compat',
    'react-dom': 'preact/compat',
    'react-dom/client': 'preact/compat/client',
    'react/jsx-runtime': 'preact/jsx-runtime',
    'react/jsx-dev-runtime': 'preact/jsx-runtime',
  };
  let contentScript = false;
  return {
    name: 'creator-lens:preact-in-content-scripts',
    enforce: 'pre',
    options(options) {
      contentScript = /\.content\.|content-script/.test(JSON.stringify(options.input ?? ''));
    },
    resolveId(source, importer, options) {
      const target = contentScript ? ALIASES[source] : undefined;
      return target ? this.resolve(target, importer, { ...options, skipSelf: true }) : null;
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // The sources zip for Firefox's review (npm run zip): the tree that rebuilds the add-on, not
  // the browser tests' screenshots (tests/output/ is git-ignored; WXT does not read .gitignore).
  zip: { excludeSources: ['tests/output/**'] },
  webExt: {
    binaries: { ...(chromium && { chrome: chromium }), ...(firefox && { firefox }) },
    // Chromium refuses to start as root with its sandbox on (containers, CI machines).
    ...(process.getuid?.() === 0 && { chromiumArgs: ['--no-sandbox'] }),
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Creator Lens',
    description:
      "Reads a creator's public stats on Instagram, YouTube and TikTok and weighs them against a quoted fee. Local-first: nothing leaves your browser.",
    permissions: ['storage'],
    // The hosts we read (lib/sites/platforms.ts). Nothing else: no analytics, no remote code, no other site.
    host_permissions: hostPermissions(),
    // The panel's frame (entrypoints/panel, issue 15): the user's part of the panel, embedded in
    // the overlay on the sites' pages. MV3 lets only those sites load it; MV2 (Firefox) has no
    // per-site list, but there the extension's address is random per install, so no page can
    // guess it, and the background refuses the frame anywhere but on a site we read.
    web_accessible_resources: manifestVersion === 2 ? ['panel.html'] : [{ resources: ['panel.html'], matches: hostPermissions() }],
    ...(browser === 'firefox' && {
      // Firefox wants an id and a statement of what is collected: nothing. Manifest V2 (WXT's
      // default for Firefox; README "Run it" says why). No strict_min_version: 140 would make
      // the linter warn that Firefox for Android reads data_collection_permissions from 142 only.
      browser_specific_settings: {
        gecko: { id: 'creator-lens@creator-lens.local', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  vite: () => ({
    plugins: [preactInContentScripts()],
    build: {
      // Vite 8 leaves non-ASCII characters in bundles and Chrome then refuses
      // a content script as "not UTF-8 encoded" without a word. Escape them.
      rolldownOptions: { output: { charset: 'ascii' } },
    },
    // The dashboard's figures worker (lib/dashboard/figures.worker.ts): ASCII too.
    worker: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
});
