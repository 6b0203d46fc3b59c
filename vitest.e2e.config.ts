import { defineConfig } from 'vitest/config';
import { BROWSER_NAMES } from './scripts/browsers.ts';

// Browser tests: every tests/e2e/*.e2e.test.ts runs in real Chromium and in real Firefox with
// the built extensions (npm run test:e2e builds both first). One project per browser; the
// browsers take turns (groupOrder) and the files run one at a time, so the timing-sensitive
// tests (in-page navigation) never compete for the two cores. `--project firefox` runs one.
export default defineConfig({
  test: {
    reporters: ['default', './tests/e2e/browser-times.ts'],
    projects: BROWSER_NAMES.map((name, i) => ({
      test: {
        name,
        include: ['tests/e2e/**/*.e2e.test.ts'],
        environment: 'node',
        env: { E2E_BROWSER: name },
        testTimeout: 60_000,
        hookTimeout: 60_000,
        fileParallelism: false,
        sequence: { groupOrder: i + 1 },
      },
    })),
  },
});
