/**
 * The files the e2e tests open, all written by the project's deterministic fixture generator
 * (scripts/fixtures/main.ts, run by the global setup) under fixtures/generated/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const GENERATED_DIR = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'generated');

function generated(relative: string): string {
  const full = path.join(GENERATED_DIR, relative);
  if (!existsSync(full)) throw new Error(`fixture ${relative} is missing from ${GENERATED_DIR}: did scripts/fixtures/main.ts change its layout?`);
  return full;
}

export const FIXTURES = {
  /** mini-swe-agent v1 text actions, SWE-ZERO layout, JSONL. */
  miniSwe: generated('AlienKevin/SWE-ZERO-1k-trajectories-32k-jsonl/data/train-00000-of-00002.jsonl'),
  /** The same dataset as a parquet shard. */
  miniSweParquet: generated('AlienKevin/SWE-ZERO-1k-trajectories-32k/data/train-00000-of-00002.parquet'),
  /** OpenAI tool calls with `metadata` (Open-SWE-Traces), parquet; resolved, unresolved and ungraded rows. */
  openSwe: generated('nvidia/Open-SWE-Traces/data/sweagent/qwen35_122b/train-00000-of-00001.parquet'),
  /** Gzipped JSONL. */
  gzJsonl: generated('AlienKevin/SWE-ZERO-1k-trajectories-32k-jsonl/data/train-00001-of-00002.jsonl.gz'),
  /** Local agent outputs. */
  miniSweTraj: generated('local/mini-swe-agent/v2-run/tokio-rs__axum-3568/tokio-rs__axum-3568.traj.json'),
  sweAgentTraj: generated('local/swe-agent/default__claude-3-7-sonnet__t-0.00__p-1.00__c-2.00___swe_bench_verified_test/google__gson-7645/google__gson-7645.traj'),
  openhandsOutput: generated('local/openhands/claude-sonnet-4_maxiter_100_N_v0.54.0-no-hint-run_1/output.jsonl'),
  /** A parquet file cut short: no footer, unreadable as a whole. */
  truncated: generated('broken/truncated.parquet'),
  /** JSONL with one line cut short: a row error, the other rows read. */
  malformed: generated('broken/malformed.jsonl'),
  /** Columns no adapter knows: rows kept raw, with a warning. */
  unknownSchema: generated('broken/unknown-schema.parquet'),
  /** Zero bytes. */
  emptyJsonl: generated('broken/empty.jsonl'),
};
