import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';

// Hosts we read. Nothing else: no analytics, no remote code, no other site.
export const SITE_HOSTS = ['www.instagram.com', 'www.youtube.com', 'www.tiktok.com'] as const;

// `npm run dev` opens a browser with the extension loaded. Chromium is preferred where it
// is installed (branded Chrome ignores --load-extension since version 137); set
// CHROME_PATH to choose another binary.
const chromium = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  webExt: {
    ...(chromium && { binaries: { chrome: chromium } }),
    // Chromium refuses to start as root with its sandbox on (containers, CI machines).
    ...(process.getuid?.() === 0 && { chromiumArgs: ['--no-sandbox'] }),
  },
  manifest: ({ browser }) => ({
    name: 'Creator Lens',
    description:
      "Reads a creator's public stats on Instagram, YouTube and TikTok and weighs them against a quoted fee. Local-first: nothing leaves your browser.",
    permissions: ['storage'],
    host_permissions: SITE_HOSTS.map((host) => `https://${host}/*`),
    ...(browser === 'firefox' && {
      // Firefox wants an id and a statement of what is collected: nothing.
      browser_specific_settings: {
        gecko: { id: 'creator-lens@creator-lens.local', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  vite: () => ({
    build: {
      // Vite 8 leaves non-ASCII characters in bundles and Chrome then refuses
      // a content script as "not UTF-8 encoded" without a word. Escape them.
      rolldownOptions: { output: { charset: 'ascii' } },
    },
  }),
});
