/** The grid's header row: a sort button and a resize grip per shown column. */
import type { ReactTable } from '@tanstack/react-table';
import type { RowView } from '../../../workers/query/queryApi';
import { widthVar, type BrowseFeatures } from './columns';

interface Props {
  table: ReactTable<BrowseFeatures, RowView>;
  /** How many columns the view is sorted by: key numbers show only when there are several. */
  sortKeys: number;
}

export function GridHeader({ table, sortKeys }: Props) {
  return (
    <div className="browse-head" role="rowgroup">
      <div className="browse-row browse-header-row" role="row" aria-rowindex={1}>
        {table.getHeaderGroups()[0]?.headers.map((header, i) => {
          const column = header.column;
          const sorted = column.getIsSorted();
          const title = String(column.columnDef.header ?? column.id);
          const sortIndex = sortKeys > 1 && sorted ? column.getSortIndex() + 1 : undefined;
          return (
            <div
              key={header.id}
              role="columnheader"
              aria-colindex={i + 1}
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
              className={`browse-th browse-align-${column.columnDef.meta?.align ?? 'start'}${column.getIsResizing() ? ' is-resizing' : ''}`}
              style={{ width: `var(${widthVar(column.id)})` }}
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
              <div className="browse-resizer" aria-hidden="true" onMouseDown={header.getResizeHandler()} onTouchStart={header.getResizeHandler()} onDoubleClick={() => column.resetSize()} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
