/**
 * Filtering over typed arrays: each clause narrows the list of kept rows in place with one tight
 * loop over the rows still in, so 100k rows take about a millisecond and no object is made per row.
 */
import type { StringColumn } from '../featureColumns';
import type { CategoryColumnId } from './columns';
import type { FilterSpec, NumericRange } from './filterSpec';
import type { NumbersId, QueryTable, StringsId } from './queryTable';

/** Keeps rows `rows[0..count)` that pass, packed at the front; returns how many passed. */
type Clause = (rows: Uint32Array, count: number) => number;

/** Table indices of the rows that match, ascending. The filter must have passed `checkFilter` against this table's columns. */
export function filterRows(q: QueryTable, filter: FilterSpec | undefined): Uint32Array {
  const rows = new Uint32Array(q.n);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  if (!filter) return rows;
  let count = rows.length;
  for (const clause of clausesOf(q, filter)) count = clause(rows, count);
  return rows.slice(0, count);
}

function clausesOf(q: QueryTable, filter: FilterSpec): Clause[] {
  const clauses: Clause[] = [];
  for (const [column, list] of Object.entries(filter.values ?? {}) as [StringsId, readonly (string | null)[] | undefined][]) {
    if (list) clauses.push(keepCodes(q.strings(column).codes, valueMask(q.strings(column), list)));
  }
  for (const [column, range] of Object.entries(filter.ranges ?? {}) as [NumbersId, NumericRange | undefined][]) {
    if (range) clauses.push(keepRange(q.numbers(column), range.min ?? -Infinity, range.max ?? Infinity));
  }
  if (filter.hasPatch !== undefined) clauses.push(keepPatch(q.numbers('patchFiles'), q.numbers('patchChurn'), filter.hasPatch));
  if (filter.tokensExact !== undefined) clauses.push(keepFlag(q.table.tokensExact, filter.tokensExact ? 1 : 0));
  const needle = filter.search?.trim().toLowerCase();
  if (needle) clauses.push(keepEither(q.strings('instanceId').codes, searchMask(q, 'instanceId', needle), q.strings('repo').codes, searchMask(q, 'repo', needle)));
  return clauses;
}

/** `mask[code]` is 1 for the codes the list keeps (code 0: absent, kept by `null`). */
function valueMask(column: StringColumn, list: readonly (string | null)[]): Uint8Array {
  const wanted = new Set(list);
  const mask = new Uint8Array(column.dict.length + 1);
  mask[0] = wanted.has(null) ? 1 : 0;
  column.dict.forEach((value, k) => (mask[k + 1] = wanted.has(value) ? 1 : 0));
  return mask;
}

function searchMask(q: QueryTable, column: CategoryColumnId, needle: string): Uint8Array {
  const dict = q.lowerDict(column);
  const mask = new Uint8Array(dict.length + 1);
  dict.forEach((value, k) => (mask[k + 1] = value.includes(needle) ? 1 : 0));
  return mask;
}

function keepCodes(codes: Uint32Array, mask: Uint8Array): Clause {
  return (rows, count) => {
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const i = rows[k] as number;
      if (mask[codes[i] as number] === 1) rows[kept++] = i;
    }
    return kept;
  };
}

function keepEither(codesA: Uint32Array, maskA: Uint8Array, codesB: Uint32Array, maskB: Uint8Array): Clause {
  return (rows, count) => {
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const i = rows[k] as number;
      if (maskA[codesA[i] as number] === 1 || maskB[codesB[i] as number] === 1) rows[kept++] = i;
    }
    return kept;
  };
}

/** NaN (absent) fails both comparisons, so it never falls in a range. */
function keepRange(values: Float64Array | Uint32Array, min: number, max: number): Clause {
  return (rows, count) => {
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const i = rows[k] as number;
      const v = values[i] as number;
      if (v >= min && v <= max) rows[kept++] = i;
    }
    return kept;
  };
}

function keepFlag(flags: Uint8Array, want: number): Clause {
  return (rows, count) => {
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const i = rows[k] as number;
      if (flags[i] === want) rows[kept++] = i;
    }
    return kept;
  };
}

/** A patch counts when it names a file or changes a line (a bare hunk without `diff --git` still changes lines). */
function keepPatch(files: Float64Array | Uint32Array, churn: Float64Array | Uint32Array, want: boolean): Clause {
  return (rows, count) => {
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const i = rows[k] as number;
      if (((files[i] as number) > 0 || (churn[i] as number) > 0) === want) rows[kept++] = i;
    }
    return kept;
  };
}

