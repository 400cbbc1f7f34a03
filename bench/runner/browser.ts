import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Runs `fn` on a page of a browser of its own, with a fresh on-disk profile: IndexedDB lands on
 * disk as it does for a user (an incognito context would keep it in memory), nothing one run
 * stored or cached reaches the next, and every worker it started is gone afterwards.
 */
export async function withPage<T>(url: string, fn: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(path.join(tmpdir(), 'te-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 860 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    return await fn(page, context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
