import { loadavg } from 'node:os';
import type { BenchDataset } from '../shared/protocol';
import type { BenchShard } from './fixtures';
import type { TimedRequest } from './servers';

export interface BenchEnv {
  pageUrl: string;
  appUrl: string;
  hubUrl: string;
  /** The same Hub at 100 Mbit/s. */
  slowHubUrl: string;
  /** Requests the slow Hub finished, with their times. */
  slowRequests: TimedRequest[];
  /** Repetitions of the cheap runs (the medium shard's deferred ingest and decode). */
  reps: number;
  /** Repetitions of the exact-token ingest and its tokenizer baseline, alternating. */
  heavyReps: number;
  /** CPU-profile the bench page's workers during ingests, writing .cpuprofile files here; undefined: no profiling. */
  profileDir: string | undefined;
  /** The served bench page build, for attributing profile frames to source files. */
  pageDist: string;
  log(line: string): void;
}

export function benchDataset(shard: BenchShard, hubUrl: string): BenchDataset {
  const path = shard.file.split('/').map(encodeURIComponent).join('/');
  return { endpoint: hubUrl, repo: shard.repo, fileUrl: `${hubUrl}/datasets/${shard.repo}/resolve/main/${path}`, fileSize: shard.size };
}

/** One-minute load average: the machine is shared, so each run records how busy it was. */
export function load(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

export const MB = 1e6;
