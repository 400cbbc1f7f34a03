/**
 * Deciding what a refresh must load: compare the chunks held in memory with the store's manifest
 * (keys only). New chunks after the last held one are appended, chunks whose rows all got exact
 * token counts are re-read for their token columns; anything else (a re-ingest, a reset, a chunk
 * that appeared before held ones or vanished) means a full reload.
 */
import type { FeatureManifest } from '../store';

export interface HeldChunk {
  key: string;
  /** First table row of the chunk. */
  offset: number;
  n: number;
  /** Some rows were still on the len/4 token estimate when it was read. */
  pending: boolean;
}

export interface HeldState {
  /** The manifest's `updated` and `progress` when the table was built. */
  updated: number;
  progress: Record<string, number>;
  /** In table order. */
  chunks: HeldChunk[];
}

export type RefreshPlan = { kind: 'reload'; reason: string } | { kind: 'unchanged' } | { kind: 'incremental'; added: string[]; recounted: HeldChunk[] };

/**
 * The chunks that count as rows: those starting before their shard's progress. A batch ends at
 * the progress it commits, so nothing past it is a row; this reads from keys alone.
 */
function countedChunks(manifest: FeatureManifest): FeatureManifest['chunks'] {
  return manifest.chunks.filter((c) => c.firstRow < (manifest.progress[c.shardKey] ?? 0));
}

export function planRefresh(held: HeldState, manifest: FeatureManifest): RefreshPlan {
  if (manifest.updated !== held.updated) return { kind: 'reload', reason: 'the dataset is being ingested again' };
  for (const [shardKey, done] of Object.entries(held.progress)) {
    const now = manifest.progress[shardKey];
    if (now === undefined) return { kind: 'reload', reason: `shard ${shardKey} was removed` };
    if (now < done) return { kind: 'reload', reason: `shard ${shardKey} was reset` };
  }
  const counted = countedChunks(manifest);
  const moved = held.chunks.findIndex((c, k) => counted[k]?.key !== c.key);
  if (moved >= 0) return { kind: 'reload', reason: `chunk ${held.chunks[moved]?.key} is no longer where it was` };
  const pending = new Set(manifest.pending);
  const added = counted.slice(held.chunks.length).map((c) => c.key);
  const recounted = held.chunks.filter((c) => c.pending && !pending.has(c.key));
  return added.length || recounted.length ? { kind: 'incremental', added, recounted } : { kind: 'unchanged' };
}
