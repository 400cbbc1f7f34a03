import { ROLES, type FeatureChunk, type FeatureTable } from '../featureColumns';

/**
 * Writes a chunk's token columns (total, per role, exact flag) over rows `offset ..` of the table,
 * in place: exact counts arriving for stored rows change nothing else, so nothing else is reloaded.
 */
export function copyTokens(table: FeatureTable, offset: number, chunk: FeatureChunk): void {
  if (offset < 0 || offset + chunk.n > table.n) throw new RangeError(`token columns of ${chunk.n} rows do not fit at row ${offset} of a table of ${table.n}`);
  table.num.tokens.set(chunk.num.tokens, offset);
  table.tokensExact.set(chunk.tokensExact, offset);
  for (const role of ROLES) table.tokensByRole[role].set(chunk.tokensByRole[role], offset);
}
