/** Synthetic datasets for the store's tests and benchmark: real core features over made-up rollouts. */
import { encodeFeatures } from '../../src/core/featureColumns';
import { computeFeatures } from '../../src/core/features';
import { rowId } from '../../src/core/identity';
import type { Trajectory } from '../../src/core/types';
import type { CommitBatch, DatasetInput, ShardInput, ShardRecord } from './records';
import { shardKeyOf } from './schema';

export function dataset(key: string): DatasetInput {
  return { key, source: { kind: 'hub', repo: 'org/traces', revision: 'main', endpoint: 'https://huggingface.co' }, mode: 'sample', sampleRows: 1000, selection: [{ config: 'default', split: 'train' }] };
}

export function shard(datasetKey: string, path: string): ShardInput {
  return { key: shardKeyOf(datasetKey, 'default', 'train', path), datasetKey, config: 'default', split: 'train', path, size: 1_000_000, state: 'pending' };
}

/** Row `row` of `path`: a short rollout whose text grows with `chars`. */
export function trajectory(source: string, path: string, row: number, chars = 200): Trajectory {
  const filler = 'x'.repeat(chars);
  const command = row % 4 === 0 ? `find . -name m${row}.py` : `grep -rn issue${row} .`;
  return {
    id: rowId({ source, config: 'default', split: 'train', file: path, rowIndex: row }),
    instanceId: `org__repo-${row % 7}`,
    repo: 'org/repo',
    language: row % 3 === 0 ? 'python' : 'go',
    outcome: row % 2 === 0 ? 'resolved' : 'unresolved',
    messages: [
      { role: 'system', content: 'You are an agent.' },
      { role: 'user', content: `Fix issue ${row}. ${filler}` },
      { role: 'assistant', content: `THOUGHT: look\n\n\`\`\`bash\n${command}\n\`\`\``, toolCalls: [{ name: 'bash', arguments: { command }, fromText: 'fence' }] },
      { role: 'tool', content: `Observation: found ${row}` },
    ],
    patch: `diff --git a/src/m${row % 5}.py b/src/m${row % 5}.py\n+fixed ${row}\n-broken\n`,
    extra: { row },
    format: 'generic-chat',
    warnings: [],
  };
}

export interface BatchOptions {
  /** Rows that fail to decode: counted as errors, no trajectory. */
  errorRows?: number[];
  exactTokens?: boolean;
  chars?: number;
}

/** The batch of shard rows `[firstRow, rowEnd)` as the ingest orchestrator would commit it after `prev`. */
export function batch(prev: Pick<ShardRecord, 'rowsDone' | 'errors' | 'errorSamples'> & ShardInput, firstRow: number, rowEnd: number, opts: BatchOptions = {}): CommitBatch {
  const errorRows = new Set((opts.errorRows ?? []).filter((r) => r >= firstRow && r < rowEnd));
  const rows = Array.from({ length: rowEnd - firstRow }, (_, i) => firstRow + i).filter((r) => !errorRows.has(r));
  const trajectories = rows.map((r) => trajectory(prev.datasetKey, prev.path, r, opts.chars));
  const chunk = encodeFeatures(trajectories.map((t, i) => ({ id: t.id, row: rows[i] as number, instanceId: t.instanceId, features: computeFeatures(t, { exactTokens: opts.exactTokens ?? true }), extra: t.extra })));
  const errors = [...errorRows].map((row) => ({ row, message: `row ${row}: invalid JSON` }));
  return {
    shard: { ...prev, rowsDone: rowEnd, bytesDone: rowEnd * 1000, errors: prev.errors + errors.length, errorSamples: [...prev.errorSamples, ...errors], state: 'running' },
    firstRow,
    trajectories,
    chunk,
  };
}
