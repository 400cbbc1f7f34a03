/**
 * (e): how fast the thread view answers input while a 10 MB observation is open (shown whole and
 * scrolled to its middle), beside the same on a small rollout. Each keystroke into "Find in thread"
 * (which searches every message, the 10 MB one too) is timed from the key event to the frame after
 * the page handled it; a run's figure is its slowest keystroke.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { BIG_OUTPUT_CHARS } from '../../scripts/harness/hostileRecord';
import type { Processed } from '../../src/core/pipeline';
import { withPage } from './browser';
import { load, type BenchEnv } from './env';
import { measure, result, type BenchResult } from './result';

declare global {
  interface Window {
    __benchKeys?: number[];
  }
}

/** Typed a key at a time, as a user looking for something would. */
const TYPED = 'observation';
const KEY_GAP_MS = 80;
const BIG_RECORD = 'hostile';
const SMALL_RECORD = 'golden-open-swe-traces-openhands-parquet';
/** The bound: the page answers input within 200 ms while the observation is open. */
const TARGET_MS = 200;

interface ThreadRun {
  slowestMs: number;
  medianMs: number;
  keys: number[];
}

/** Message index of the record's 10 MB observation. */
function bigMessage(harnessDir: string): number {
  const record = JSON.parse(readFileSync(path.join(harnessDir, `${BIG_RECORD}.json`), 'utf8')) as Processed;
  const index = record.trajectory.messages.findIndex((m) => m.content.length >= BIG_OUTPUT_CHARS);
  if (index < 0) throw new Error(`the ${BIG_RECORD} harness record has no ${BIG_OUTPUT_CHARS}-character observation`);
  return index;
}

/** Runs in the page: every keydown on the find box, timed to the frame after its handling. */
function watchKeys(): void {
  const latencies: number[] = [];
  window.__benchKeys = latencies;
  const input = document.querySelector('input[aria-label="Find in thread"]');
  if (!input) throw new Error('no "Find in thread" box');
  input.addEventListener('keydown', (e) => {
    const at = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => latencies.push(performance.now() - at), 0));
  });
}

async function typeAndTime(page: Page): Promise<ThreadRun> {
  await page.evaluate(watchKeys);
  await page.getByLabel('Find in thread').click();
  await page.keyboard.type(TYPED, { delay: KEY_GAP_MS });
  await page.waitForFunction((n) => (window.__benchKeys?.length ?? 0) >= n, TYPED.length, { timeout: 60_000 });
  const keys = (await page.evaluate(() => window.__benchKeys ?? [])).map((ms) => Math.round(ms * 10) / 10);
  const sorted = [...keys].sort((a, b) => a - b);
  return { slowestMs: sorted.at(-1) ?? NaN, medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN, keys };
}

async function openRecord(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.harness-loading').waitFor({ state: 'detached', timeout: 60_000 });
}

async function bigRun(page: Page, harnessUrl: string, message: number): Promise<ThreadRun> {
  await openRecord(page, `${harnessUrl}e2e/harness/thread.html?record=${BIG_RECORD}&view=thread&message=${message}`);
  const row = page.locator(`article[data-message-index="${message}"]`);
  await row.getByRole('button', { name: 'Show all' }).click();
  await row.locator('.lt-window').waitFor({ timeout: 60_000 });
  await row.locator('.lt-window').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  return typeAndTime(page);
}

async function smallRun(page: Page, harnessUrl: string): Promise<ThreadRun> {
  await openRecord(page, `${harnessUrl}e2e/harness/thread.html?record=${SMALL_RECORD}&view=thread`);
  return typeAndTime(page);
}

export async function threadBench(env: BenchEnv, harnessUrl: string, harnessDir: string, reps: number): Promise<BenchResult> {
  const message = bigMessage(harnessDir);
  const big: ThreadRun[] = [];
  const small: ThreadRun[] = [];
  const loads: number[] = [];
  for (let rep = 1; rep <= reps; rep++) {
    env.log(`  small rollout ${rep}/${reps}`);
    small.push(await withPage('about:blank', (page) => smallRun(page, harnessUrl)));
    env.log(`  10 MB observation open ${rep}/${reps}`);
    big.push(await withPage('about:blank', (page) => bigRun(page, harnessUrl, message)));
    loads.push(load());
  }
  return result({
    id: 'e',
    title: 'input answered with a 10 MB observation open (thread view)',
    figure: measure(big.map((r) => r.slowestMs), 'ms', `slowest of ${TYPED.length} keystrokes into "Find in thread" (key event to the frame after it), the 10 MB observation shown whole and scrolled to its middle`),
    baseline: measure(small.map((r) => r.slowestMs), 'ms', `the same on a small rollout (${SMALL_RECORD})`),
    target: { on: 'figure', atMost: TARGET_MS },
    details: { message, big, small, load: loads },
  });
}
