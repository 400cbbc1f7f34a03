import { parquetReadObjects, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { RawRow } from '../types';
import { asyncBufferOf } from './parquetBuffer';
import { checkRowGroupFits, readFooter, rowGroupLabel, rowGroupLayouts, type RowGroupLayout } from './parquetFooter';
import { plainParsers, plainRow } from './plainValue';
import { DecodeError, reasonOf, type ByteSource, type RowBatch, type RowRange } from './types';

export interface ParquetReadOptions extends RowRange {
  /**
   * Top-level columns to read (projection). Names the file does not have are ignored, so one
   * list of wanted columns can be used across datasets.
   */
  columns?: string[];
}

export interface ParquetInfo {
  rows: number;
  rowGroups: Array<{ firstRow: number; rows: number; bytes: number }>;
  /** Top-level column names, in file order. */
  columns: string[];
}

export interface ParquetInfoOptions {
  /**
   * Bytes of the first read from the end (default 512 KB). Over a network, where many files'
   * footers are read, a smaller one (64 KB) saves most of the transfer; a bigger footer costs
   * one more read.
   */
  footerBytes?: number;
}

/** Row count, row groups and columns, from the footer alone (one read at the end of the file). */
export async function parquetInfo(source: ByteSource, opts: ParquetInfoOptions = {}): Promise<ParquetInfo> {
  const metadata = await readFooter(source, asyncBufferOf(source), opts.footerBytes);
  return {
    rows: Number(metadata.num_rows),
    rowGroups: rowGroupLayouts(metadata).map(({ firstRow, rows, bytes }) => ({ firstRow, rows, bytes })),
    columns: topLevelColumns(metadata),
  };
}

/**
 * Reads rows one row group at a time (one batch per row group, clipped to rowStart/rowEnd),
 * so memory holds one row group, and a read can stop or resume at any row group.
 */
export async function* readParquet(source: ByteSource, opts: ParquetReadOptions = {}): AsyncGenerator<RowBatch> {
  const file = asyncBufferOf(source);
  const metadata = await readFooter(source, file);
  const { rowStart = 0, rowEnd = Infinity } = opts;
  const columns = opts.columns && presentColumns(metadata, opts.columns);
  for (const layout of rowGroupLayouts(metadata)) {
    const start = Math.max(rowStart, layout.firstRow);
    const end = Math.min(rowEnd, layout.firstRow + layout.rows);
    if (start >= end) continue;
    yield await readWholeRowGroup({ source, file, metadata, layout, start, end, columns });
  }
}

export interface GroupRead {
  source: ByteSource;
  file: AsyncBuffer;
  metadata: FileMetaData;
  layout: RowGroupLayout;
  start: number;
  end: number;
  columns: string[] | undefined;
}

/** Rows `start`–`end` of one row group as one batch, all its projected column chunks read at once. */
export async function readWholeRowGroup(read: GroupRead): Promise<RowBatch> {
  checkRowGroupFits(read.source, read.metadata, read.layout);
  return { firstRow: read.start, rows: await readRowGroup(read), errors: [] };
}

async function readRowGroup({ source, file, metadata, layout, start, end, columns }: GroupRead): Promise<RawRow[]> {
  // Projection onto columns the file lacks: empty rows, without touching the data.
  if (columns?.length === 0) return Array.from({ length: end - start }, () => ({}));
  try {
    const rows = await parquetReadObjects({
      file,
      metadata,
      rowStart: start,
      rowEnd: end,
      compressors,
      parsers: plainParsers,
      ...(columns ? { columns } : {}),
    });
    return rows.map(plainRow);
  } catch (e) {
    throw new DecodeError(source.name, `${rowGroupLabel(layout)}: ${reasonOf(e)}`);
  }
}

function topLevelColumns(metadata: FileMetaData): string[] {
  return parquetSchema(metadata).children.map((child) => child.element.name);
}

/** The wanted columns that the file has. */
export function presentColumns(metadata: FileMetaData, wanted: string[]): string[] {
  const present = new Set(topLevelColumns(metadata));
  return wanted.filter((name) => present.has(name));
}
