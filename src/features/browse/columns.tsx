/**
 * The table's columns: one per feature of the query catalog (labels and descriptions come from
 * it), grouped for the column picker, with a default set that fits a laptop screen.
 */
import { columnResizingFeature, columnSizingFeature, columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { COLUMNS, type ColumnId, type CountEntry, type RowView } from '../../../workers/query/queryApi';
import { CountsCell, DurationCell, IdCell, NumberCell, OutcomeBadge, TextCell, TokenCell } from './cells';

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

export const GROUPS = ['Row', 'Run', 'Messages', 'Tokens', 'Patch', 'Tools'] as const;
export type ColumnGroup = (typeof GROUPS)[number];

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

export const columns = helper.columns(
  LAYOUT.map(([id, group, size, render]) => {
    const d = descriptor.get(id);
    if (!d) throw new Error(`Column ${id} is not in the query catalog`);
    return helper.accessor((row: RowView): Value => row.values[id], {
      id,
      header: d.label,
      cell: (ctx) => render(ctx.getValue(), ctx.row.original),
      size,
      minSize: 48,
      enableSorting: d.sortable,
      // Biggest first is the useful first look at a number; names read best A to Z.
      sortDescFirst: d.kind === 'number',
      meta: { align: d.kind === 'number' ? 'end' : 'start', description: d.description, group },
    });
  }),
);

export const defaultVisibility: Record<string, boolean> = Object.fromEntries(VALUE_COLUMNS.map((id) => [id, DEFAULT_VISIBLE.has(id)]));
