import type { RawRow } from '../types';
import type { ColumnChunkReader } from './columnChunkReader';
import { plainRow } from './plainValue';
import type { RowGroupReaders } from './rowGroupReaders';
import type { RowBatch } from './types';

/** Which rows of the group to yield (`start`, `end` within the group) and where the group starts in the file. */
export interface RowWindow {
  firstRow: number;
  start: number;
  end: number;
}

/** Turns a failure into the error to throw, naming the column it happened in. */
export type ColumnFailure = (column: string, cause: unknown) => Error;

/**
 * Yields the wanted rows in order as soon as every column has them. Always decodes the next
 * page of the column furthest behind, so the columns advance together and decoded rows wait
 * only for the slowest column. A batch holds at most `batchRows` rows, and rows that are ready
 * are yielded rather than kept while the reader waits for bytes. On a failure the rows read
 * before it are yielded, then the error is thrown.
 */
export async function* streamRowGroup({ columns, leaves }: RowGroupReaders, wanted: RowWindow, batchRows: number, fail: ColumnFailure): AsyncGenerator<RowBatch> {
  let taken = 0;
  let failure: Error | undefined;
  const ready = () => leaves.reduce((n, leaf) => Math.min(n, leaf.rows), wanted.end);
  const take = (count: number): RawRow[] => {
    const values = columns.map((column) => {
      try {
        return column.take(count);
      } catch (e) {
        throw fail(column.name, e);
      }
    });
    taken += count;
    return Array.from({ length: count }, (_, i) => plainRow(Object.fromEntries(columns.map((c, j) => [c.name, values[j]?.[i]]))));
  };
  const skipToStart = () => {
    const count = Math.min(ready(), wanted.start) - taken;
    if (count <= 0) return;
    for (const leaf of leaves) leaf.take(count);
    taken += count;
  };
  const batch = (count: number): RowBatch => ({ firstRow: wanted.firstRow + taken, rows: take(count), errors: [] });
  // Reading ahead waits until the first rows are out (or skipped), so that every column's first
  // pages come first over the link.
  let readingAhead = false;
  const startReadAhead = () => {
    if (readingAhead || taken === 0) return;
    readingAhead = true;
    for (const leaf of leaves) leaf.readAhead();
  };

  while (!failure) {
    skipToStart();
    const waiting = ready() - taken;
    if (ready() >= wanted.end) break;
    const leaf = laggard(leaves);
    if (waiting >= batchRows || (waiting > 0 && !leaf.canStep)) {
      yield batch(Math.min(waiting, batchRows));
      continue;
    }
    startReadAhead();
    try {
      await leaf.step();
    } catch (e) {
      failure = fail(leaf.name, e);
    }
  }
  skipToStart();
  for (let left = ready() - taken; left > 0; left = ready() - taken) yield batch(Math.min(left, batchRows));
  if (failure) throw failure;
}

/** The unfinished leaf with the fewest complete rows (there is one while rows are missing). */
function laggard(leaves: ColumnChunkReader[]): ColumnChunkReader {
  let behind: ColumnChunkReader | undefined;
  for (const leaf of leaves) if (!leaf.finished && (!behind || leaf.rows < behind.rows)) behind = leaf;
  if (!behind) throw new Error('no column chunk left to read');
  return behind;
}
