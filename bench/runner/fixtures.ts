/**
 * The benchmark data, in fixtures/bench/ (gitignored): the generator's `--scale large` output,
 * whose ~200 MB single-row-group Open-SWE-Traces shard is the worst case for the reader, plus a
 * medium shard of the same rows cut into ordinary row groups for steady-state throughput. Both are
 * regenerated only when missing or when the generator's sources changed since they were written.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeDataset, type DatasetPlan, type ShardPlan } from '../../scripts/fixtures/hfDataset';
import { openSweLargePlan } from '../../scripts/fixtures/openSweTraces';
import type { Row } from '../../scripts/fixtures/columns';

const SEED = 42;
const MEDIUM_ROWS = 400;
const MEDIUM_ROW_GROUP = 50;
const STAMP = '.bench-stamp';

/** One benchmark shard on disk and where the fake Hub serves it. */
export interface BenchShard {
  repo: string;
  /** Path inside the repository. */
  file: string;
  /** Absolute path on disk. */
  abs: string;
  size: number;
}

export interface BenchData {
  root: string;
  large: BenchShard;
  medium: BenchShard;
}

export function mediumPlan(seed: number): DatasetPlan {
  const large = openSweLargePlan(seed);
  const shard = large.shards[0] as ShardPlan;
  return {
    ...large,
    repoId: 'bench/Open-SWE-Traces-medium',
    title: 'Open-SWE-Traces (medium benchmark shard)',
    description: `The first ${MEDIUM_ROWS} rows of the large benchmark shard, in row groups of ${MEDIUM_ROW_GROUP} rows.`,
    shards: [{ ...shard, rows: () => take(rowsOf(shard), MEDIUM_ROWS), rowGroupSize: MEDIUM_ROW_GROUP }],
  };
}

/** Generates the data when absent or stale; returns where it is. */
export function ensureBenchData(repoRoot: string, log: (line: string) => void): BenchData {
  const root = path.join(repoRoot, 'fixtures', 'bench');
  const stampPath = path.join(root, STAMP);
  const want = sourcesHash(repoRoot);
  const plans = { large: openSweLargePlan(SEED), medium: mediumPlan(SEED) };
  const shards = { large: shardOf(root, plans.large), medium: shardOf(root, plans.medium) };
  const current = existsSync(stampPath) && readFileSync(stampPath, 'utf8') === want && existsSync(shards.large) && existsSync(shards.medium);
  if (!current) {
    log(`generating benchmark data in ${path.relative(repoRoot, root)}/ (about a minute)…`);
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(repoRoot, 'scripts', 'fixtures', 'main.ts'), '--out', root, '--scale', 'large', '--seed', String(SEED)], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    writeDataset(root, plans.medium);
    writeFileSync(stampPath, want);
  }
  return { root, large: benchShard(root, plans.large), medium: benchShard(root, plans.medium) };
}

function benchShard(root: string, plan: DatasetPlan): BenchShard {
  const file = (plan.shards[0] as ShardPlan).file;
  const abs = shardOf(root, plan);
  return { repo: plan.repoId, file, abs, size: statSync(abs).size };
}

function shardOf(root: string, plan: DatasetPlan): string {
  return path.join(root, plan.repoId, (plan.shards[0] as ShardPlan).file);
}

/** The generator's sources and this file: data written by other code is stale. */
function sourcesHash(repoRoot: string): string {
  const hash = createHash('sha256');
  const dir = path.join(repoRoot, 'scripts', 'fixtures');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();
  for (const f of [...files.map((f) => path.join(dir, f)), new URL(import.meta.url).pathname]) hash.update(path.relative(repoRoot, f)).update(readFileSync(f));
  return `${hash.digest('hex')} seed ${SEED}\n`;
}

function rowsOf(shard: ShardPlan): Iterable<Row> {
  return typeof shard.rows === 'function' ? shard.rows() : shard.rows;
}

function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let i = 0;
  for (const item of items) {
    yield item;
    if (++i >= n) return;
  }
}
