import { parquetSchema, type AsyncBuffer, type SchemaTree } from 'hyparquet';
import { asyncBufferOf } from './parquetBuffer';
import { presentColumns, readWholeRowGroup, type ParquetReadOptions } from './parquet';
import { columnDataEnd, readFooter, rowGroupLabel, rowGroupLayouts, type RowGroupLayout } from './parquetFooter';
import { openRowGroup, planRowGroup, type RowGroupPlan } from './rowGroupReaders';
import { streamRowGroup, type RowWindow } from './rowGroupStream';
import { DecodeError, reasonOf, type ByteSource, type RowBatch } from './types';

const DEFAULT_BATCH_ROWS = 100;
const DEFAULT_PIECE_BYTES = 4 << 20;

export interface IncrementalReadOptions extends ParquetReadOptions {
  /** Most rows in one batch (default 100). Fewer are yielded rather than kept while bytes are awaited. */
  targetBatchRows?: number;
  /**
   * Bytes per range read of a big column chunk (default 4 MB). Chunks up to this size are read
   * whole up front, and a row group under twice this size is read whole, as `readParquet` does.
   */
  pieceBytes?: number;
}

/**
 * Reads rows like `readParquet` (same rows, same values, same batch contract), but a big row
 * group is read incrementally: its small column chunks first in a few range reads, its big
 * ones in pieces decoded page by page as they arrive, and rows are yielded as soon as every
 * column has them. So the first trajectories of a 200 MB single-row-group shard show after a
 * few MB, and memory holds about one row group's decoded rows plus the pieces in flight.
 */
export async function* readParquetIncremental(source: ByteSource, opts: IncrementalReadOptions = {}): AsyncGenerator<RowBatch> {
  const file = asyncBufferOf(source);
  const metadata = await readFooter(source, file);
  const { rowStart = 0, rowEnd = Infinity, targetBatchRows = DEFAULT_BATCH_ROWS, pieceBytes = DEFAULT_PIECE_BYTES } = opts;
  const columns = opts.columns && presentColumns(metadata, opts.columns);
  const schema = parquetSchema(metadata);
  for (const layout of rowGroupLayouts(metadata)) {
    const start = Math.max(rowStart, layout.firstRow);
    const end = Math.min(rowEnd, layout.firstRow + layout.rows);
    if (start >= end) continue;
    const group = metadata.row_groups[layout.index];
    const plan = group && planRowGroup(group, columns, columnDataEnd(source, metadata));
    if (!plan || plan.bytes < 2 * pieceBytes) {
      yield await readWholeRowGroup({ source, file, metadata, layout, start, end, columns });
      continue;
    }
    const wanted = { firstRow: layout.firstRow, start: start - layout.firstRow, end: end - layout.firstRow };
    yield* readInPieces({ source, file, schema, layout, plan }, wanted, pieceBytes, Math.max(1, targetBatchRows));
  }
}

interface BigRowGroup {
  source: ByteSource;
  file: AsyncBuffer;
  schema: SchemaTree;
  layout: RowGroupLayout;
  plan: RowGroupPlan;
}

function readInPieces({ source, file, schema, layout, plan }: BigRowGroup, wanted: RowWindow, pieceBytes: number, batchRows: number): AsyncGenerator<RowBatch> {
  const fail = (where: string, cause: unknown) => new DecodeError(source.name, `${rowGroupLabel(layout)}${where}: ${reasonOf(cause)}`);
  try {
    const readers = openRowGroup(plan, file, schema, layout.rows, pieceBytes);
    return streamRowGroup(readers, wanted, batchRows, (column, cause) => fail(`, column ${column}`, cause));
  } catch (e) {
    throw fail('', e);
  }
}
