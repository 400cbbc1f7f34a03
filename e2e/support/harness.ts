/** Helpers for the thread / diff harness (e2e/harness/thread.html), served by the dev server only. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Processed } from '../../src/core/pipeline';
import { HARNESS_DIR, writeHarnessRecords } from '../../scripts/harness/threadRecords';

let written: Promise<unknown> | undefined;

/** Writes the harness records once per worker (the hostile one is 12 MB, so they are not committed). */
export function harnessRecords(): Promise<unknown> {
  return (written ??= writeHarnessRecords());
}

export function readRecord(name: string): Processed {
  return JSON.parse(readFileSync(path.join(HARNESS_DIR, `${name}.json`), 'utf8')) as Processed;
}

export async function openHarness(page: Page, params: Record<string, string>): Promise<void> {
  await page.goto(`/e2e/harness/thread.html?${new URLSearchParams(params).toString()}`);
  await expect(page.locator('.harness-loading')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
}

export const feed = (page: Page) => page.getByRole('feed');

/**
 * Scrolls the virtualized thread from top to bottom and reads every row once with `read` (which
 * runs in the page on each row element). Returns message index → what `read` returned.
 */
export async function readAllRows<T>(page: Page, read: (row: HTMLElement) => T): Promise<Map<number, T>> {
  const seen = await feed(page).evaluate(async (scroller, readSource) => {
    const fn = new Function(`return (${readSource})`)() as (row: HTMLElement) => unknown;
    const out: [number, unknown][] = [];
    const done = new Set<number>();
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    scroller.scrollTop = 0;
    await frame();
    for (;;) {
      for (const row of scroller.querySelectorAll<HTMLElement>('[data-message-index]')) {
        const i = Number(row.dataset.messageIndex);
        if (!done.has(i)) {
          done.add(i);
          out.push([i, fn(row)]);
        }
      }
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      scroller.scrollTop += scroller.clientHeight / 2;
      await frame();
    }
    return out;
  }, read.toString());
  return new Map(seen as [number, T][]);
}
