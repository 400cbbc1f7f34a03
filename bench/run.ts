/**
 * Ingest benchmarks in headless Chromium:
 *   npx tsx bench/run.ts [--only a,b,c,d,e] [--reps N] [--heavy-reps N] [--profile] [--skip-build]
 * Generates the data when missing or stale, builds the app and the bench page, serves them and a
 * loopback fake Hub (all on 127.0.0.1:4420-4424), runs each benchmark beside its baseline measured
 * in the same run, and writes bench/results/<timestamp>.json and bench/results/latest.json.
 * See bench/README.md for what each figure means.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { withPage } from './runner/browser';
import { buildAll, buildDirs, harnessRecordsDir } from './runner/build';
import { benchDataset, load, type BenchEnv } from './runner/env';
import { ensureBenchData } from './runner/fixtures';
import { firstRowBenches } from './runner/firstRowBench';
import { shardFooter } from './runner/footer';
import { deferredTokensBench, exactTokensBench } from './runner/ingestBench';
import { summary, writeReport, type Machine, type Report } from './runner/report';
import type { BenchFailure, BenchResult } from './runner/result';
import { startServers } from './runner/servers';
import { threadBench } from './runner/threadBench';

const ROOT = path.resolve(import.meta.dirname, '..');
const ALL = ['a', 'b', 'c', 'd', 'e'] as const;
type Id = (typeof ALL)[number];

interface Args {
  only: Set<Id>;
  reps: number;
  heavyReps: number;
  profile: boolean;
  build: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { only: new Set(ALL), reps: 3, heavyReps: 2, profile: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--only' && value) {
      const ids = value.split(',').map((s) => s.trim());
      const unknown = ids.filter((id) => !(ALL as readonly string[]).includes(id));
      if (unknown.length) usage(`unknown benchmark ${unknown.join(', ')} (choose from ${ALL.join(', ')})`);
      args.only = new Set(ids as Id[]);
      i++;
    } else if (flag === '--reps' && value && /^[1-9]\d*$/.test(value)) {
      args.reps = Number(value);
      i++;
    } else if (flag === '--heavy-reps' && value && /^[1-9]\d*$/.test(value)) {
      args.heavyReps = Number(value);
      i++;
    } else if (flag === '--profile') args.profile = true;
    else if (flag === '--skip-build') args.build = false;
    else usage(flag === '--help' || flag === '-h' ? undefined : `unknown or incomplete argument: ${flag}`);
  }
  return args;
}

function usage(error?: string): never {
  if (error) console.error(error);
  console.log('usage: tsx bench/run.ts [--only a,b,c,d,e] [--reps N] [--heavy-reps N] [--profile] [--skip-build]');
  console.log('  --reps N        repetitions of the cheap runs (default 3); --heavy-reps N: of the exact-token ones (default 2); the 200 MB ones run once');
  console.log('  --profile       CPU-profile the bench page\'s workers during each ingest (bench/results/profiles/); slows them a little');
  process.exit(error ? 2 : 0);
}

const log = (line: string) => console.log(line);

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'workers'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head} + uncommitted changes in src/ or workers/` : head;
  } catch {
    return 'unknown';
  }
}

/** Which parquet reader module the pipeline's readRows imports. */
function readerModule(): string {
  const source = readFileSync(path.join(ROOT, 'src', 'core', 'decode', 'readRows.ts'), 'utf8');
  const modules = [...source.matchAll(/from '\.\/(parquet\w*)'/g)].map((m) => `src/core/decode/${m[1]}.ts`);
  return modules.join(' + ') || 'unknown';
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const clock = performance.now();
  const loadStart = load();
  const data = ensureBenchData(ROOT, log);
  const largeFooter = await shardFooter(data.large.abs);
  if (args.build) log('building the app, the bench page and the thread harness…');
  const builds = args.build ? await buildAll(ROOT) : buildDirs(ROOT);
  const servers = await startServers(builds, data.root);
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const env: BenchEnv = {
    pageUrl: servers.pageUrl,
    appUrl: servers.appUrl,
    hubUrl: servers.hub.url,
    slowHubUrl: servers.slowHub.url,
    slowRequests: servers.slowRequests,
    reps: args.reps,
    heavyReps: args.heavyReps,
    profileDir: args.profile ? path.join(ROOT, 'bench', 'results', 'profiles', stamp) : undefined,
    pageDist: builds.page,
    log,
  };
  const results: BenchResult[] = [];
  const failures: BenchFailure[] = [];
  const attempt = async (ids: string[], title: string, run: () => Promise<BenchResult | BenchResult[]>) => {
    log(`${ids.map((id) => `(${id})`).join(' ')} ${title}`);
    try {
      results.push(...[await run()].flat());
    } catch (e) {
      const error = e instanceof Error ? e.message.split('\n')[0] ?? e.message : String(e);
      log(`  failed: ${error}`);
      for (const id of ids) failures.push({ id, title, error });
    }
  };
  try {
    const browser = await withPage(env.pageUrl, async (page, context) => ({ ...(await page.evaluate(() => window.bench.machine())), version: context.browser()?.version() ?? 'unknown' }));
    // The Hubs hash each file on first sight: done here, not inside a measurement.
    for (const hub of [env.hubUrl, env.slowHubUrl]) for (const shard of [data.medium, data.large]) await fetch(benchDataset(shard, hub).fileUrl, { method: 'HEAD' });
    if (args.only.has('a')) await attempt(['a'], 'ingest with exact tokens vs bare tokenizer × pool', () => exactTokensBench(env, data.medium, 120_000));
    if (args.only.has('b')) {
      await attempt(['b'], 'ingest with tokens deferred vs bare decode', () => deferredTokensBench(env, data.medium, args.reps, 120_000, 'b'));
      await attempt(['b-large'], 'the same on the 200 MB single-row-group shard', () => deferredTokensBench(env, data.large, 1, 240_000, 'b-large'));
    }
    if (args.only.has('c') || args.only.has('d')) {
      const ids = ALL.filter((id) => (id === 'c' || id === 'd') && args.only.has(id));
      await attempt(ids, 'first trajectory on screen at 100 Mbit/s, and peak heap during that ingest', async () => (await firstRowBenches(env, data.large, largeFooter.largestRowGroupBytes)).filter((r) => args.only.has(r.id as Id)));
    }
    if (args.only.has('e')) await attempt(['e'], 'input answered with a 10 MB observation open', () => threadBench(env, servers.harnessUrl, harnessRecordsDir(builds), args.reps));
    const machine: Machine = {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryBytes: totalmem(),
      node: process.version,
      chromium: browser.version,
      browserCores: browser.cores,
      poolSize: browser.poolSize,
      loadStart,
      loadEnd: load(),
    };
    const report: Report = { startedAt: startedAt.toISOString(), durationSec: (performance.now() - clock) / 1000, machine, reader: `${readerModule()} at ${gitCommit()}`, profiled: args.profile, results, failures };
    const file = writeReport(path.join(ROOT, 'bench', 'results'), report);
    log('');
    log(summary(report));
    log('');
    log(`written to ${path.relative(ROOT, file)} and bench/results/latest.json`);
  } finally {
    await servers.close();
  }
}

await main();
