/**
 * What a view asks for: which rows (FilterSpec) in which order (SortSpec). Plain data, so it
 * crosses to the query worker as is and can live in the URL; `checkFilter` and `checkSort` turn a
 * bad one into a message naming the offending part.
 */
import { CATEGORY_COLUMNS, columnDescriptor, EXTRA_PREFIX, isExtraColumn, NUMBER_COLUMNS, type CategoryColumnId, type ColumnDescriptor, type ColumnId, type ExtraColumnId, type NumberColumnId } from './columns';
import { QueryError } from './queryError';

/** Inclusive bounds; either may be left out. */
export interface NumericRange {
  min?: number;
  max?: number;
}

/** Every clause must hold (AND); an absent clause does not constrain. */
export interface FilterSpec {
  /** Keep rows whose value is one of these (outcome, language, agent, model, ...); `null` stands for rows without a value. An empty list keeps nothing. */
  values?: Partial<Record<CategoryColumnId | ExtraColumnId, readonly (string | null)[]>>;
  /** A row without a value (NaN: duration, prompt or completion tokens) never falls in a range. */
  ranges?: Partial<Record<NumberColumnId | ExtraColumnId, NumericRange>>;
  /** true: the patch touches at least one file or line; false: no patch at all. */
  hasPatch?: boolean;
  /** true: exact token counts only; false: rows still on the len/4 estimate only. */
  tokensExact?: boolean;
  /** Case-insensitive substring of the instance id or the repo; blank means no constraint. */
  search?: string;
}

export interface SortKey {
  column: ColumnId;
  desc: boolean;
}

/** Most significant key first; ties keep table order (shard, then row). Empty: table order. */
export type SortSpec = readonly SortKey[];

/** Looks a column up by id: the fixed catalog, or one table's (which adds its raw columns). */
export type Describe = (id: string) => ColumnDescriptor | undefined;

export function checkFilter(filter: FilterSpec, describe: Describe = columnDescriptor): void {
  for (const [column, list] of Object.entries(filter.values ?? {})) {
    checkKind(column, describe, 'category', 'values');
    if (!Array.isArray(list)) throw new QueryError(`Filter on values of "${column}": expected a list of values, got ${JSON.stringify(list)}.`);
    const bad = list.find((v: unknown) => v !== null && typeof v !== 'string');
    if (bad !== undefined) throw new QueryError(`Filter on values of "${column}": ${JSON.stringify(bad)} is neither a string nor null.`);
  }
  for (const [column, range] of Object.entries(filter.ranges ?? {})) {
    checkKind(column, describe, 'number', 'the range');
    checkRange(column, range);
  }
  for (const flag of ['hasPatch', 'tokensExact'] as const) {
    if (filter[flag] !== undefined && typeof filter[flag] !== 'boolean') throw new QueryError(`Filter ${flag} must be true, false or absent, not ${JSON.stringify(filter[flag])}.`);
  }
  if (filter.search !== undefined && typeof filter.search !== 'string') throw new QueryError(`Filter search must be text, not ${JSON.stringify(filter.search)}.`);
}

export function checkSort(sort: SortSpec, describe: Describe = columnDescriptor): void {
  const seen = new Set<string>();
  for (const key of sort) {
    const column = describe(key.column);
    if (!column) throw new QueryError(`Cannot sort by "${key.column}": ${isExtraColumn(key.column) ? `this dataset has no raw column "${rawKey(key.column)}"` : 'no such column'}.`);
    if (!column.sortable) throw new QueryError(`Cannot sort by "${key.column}": ${column.label} holds name → count lists, which have no order.`);
    if (seen.has(key.column)) throw new QueryError(`Cannot sort by "${key.column}" twice in one sort.`);
    if (typeof key.desc !== 'boolean') throw new QueryError(`Sort by "${key.column}": desc must be true or false, not ${JSON.stringify(key.desc)}.`);
    seen.add(key.column);
  }
}

/** One string per distinct (sort, filter) meaning: clause order and absent-vs-empty search do not matter. */
export function queryKey(sort: SortSpec, filter: FilterSpec | undefined): string {
  return JSON.stringify([sort.map((k) => [k.column, k.desc]), filterKey(filter)]);
}

export function filterKey(filter: FilterSpec | undefined): string {
  if (!filter) return '{}';
  const values = sortedEntries(filter.values).map(([c, list]) => [c, [...new Set(list)].sort(nullFirst)]);
  const ranges = sortedEntries(filter.ranges).map(([c, r]) => [c, r.min ?? null, r.max ?? null]);
  const search = filter.search?.trim().toLowerCase() ?? '';
  return JSON.stringify({ values, ranges, hasPatch: filter.hasPatch ?? null, tokensExact: filter.tokensExact ?? null, search });
}

function checkKind(column: string, describe: Describe, kind: 'category' | 'number', what: string): void {
  const found = describe(column);
  if (found?.kind === kind) return;
  const expected = kind === 'category' ? 'a string column' : 'a number column';
  if (isExtraColumn(column)) {
    const why = found ? `the dataset's column "${rawKey(column)}" is not ${expected}` : `this dataset has no raw column "${rawKey(column)}"`;
    throw new QueryError(`Filter on ${what} of "${column}": ${why}.`);
  }
  throw new QueryError(`Filter on ${what} of "${column}": not ${expected} (${knownOf(kind)}).`);
}

function rawKey(id: ExtraColumnId): string {
  return id.slice(EXTRA_PREFIX.length);
}

function checkRange(column: string, range: NumericRange | undefined): void {
  if (typeof range !== 'object' || range === null) throw new QueryError(`Filter on the range of "${column}": expected { min?, max }, got ${JSON.stringify(range)}.`);
  for (const bound of ['min', 'max'] as const) {
    const v = range[bound];
    if (v !== undefined && (typeof v !== 'number' || Number.isNaN(v))) throw new QueryError(`Filter on the range of "${column}": ${bound} must be a number, not ${JSON.stringify(v)}.`);
  }
  if (range.min !== undefined && range.max !== undefined && range.min > range.max) throw new QueryError(`Filter on the range of "${column}": min ${range.min} is above max ${range.max}.`);
}

function sortedEntries<V>(record: Partial<Record<string, V>> | undefined): [string, V][] {
  return Object.entries(record ?? {})
    .filter((e): e is [string, V] => e[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function nullFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function knownOf(kind: 'category' | 'number'): string {
  return `one of ${(kind === 'category' ? CATEGORY_COLUMNS : NUMBER_COLUMNS).join(', ')}, or a raw column of the dataset as extra:<name>`;
}
