/**
 * The contract between the UI and the dataset worker: discover a dataset, ingest it into the
 * browser's storage (resumable), watch progress, read what is stored. The UI sees only these types.
 */
import type { Trajectory } from '../src/core/types';

export type { Trajectory };

export const DEFAULT_ENDPOINT = 'https://huggingface.co';
/** Rows per config × split in sample mode, as in the reference notebook. */
export const DEFAULT_SAMPLE_ROWS = 400;

/** A dataset on a Hub (the public one or a mirror). The token is sent, never stored or shown. */
export interface HubTarget {
  repo: string;
  revision?: string;
  endpoint?: string;
  token?: string;
}

export interface PlanFile {
  path: string;
  size: number;
  /** From the parquet footer; null when unknown (JSONL, or the footer could not be read). */
  rows: number | null;
  kind: 'parquet' | 'jsonl' | 'json';
}

export interface PlanSplit {
  name: string;
  files: PlanFile[];
}

export interface PlanConfig {
  name: string;
  splits: PlanSplit[];
}

/** What a dataset holds, shown before anything is loaded. */
export interface DatasetPlan {
  /** `owner/name`, or the file's address for a plain URL. */
  repo: string;
  revision: string;
  /** The commit the revision resolved to: what gets recorded and loaded. */
  commit: string;
  endpoint: string;
  /** Where configs and splits came from; `url`: one file at a plain address, no Hub. */
  via: 'card' | 'layout' | 'convert-parquet' | 'url';
  configs: PlanConfig[];
  warnings: string[];
}

export interface Selection {
  config: string;
  split: string;
}

export type IngestMode = { kind: 'sample'; rows: number } | { kind: 'full' };

export interface HubIngestRequest {
  target: HubTarget;
  plan: DatasetPlan;
  selection: Selection[];
  mode: IngestMode;
}

/** A local file with its path inside the picked or dropped folder (its name when loose). */
export interface LocalFile {
  path: string;
  file: File;
}

export interface LocalIngestRequest {
  /** Shown as the dataset's name: the dropped folder, or the file when there is one. */
  label: string;
  files: LocalFile[];
  mode: IngestMode;
}

export type ShardState = 'pending' | 'running' | 'paused' | 'done' | 'error';

export interface ShardStatus {
  key: string;
  config: string;
  split: string;
  path: string;
  size: number;
  /** Rows the shard will yield in this mode, when known. */
  rowsTarget: number | null;
  rowsDone: number;
  bytesDone: number;
  errors: number;
  state: ShardState;
  /** Why the shard stopped, naming it. */
  error?: string;
  format?: string;
}

export type DatasetState = 'ingesting' | 'interrupted' | 'paused' | 'done' | 'error' | 'needs-files';

export interface DatasetStatus {
  key: string;
  label: string;
  kind: 'hub' | 'local' | 'url';
  repo?: string;
  revision?: string;
  commit?: string;
  endpoint?: string;
  mode: IngestMode;
  created: number;
  state: DatasetState;
  /** Why the ingest stopped (storage full, network, ...). */
  message?: string;
  shards: ShardStatus[];
  rows: number;
  errors: number;
  bytesDone: number;
  bytesTotal: number;
  /** Rows per second over the last seconds of this session's ingest; null when idle. */
  rowsPerSec: number | null;
  etaSec: number | null;
  /** Rows whose token counts are still the len/4 estimate. */
  tokensPending: number;
  usageBytes: number;
}

export interface DatasetsApi {
  /** A Hub dataset, or (when `target.repo` is an http(s) address of a data file) that one file. */
  discover(target: HubTarget): Promise<DatasetPlan>;
  ingestHub(request: HubIngestRequest): Promise<string>;
  ingestLocal(request: LocalIngestRequest): Promise<string>;
  pause(key: string): Promise<void>;
  /** Continues a paused or interrupted ingest; a Hub token is needed again for gated datasets. */
  resume(key: string, token?: string): Promise<void>;
  /** Hands a local dataset's files over again (after a reload) and continues it. */
  reattach(key: string, files: LocalFile[]): Promise<void>;
  remove(key: string): Promise<void>;
  list(): Promise<DatasetStatus[]>;
  /** Called with every dataset's status whenever one changes (throttled). */
  watch(onStatus: (all: DatasetStatus[]) => void): Promise<void>;
  trajectory(datasetKey: string, id: string): Promise<Trajectory | undefined>;
}
