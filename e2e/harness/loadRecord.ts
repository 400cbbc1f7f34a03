import type { Processed } from '../../src/core/pipeline';
import type { RowRecord } from '../../src/core/rowRecord';
import type { Message, Trajectory } from '../../src/core/types';

export interface HarnessEntry {
  name: string;
  label: string;
}

export const HARNESS_DATA = '/fixtures/generated/harness';

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}${res.status === 404 ? ' (run `npx tsx scripts/harness/threadRecords.ts`)' : ''}`);
  return res.json();
}

export async function harnessIndex(): Promise<HarnessEntry[]> {
  return (await getJson(`${HARNESS_DATA}/index.json`)) as HarnessEntry[];
}

/** A record written by scripts/harness/threadRecords.ts ({trajectory, features}). */
export async function harnessRecord(name: string): Promise<Processed> {
  return (await getJson(`${HARNESS_DATA}/${encodeURIComponent(name)}.json`)) as Processed;
}

/**
 * A row of a golden expectation (fixtures/golden/*.expected.json): the public row shape, which keeps
 * tool calls as {name, arguments} only, so the views are seen without ids or `fromText`.
 */
export async function goldenRow(url: string, row: number): Promise<Processed> {
  const golden = (await getJson(url)) as { rows: RowRecord[] };
  const r = golden.rows[row];
  if (!r) throw new Error(`${url} has ${golden.rows.length} rows, no row ${row}`);
  const trajectory: Trajectory = {
    id: r.id,
    outcome: r.outcome,
    messages: r.messages as Message[],
    extra: {},
    format: r.format,
    warnings: r.warnings,
  };
  if (r.instanceId) trajectory.instanceId = r.instanceId;
  if (r.patch) trajectory.patch = r.patch;
  if (r.patchSource) trajectory.patchSource = r.patchSource;
  if (r.referencePatch) trajectory.referencePatch = r.referencePatch;
  return { row: 0, trajectory, features: r.features };
}
