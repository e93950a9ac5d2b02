import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // The runner is 2 shared cores: a test that trains or cross-validates the model can take 25 s
    // under load. Speed is judged by `npm run bench`, not by unit-test timeouts.
    testTimeout: 60000,
  },
});
