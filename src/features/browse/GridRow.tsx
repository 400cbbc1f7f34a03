/** One body row of the grid: its cells, or a placeholder while its page is on its way. */
import { flexRender, type Row } from '@tanstack/react-table';
import { memo } from 'react';
import type { RowView } from '../../../workers/query/queryApi';
import { widthVar, type BrowseFeatures } from './columns';

export interface GridRowProps {
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
export const GridRow = memo(
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
            style={{ width: `var(${widthVar(cell.column.id)})` }}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        ))}
      </div>
    );
  },
  (a, b) => a.view === b.view && a.top === b.top && a.selected === b.selected && a.columnsKey === b.columnsKey && a.domId === b.domId && (a.row === undefined) === (b.row === undefined),
);
