/**
 * Rows of a view, fetched from the query worker a page at a time as they scroll into range. A
 * new `storeVersion` refreshes the worker's table (cheap while an ingest appends); the pages shown
 * stay on screen until their refreshed versions arrive, so rows never flash empty. Rows carry
 * every fixed column and the dataset's raw columns that are shown (showing one refetches the
 * pages on screen, which stay shown meanwhile).
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { filterKey } from '../../core/query/filterSpec';
import type { ColumnDescriptor, ColumnId, FilterSpec, QueryApi, RowView, SortSpec } from '../../../workers/query/queryApi';
import { VALUE_COLUMNS } from './columns';

export const PAGE_ROWS = 100;

export interface RowWindows {
  /** Dataset, sort and filter of the view, as one string. */
  view: string;
  /** Goes up whenever a page arrives. */
  version: number;
  /** False until the worker has answered once. */
  ready: boolean;
  error: string | undefined;
  /** Rows that pass the filter, and rows in the table. */
  matched: number;
  total: number;
  /** Rows whose tokens are still the len/4 estimate. */
  tokensPending: number;
  /** The worker table's revision the counts come from. */
  revision: number;
  /** The dataset's raw columns. */
  extraColumns: ColumnDescriptor[];
  /** The row at a view position, when its page has arrived (or an older version of it is on screen). */
  rowAt(position: number): RowView | undefined;
  /** Fetches the pages covering positions `[start, end)` that are not there yet. */
  ensure(start: number, end: number): void;
  /** Where a row is in this view, -1 when filtered out. */
  positionOf(id: string): Promise<number>;
}

interface Pages {
  /** Dataset, sort and filter: pages of another view are never shown. */
  view: string;
  /** The raw columns the pages carry. */
  columns: string;
  revision: number;
  pages: Map<number, RowView[]>;
  loading: Set<number>;
  /** The previous revision's pages of the same view, shown until replaced. */
  stale: Map<number, RowView[]>;
}

/** `visibility`: the table's shown columns (a raw column is fetched only when shown). */
export function useRowWindows(client: QueryApi, datasetKey: string, storeVersion: string, sort: SortSpec, filter: FilterSpec | undefined, visibility: Record<string, boolean>): RowWindows {
  const view = JSON.stringify([datasetKey, sort, filterKey(filter)]);
  const [state, setState] = useState({ ready: false, error: undefined as string | undefined, matched: 0, total: 0, tokensPending: 0, revision: 0, extraColumns: [] as ColumnDescriptor[] });
  const shownExtras = state.extraColumns.filter((d) => visibility[d.id] === true).map((d) => d.id);
  const columnsKey = shownExtras.join('\n');
  const columns = useMemo<readonly ColumnId[]>(() => [...VALUE_COLUMNS, ...(columnsKey ? (columnsKey.split('\n') as ColumnId[]) : [])], [columnsKey]);
  const pages = useRef<Pages>({ view, columns: columnsKey, revision: 0, pages: new Map(), loading: new Set(), stale: new Map() });
  const [version, pageArrived] = useReducer((n: number) => n + 1, 0);
  const latest = useRef({ client, datasetKey, sort, filter, view, columns, columnsKey });
  latest.current = { client, datasetKey, sort, filter, view, columns, columnsKey };

  const reset = useCallback((nextView: string, nextRevision: number) => {
    const current = pages.current;
    const keep = current.view === nextView ? new Map([...current.stale, ...current.pages]) : new Map<number, RowView[]>();
    pages.current = { view: nextView, columns: latest.current.columnsKey, revision: nextRevision, pages: new Map(), loading: new Set(), stale: keep };
  }, []);

  const fetchPage = useCallback(
    (page: number) => {
      const { client: c, datasetKey: key, sort: s, filter: f, view: v, columns: cols, columnsKey: colsKey } = latest.current;
      const target = pages.current;
      target.loading.add(page);
      c.view({ datasetKey: key, sort: s, ...(f ? { filter: f } : {}), offset: page * PAGE_ROWS, limit: PAGE_ROWS, columns: cols })
        .then((result) => {
          target.loading.delete(page);
          // A page from another view, without the columns now shown, or from before the last refresh, is not shown.
          if (pages.current.view !== v || pages.current.columns !== colsKey || result.revision < pages.current.revision) return;
          if (result.revision > pages.current.revision) reset(v, result.revision);
          pages.current.pages.set(page, result.rows);
          pages.current.stale.delete(page);
          setState((st) => ({ ...st, ready: true, error: undefined, matched: result.matched, total: result.total, revision: result.revision }));
          pageArrived();
        })
        .catch((e: unknown) => {
          target.loading.delete(page);
          setState((st) => ({ ...st, ready: true, error: messageOf(e) }));
        });
    },
    [reset],
  );

  // The store changed: load what it has now; the visible pages are then fetched again.
  useEffect(() => {
    let live = true;
    client
      .refresh(datasetKey)
      .then((info) => {
        if (!live) return;
        setState((st) => ({ ...st, tokensPending: info.tokensPending, revision: info.revision, extraColumns: sameColumns(st.extraColumns, info.extraColumns) ? st.extraColumns : info.extraColumns }));
        if (info.revision === pages.current.revision && pages.current.view === latest.current.view) return;
        reset(latest.current.view, info.revision);
        fetchPage(0);
      })
      .catch((e: unknown) => live && setState((st) => ({ ...st, ready: true, error: messageOf(e) })));
    return () => {
      live = false;
    };
  }, [client, datasetKey, storeVersion, reset, fetchPage]);

  // Another raw column shown: the pages on screen are fetched again with it, and shown meanwhile.
  // The first page is fetched here: before any page arrives the table has no rows to ask for.
  useEffect(() => {
    if (pages.current.columns === columnsKey) return;
    reset(pages.current.view, pages.current.revision);
    if (pages.current.revision > 0) fetchPage(0);
    pageArrived();
  }, [columnsKey, reset, fetchPage]);

  // Another sort or filter: the first page of the new order, the rest as they scroll in.
  useEffect(() => {
    if (pages.current.view === view) return;
    reset(view, pages.current.revision);
    if (pages.current.revision > 0) fetchPage(0);
  }, [view, reset, fetchPage]);

  const rowAt = useCallback(
    (position: number): RowView | undefined => {
      const page = Math.floor(position / PAGE_ROWS);
      const p = pages.current;
      const rows = p.pages.get(page) ?? (p.view === view ? p.stale.get(page) : undefined);
      return rows?.[position - page * PAGE_ROWS];
    },
    [view],
  );

  const ensure = useCallback(
    (start: number, end: number) => {
      const p = pages.current;
      if (p.revision === 0 || p.view !== view) return;
      for (let page = Math.floor(start / PAGE_ROWS); page * PAGE_ROWS < end; page++) {
        if (!p.pages.has(page) && !p.loading.has(page)) fetchPage(page);
      }
    },
    [view, fetchPage],
  );

  // Keyed by the view string, so a filter object made anew on each render does not re-locate rows.
  const positionOf = useCallback(
    (id: string) => {
      const { client: c, datasetKey: key, sort: s, filter: f } = latest.current;
      return c.rowIndexOf(key, id, s, f);
    },
    [view],
  );

  return { ...state, view, version, rowAt, ensure, positionOf };
}

function sameColumns(a: readonly ColumnDescriptor[], b: readonly ColumnDescriptor[]): boolean {
  return a.length === b.length && a.every((d, k) => d.id === b[k]?.id && d.kind === b[k]?.kind);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
