import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';

export interface ShardFooter {
  rows: number;
  rowGroups: number;
  /** Uncompressed bytes of the largest row group (its footer total_byte_size). */
  largestRowGroupBytes: number;
}

export async function shardFooter(file: string): Promise<ShardFooter> {
  const metadata = await parquetMetadataAsync(await asyncBufferFromFile(file));
  const sizes = metadata.row_groups.map((g) => Number(g.total_byte_size));
  return { rows: Number(metadata.num_rows), rowGroups: sizes.length, largestRowGroupBytes: Math.max(0, ...sizes) };
}
