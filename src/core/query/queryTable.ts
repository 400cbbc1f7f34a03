/**
 * A feature table with the lookups queries need, each computed once on first use: column arrays
 * by id, the table's column catalog (with its raw columns), sort ranks of dictionary values,
 * lower-cased dictionaries for search, tool-call totals, and the row of each id. The table must
 * not change under it: build a new one when it does.
 */
import type { ExtraColumn } from '../extraColumns';
import type { FeatureTable, StringColumn } from '../featureColumns';
import { COLUMNS, columnDescriptor, COMMAND_PREFIX, extraColumnId, extraDescriptor, isExtraColumn, ROLE_TOKEN_COLUMNS, type CategoryColumnId, type ColumnDescriptor, type ExtraColumnId, type NumberColumnId } from './columns';
import { compareKeys, idKey, textKey } from './order';
import { QueryError } from './queryError';

/** Columns holding numbers, and columns holding dictionary-coded strings, of one table. */
export type NumbersId = NumberColumnId | ExtraColumnId;
export type StringsId = CategoryColumnId | ExtraColumnId;

/** Rank of a missing value: after every present one, whichever the direction. */
export const RANK_ABSENT = 0xffff_ffff;

export class QueryTable {
  private readonly ranks = new Map<StringsId, Uint32Array>();
  private readonly lowered = new Map<StringsId, string[]>();
  private extras: Map<ExtraColumnId, ExtraColumn> | undefined;
  private extraCatalog: ColumnDescriptor[] | undefined;
  private toolCallTotals: Float64Array | undefined;
  private commandNames: Uint8Array | undefined;
  private idRankArray: Uint32Array | undefined;
  private rowOfId: Map<string, number> | undefined;

  constructor(readonly table: FeatureTable) {}

  get n(): number {
    return this.table.n;
  }

  /** Every column of this table: the fixed catalog, then the dataset's raw columns in first-seen order. */
  catalog(): ColumnDescriptor[] {
    return [...COLUMNS, ...this.extraDescriptors()];
  }

  /** The dataset's raw columns, in first-seen order. */
  extraDescriptors(): ColumnDescriptor[] {
    return (this.extraCatalog ??= (this.table.extra ?? []).map((c) => extraDescriptor(c.key, c.kind)));
  }

  /** A column of this table by id; undefined when it has none of that id. */
  readonly describe = (id: string): ColumnDescriptor | undefined => {
    if (!isExtraColumn(id)) return columnDescriptor(id);
    const column = this.extraColumn(id);
    return column && extraDescriptor(column.key, column.kind);
  };

  numbers(id: NumbersId): Float64Array | Uint32Array {
    if (isExtraColumn(id)) {
      const column = this.extraColumn(id);
      if (column?.kind !== 'number') throw new QueryError(`"${id}" is not a number column of this dataset.`);
      return column.values;
    }
    if (id === 'row') return this.table.rows;
    if (id === 'toolCalls') return (this.toolCallTotals ??= this.countToolCalls());
    if (id in ROLE_TOKEN_COLUMNS) return this.table.tokensByRole[ROLE_TOKEN_COLUMNS[id as keyof typeof ROLE_TOKEN_COLUMNS]];
    return this.table.num[id as Exclude<NumberColumnId, 'row' | 'toolCalls' | keyof typeof ROLE_TOKEN_COLUMNS>];
  }

  strings(id: StringsId): StringColumn {
    if (!isExtraColumn(id)) return this.table.str[id];
    const column = this.extraColumn(id);
    if (column?.kind !== 'string') throw new QueryError(`"${id}" is not a string column of this dataset.`);
    return column.strings;
  }

  /** Sort rank of each code of a string column (index 0, the absent code, ranks last); equal values share a rank. */
  codeRanks(id: StringsId): Uint32Array {
    let ranks = this.ranks.get(id);
    if (!ranks) {
      ranks = denseRanks(this.strings(id).dict, textKey, 1);
      ranks[0] = RANK_ABSENT;
      this.ranks.set(id, ranks);
    }
    return ranks;
  }

  /** Sort rank of each row's id. */
  idRanks(): Uint32Array {
    return (this.idRankArray ??= denseRanks(this.table.ids, idKey, 0));
  }

  /** The dictionary of a string column, lower-cased, for case-insensitive search. */
  lowerDict(id: StringsId): string[] {
    let dict = this.lowered.get(id);
    if (!dict) {
      dict = this.strings(id).dict.map((v) => v.toLowerCase());
      this.lowered.set(id, dict);
    }
    return dict;
  }

  /** 1 for tool dictionary entries that are bash command words (`bash:grep`), not tools. */
  isCommand(): Uint8Array {
    return (this.commandNames ??= Uint8Array.from(this.table.tools.dict, (name) => (name.startsWith(COMMAND_PREFIX) ? 1 : 0)));
  }

  indexOfId(id: string): number | undefined {
    this.rowOfId ??= new Map(this.table.ids.map((rowId, i) => [rowId, i]));
    return this.rowOfId.get(id);
  }

  /** The raw column of that id, undefined when this table has none. */
  extraColumn(id: ExtraColumnId): ExtraColumn | undefined {
    this.extras ??= new Map((this.table.extra ?? []).map((c) => [extraColumnId(c.key), c]));
    return this.extras.get(id);
  }

  private countToolCalls(): Float64Array {
    const { rowPtr, index, count } = this.table.tools;
    const command = this.isCommand();
    const totals = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) {
      let sum = 0;
      for (let k = rowPtr[i] as number; k < (rowPtr[i + 1] as number); k++) if (command[index[k] as number] === 0) sum += count[k] as number;
      totals[i] = sum;
    }
    return totals;
  }
}

/** `ranks[offset + i]` is the rank of `values[i]` in sort-key order; only identical strings share a rank. */
function denseRanks(values: readonly string[], keyOf: (s: string) => string, offset: number): Uint32Array {
  const keys = values.map(keyOf);
  const order = Array.from(values.keys()).sort((a, b) => compareKeys(keys[a] as string, keys[b] as string, values[a] as string, values[b] as string));
  const ranks = new Uint32Array(values.length + offset);
  let rank = 0;
  order.forEach((v, k) => {
    if (k > 0 && values[order[k - 1] as number] !== values[v]) rank++;
    ranks[v + offset] = rank;
  });
  return ranks;
}
