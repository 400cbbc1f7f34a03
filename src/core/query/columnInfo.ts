/**
 * What each column holds over a whole table, for a filter builder: how many rows have a value,
 * the distinct strings with their row counts, the range of numbers, the names in count maps.
 */
import type { SparseCounts } from '../featureColumns';
import { COMMAND_PREFIX, isCategoryColumn, isExtraColumn, isNumberColumn, type ColumnDescriptor, type CountsColumnId } from './columns';
import { compareKeys, textKey } from './order';
import type { QueryTable, StringsId } from './queryTable';

export interface ValueCount {
  /** null: rows without a value. */
  value: string | null;
  count: number;
}

export interface ColumnInfo extends ColumnDescriptor {
  /** Rows with a value. */
  present: number;
  /** Distinct present values (category, counts and text columns). */
  distinct?: number;
  /** Category and counts columns: values by row count, most frequent first (at most MAX_VALUES), then the null entry. */
  values?: ValueCount[];
  /** Number columns with a present value. */
  min?: number;
  max?: number;
}

export const MAX_VALUES = 1000;

export function columnInfos(q: QueryTable): ColumnInfo[] {
  return q.catalog().map((c) => infoOf(q, c));
}

function infoOf(q: QueryTable, c: ColumnDescriptor): ColumnInfo {
  const { id } = c;
  if (isExtraColumn(id)) return c.kind === 'number' ? { ...c, ...range(q.numbers(id)) } : { ...c, ...stringCounts(q, id) };
  if (isCategoryColumn(id)) return { ...c, ...stringCounts(q, id) };
  if (isNumberColumn(id)) return { ...c, ...range(q.numbers(id)) };
  if (id === 'id') return { ...c, present: q.n, distinct: q.n };
  return { ...c, ...nameCounts(q, id) };
}

function stringCounts(q: QueryTable, id: StringsId): Pick<ColumnInfo, 'present' | 'distinct' | 'values'> {
  const { dict, codes } = q.strings(id);
    const counts = new Uint32Array(dict.length + 1);
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      counts[code] = (counts[code] as number) + 1;
    }
    return valueCounts(dict, counts, true);
}

/**
 * `counts[k + 1]` rows hold `dict[k]` (dictionary values are distinct); `counts[0]` rows hold none.
 * The most frequent MAX_VALUES values are listed, ties in text order; when the cut falls among
 * ties, those that appear first in the table make it.
 */
function valueCounts(dict: readonly string[], counts: Uint32Array, withAbsent: boolean): Pick<ColumnInfo, 'present' | 'distinct' | 'values'> {
  const seen = Array.from(dict.keys()).filter((k) => (counts[k + 1] as number) > 0);
  const present = seen.reduce((sum, k) => sum + (counts[k + 1] as number), 0);
  const chosen = seen.length > MAX_VALUES ? mostFrequent(seen, counts) : seen;
  const keys = new Map(chosen.map((k) => [k, textKey(dict[k] as string)]));
  chosen.sort((a, b) => (counts[b + 1] as number) - (counts[a + 1] as number) || compareKeys(keys.get(a) as string, keys.get(b) as string, dict[a] as string, dict[b] as string));
  const values: ValueCount[] = chosen.map((k) => ({ value: dict[k] as string, count: counts[k + 1] as number }));
  if (withAbsent && counts[0]) values.push({ value: null, count: counts[0] });
  return { present, distinct: seen.length, values };
}

/** The MAX_VALUES entries with the highest counts, without sorting them all. */
function mostFrequent(entries: number[], counts: Uint32Array): number[] {
  const sorted = Uint32Array.from(entries, (k) => counts[k + 1] as number).sort();
  const threshold = sorted[sorted.length - MAX_VALUES] as number;
  const above = entries.filter((k) => (counts[k + 1] as number) > threshold);
  const at = entries.filter((k) => counts[k + 1] === threshold);
  return [...above, ...at.slice(0, MAX_VALUES - above.length)];
}

/** Rows per name: a tool counts once per row that calls it. */
function nameCounts(q: QueryTable, column: CountsColumnId): Pick<ColumnInfo, 'present' | 'distinct' | 'values'> {
  const sparse: SparseCounts = column === 'patchExtensions' ? q.table.patchExtensions : q.table.tools;
  const isCommand = column === 'patchExtensions' ? undefined : q.isCommand();
  const want = column === 'commands' ? 1 : 0;
  const counts = new Uint32Array(sparse.dict.length + 1);
  let present = 0;
  for (let i = 0; i < q.n; i++) {
    let any = false;
    for (let k = sparse.rowPtr[i] as number; k < (sparse.rowPtr[i + 1] as number); k++) {
      const name = sparse.index[k] as number;
      if (isCommand && isCommand[name] !== want) continue;
      counts[name + 1] = (counts[name + 1] as number) + 1;
      any = true;
    }
    if (any) present++;
  }
  const dict = want === 1 ? sparse.dict.map((name) => name.slice(COMMAND_PREFIX.length)) : sparse.dict;
  return { ...valueCounts(dict, counts, false), present };
}

function range(values: Float64Array | Uint32Array): Pick<ColumnInfo, 'present' | 'min' | 'max'> {
  let present = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    present++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return present === 0 ? { present } : { present, min, max };
}
