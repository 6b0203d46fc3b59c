import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium with the built extension (npm run test:e2e builds first).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
