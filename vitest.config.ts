import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // For the few DOM tests (watch.test.ts): pages live on the sites' origins.
    environmentOptions: { happyDOM: { url: 'https://www.tiktok.com/' } },
  },
});
