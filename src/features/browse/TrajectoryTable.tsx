/**
 * The trajectory table: a virtualized ARIA grid over a stored dataset. Sorting and filtering run
 * in the query worker; the table fetches windows of rows as they scroll into view, so 200k rows
 * cost about as much as 200. TanStack Table owns the column model (visibility, sizes, sort
 * state), TanStack Virtual the geometry.
 */
import { flexRender, useTable, type Row, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { formatCount } from '../../core/display';
import { queryClient } from '../../../workers/query/queryClient';
import type { ColumnId, FilterSpec, RowView, SortSpec } from '../../../workers/query/queryApi';
import { ColumnPicker } from './ColumnPicker';
import { columns, defaultVisibility, features, type BrowseFeatures } from './columns';
import { useColumnPrefs } from './useColumnPrefs';
import { useRowWindows } from './useRowWindows';
import { useSelection } from './useSelection';

export interface TrajectoryTableProps {
  datasetKey: string;
  /** Bump to pick up rows stored since (while an ingest runs, or once exact token counts land). */
  revision: number;
  /** The row to select and keep in view (the one open beside the table). */
  selectedId?: string;
  /** Enter or a double click on a row. */
  onOpen(id: string): void;
  /** The user moved the selection; undefined when Esc cleared it. */
  onSelect?(id: string | undefined): void;
  /** Rows to show; all when absent. */
  filter?: FilterSpec;
  /** Accessible name of the grid. */
  label?: string;
}

const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 38;
const OVERSCAN = 12;

export function TrajectoryTable({ datasetKey, revision, selectedId, onOpen, onSelect, filter, label = 'Trajectories' }: TrajectoryTableProps) {
  const gridId = useId();
  const [sorting, setSorting] = useState<SortingState>([]);
  const sort = useMemo<SortSpec>(() => sorting.map((s) => ({ column: s.id as ColumnId, desc: s.desc })), [sorting]);
  const prefs = useColumnPrefs();
  const rows = useRowWindows(queryClient(), datasetKey, revision, sort, filter);
  const scroller = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.matched,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The sticky header sits above the rows inside the scroller.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => rows.ensure(first, last + 1));

  const data = useMemo(() => {
    const loaded: RowView[] = [];
    for (let p = first; p <= last; p++) {
      const row = rows.rowAt(p);
      if (row) loaded.push(row);
    }
    return loaded;
    // rows.version is the dependency that changes when a page arrives.
  }, [first, last, rows.rowAt, rows.version]);

  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.id,
    state: { sorting, columnVisibility: prefs.visibility, columnSizing: prefs.sizing },
    onSortingChange: setSorting,
    onColumnVisibilityChange: prefs.setVisibility,
    onColumnSizingChange: prefs.setSizing,
    manualSorting: true,
    enableMultiSort: true,
    enableSortingRemoval: true,
    isMultiSortEvent: (e) => (e as { shiftKey?: boolean }).shiftKey === true,
    columnResizeMode: 'onChange',
  });

  const selection = useSelection({
    selectedId,
    rows,
    onSelect,
    scrollTo: (position) => virtualizer.scrollToIndex(position, { align: 'auto' }),
    firstVisible: () => Math.ceil((scroller.current?.scrollTop ?? 0) / ROW_HEIGHT),
    isVisible: (position) => {
      const el = scroller.current;
      if (!el) return false;
      const top = HEADER_HEIGHT + position * ROW_HEIGHT - el.scrollTop;
      return top >= HEADER_HEIGHT && top + ROW_HEIGHT <= el.clientHeight;
    },
  });
  const visible = table.getVisibleLeafColumns();
  const columnsKey = visible.map((c) => c.id).join(' ');
  const widths = { '--browse-row-width': `${table.getTotalSize()}px` } as Record<string, string>;
  for (const c of visible) widths[`--col-${c.id}`] = `${c.getSize()}px`;
  const byId = new Map(table.getRowModel().rows.map((r) => [r.id, r]));

  const openSelected = () => selection.current && onOpen(selection.current.id);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const page = Math.max(1, Math.floor(((scroller.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => selection.move(1),
      j: () => selection.move(1),
      ArrowUp: () => selection.move(-1),
      k: () => selection.move(-1),
      PageDown: () => selection.move(page),
      PageUp: () => selection.move(-page),
      Home: () => selection.moveTo(0),
      End: () => selection.moveTo(rows.matched - 1),
      Enter: openSelected,
      Escape: selection.clear,
    };
    const action = moves[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const { select } = selection;
  const pick = useCallback(
    (id: string, position: number) => {
      select(id, position);
      scroller.current?.focus({ preventScroll: true });
    },
    [select],
  );

  const activeRow = selection.current?.position;
  return (
    <section className="browse" aria-label={label}>
      <div className="browse-toolbar">
        <p className="browse-count">
          {rows.ready ? (
            <>
              <strong>{formatCount(rows.matched)}</strong> of {formatCount(rows.total)} rows
              {rows.tokensPending > 0 && <span className="muted"> · exact tokens pending for {formatCount(rows.tokensPending)}</span>}
            </>
          ) : (
            'Loading rows…'
          )}
        </p>
        <ColumnPicker
          columns={table.getAllLeafColumns()}
          onReset={() => {
            prefs.setVisibility({ ...defaultVisibility });
            prefs.setSizing({});
          }}
        />
      </div>
      {rows.error && (
        <p className="browse-error" role="alert">
          {rows.error}
        </p>
      )}
      <div
        ref={scroller}
        className="browse-grid"
        role="grid"
        aria-label={label}
        aria-rowcount={rows.matched + 1}
        aria-colcount={visible.length}
        aria-activedescendant={activeRow !== undefined && activeRow >= first && activeRow <= last ? `${gridId}-row-${activeRow}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        style={widths as CSSProperties}
      >
        <div className="browse-head" role="rowgroup">
          <div className="browse-row browse-header-row" role="row" aria-rowindex={1}>
            {table.getHeaderGroups()[0]?.headers.map((header, i) => {
              const column = header.column;
              const sorted = column.getIsSorted();
              const title = String(column.columnDef.header ?? column.id);
              const sortIndex = sorting.length > 1 && sorted ? column.getSortIndex() + 1 : undefined;
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-colindex={i + 1}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  className={`browse-th browse-align-${column.columnDef.meta?.align ?? 'start'}${column.getIsResizing() ? ' is-resizing' : ''}`}
                  style={{ width: `var(--col-${column.id})` }}
                  title={column.columnDef.meta?.description}
                >
                  {column.getCanSort() ? (
                    <button type="button" className="browse-sort" onClick={column.getToggleSortingHandler()}>
                      <span className="browse-th-label">{title}</span>
                      {sorted && (
                        <span className="browse-sort-mark" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : '▼'}
                          {sortIndex}
                        </span>
                      )}
                      {sortIndex && <span className="visually-hidden">, sort key {sortIndex}</span>}
                    </button>
                  ) : (
                    <span className="browse-th-label">{title}</span>
                  )}
                  <div
                    className="browse-resizer"
                    aria-hidden="true"
                    onMouseDown={header.getResizeHandler()}
                    onTouchStart={header.getResizeHandler()}
                    onDoubleClick={() => column.resetSize()}
                  />
                </div>
              );
            })}
          </div>
        </div>
        <div className="browse-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const view = rows.rowAt(item.index);
            const row = view && byId.get(view.id);
            return (
              <GridRow
                key={item.index}
                domId={`${gridId}-row-${item.index}`}
                position={item.index}
                top={item.start - HEADER_HEIGHT}
                view={view}
                row={row}
                columnsKey={columnsKey}
                selected={view !== undefined && view.id === selection.current?.id}
                onPick={pick}
                onOpen={onOpen}
              />
            );
          })}
        </div>
        {rows.ready && !rows.error && rows.matched === 0 && (
          <div className="browse-empty" role="note">
            {rows.total === 0 ? (
              <>
                <strong>No rows yet</strong>
                <span>Rows appear here as they are stored.</span>
              </>
            ) : (
              <>
                <strong>No rows match the filter</strong>
                <span>{formatCount(rows.total)} rows are stored; change the filter to see them.</span>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

interface GridRowProps {
  domId: string;
  position: number;
  top: number;
  view: RowView | undefined;
  row: Row<BrowseFeatures, RowView> | undefined;
  columnsKey: string;
  selected: boolean;
  onPick(id: string, position: number): void;
  onOpen(id: string): void;
}

/** Re-renders only when its data, place, selection or the shown columns change (widths are CSS variables). */
const GridRow = memo(
  function GridRow({ domId, position, top, view, row, selected, onPick, onOpen }: GridRowProps) {
    const style = { transform: `translateY(${top}px)` };
    if (!view || !row) {
      return (
        <div className="browse-row browse-row-loading" role="row" aria-rowindex={position + 2} style={style}>
          <div className="browse-td browse-skeleton" role="gridcell" />
        </div>
      );
    }
    return (
      <div
        id={domId}
        className={selected ? 'browse-row is-selected' : 'browse-row'}
        role="row"
        aria-rowindex={position + 2}
        aria-selected={selected}
        data-row-id={view.id}
        style={style}
        onClick={() => onPick(view.id, position)}
        onDoubleClick={() => onOpen(view.id)}
      >
        {row.getVisibleCells().map((cell, i) => (
          <div
            key={cell.id}
            className={`browse-td browse-align-${cell.column.columnDef.meta?.align ?? 'start'}`}
            role="gridcell"
            aria-colindex={i + 1}
            style={{ width: `var(--col-${cell.column.id})` }}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        ))}
      </div>
    );
  },
  (a, b) => a.view === b.view && a.top === b.top && a.selected === b.selected && a.columnsKey === b.columnsKey && a.domId === b.domId && (a.row === undefined) === (b.row === undefined),
);
