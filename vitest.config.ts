import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests that drive a real Chromium (`*.browser.test.ts`) need longer.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
