import { defineConfig } from 'wxt';

// Hosts we read. Nothing else: no analytics, no remote code, no other site.
export const SITE_HOSTS = ['www.instagram.com', 'www.youtube.com', 'www.tiktok.com'] as const;

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Creator Lens',
    description:
      "Reads a creator's public stats on Instagram, YouTube and TikTok and weighs them against a quoted fee. Local-first: nothing leaves your browser.",
    permissions: ['storage'],
    host_permissions: SITE_HOSTS.map((host) => `https://${host}/*`),
  },
  vite: () => ({
    build: {
      // Vite 8 leaves non-ASCII characters in bundles and Chrome then refuses
      // a content script as "not UTF-8 encoded" without a word. Escape them.
      rolldownOptions: { output: { charset: 'ascii' } },
    },
  }),
});
