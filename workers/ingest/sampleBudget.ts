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
 * Each shard's row limit, by key: the budget less the rows its split's earlier shards consumed
 * (0 means nothing more to read). Shards are read one after another, so the earlier ones are
 * settled. One pass over the shards in reading order.
 */
export function rowLimits<T extends BudgetShard & { key: string }>(all: T[], budget: number): Map<string, number> {
  const used = new Map<string, number>();
  const limits = new Map<string, number>();
  for (const s of readingOrder(all)) {
    const before = used.get(splitKey(s)) ?? 0;
    limits.set(s.key, Math.max(0, budget - before));
    used.set(splitKey(s), before + s.rowsDone);
  }
  return limits;
}

/** Rows the shard will yield in this mode, when its size is known. */
export function rowsTarget(rowsTotal: number | null | undefined, limit: number | undefined): number | null {
  if (limit === undefined) return rowsTotal ?? null;
  if (rowsTotal === null || rowsTotal === undefined) return null;
  return Math.min(rowsTotal, limit);
}
