/**
 * The trajectory table: a virtualized ARIA grid over a stored dataset. Sorting and filtering run
 * in the query worker; the table fetches windows of rows as they scroll into view, so 200k rows
 * cost about as much as 200. TanStack Table owns the column model (visibility, sizes, sort
 * state), TanStack Virtual the geometry.
 */
import { useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { formatCount } from '../../core/display';
import { queryClient } from '../../../workers/query/queryClient';
import type { ColumnId, FilterSpec, RowView, SortSpec } from '../../../workers/query/queryApi';
import { ColumnPicker } from './ColumnPicker';
import { columnsWith, defaultVisibility, features, visibilityWith, widthVar } from './columns';
import { GridHeader } from './GridHeader';
import { GridRow } from './GridRow';
import { useColumnPrefs } from './useColumnPrefs';
import { useRowWindows } from './useRowWindows';
import { useSelection } from './useSelection';

export interface TrajectoryTableProps {
  datasetKey: string;
  /** Changes whenever what is stored does (rows while an ingest runs, exact token counts as they land): the table then looks again. */
  storeVersion: string;
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

export function TrajectoryTable({ datasetKey, storeVersion, selectedId, onOpen, onSelect, filter, label = 'Trajectories' }: TrajectoryTableProps) {
  const gridId = useId();
  const [sorting, setSorting] = useState<SortingState>([]);
  const sort = useMemo<SortSpec>(() => sorting.map((s) => ({ column: s.id as ColumnId, desc: s.desc })), [sorting]);
  const prefs = useColumnPrefs();
  const rows = useRowWindows(queryClient(), datasetKey, storeVersion, sort, filter, prefs.visibility);
  const columns = useMemo(() => columnsWith(rows.extraColumns), [rows.extraColumns]);
  const visibility = useMemo(() => visibilityWith(prefs.visibility, rows.extraColumns), [prefs.visibility, rows.extraColumns]);
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
    state: { sorting, columnVisibility: visibility, columnSizing: prefs.sizing },
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
  // A new sort or filter starts at the top, unless the selected row is to be kept in view.
  const shownView = useRef(rows.view);
  useEffect(() => {
    if (shownView.current === rows.view) return;
    shownView.current = rows.view;
    if (!selection.current) scroller.current?.scrollTo({ top: 0 });
  }, [rows.view, selection]);

  const visible = table.getVisibleLeafColumns();
  const columnsKey = visible.map((c) => c.id).join(' ');
  const widths = { '--browse-row-width': `${table.getTotalSize()}px` } as Record<string, string>;
  for (const c of visible) widths[widthVar(c.id)] = `${c.getSize()}px`;
  const byId = new Map(table.getRowModel().rows.map((r) => [r.id, r]));

  // Rows are memoized: they call the latest onOpen through a stable function.
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const open = useCallback((id: string) => onOpenRef.current(id), []);
  const openSelected = () => selection.current && open(selection.current.id);
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
    <section className="browse">
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
      <div className="browse-frame">
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
          <GridHeader table={table} sortKeys={sorting.length} />
          <div className="browse-body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const view = rows.rowAt(item.index);
              return (
                <GridRow
                  key={item.index}
                  domId={`${gridId}-row-${item.index}`}
                  position={item.index}
                  top={item.start - HEADER_HEIGHT}
                  view={view}
                  row={view && byId.get(view.id)}
                  columnsKey={columnsKey}
                  selected={view !== undefined && view.id === selection.current?.id}
                  onPick={pick}
                  onOpen={open}
                />
              );
            })}
          </div>
        </div>
        {rows.ready && !rows.error && rows.matched === 0 && <EmptyState total={rows.total} />}
      </div>
    </section>
  );
}

function EmptyState({ total }: { total: number }) {
  return (
    <div className="browse-empty" role="note">
      {total === 0 ? (
        <>
          <strong>No rows yet</strong>
          <span>Rows appear here as they are stored.</span>
        </>
      ) : (
        <>
          <strong>No rows match the filter</strong>
          <span>{formatCount(total)} rows are stored; change the filter to see them.</span>
        </>
      )}
    </div>
  );
}
