import { parquetInfo } from '../../src/core/decode/parquet';
import type { ByteSource } from '../../src/core/decode/types';

/** Rows from the parquet footer; unknown (null) when the footer cannot be read: the file may still load, and will say why not. */
export async function rowCountOf(source: ByteSource): Promise<number | null> {
  try {
    return (await parquetInfo(source)).rows;
  } catch {
    return null;
  }
}
