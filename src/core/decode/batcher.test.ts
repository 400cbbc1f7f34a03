import { describe, expect, it } from 'vitest';
import { RowBatcher } from './batcher';
import type { RowBatch } from './types';

function run(batchSize: number, items: Array<'ok' | 'bad'>): RowBatch[] {
  const batcher = new RowBatcher(batchSize);
  const out: RowBatch[] = [];
  items.forEach((item, index) => {
    const batch = item === 'ok' ? batcher.addRow(index, { index }) : batcher.addError(index, 'bad');
    if (batch) out.push(batch);
  });
  const last = batcher.flush();
  if (last) out.push(last);
  return out;
}

describe('RowBatcher', () => {
  it('keeps rows[i] at firstRow + i around bad rows', () => {
    const items: Array<'ok' | 'bad'> = ['ok', 'ok', 'bad', 'ok', 'bad', 'bad', 'ok', 'ok', 'ok', 'ok'];
    const batches = run(3, items);
    for (const batch of batches) {
      batch.rows.forEach((row, i) => expect(row.index).toBe(batch.firstRow + i));
    }
    expect(batches.flatMap((b) => b.rows.map((r) => r.index))).toEqual([0, 1, 3, 6, 7, 8, 9]);
    expect(batches.flatMap((b) => b.errors.map((e) => e.row))).toEqual([2, 4, 5]);
    expect(Math.max(...batches.map((b) => b.rows.length))).toBeLessThanOrEqual(3);
  });

  it('gives an error-only batch the index of its first error', () => {
    expect(run(10, ['bad', 'bad', 'ok'])).toEqual([
      { firstRow: 0, rows: [], errors: [{ row: 0, message: 'bad' }, { row: 1, message: 'bad' }] },
      { firstRow: 2, rows: [{ index: 2 }], errors: [] },
    ]);
  });

  it('yields nothing for nothing', () => {
    expect(run(10, [])).toEqual([]);
  });
});
