/**
 * Views over one feature table: filter, then sort, then a window of rows. The row order of the
 * last few (sort, filter) pairs is kept, so scrolling a view only slices an array; a new table
 * (rows added, tokens counted) needs a new TableQuery.
 */
import type { FeatureTable } from '../featureColumns';
import type { ColumnId } from './columns';
import { columnInfos, type ColumnInfo } from './columnInfo';
import { filterRows } from './filter';
import { checkFilter, checkSort, filterKey, queryKey, type FilterSpec, type SortSpec } from './filterSpec';
import { QueryError } from './queryError';
import { QueryTable } from './queryTable';
import { rowViewAt, type RowView } from './rowView';
import { sortRows } from './sort';

export interface ViewRequest {
  sort: SortSpec;
  filter?: FilterSpec;
  /** First position of the requested range of rows. */
  offset: number;
  /** Rows in the window, at most MAX_WINDOW. */
  limit: number;
  columns: readonly ColumnId[];
}

export interface ViewWindow {
  /** Rows in the table. */
  total: number;
  /** Rows that pass the filter. */
  matched: number;
  /** Positions `offset ..` of the view; fewer than `limit` at its end. */
  rows: RowView[];
}

export const MAX_WINDOW = 5000;
/** Row orders kept per table: enough to flip between a few sorts without recomputing. */
const KEPT_ORDERS = 4;

export class TableQuery {
  readonly q: QueryTable;
  private filtered: { key: string; rows: Uint32Array } | undefined;
  private readonly orders = new Map<string, Uint32Array>();
  private infos: ColumnInfo[] | undefined;

  constructor(table: FeatureTable) {
    this.q = new QueryTable(table);
  }

  view({ sort, filter, offset, limit, columns }: ViewRequest): ViewWindow {
    checkWindow(offset, limit);
    const order = this.order(sort, filter);
    const end = Math.min(order.length, offset + limit);
    const rows: RowView[] = [];
    for (let p = offset; p < end; p++) rows.push(rowViewAt(this.q, order[p] as number, p, columns));
    return { total: this.q.n, matched: order.length, rows };
  }

  /** Position of the row in the view, -1 when the filter leaves it out or no row has the id. */
  positionOf(id: string, sort: SortSpec, filter: FilterSpec | undefined): number {
    const i = this.q.indexOfId(id);
    return i === undefined ? -1 : this.order(sort, filter).indexOf(i);
  }

  columns(): ColumnInfo[] {
    return (this.infos ??= columnInfos(this.q));
  }

  /** Table indices in view order. */
  order(sort: SortSpec, filter: FilterSpec | undefined): Uint32Array {
    checkSort(sort, this.q.describe);
    if (filter) checkFilter(filter, this.q.describe);
    const key = queryKey(sort, filter);
    let order = this.orders.get(key);
    if (order) {
      // Most recently used last, so the oldest is the first to go.
      this.orders.delete(key);
    } else {
      order = sortRows(this.q, this.matching(filter), sort);
      if (this.orders.size >= KEPT_ORDERS) this.orders.delete(this.orders.keys().next().value as string);
    }
    this.orders.set(key, order);
    return order;
  }

  private matching(filter: FilterSpec | undefined): Uint32Array {
    const key = filterKey(filter);
    if (this.filtered?.key !== key) this.filtered = { key, rows: filterRows(this.q, filter) };
    return this.filtered.rows;
  }
}

function checkWindow(offset: number, limit: number): void {
  if (!Number.isInteger(offset) || offset < 0) throw new QueryError(`A view window starts at a whole position ≥ 0, not ${offset}.`);
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_WINDOW) throw new QueryError(`A view window holds 0 to ${MAX_WINDOW} rows, not ${limit}.`);
}
