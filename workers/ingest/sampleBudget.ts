/**
 * Sample mode loads the first N rows of each config × split: a split's shards are read in order
 * and each gets what the earlier ones left of the budget. Rows that failed to decode count too:
 * they are rows of the file, and counting them keeps the cut at the same place on every re-ingest.
 */
export interface BudgetShard {
  config: string;
  split: string;
  path: string;
  rowsDone: number;
  rowsTotal?: number | null;
}

export function splitKey(s: { config: string; split: string }): string {
  return `${s.config}\u0000${s.split}`;
}

/** Shards in reading order: by config, split, then path (shard names sort by their index). */
export function readingOrder<T extends BudgetShard>(shards: T[]): T[] {
  return [...shards].sort((a, b) => cmp(a.config, b.config) || cmp(a.split, b.split) || cmp(a.path, b.path));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The row limit of `shard`: the budget less the rows its split's earlier shards consumed (0 means
 * nothing more to read). Shards are read one after another, so the earlier ones are settled.
 */
export function rowLimitFor<T extends BudgetShard>(shard: T, all: T[], budget: number): number {
  let used = 0;
  for (const s of readingOrder(all.filter((x) => splitKey(x) === splitKey(shard)))) {
    if (s === shard) break;
    used += s.rowsDone;
  }
  return Math.max(0, budget - used);
}

/** Rows the shard will yield in this mode, when its size is known. */
export function rowsTarget(rowsTotal: number | null | undefined, limit: number | undefined): number | null {
  if (limit === undefined) return rowsTotal ?? null;
  if (rowsTotal === null || rowsTotal === undefined) return null;
  return Math.min(rowsTotal, limit);
}
