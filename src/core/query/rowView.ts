/** One row of a view as plain data for the UI: only the columns asked for, missing values as null. */
import { stringAt } from '../featureColumns';
import { valueAt as extraValueAt } from '../extraColumns';
import { COMMAND_PREFIX, isCategoryColumn, isExtraColumn, type CategoryColumnId, type ColumnId, type CountsColumnId, type ExtraColumnId, type NumberColumnId } from './columns';
import { compareText } from './order';
import type { QueryTable } from './queryTable';

/** A name and how often it occurs (a tool and its calls, an extension and its files). */
export type CountEntry = readonly [name: string, count: number];

/** A raw column's value: a number, or text (cut text ends in '…', see `isClipped`); null when absent. */
export type ExtraCellValue = number | string | null;

export type ColumnValue<K extends ColumnId> = K extends 'id'
  ? string
  : K extends NumberColumnId
    ? number | null
    : K extends CategoryColumnId
      ? string | null
      : K extends ExtraColumnId
        ? ExtraCellValue
        : CountEntry[];
export type RowValues = { [K in ColumnId]?: ColumnValue<K> };

export interface RowView {
  /** Position in the view (after filter and sort), 0-based. */
  position: number;
  id: string;
  /** False while `tokens` and the per-role tokens are the len/4 estimate. */
  tokensExact: boolean;
  values: RowValues;
}

/** Entries a counts cell carries, most frequent first. */
export const TOP_COUNTS = 5;

export function rowViewAt(q: QueryTable, i: number, position: number, columns: readonly ColumnId[]): RowView {
  const values: Record<string, unknown> = {};
  for (const column of columns) values[column] = valueAt(q, column, i);
  return { position, id: q.table.ids[i] as string, tokensExact: q.table.tokensExact[i] === 1, values: values as RowValues };
}

function valueAt(q: QueryTable, column: ColumnId, i: number): unknown {
  if (column === 'id') return q.table.ids[i];
  if (isExtraColumn(column)) return extraCell(q, column, i);
  if (isCategoryColumn(column)) return stringAt(q.strings(column), i) ?? null;
  if (column === 'tools' || column === 'commands' || column === 'patchExtensions') return countsAt(q, column, i);
  const v = q.numbers(column)[i] as number;
  return Number.isNaN(v) ? null : v;
}

/** A column the table does not have reads as absent: the UI may ask for a raw column another dataset has. */
function extraCell(q: QueryTable, column: ExtraColumnId, i: number): ExtraCellValue {
  const extra = q.extraColumn(column);
  return (extra && extraValueAt(extra, i)) ?? null;
}

/** Tools without bash command words; command words without their `bash:` prefix. */
function countsAt(q: QueryTable, column: CountsColumnId, i: number): CountEntry[] {
  const sparse = column === 'patchExtensions' ? q.table.patchExtensions : q.table.tools;
  const isCommand = column === 'patchExtensions' ? undefined : q.isCommand();
  const want = column === 'commands' ? 1 : 0;
  const entries: [string, number][] = [];
  for (let k = sparse.rowPtr[i] as number; k < (sparse.rowPtr[i + 1] as number); k++) {
    const name = sparse.index[k] as number;
    if (isCommand && isCommand[name] !== want) continue;
    const label = sparse.dict[name] as string;
    entries.push([want === 1 ? label.slice(COMMAND_PREFIX.length) : label, sparse.count[k] as number]);
  }
  return entries.sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, TOP_COUNTS);
}
