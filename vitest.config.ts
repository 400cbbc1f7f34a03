import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Pure core, worker logic and CLI run in Node; a DOM test opts in with `// @vitest-environment happy-dom`.
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts', 'workers/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    // Writes fixtures/generated (deterministic) when missing or older than the generator, as the e2e setup does.
    globalSetup: ['./e2e/global-setup.ts'],
    // Property tests and CLI runs in child processes are slow on a loaded 2-core CI machine; none is a timing test.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
