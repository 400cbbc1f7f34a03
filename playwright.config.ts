import { defineConfig, devices } from '@playwright/test';

const CI = !!process.env.CI;
const PORT = Number(process.env.E2E_PORT ?? 4317);
const BASE_URL = `http://127.0.0.1:${PORT}`;
/** Feature harness pages (e2e/harness/) are served by the dev server only, on the next port. */
const HARNESS_PORT = PORT + 1;
const HARNESS_URL = `http://127.0.0.1:${HARNESS_PORT}`;
const HARNESS_SPECS = /-harness\.spec\.ts$/;
/** E2E_DEV=1 runs against the dev server (fast iteration); by default the production build is tested. */
const DEV = process.env.E2E_DEV === '1';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  forbidOnly: CI,
  retries: 0,
  workers: CI ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: BASE_URL,
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', testIgnore: HARNESS_SPECS, use: browser() },
    { name: 'harness', testMatch: HARNESS_SPECS, use: { ...browser(), baseURL: HARNESS_URL } },
  ],
  webServer: [
    {
      // The production bundle (worker chunks included) served by `vite preview`: no on-demand
      // dependency optimisation reloading the page mid-test, as the dev server can.
      command: DEV ? `node_modules/.bin/vite --host 127.0.0.1 --port ${PORT} --strictPort` : `node_modules/.bin/vite build --logLevel warn && node_modules/.bin/vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: BASE_URL,
      // A running dev server is always current; a running preview may serve a stale build.
      reuseExistingServer: DEV && !CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node_modules/.bin/vite --host 127.0.0.1 --port ${HARNESS_PORT} --strictPort`,
      url: `${HARNESS_URL}/e2e/harness/thread.html`,
      reuseExistingServer: !CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});

function browser() {
  return {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 860 },
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  };
}
