import { readdirSync } from 'node:fs';
import path from 'node:path';
import { nodeFileSource } from '../src/core/decode/nodeSource';
import { readTrajectories } from '../src/core/pipeline';
import { toRowRecord, type RowRecord } from '../src/core/rowRecord';

export const GOLDEN_DIR = path.resolve(import.meta.dirname, '../fixtures/golden');

export interface CanonicalOutput {
  format: string;
  reason: string;
  rows: RowRecord[];
  errors: { row: number; message: string }[];
}

/** Golden inputs are every file in fixtures/golden except the expectations beside them. */
export function goldenInputs(): string[] {
  return readdirSync(GOLDEN_DIR)
    .filter((f) => !f.endsWith('.expected.json'))
    .sort();
}

export function expectedPath(input: string): string {
  return path.join(GOLDEN_DIR, `${input}.expected.json`);
}

/** What the core makes of a file, exact tokens included: the golden expectation's shape. */
export async function canonicalOutput(file: string): Promise<CanonicalOutput> {
  const out: CanonicalOutput = { format: '', reason: '', rows: [], errors: [] };
  for await (const batch of readTrajectories(await nodeFileSource(file), { source: 'golden', file: path.basename(file) })) {
    out.format = batch.detection.format;
    out.reason = batch.detection.reason;
    out.rows.push(...batch.items.map((it) => toRowRecord(it.trajectory, it.features)));
    out.errors.push(...batch.errors);
  }
  return out;
}
