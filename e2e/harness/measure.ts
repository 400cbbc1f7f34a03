/** Timings of the query worker in a real browser over the harness rows (window.harness.measure). */
import { COLUMNS, type FilterSpec } from '../../src/core/query';
import type { Trajectory } from '../../src/core/types';
import { createQueryClient } from '../../workers/query/queryClient';
import type { TrajectoryStore } from '../../workers/store';
import { commitRows, ensureShard, HARNESS_DATASET, ROWS_PER_SHARD } from './seedRows';

const columns = COLUMNS.map((c) => c.id);
const SFT: FilterSpec = { values: { outcome: ['resolved'] }, ranges: { tokens: { max: 32_000 } }, hasPatch: true };

export async function measureQueries(store: TrajectoryStore, templates: Trajectory[], rows: number, extraRows: number): Promise<Record<string, number>> {
  const client = createQueryClient();
  const timings: Record<string, number> = {};
  const time = async (label: string, run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    timings[label] = Math.round((performance.now() - start) * 10) / 10;
  };
  const view = (offset: number, extra: object) => client.view({ datasetKey: HARNESS_DATASET, sort: [], offset, limit: 100, columns, ...extra });
  try {
    await time('open (load every chunk from IndexedDB)', () => client.open(HARNESS_DATASET));
    await time('refresh, nothing changed', () => client.refresh(HARNESS_DATASET));
    await time('first window, table order', () => view(0, {}));
    await time('sort by tokens desc + first window', () => view(0, { sort: [{ column: 'tokens', desc: true }] }));
    await time('window at row 100k of that sort', () => view(Math.floor(rows / 2), { sort: [{ column: 'tokens', desc: true }] }));
    await time('filter (SFT defaults) + sort by language, churn', () => view(0, { filter: SFT, sort: [{ column: 'language', desc: false }, { column: 'patchChurn', desc: true }] }));
    await time('sort by instance (string ranks) + first window', () => view(0, { sort: [{ column: 'instanceId', desc: false }] }));
    await time('column summaries', () => client.columns(HARNESS_DATASET));
    // Rows of a shard past the stored ones: appended by a refresh, then removed by a reset.
    const extraShard = Math.ceil(rows / ROWS_PER_SHARD);
    const first = extraShard * ROWS_PER_SHARD;
    await commitRows(store, templates, first, first + extraRows, 1000);
    await time(`refresh after ${extraRows} new rows (incremental)`, () => client.refresh(HARNESS_DATASET));
    await store.resetShard((await ensureShard(store, extraShard)).key);
    await time('refresh after a shard reset (full reload)', () => client.refresh(HARNESS_DATASET));
  } finally {
    client.terminate();
  }
  return timings;
}
