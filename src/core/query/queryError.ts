/** A query that cannot run as asked (unknown column, bad bounds, a row window out of range); the message says which part. */
export class QueryError extends Error {
  override name = 'QueryError';
}
