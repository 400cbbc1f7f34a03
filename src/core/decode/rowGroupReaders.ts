import type { AsyncBuffer, ColumnMetaData, RowGroup, SchemaTree } from 'hyparquet';
import { DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { getTreePath } from 'hyparquet/src/schema.js';
import type { ColumnDecoder } from 'hyparquet/src/types.js';
import { compressors } from 'hyparquet-compressors';
import { ChunkPieces, type RangeRead } from './chunkPieces';
import { ColumnChunkReader, type ChunkSpan } from './columnChunkReader';
import { plainParsers } from './plainValue';
import { TopColumn } from './topColumn';

/** Small column chunks closer than this are read as one range (the same gap hyparquet allows). */
const GAP_BYTES = 1 << 13;

/**
 * Chunks up to this fraction of a piece are read whole, and a bigger chunk's first piece is that
 * size: the first rows need only each column's first page (a few hundred KB in pyarrow's and
 * Open-SWE-Traces' files), and every byte more read before them delays them on a slow link.
 */
const FIRST_PIECE_FRACTION = 16;

const parsers = { ...DEFAULT_PARSERS, ...plainParsers };

interface LeafPlan {
  meta: ColumnMetaData;
  span: ChunkSpan;
}

/** The column chunks of one row group to read, with their bytes; nothing is read yet. */
export interface RowGroupPlan {
  leaves: LeafPlan[];
  bytes: number;
}

/** A row group opened for reading: its top-level columns, and the leaf chunk readers behind them. */
export interface RowGroupReaders {
  columns: TopColumn[];
  leaves: ColumnChunkReader[];
}

/**
 * Which column chunks to read (the projected ones), or undefined where the incremental reader
 * does not apply: chunks in other files or without metadata, or no column at all.
 */
export function planRowGroup(group: RowGroup, columns: string[] | undefined, dataEnd: number): RowGroupPlan | undefined {
  const leaves: LeafPlan[] = [];
  for (const chunk of group.columns) {
    const meta = chunk.meta_data;
    if (chunk.file_path || !meta) return undefined;
    if (columns && !columns.includes(meta.path_in_schema[0] ?? '')) continue;
    const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
    leaves.push({ meta, span: { start, end: start + Number(meta.total_compressed_size), dataEnd } });
  }
  if (!leaves.length) return undefined;
  return { leaves, bytes: leaves.reduce((n, l) => n + l.span.end - l.span.start, 0) };
}

/**
 * Starts the reads: small chunks whole, nearby ones in one range, and the first piece of each
 * bigger chunk, all at once. The bigger chunks go on piece by piece, reading ahead only once
 * every column has its first rows (see `readAhead`).
 */
export function openRowGroup(plan: RowGroupPlan, file: AsyncBuffer, schema: SchemaTree, groupRows: number, pieceBytes: number): RowGroupReaders {
  const firstPiece = Math.max(1, Math.floor(pieceBytes / FIRST_PIECE_FRACTION));
  const small = plan.leaves.filter((l) => l.span.end - l.span.start <= firstPiece).map((l) => l.span);
  const reads = smallReads(small, file);
  const ranged: RangeRead = (start, end) => Promise.resolve(file.slice(start, end)).then((b) => new Uint8Array(b));
  const leaves = plan.leaves.map(({ meta, span }) => {
    const read = reads.get(span);
    const available = Math.max(span.start, Math.min(span.end, span.dataEnd));
    const pieces = read
      ? new ChunkPieces(read, span.start, available, span.end - span.start)
      : new ChunkPieces(ranged, span.start, available, pieceBytes, firstPiece);
    pieces.start();
    const reader = new ColumnChunkReader(decoderOf(meta, schema), span, pieces, groupRows);
    reader.prefetchFirstPage();
    return reader;
  });
  return { leaves, columns: topColumns(schema, leaves) };
}

/** Reads the small chunks in as few ranges as their layout allows; each chunk reads from its range. */
function smallReads(spans: ChunkSpan[], file: AsyncBuffer): Map<ChunkSpan, RangeRead> {
  const reads = new Map<ChunkSpan, RangeRead>();
  for (const run of nearbyRuns(spans)) {
    const start = Math.min(...run.map((s) => s.start));
    const end = Math.max(...run.map((s) => Math.min(s.end, s.dataEnd)));
    const bytes = Promise.resolve(file.slice(start, Math.max(start, end)));
    for (const span of run) reads.set(span, (s, e) => bytes.then((b) => new Uint8Array(b, s - start, e - s)));
  }
  return reads;
}

/** Spans in file order, grouped where each starts within GAP_BYTES of the ones before it. */
function nearbyRuns(spans: ChunkSpan[]): ChunkSpan[][] {
  const runs: ChunkSpan[][] = [];
  let runEnd = -Infinity;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const run = runs.at(-1);
    if (run && span.start - runEnd <= GAP_BYTES) {
      run.push(span);
      runEnd = Math.max(runEnd, span.end);
    } else {
      runs.push([span]);
      runEnd = span.end;
    }
  }
  return runs;
}

function decoderOf(meta: ColumnMetaData, schema: SchemaTree): ColumnDecoder {
  const schemaPath = getTreePath(schema, meta.path_in_schema);
  const leaf = schemaPath[schemaPath.length - 1];
  if (!leaf) throw new Error(`column ${meta.path_in_schema.join('.')} is not in the schema`);
  return { ...meta, pathInSchema: meta.path_in_schema, element: leaf.element, schemaPath, compressors, parsers };
}

/** Top-level columns in schema order (the order hyparquet gives a row's keys). */
function topColumns(schema: SchemaTree, leaves: ColumnChunkReader[]): TopColumn[] {
  return schema.children.flatMap((child) => {
    const own = leaves.filter((l) => l.path[0] === child.element.name);
    return own.length ? [new TopColumn(child, own, parsers)] : [];
  });
}
