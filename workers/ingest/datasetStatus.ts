import type { DatasetRecord, ShardRecord } from '../store';
import type { DatasetState, DatasetStatus, ShardStatus } from '../datasetsApi';
import type { RateMeter } from './rate';
import { readingOrder, rowLimits, rowsTarget } from './sampleBudget';

export interface LiveFacts {
  running: boolean;
  rates: RateMeter | undefined;
  message: string | undefined;
  tokensPending: number;
  /** A local dataset's files are at hand this session. */
  hasFiles: boolean;
}

/** What the UI shows of a stored dataset: its records plus what only this session knows. */
export function datasetStatus(d: DatasetRecord, stored: ShardRecord[], live: LiveFacts): DatasetStatus {
  const limits = d.mode === 'sample' ? rowLimits(stored, d.sampleRows) : undefined;
  const shards = readingOrder(stored).map((s) => shardStatus(s, limits));
  const rows = sum(shards, (s) => s.rowsDone - s.errors);
  const errors = sum(shards, (s) => s.errors);
  const bytesDone = sum(shards, (s) => s.bytesDone);
  const bytesTotal = sum(shards, (s) => s.size);
  const rowsLeft = shards.every((s) => s.rowsTarget !== null) ? sum(shards, (s) => Math.max(0, (s.rowsTarget ?? 0) - s.rowsDone)) : null;
  const rates = live.running ? live.rates?.rates() : null;
  const status: DatasetStatus = {
    key: d.key,
    label: labelOf(d),
    kind: d.source.kind,
    mode: d.mode === 'sample' ? { kind: 'sample', rows: d.sampleRows } : { kind: 'full' },
    created: d.created,
    state: stateOf(d, shards, live),
    shards,
    rows,
    errors,
    bytesDone,
    bytesTotal,
    rowsPerSec: rates ? rates.rowsPerSec : null,
    etaSec: live.running ? (live.rates?.eta(rowsLeft, Math.max(0, bytesTotal - bytesDone)) ?? null) : null,
    tokensPending: live.tokensPending,
    usageBytes: sum(stored, (s) => s.bytesStored),
  };
  if (d.source.kind === 'hub') Object.assign(status, { repo: d.source.repo, revision: d.source.revision, endpoint: d.source.endpoint });
  if (d.commit) status.commit = d.commit;
  if (live.message) status.message = live.message;
  return status;
}

function shardStatus(s: ShardRecord, limits: Map<string, number> | undefined): ShardStatus {
  const limit = limits ? (s.rowLimit ?? limits.get(s.key)) : undefined;
  const status: ShardStatus = {
    key: s.key,
    config: s.config,
    split: s.split,
    path: s.path,
    size: s.size,
    rowsTarget: s.state === 'done' ? s.rowsDone : rowsTarget(s.rowsTotal, limit),
    rowsDone: s.rowsDone,
    bytesDone: s.bytesDone,
    errors: s.errors,
    state: s.state,
  };
  if (s.error) status.error = s.error;
  if (s.format) status.format = s.format;
  return status;
}

function stateOf(d: DatasetRecord, shards: ShardStatus[], live: LiveFacts): DatasetState {
  if (live.running) return 'ingesting';
  if (shards.every((s) => s.state === 'done')) return 'done';
  if (d.source.kind === 'local' && !live.hasFiles) return 'needs-files';
  if (shards.some((s) => s.state === 'error')) return 'error';
  // Left running by a page that closed: nothing in this session is reading it.
  if (shards.some((s) => s.state === 'running')) return 'interrupted';
  return 'paused';
}

function labelOf(d: DatasetRecord): string {
  if (d.source.kind === 'hub') return d.source.revision === 'main' ? d.source.repo : `${d.source.repo}@${d.source.revision}`;
  return d.source.kind === 'local' ? d.source.label : d.source.url;
}

function sum<T>(items: T[], f: (x: T) => number): number {
  return items.reduce((n, x) => n + f(x), 0);
}
