/**
 * The table's columns: one per feature of the query catalog (labels and descriptions come from
 * it), grouped for the column picker, with a default set that fits a laptop screen, and after
 * them the dataset's own raw columns (hidden until asked for).
 */
import { columnResizingFeature, columnSizingFeature, columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { COLUMNS, type ColumnDescriptor, type ColumnId, type CountEntry, type ExtraCellValue, type RowView } from '../../../workers/query/queryApi';
import { CountsCell, DurationCell, ExtraCell, IdCell, NumberCell, OutcomeBadge, TextCell, TokenCell } from './cells';

export interface BrowseColumnMeta {
  align: 'start' | 'end';
  description: string;
  group: ColumnGroup;
}

export const features = tableFeatures({
  columnVisibilityFeature,
  columnSizingFeature,
  columnResizingFeature,
  rowSortingFeature,
  columnMeta: {} as BrowseColumnMeta,
});

export type BrowseFeatures = typeof features;

export const GROUPS = ['Row', 'Run', 'Messages', 'Tokens', 'Patch', 'Tools', 'Dataset columns'] as const;
export type ColumnGroup = (typeof GROUPS)[number];
/** Where the dataset's raw columns go: as many as the dataset has, so the picker lays them out wide. */
export const EXTRA_GROUP: ColumnGroup = 'Dataset columns';

type Value = RowView['values'][ColumnId];
type Render = (value: Value, row: RowView) => ReactNode;

const text: Render = (v) => <TextCell value={v as string | null} />;
const mono: Render = (v) => <TextCell value={v as string | null} mono />;
const number: Render = (v) => <NumberCell value={v as number | null} />;
const tokens: Render = (v, row) => <TokenCell value={v as number | null} row={row} />;
const counts: Render = (v) => <CountsCell value={v as CountEntry[]} />;

/** Column, group, width, renderer, in the order the table shows them. */
const LAYOUT: [ColumnId, ColumnGroup, number, Render][] = [
  ['id', 'Row', 150, (_, row) => <IdCell id={row.id} />],
  ['row', 'Row', 70, number],
  ['instanceId', 'Row', 200, mono],
  ['repo', 'Row', 150, text],
  ['language', 'Row', 112, text],
  ['category', 'Row', 110, text],
  ['agent', 'Run', 140, text],
  ['model', 'Run', 140, text],
  ['outcome', 'Run', 122, (v) => <OutcomeBadge value={v as string | null} />],
  ['exitStatus', 'Run', 130, text],
  ['durationSec', 'Run', 100, (v) => <DurationCell value={v as number | null} />],
  ['promptTokens', 'Run', 120, number],
  ['completionTokens', 'Run', 130, number],
  ['nMessages', 'Messages', 106, number],
  ['nSystem', 'Messages', 96, number],
  ['nUser', 'Messages', 96, number],
  ['nAssistant', 'Messages', 110, number],
  ['nTool', 'Messages', 96, number],
  ['tokens', 'Tokens', 108, tokens],
  ['tokensSystem', 'Tokens', 120, tokens],
  ['tokensUser', 'Tokens', 112, tokens],
  ['tokensAssistant', 'Tokens', 136, tokens],
  ['tokensTool', 'Tokens', 112, tokens],
  ['patchFiles', 'Patch', 76, number],
  ['patchAdd', 'Patch', 64, (v) => <NumberCell value={v as number | null} tone="add" />],
  ['patchDel', 'Patch', 64, (v) => <NumberCell value={v as number | null} tone="del" />],
  ['patchChurn', 'Patch', 80, number],
  ['patchExtensions', 'Patch', 150, counts],
  ['toolCalls', 'Tools', 92, number],
  ['tools', 'Tools', 250, counts],
  ['commands', 'Tools', 240, counts],
];

export const DEFAULT_VISIBLE: ReadonlySet<ColumnId> = new Set<ColumnId>(['id', 'instanceId', 'repo', 'language', 'agent', 'model', 'outcome', 'exitStatus', 'nMessages', 'tokens', 'patchFiles', 'patchAdd', 'patchDel', 'tools']);

/** Every value column, asked of the query worker for each row (cheap; spares a refetch when columns are shown). */
export const VALUE_COLUMNS: readonly ColumnId[] = LAYOUT.map(([id]) => id);

const helper = createColumnHelper<BrowseFeatures, RowView>();
const descriptor = new Map(COLUMNS.map((c) => [c.id, c]));
const EXTRA_WIDTH = 140;

function columnOf(d: ColumnDescriptor, group: ColumnGroup, size: number, render: Render) {
  return helper.accessor((row: RowView): Value => row.values[d.id], {
    id: d.id,
    header: d.label,
    cell: (ctx) => render(ctx.getValue(), ctx.row.original),
    size,
    minSize: 48,
    enableSorting: d.sortable,
    // Biggest first is the useful first look at a number; names read best A to Z.
    sortDescFirst: d.kind === 'number',
    meta: { align: d.kind === 'number' ? 'end' : 'start', description: d.description, group },
  });
}

const baseColumns = LAYOUT.map(([id, group, size, render]) => {
  const d = descriptor.get(id);
  if (!d) throw new Error(`Column ${id} is not in the query catalog`);
  return columnOf(d, group, size, render);
});

/** The fixed columns, then one per raw column of the dataset. */
export function columnsWith(extras: readonly ColumnDescriptor[]) {
  return helper.columns([...baseColumns, ...extras.map((d) => columnOf(d, EXTRA_GROUP, EXTRA_WIDTH, (v) => <ExtraCell value={v as ExtraCellValue} />))]);
}

export const defaultVisibility: Record<string, boolean> = Object.fromEntries(VALUE_COLUMNS.map((id) => [id, DEFAULT_VISIBLE.has(id)]));

/** Visibility with the dataset's raw columns hidden unless the user showed them. */
export function visibilityWith(visibility: Record<string, boolean>, extras: readonly ColumnDescriptor[]): Record<string, boolean> {
  return { ...Object.fromEntries(extras.map((d) => [d.id, false])), ...visibility };
}

/**
 * The CSS variable holding a column's width. Raw column keys may hold any character, so every
 * character outside [A-Za-z0-9-] (`_` included, which keeps the names distinct) becomes `_<hex>_`.
 */
export function widthVar(id: string): string {
  return `--col-${id.replace(/[^A-Za-z0-9-]/gu, (c) => `_${(c.codePointAt(0) as number).toString(16)}_`)}`;
}
