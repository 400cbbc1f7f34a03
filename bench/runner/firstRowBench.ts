/**
 * (c) and (d): the real app page, driven as a user drives it, loading the 200 MB single-row-group
 * shard from a 100 Mbit/s Hub; heap sampled across the page and its workers during that ingest.
 */
import type { Page } from '@playwright/test';
import { datasetCard, lookUp, plan } from '../../e2e/support/datasets';
import { withPage } from './browser';
import { benchDataset, load, MB, type BenchEnv } from './env';
import type { BenchShard } from './fixtures';
import { startHeapSampler, type HeapReport } from './heapSampler';
import { SLOW_HUB_BYTES_PER_SEC } from './servers';
import { measure, result, type BenchResult } from './result';

declare global {
  interface Window {
    __benchFirstRow?: { clickAt?: number; counterAt?: number; tableRowAt?: number };
  }
}

export interface FirstRowRun {
  /** The first trajectory on screen: the table's first row when the app shows a trajectory table, else the card's counter. */
  firstRowMs: number;
  seenIn: 'trajectory table' | 'row counter';
  counterMs: number;
  /** Bytes of the shard's range reads the Hub had finished sending when the first trajectory showed. */
  bytesBeforeFirstRow: number;
  readsBeforeFirstRow: Array<{ range: string; bytes: number; doneMs: number }>;
  /** From the Load click until the card says Loaded, and until no token count is estimated; null past the timeout. */
  storedMs: number | null;
  exactMs: number | null;
  heap: HeapReport;
  load: number;
}

/*
 * Functions run in the page (page.evaluate sends their source) hold no inner named functions:
 * tsx would wrap those in a `__name` helper that exists only in Node.
 */

/**
 * Records, in the page's clock, the Load click, the first frame after the dataset card's row
 * counter shows more than 0, and the first frame after the trajectory table (when the app has
 * one) shows a row with a trajectory in it (not a loading placeholder).
 */
function watchFirstRow(label: string): void {
  const state: NonNullable<Window['__benchFirstRow']> = {};
  window.__benchFirstRow = state;
  document.addEventListener(
    'click',
    (e) => {
      const button = (e.target as Element | null)?.closest('button');
      if (button && /^Load \d+ of/.test(button.textContent ?? '')) state.clickAt ??= performance.now();
    },
    true,
  );
  let counterSeen = false;
  let rowSeen = false;
  const observer = new MutationObserver(() => {
    if (state.clickAt === undefined) return;
    const counter = document.querySelector(`article[aria-label="${CSS.escape(label)}"] [data-testid="rows-done"]`);
    const rows = Number(/^\s*([\d,]+)/.exec(counter?.textContent ?? '')?.[1]?.replace(/,/g, '') ?? '0');
    if (!counterSeen && rows > 0) {
      counterSeen = true;
      requestAnimationFrame(() => (state.counterAt = performance.now()));
    }
    if (!rowSeen && document.querySelector(`[role="grid"][aria-label="${CSS.escape(`Trajectories of ${label}`)}"] [role="row"][data-row-id]`)) {
      rowSeen = true;
      requestAnimationFrame(() => (state.tableRowAt = performance.now()));
    }
    if (counterSeen && rowSeen) observer.disconnect();
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
}

/** Whether the app shows the dataset's trajectories in a table (main has one since the browse feature). */
function hasTable(label: string): boolean {
  const name = CSS.escape(`Trajectories of ${label}`);
  return document.querySelector(`[role="grid"][aria-label="${name}"], section[aria-label="${name}"]`) !== null;
}

/** 'stored': the card says Loaded; 'exact': and no row is left on the token estimate; 'stopped': it failed. */
function cardState(label: string): { state: 'loading' | 'stored' | 'exact' | 'stopped'; at: number } {
  const at = performance.now();
  const card = document.querySelector(`article[aria-label="${CSS.escape(label)}"]`);
  const badge = card?.querySelector('[role="status"]')?.getAttribute('aria-label') ?? '';
  if (badge === 'State: Stopped') return { state: 'stopped', at };
  if (badge !== 'State: Loaded') return { state: 'loading', at };
  return { state: card?.textContent?.includes('Token counts') ? 'stored' : 'exact', at };
}

/** How long to wait for rows, and how far into the token backfill to keep sampling the heap. */
const FIRST_ROW_TIMEOUT_MS = 180_000;
const STORED_TIMEOUT_MS = 240_000;
const TOKEN_TAIL_MS = 20_000;

async function appRun(env: BenchEnv, shard: BenchShard): Promise<FirstRowRun> {
  return withPage(env.appUrl, async (page, context) => {
    await lookUp(page, shard.repo, { endpoint: env.slowHubUrl });
    const picker = plan(page, shard.repo);
    await picker.getByText(/^Everything/).click();
    await page.evaluate(watchFirstRow, shard.repo);
    const heap = await startHeapSampler(context, page);
    env.slowRequests.length = 0;
    // The runner's clock just before the click: a few ms before the page's, so reads finishing
    // right at the first row may be counted on either side.
    const clickedAt = performance.now();
    await picker.getByRole('button', { name: /^Load \d+ of/ }).click();
    await page.waitForFunction(() => window.__benchFirstRow?.counterAt !== undefined, null, { timeout: FIRST_ROW_TIMEOUT_MS, polling: 100 });
    if (await page.evaluate(hasTable, shard.repo)) await page.waitForFunction(() => window.__benchFirstRow?.tableRowAt !== undefined, null, { timeout: FIRST_ROW_TIMEOUT_MS, polling: 100 });
    const { clickAt = NaN, counterAt = NaN, tableRowAt } = (await page.evaluate(() => window.__benchFirstRow)) ?? {};
    const settled = await settle(page, shard.repo, clickAt);
    const seen = tableRowAt === undefined ? { firstRowMs: counterAt - clickAt, seenIn: 'row counter' as const } : { firstRowMs: tableRowAt - clickAt, seenIn: 'trajectory table' as const };
    const reads = env.slowRequests
      .filter((r) => r.method === 'GET' && r.url.includes('/resolve/') && r.doneAt - clickedAt <= seen.firstRowMs)
      .map((r) => ({ range: r.range ?? 'whole file', bytes: r.bytes, doneMs: Math.round(r.doneAt - clickedAt) }));
    const before = { bytesBeforeFirstRow: reads.reduce((n, r) => n + r.bytes, 0), readsBeforeFirstRow: reads };
    return { ...seen, counterMs: counterAt - clickAt, ...before, ...settled, heap: await heap.stop(), load: load() };
  });
}

/**
 * Polls the card until every row is stored, then keeps going until its tokens are exact or
 * TOKEN_TAIL_MS have passed (the 200 MB shard's exact counts take minutes on two cores; the
 * memory peak comes when the rows are decoded and handed to the token pool, well before).
 */
async function settle(page: Page, label: string, clickAt: number): Promise<{ storedMs: number | null; exactMs: number | null }> {
  const deadline = Date.now() + STORED_TIMEOUT_MS;
  let storedMs: number | null = null;
  let tailEnd = Infinity;
  while (Date.now() < Math.min(deadline, tailEnd)) {
    const { state, at } = await page.evaluate(cardState, label);
    if (state === 'stopped') throw new Error(`${label}: the ingest stopped: ${await datasetCard(page, label).innerText()}`);
    if (state !== 'loading' && storedMs === null) {
      storedMs = at - clickAt;
      tailEnd = Date.now() + TOKEN_TAIL_MS;
    }
    if (state === 'exact') return { storedMs, exactMs: at - clickAt };
    await page.waitForTimeout(250);
  }
  if (storedMs === null) throw new Error(`${label}: not every row was stored within ${STORED_TIMEOUT_MS / 1000} s of the Load click`);
  return { storedMs, exactMs: null };
}

export async function firstRowBenches(env: BenchEnv, shard: BenchShard, rowGroupBytes: number): Promise<BenchResult[]> {
  const dataset = benchDataset(shard, env.slowHubUrl);
  env.log('  whole-file download at 100 Mbit/s');
  const download = await withPage(env.pageUrl, (page) => page.evaluate((d) => window.bench.download(d), dataset));
  env.log('  app: look up, load Everything, wait for the first row (then for exact tokens, sampling the heap)');
  const run = await appRun(env, shard);
  const common = { fileBytes: shard.size, throttleBytesPerSec: SLOW_HUB_BYTES_PER_SEC, storedMs: run.storedMs, exactMs: run.exactMs, load: run.load };
  return [
    result({
      id: 'c',
      title: `time to first trajectory on screen, 100 Mbit/s (${shard.repo})`,
      figure: measure([run.firstRowMs / 1000], 's', `from the Load click until the first stored trajectory is on screen (next frame), seen in the ${run.seenIn}`),
      baseline: measure([download.ms / 1000], 's', 'one GET of the whole file at the same rate, body read to the end'),
      target: { on: 'figure', atMost: 1.5 },
      details: {
        ...common,
        seenIn: run.seenIn,
        counterMs: run.counterMs,
        downloadMBps: download.bytes / MB / (download.ms / 1000),
        bytesBeforeFirstRow: run.bytesBeforeFirstRow,
        transferFloorMs: (run.bytesBeforeFirstRow / SLOW_HUB_BYTES_PER_SEC) * 1000,
        readsBeforeFirstRow: run.readsBeforeFirstRow,
      },
    }),
    result({
      id: 'd',
      title: `peak JS heap, page + workers, during that ingest (${shard.repo})`,
      figure: measure([run.heap.peakBytes / MB], 'MB', `peak over ~100 ms samples of Σ (V8 heap used + ArrayBuffer backing store) across the page and every worker, from the Load click until tokens are exact or ${TOKEN_TAIL_MS / 1000} s after every row is stored`),
      baseline: measure([(2 * rowGroupBytes) / MB], 'MB', '2 × the largest row group\'s uncompressed size (parquet footer total_byte_size)'),
      target: { on: 'ratio', atMost: 1 },
      details: { ...common, sampledUntilExact: run.exactMs !== null, peakHeapUsedMB: run.heap.peakHeapUsedBytes / MB, rowGroupUncompressedMB: rowGroupBytes / MB, heap: run.heap },
    }),
  ];
}
