/**
 * What the bench page (bench/page) offers the runner (bench/run.ts) through `window.bench`, and
 * what it answers. Times are milliseconds of the page's clock; sizes are bytes.
 */

/** A dataset on the loopback Hub, and the one shard of it the baselines read. */
export interface BenchDataset {
  endpoint: string;
  repo: string;
  /** The shard's resolve URL (at main). */
  fileUrl: string;
  fileSize: number;
}

export interface IngestTiming {
  rows: number;
  errors: number;
  bytes: number;
  /** From the ingest request until every row is stored (state done). */
  storedMs: number;
  /** From the ingest request until, in addition, no row is left on the len/4 estimate; null when not awaited. */
  exactMs: number | null;
  /** Token workers the dataset worker's pool runs. */
  poolSize: number;
  /** Rows stored at each status push, for the shape of the run. */
  progress: Array<{ ms: number; rows: number; tokensPending: number; bytesDone: number }>;
}

export interface TokenizeTiming {
  rows: number;
  chars: number;
  tokens: number;
  /**
   * One entry per pass over every row's joined message texts (the first pass is cold), the
   * library's merge cache emptied before each row: its fastest use on these texts.
   */
  passesMs: number[];
  /**
   * The first `rows` rows counted with the library's cache left as it is (as a plain
   * `countTokens` caller does), against the same rows with the cache emptied per row.
   */
  defaultCache: { rows: number; ms: number; resetMs: number };
  /** The same texts through the pipeline's own counter (src/core/tokens.ts countTokens), one pass. */
  pipelineCounterMs: number;
  /** Untimed preparation: decoding and normalizing the shard to get its texts. */
  prepareMs: number;
}

export interface DecodeTiming {
  rows: number;
  /** Bytes fetched through the range source. */
  bytes: number;
  ms: number;
}

export interface DownloadTiming {
  bytes: number;
  ms: number;
}

export interface BenchApi {
  /** Ingests every config × split in full through the app's dataset worker; awaits exact tokens when asked. */
  ingest(dataset: BenchDataset, opts: { exactTokens: boolean; timeoutMs: number }): Promise<IngestTiming>;
  /** Bare cl100k counting of the shard's message texts in one worker, `passes` times. */
  tokenize(dataset: BenchDataset, passes: number, defaultCacheRows: number): Promise<TokenizeTiming>;
  /** Bare hyparquet decode (parquetReadObjects over the HTTP range source) of the shard in a worker. */
  decode(dataset: BenchDataset): Promise<DecodeTiming>;
  /** Downloads the shard whole with one GET, reading the body to its end. */
  download(dataset: BenchDataset): Promise<DownloadTiming>;
  /** navigator.hardwareConcurrency, and the token pool size the app derives from it. */
  machine(): { cores: number; poolSize: number; userAgent: string };
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}
