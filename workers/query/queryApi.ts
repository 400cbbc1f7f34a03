/**
 * The contract between the UI and the query worker (workers/query/query.worker.ts): open a
 * stored dataset's feature table, keep it current while rows arrive, and read windows of
 * filtered, sorted rows. The UI sees only these types; the client is ./queryClient.ts.
 */
import type { ColumnDescriptor, ColumnId, ColumnInfo, FilterSpec, RowView, SortSpec } from '../../src/core/query';

export type { ColumnDescriptor, ColumnId, ColumnInfo, CountEntry, ExtraCellValue, ExtraColumnId, FilterSpec, NumericRange, RowValues, RowView, SortKey, SortSpec, ValueCount } from '../../src/core/query';
export { COLUMNS, MAX_WINDOW } from '../../src/core/query';

export interface TableInfo {
  datasetKey: string;
  /** Rows in the table. */
  rows: number;
  /** Goes up each time the table changes; a window from an older revision is stale. */
  revision: number;
  /** Rows whose token counts are still the len/4 estimate. */
  tokensPending: number;
  /** The dataset's own raw columns (`extra:<key>`), in first-seen order. */
  extraColumns: ColumnDescriptor[];
}

export interface RefreshResult extends TableInfo {
  /** unchanged: nothing new; incremental: new chunks appended and/or exact tokens copied in; reloaded: read again in full. */
  change: 'unchanged' | 'incremental' | 'reloaded';
  /** Why a full reload was needed. */
  reason?: string;
  /** Rows added since the last revision (negative when a reload found fewer). */
  rowsAdded: number;
  /** Rows whose exact token counts were copied in. */
  rowsRecounted: number;
}

export interface ViewQuery {
  datasetKey: string;
  sort: SortSpec;
  filter?: FilterSpec;
  /** First position of the window. */
  offset: number;
  /** At most MAX_WINDOW rows. */
  limit: number;
  /** Values to include in each row. */
  columns: readonly ColumnId[];
}

export interface ViewResult {
  revision: number;
  /** Rows in the table. */
  total: number;
  /** Rows that pass the filter. */
  matched: number;
  rows: RowView[];
}

export interface QueryApi {
  /** Loads the dataset's feature table (or returns the one held). */
  open(datasetKey: string): Promise<TableInfo>;
  /** Loads what changed in the store since the last open or refresh; opens the dataset if needed. */
  refresh(datasetKey: string): Promise<RefreshResult>;
  /** A window of the filtered, sorted rows; the order is kept, so the next window is a slice. */
  view(query: ViewQuery): Promise<ViewResult>;
  /** Every column with its kind and what it holds (distinct values and counts, numeric ranges). */
  columns(datasetKey: string): Promise<ColumnInfo[]>;
  /** Position of a row in the view, -1 when the filter leaves it out or the id is unknown. */
  rowIndexOf(datasetKey: string, id: string, sort: SortSpec, filter?: FilterSpec): Promise<number>;
  /** Frees the dataset's table. */
  close(datasetKey: string): Promise<void>;
}
