/**
 * Rows for the browse harness, made by the real core and stored through the real store: the
 * generated fixture datasets are decoded in the page (every format the core reads), and as many
 * rows as a test asks for are derived from them, each a smaller copy of a real trajectory with its
 * own id and its features recomputed, committed batch by batch as the dataset worker does.
 */
import { blobSource } from '../../src/core/decode/blobSource';
import { encodeFeatures } from '../../src/core/featureColumns';
import { computeFeatures } from '../../src/core/features';
import { rowId } from '../../src/core/identity';
import { readTrajectories } from '../../src/core/pipeline';
import { countTokens } from '../../src/core/tokens';
import type { Message, Trajectory } from '../../src/core/types';
import { shardKeyOf, type ShardInput, type TrajectoryStore } from '../../workers/store';

/** Fixture files decoded for templates: a spread of formats, agents, languages and outcomes. */
export const TEMPLATE_FILES = [
  'AlienKevin/SWE-ZERO-1k-trajectories-32k-jsonl/data/train-00000-of-00002.jsonl',
  'nvidia/Open-SWE-Traces/data/sweagent/qwen35_122b/train-00000-of-00001.parquet',
  'nvidia/Open-SWE-Traces-legacy/data/openhands/minimax_m25/train-00000-of-00002.parquet',
  'nebius/SWE-agent-trajectories/data/train-00000-of-00003.parquet',
  'nebius/SWE-rebench-openhands-trajectories/data/train-00000-of-00002.parquet',
  'SWE-bench/SWE-smith-trajectories/data/tool-00000-of-00001.parquet',
  'SWE-Gym/OpenHands-Sampled-Trajectories/data/train.raw-00000-of-00002.parquet',
  'ricdomolm/mini-coder-trajs-400k/data/train-00000-of-00002.parquet',
];

export const HARNESS_SOURCE = 'harness';
export const HARNESS_DATASET = 'harness|browse';

export async function loadTemplates(): Promise<Trajectory[]> {
  const templates: Trajectory[] = [];
  for (const file of TEMPLATE_FILES) {
    const response = await fetch(`/fixtures/generated/${file}`);
    if (!response.ok) throw new Error(`fixture ${file}: HTTP ${response.status} (run npx tsx scripts/fixtures/main.ts)`);
    const blob = await response.blob();
    for await (const batch of readTrajectories(blobSource(blob, file), { source: HARNESS_SOURCE, exactTokens: false })) {
      templates.push(...batch.items.map((item) => item.trajectory));
    }
  }
  if (templates.length === 0) throw new Error('no fixture trajectories could be read');
  return templates;
}

const SHARD_PATH = (n: number) => `data/train-${String(n).padStart(5, '0')}-of-00008.parquet`;
export const ROWS_PER_SHARD = 25_000;

/** Stores rows `[from, to)` of the synthetic dataset, in batches of `batchRows` per shard as an ingest would. */
export async function commitRows(store: TrajectoryStore, templates: Trajectory[], from: number, to: number, batchRows: number): Promise<void> {
  for (let start = from; start < to; ) {
    const shardIndex = Math.floor(start / ROWS_PER_SHARD);
    const shard = await ensureShard(store, shardIndex);
    const firstRow = start - shardIndex * ROWS_PER_SHARD;
    const end = Math.min(to, start + batchRows, (shardIndex + 1) * ROWS_PER_SHARD);
    const rows = Array.from({ length: end - start }, (_, i) => firstRow + i);
    const trajectories = rows.map((row) => derived(templates, shard.path, row, start + row - firstRow));
    const chunk = encodeFeatures(trajectories.map((t, i) => ({ id: t.id, row: rows[i] as number, ...(t.instanceId ? { instanceId: t.instanceId } : {}), features: computeFeatures(t, { exactTokens: false }), extra: t.extra })));
    const stored = await store.getShard(shard.key);
    if (!stored) throw new Error(`shard ${shard.key} vanished`);
    await store.commitBatch({ shard: { ...withoutStored(stored), rowsDone: end - shardIndex * ROWS_PER_SHARD, state: 'running' }, firstRow, trajectories, chunk });
    start = end;
  }
}

/** Exact cl100k_base counts for every row still on the estimate, chunk by chunk as the token backfill writes them. */
export async function countAllTokens(store: TrajectoryStore): Promise<number> {
  let rows = 0;
  for (const pending of await store.pendingTokenChunks(HARNESS_DATASET)) {
    const trajectories = await store.getTrajectories(HARNESS_DATASET, pending.ids);
    await store.updateChunkTokens(pending.chunkKey, pending.ids.map((id, i) => ({ id, tokens: countTokens(trajectories[i]?.messages ?? []) })));
    rows += pending.ids.length;
  }
  return rows;
}

export async function ensureShard(store: TrajectoryStore, index: number): Promise<ShardInput> {
  const path = SHARD_PATH(index);
  const shard: ShardInput = { key: shardKeyOf(HARNESS_DATASET, 'default', 'train', path), datasetKey: HARNESS_DATASET, config: 'default', split: 'train', path, size: 0, state: 'running', rowsTotal: ROWS_PER_SHARD };
  if (!(await store.getShard(shard.key))) await store.putShards([shard]);
  return shard;
}

/**
 * Row `n` of the dataset: template `n mod T`, its messages cut to a prefix of 2–9 and their text
 * to 30–150 characters (so 200k rows fit in a test browser's storage), the patch to its file headers
 * and first changed lines. Features are computed from the result, never copied.
 */
function derived(templates: Trajectory[], path: string, row: number, n: number): Trajectory {
  const t = templates[n % templates.length] as Trajectory;
  const keep = 2 + (Math.floor(n / templates.length) % 8);
  const messages = t.messages.slice(0, keep).map((m) => shortMessage(m, 30 + (n % 7) * 20));
  const trajectory: Trajectory = { ...t, id: rowId({ source: HARNESS_SOURCE, config: 'default', split: 'train', file: path, rowIndex: row }), messages, extra: {}, warnings: [] };
  const patch = shortPatch(t.patch);
  if (patch === undefined) delete trajectory.patch;
  else trajectory.patch = patch;
  delete trajectory.referencePatch;
  return trajectory;
}

function shortMessage(m: Message, chars: number): Message {
  const short: Message = { role: m.role, content: m.content.slice(0, chars) };
  if (m.toolCalls) short.toolCalls = m.toolCalls.map((c) => ({ name: c.name, arguments: typeof c.arguments === 'string' ? c.arguments.slice(0, 60) : shortArguments(c.arguments), ...(c.fromText ? { fromText: c.fromText } : {}) }));
  return short;
}

function shortArguments(args: unknown): unknown {
  if (typeof args !== 'object' || args === null) return args;
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 60) : v]));
}

/** The patch's file headers and the first two changed lines of each file. */
function shortPatch(patch: string | undefined): string | undefined {
  if (!patch) return patch;
  const kept: string[] = [];
  let changed = 0;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      kept.push(line);
      changed = 0;
    } else if (/^[+-](?![+-]{2})/.test(line) && changed < 2) {
      kept.push(line.slice(0, 60));
      changed++;
    }
  }
  return kept.join('\n');
}

function withoutStored<T extends { bytesStored: number }>(s: T): Omit<T, 'bytesStored'> {
  const { bytesStored: _, ...rest } = s;
  return rest;
}
