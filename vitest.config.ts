import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'node-types/custom/**/*.test.ts'],
    globals: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every JSON answer a route sends is checked against its declared schema (runtime/http/route.ts).
    env: { INLOOP_CHECK_RESPONSES: '1' },
  },
})
