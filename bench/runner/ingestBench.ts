/** (a) and (b): the app's dataset worker on the bench page, against bare-library baselines in the same browser. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { BenchDataset, IngestTiming } from '../shared/protocol';
import { withPage } from './browser';
import { startCpuProfiler, type TargetProfile } from './cpuProfiler';
import { benchDataset, load, MB, type BenchEnv } from './env';
import type { BenchShard } from './fixtures';
import { startHeapSampler, type HeapReport } from './heapSampler';
import { measure, result, type BenchResult } from './result';
import { median } from './stats';

/** Rows counted once more with the tokenizer's cache left alone, to show what that costs. */
const DEFAULT_CACHE_ROWS = 60;

interface IngestRun {
  timing: IngestTiming;
  heap: HeapReport;
  load: number;
  /** Where each worker's CPU time went, when profiling. */
  profile?: Array<{ name: string; file: string } & TargetProfile['summary']>;
}

async function ingestRun(env: BenchEnv, dataset: BenchDataset, exactTokens: boolean, timeoutMs: number, label: string): Promise<IngestRun> {
  return withPage(env.pageUrl, async (page, context) => {
    const heap = await startHeapSampler(context, page);
    const profiler = env.profileDir ? await startCpuProfiler(context, page, env.pageDist) : undefined;
    const timing = await page.evaluate(([d, o]) => window.bench.ingest(d, o), [dataset, { exactTokens, timeoutMs }] as const);
    const profiles = await profiler?.stop();
    const run: IngestRun = { timing, heap: await heap.stop(), load: load() };
    if (profiles && env.profileDir) run.profile = saveProfiles(env.profileDir, label, profiles);
    return run;
  });
}

function saveProfiles(dir: string, label: string, profiles: TargetProfile[]): NonNullable<IngestRun['profile']> {
  mkdirSync(dir, { recursive: true });
  return profiles.map((p, i) => {
    const file = path.join(dir, `${label}-${i}-${p.name.replace(/[^\w.-]+/g, '_')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(p.profile));
    return { name: p.name, file, ...p.summary };
  });
}

function evaluateOnPage<T>(env: BenchEnv, run: (page: Page) => Promise<T>): Promise<T> {
  return withPage(env.pageUrl, run);
}

/** (a) rows/s until every row is stored with its exact count, vs the bare tokenizer × the pool size. */
export async function exactTokensBench(env: BenchEnv, shard: BenchShard, timeoutMs: number): Promise<BenchResult> {
  const dataset = benchDataset(shard, env.hubUrl);
  env.log(`  tokenizer baseline: ${env.heavyReps} passes over ${shard.repo}`);
  const tok = await evaluateOnPage(env, (page) => page.evaluate(([d, n, k]) => window.bench.tokenize(d, n, k), [dataset, env.heavyReps, DEFAULT_CACHE_ROWS] as const));
  const runs: IngestRun[] = [];
  for (let i = 0; i < env.heavyReps; i++) {
    env.log(`  ingest with exact tokens ${i + 1}/${env.heavyReps}`);
    runs.push(await ingestRun(env, dataset, true, timeoutMs, `a-${i + 1}`));
  }
  const rows = tok.rows;
  const pool = runs[0]?.timing.poolSize ?? 1;
  const ingestRates = runs.map((r) => r.timing.rows / ((r.timing.exactMs ?? NaN) / 1000));
  const bareRates = tok.passesMs.map((ms) => (rows / (ms / 1000)) * pool);
  const storedMs = runs.map((r) => r.timing.storedMs);
  const exactMs = runs.map((r) => r.timing.exactMs ?? NaN);
  return result({
    id: 'a',
    title: `ingest with exact tokens (${shard.repo})`,
    figure: measure(ingestRates, 'rows/s', 'rows stored with exact cl100k counts (tokensPending 0) per second, from the ingest request'),
    baseline: measure(bareRates, 'rows/s', `gpt-tokenizer countTokens over the same rows' joined message texts in one worker (merge cache emptied per row), × pool size ${pool}`),
    target: { on: 'ratio', atLeast: 0.8 },
    details: {
      rows,
      fileBytes: shard.size,
      poolSize: pool,
      figureMBps: median(runs.map((r) => shard.size / MB / ((r.timing.exactMs ?? NaN) / 1000))),
      baselineMBps: median(tok.passesMs.map((ms) => (shard.size / MB / (ms / 1000)) * pool)),
      tokens: tok.tokens,
      chars: tok.chars,
      bareTokensPerSec: median(tok.passesMs.map((ms) => tok.tokens / (ms / 1000))),
      pipelineCounterRowsPerSec: rows / (tok.pipelineCounterMs / 1000),
      libraryDefaultCache: { ...tok.defaultCache, slowdown: tok.defaultCache.ms / tok.defaultCache.resetMs },
      storedMs,
      exactMs,
      tokenTailMs: exactMs.map((e, i) => e - (storedMs[i] ?? NaN)),
      baselinePassesMs: tok.passesMs,
      peakHeapBytes: runs.map((r) => r.heap.peakBytes),
      load: runs.map((r) => r.load),
      progress: runs[0]?.timing.progress,
      profile: runs[0]?.profile,
    },
  });
}

/** (b) rows/s until every row is stored (tokens left to the backfill), vs bare hyparquet decode of the same file. */
export async function deferredTokensBench(env: BenchEnv, shard: BenchShard, reps: number, timeoutMs: number, id: string): Promise<BenchResult> {
  const dataset = benchDataset(shard, env.hubUrl);
  const decodes: number[] = [];
  const runs: IngestRun[] = [];
  let rows = 0;
  let decodeBytes = 0;
  for (let i = 0; i < reps; i++) {
    env.log(`  bare decode ${i + 1}/${reps}`);
    const d = await evaluateOnPage(env, (page) => page.evaluate((ds) => window.bench.decode(ds), dataset));
    decodes.push(d.ms);
    rows = d.rows;
    decodeBytes = d.bytes;
    env.log(`  ingest with tokens deferred ${i + 1}/${reps}`);
    runs.push(await ingestRun(env, dataset, false, timeoutMs, `${id}-${i + 1}`));
  }
  return result({
    id,
    title: `ingest with tokens deferred (${shard.repo})`,
    figure: measure(runs.map((r) => r.timing.rows / (r.timing.storedMs / 1000)), 'rows/s', 'rows stored per second, from the ingest request until the dataset is done (exact tokens still pending)'),
    baseline: measure(decodes.map((ms) => rows / (ms / 1000)), 'rows/s', 'hyparquet parquetReadObjects of the whole file over the same HTTP range source in one worker, no normalization'),
    target: { on: 'ratio', atLeast: 0.5 },
    details: {
      rows,
      fileBytes: shard.size,
      figureMBps: median(runs.map((r) => shard.size / MB / (r.timing.storedMs / 1000))),
      baselineMBps: median(decodes.map((ms) => shard.size / MB / (ms / 1000))),
      storedMs: runs.map((r) => r.timing.storedMs),
      decodeMs: decodes,
      ingestBytes: runs.map((r) => r.timing.bytes),
      decodeBytes,
      peakHeapBytes: runs.map((r) => r.heap.peakBytes),
      heap: runs[0]?.heap,
      load: runs.map((r) => r.load),
      progress: runs[0]?.timing.progress,
      profile: runs[0]?.profile,
    },
  });
}
