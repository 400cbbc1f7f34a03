import type { ParquetParsers } from 'hyparquet';
import type { RawRow } from '../types';

const decoder = new TextDecoder();

/**
 * hyparquet value parsers that give plain JSON-like values: ISO strings instead of Date objects,
 * and a JSON column whose text does not parse kept as that text instead of failing its row group.
 */
export const plainParsers: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (millis: bigint) => isoFromMillis(Number(millis)),
  timestampFromMicroseconds: (micros: bigint) => isoFromMillis(Number(micros / 1000n)),
  timestampFromNanoseconds: (nanos: bigint) => isoFromMillis(Number(nanos / 1000000n)),
  dateFromDays: (days: number) => isoFromMillis(days * 86_400_000).slice(0, 10),
  jsonFromBytes: (bytes: Uint8Array | undefined) => (bytes ? parseOrKeep(decoder.decode(bytes)) : bytes),
};

function isoFromMillis(millis: number): string {
  const date = new Date(millis);
  // Out of Date's range (±273,790 years): keep the number rather than throw.
  return Number.isNaN(date.getTime()) ? String(millis) : date.toISOString();
}

function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** INT64 values arrive as BigInt: a number when exact, else its decimal string (ids, hashes). */
export function plainBigInt(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

/**
 * Makes a decoded row plain in place: BigInt → number (or string), Date → ISO string,
 * undefined → null, recursively through lists and structs. Returns the same object.
 */
export function plainRow(row: Record<string, unknown>): RawRow {
  for (const key of Object.keys(row)) {
    const value = row[key];
    const plain = plainValue(value);
    if (plain !== value) row[key] = plain;
  }
  return row;
}

export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return plainBigInt(value);
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return plainArray(value);
  if (value instanceof Date) return isoFromMillis(value.getTime());
  if (value instanceof BigInt64Array || value instanceof BigUint64Array) return Array.from(value, plainBigInt);
  // Other typed arrays (raw bytes, numeric lists) are already plain enough to store and clone.
  if (ArrayBuffer.isView(value)) return value;
  return plainRow(value as Record<string, unknown>);
}

function plainArray(items: unknown[]): unknown[] {
  for (let i = 0; i < items.length; i++) {
    const value = items[i];
    const plain = plainValue(value);
    if (plain !== value) items[i] = plain;
  }
  return items;
}
