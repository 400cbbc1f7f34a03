/** Failures of the trajectory store; each message names the dataset, shard or rows concerned. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** The browser refused a write for lack of space; the failed transaction left nothing behind. */
export class StorageFullError extends StoreError {
  override name = 'StorageFullError';

  constructor(
    /** What was not saved, e.g. "rows 100–199 of shard data/train.parquet". */
    readonly what: string,
    readonly usedBytes?: number,
    readonly quotaBytes?: number,
  ) {
    super(`${fullness(usedBytes, quotaBytes)} Could not save ${what}; everything saved before is kept. Delete a dataset or use sample mode to free space, then resume.`);
  }
}

/** The connection is gone (another tab upgraded the schema, or the browser closed it). */
export class StoreClosedError extends StoreError {
  override name = 'StoreClosedError';
}

function fullness(used: number | undefined, quota: number | undefined): string {
  if (used === undefined || quota === undefined) return 'Browser storage is full (the browser does not say how much is used).';
  return `Browser storage is full: ${megabytes(used)} MB used of ${megabytes(quota)} MB.`;
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);
}
