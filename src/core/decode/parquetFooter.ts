import { parquetMetadataAsync, type AsyncBuffer, type FileMetaData, type RowGroup } from 'hyparquet';
import { plainParsers } from './plainValue';
import { DecodeError, reasonOf, type ByteSource } from './types';

const PAR1 = 0x31524150; // "PAR1" read as a little-endian uint32

/** Where a row group sits: its rows in the file, and the bytes of its column chunks. */
export interface RowGroupLayout {
  index: number;
  firstRow: number;
  rows: number;
  /** Compressed bytes of all its column chunks. */
  bytes: number;
  /** Byte offset just past its last column chunk. */
  end: number;
}

/**
 * First read from the end of a file. hyparquet's default is 512 KB; trajectory shards have few row
 * groups, so their footers take a few KB, and a smaller first read spares half a megabyte per shard
 * on a slow link. A bigger footer costs one more read.
 */
export const FOOTER_FETCH_BYTES = 64 * 1024;

/** Reads and parses the footer; a failure says whether the file is cut short, not parquet, or corrupt. */
export async function readFooter(source: ByteSource, buffer: AsyncBuffer, initialFetchSize = FOOTER_FETCH_BYTES): Promise<FileMetaData> {
  if (source.size < 12) throw new DecodeError(source.name, `not a parquet file: only ${source.size} bytes`);
  try {
    return await parquetMetadataAsync(buffer, { parsers: plainParsers, initialFetchSize });
  } catch (e) {
    if (e instanceof DecodeError) throw e;
    throw await diagnoseFooter(source, e);
  }
}

/** Looks at the magic numbers and the footer length to explain why the footer did not parse. */
async function diagnoseFooter(source: ByteSource, cause: unknown): Promise<DecodeError> {
  try {
    return await explainFooter(source, cause);
  } catch {
    return new DecodeError(source.name, `cannot read the parquet footer: ${reasonOf(cause)}`);
  }
}

async function explainFooter(source: ByteSource, cause: unknown): Promise<DecodeError> {
  const fail = (message: string) => new DecodeError(source.name, message);
  const head = new DataView(await source.slice(0, 4));
  const tail = new DataView(await source.slice(source.size - 8, source.size));
  const startsPar1 = head.byteLength === 4 && head.getUint32(0, true) === PAR1;
  if (tail.byteLength !== 8 || tail.getUint32(4, true) !== PAR1) {
    return startsPar1
      ? fail(`truncated: the file is ${source.size} bytes and starts like parquet (PAR1) but does not end with the PAR1 footer; the download or copy was cut short`)
      : fail('not a parquet file: no PAR1 magic at its start or end');
  }
  const metadataLength = tail.getUint32(0, true);
  if (metadataLength > source.size - 8) {
    return fail(`truncated or corrupt: the footer says its metadata is ${metadataLength} bytes but the file is only ${source.size} bytes`);
  }
  return fail(`corrupt footer (${metadataLength} bytes of metadata): ${reasonOf(cause)}`);
}

export function rowGroupLayouts(metadata: FileMetaData): RowGroupLayout[] {
  let firstRow = 0;
  return metadata.row_groups.map((group, index) => {
    const layout = { index, firstRow, rows: Number(group.num_rows), ...chunkBytes(group) };
    firstRow += layout.rows;
    return layout;
  });
}

function chunkBytes(group: RowGroup): { bytes: number; end: number } {
  let bytes = 0;
  let end = 0;
  for (const chunk of group.columns) {
    const meta = chunk.meta_data;
    if (!meta) continue;
    const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
    bytes += Number(meta.total_compressed_size);
    end = Math.max(end, start + Number(meta.total_compressed_size));
  }
  return { bytes, end };
}

/** "row group 2 (rows 200–299)", as messages name a row group. */
export function rowGroupLabel(layout: RowGroupLayout): string {
  return `row group ${layout.index} (rows ${layout.firstRow}–${layout.firstRow + layout.rows - 1})`;
}

/** Where the column data ends: just before the footer. */
export function columnDataEnd(source: ByteSource, metadata: FileMetaData): number {
  return source.size - 8 - metadata.metadata_length;
}

/**
 * Column data must end before the footer. When the footer points past that, the file lost
 * bytes in the middle or was glued together wrongly; say so before decoding garbage.
 */
export function checkRowGroupFits(source: ByteSource, metadata: FileMetaData, layout: RowGroupLayout): void {
  const dataEnd = columnDataEnd(source, metadata);
  if (layout.end <= dataEnd) return;
  throw new DecodeError(
    source.name,
    `truncated or corrupt: ${rowGroupLabel(layout)} ends at byte ${layout.end} according to the footer, but column data ends at byte ${dataEnd} (file is ${source.size} bytes)`,
  );
}
