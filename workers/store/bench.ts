/**
 * Node micro-benchmark of the store's CPU side: `npx tsx workers/store/bench.ts`.
 * fake-indexeddb is an in-memory model, so its commit rate only bounds our own overhead; real
 * IndexedDB throughput is measured in Chromium.
 */
import 'fake-indexeddb/auto';
import { concatChunks, encodeFeatures, type FeatureChunk } from '../../src/core/featureColumns';
import { computeFeatures } from '../../src/core/features';
import { batch, dataset, shard, trajectory } from './testData';
import { approxSize } from './size';
import { openTrajectoryStore } from './trajectoryStore';

const ROWS = 200_000;
const BATCH = 100;

function time<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return result;
}

async function timeAsync<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return result;
}

const sample = Array.from({ length: BATCH }, (_, i) => trajectory('bench', 'f.jsonl', i, 4000));
const inputs = sample.map((t, i) => ({ id: t.id, row: i, instanceId: t.instanceId, features: computeFeatures(t, { exactTokens: false }) }));
const chunks: FeatureChunk[] = time(`encodeFeatures, ${ROWS} rows in batches of ${BATCH}`, () =>
  Array.from({ length: ROWS / BATCH }, () => encodeFeatures(inputs)),
);
const table = time(`concatChunks, ${chunks.length} chunks`, () => concatChunks(chunks));
time(`structuredClone of the ${table.n}-row table`, () => structuredClone(table));
time(`approxSize of ${BATCH} trajectories (${approxSize(sample[0]) * BATCH} bytes)`, () => sample.reduce((n, t) => n + approxSize(t), 0));
time(`JSON.stringify of the same, for comparison`, () => sample.reduce((n, t) => n + JSON.stringify(t).length, 0));

const store = await openTrajectoryStore('bench');
await store.putDataset(dataset('bench'));
const s = shard('bench', 'f.jsonl');
await store.putShards([s]);
const COMMITS = 20;
await timeAsync(`fake-indexeddb: ${COMMITS} commits of ${BATCH} rows`, async () => {
  for (let i = 0; i < COMMITS; i++) {
    const stored = await store.getShard(s.key);
    if (stored) await store.commitBatch(batch(stored, i * BATCH, (i + 1) * BATCH, { exactTokens: false, chars: 4000 }));
  }
});
await timeAsync('fake-indexeddb: loadFeatureTable', () => store.loadFeatureTable('bench'));
store.close();
