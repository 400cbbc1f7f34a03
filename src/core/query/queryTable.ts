/**
 * A feature table with the lookups queries need, each computed once on first use: column arrays
 * by id, sort ranks of dictionary values, lower-cased dictionaries for search, tool-call totals,
 * and the row of each id. The table must not change under it: build a new one when it does.
 */
import type { FeatureTable, StringColumn } from '../featureColumns';
import { COMMAND_PREFIX, ROLE_TOKEN_COLUMNS, type CategoryColumnId, type NumberColumnId } from './columns';
import { compareKeys, idKey, textKey } from './order';

/** Rank of a missing value: after every present one, whichever the direction. */
export const RANK_ABSENT = 0xffff_ffff;

export class QueryTable {
  private readonly ranks = new Map<CategoryColumnId, Uint32Array>();
  private readonly lowered = new Map<CategoryColumnId, string[]>();
  private toolCallTotals: Float64Array | undefined;
  private commandNames: Uint8Array | undefined;
  private idRankArray: Uint32Array | undefined;
  private rowOfId: Map<string, number> | undefined;

  constructor(readonly table: FeatureTable) {}

  get n(): number {
    return this.table.n;
  }

  numbers(id: NumberColumnId): Float64Array | Uint32Array {
    if (id === 'row') return this.table.rows;
    if (id === 'toolCalls') return (this.toolCallTotals ??= this.countToolCalls());
    if (id in ROLE_TOKEN_COLUMNS) return this.table.tokensByRole[ROLE_TOKEN_COLUMNS[id as keyof typeof ROLE_TOKEN_COLUMNS]];
    return this.table.num[id as Exclude<NumberColumnId, 'row' | 'toolCalls' | keyof typeof ROLE_TOKEN_COLUMNS>];
  }

  strings(id: CategoryColumnId): StringColumn {
    return this.table.str[id];
  }

  /** Sort rank of each code of a string column (index 0, the absent code, ranks last); equal values share a rank. */
  codeRanks(id: CategoryColumnId): Uint32Array {
    let ranks = this.ranks.get(id);
    if (!ranks) {
      ranks = denseRanks(this.table.str[id].dict, textKey, 1);
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
  lowerDict(id: CategoryColumnId): string[] {
    let dict = this.lowered.get(id);
    if (!dict) {
      dict = this.table.str[id].dict.map((v) => v.toLowerCase());
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
