import type { RawRow } from '../types';
import type { RowBatch } from './types';

/**
 * Groups decoded rows into batches while keeping `rows[i]` at index `firstRow + i`:
 * a failed row closes the batch (it is reported there), and the next good row opens a new one.
 */
export class RowBatcher {
  private firstRow = 0;
  private rows: RawRow[] = [];
  private errors: RowBatch['errors'] = [];

  constructor(private readonly batchSize: number) {}

  /** Adds row `index`; returns a finished batch when one is ready. */
  addRow(index: number, row: RawRow): RowBatch | undefined {
    const done = this.errors.length > 0 || this.rows.length >= this.batchSize ? this.flush() : undefined;
    if (this.rows.length === 0) this.firstRow = index;
    this.rows.push(row);
    return done;
  }

  /** Records that row `index` could not be decoded. */
  addError(index: number, message: string): RowBatch | undefined {
    if (this.rows.length === 0 && this.errors.length === 0) this.firstRow = index;
    this.errors.push({ row: index, message });
    // A long run of bad rows still comes out in bounded batches.
    return this.errors.length >= this.batchSize ? this.flush() : undefined;
  }

  /** The batch in progress, if it holds anything. */
  flush(): RowBatch | undefined {
    if (this.rows.length === 0 && this.errors.length === 0) return undefined;
    const batch: RowBatch = { firstRow: this.firstRow, rows: this.rows, errors: this.errors };
    this.rows = [];
    this.errors = [];
    return batch;
  }
}
