/** Canonical records of the golden inputs, read by the core exactly as the app reads them, for tests and the dev harness. */
import path from 'node:path';
import { nodeFileSource } from '../src/core/decode/nodeSource';
import { readTrajectories, type Processed } from '../src/core/pipeline';
import { GOLDEN_DIR } from './canonicalOutput';

/** Every row of a golden input (e.g. `mini-coder.parquet`), with exact token counts. */
export async function goldenTrajectories(input: string): Promise<Processed[]> {
  const rows: Processed[] = [];
  for await (const batch of readTrajectories(await nodeFileSource(path.join(GOLDEN_DIR, input)), { source: 'golden' })) rows.push(...batch.items);
  if (rows.length === 0) throw new Error(`golden input ${input} has no rows`);
  return rows;
}

export async function goldenTrajectory(input: string, row = 0): Promise<Processed> {
  const rows = await goldenTrajectories(input);
  const found = rows[row];
  if (!found) throw new Error(`golden input ${input} has ${rows.length} rows, no row ${row}`);
  return found;
}
