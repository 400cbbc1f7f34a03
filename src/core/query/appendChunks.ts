/**
 * Appending a few new chunks to a big feature table without rebuilding it: concatChunks hashes
 * every dictionary value of every chunk again (a 100k-entry instance dictionary included), while
 * an ingest adds a chunk or two per refresh. Here the table's dictionaries are indexed once and
 * kept; only the new chunks' values are looked up. The result is what concatChunks gives.
 */
import { NUMERIC_FEATURES, ROLES, STRING_FEATURES, type FeatureChunk, type FeatureTable, type SparseCounts, type StringColumn, type StringFeature } from '../featureColumns';

/** Value → 0-based dictionary position, for each dictionary of one table (and the tables appended from it). */
export interface DictionaryIndex {
  str: Record<StringFeature, Map<string, number>>;
  tools: Map<string, number>;
  patchExtensions: Map<string, number>;
}

export function indexDictionaries(table: FeatureTable): DictionaryIndex {
  const index = (dict: string[]) => new Map(dict.map((v, k) => [v, k]));
  return {
    str: Object.fromEntries(STRING_FEATURES.map((f) => [f, index(table.str[f].dict)])) as Record<StringFeature, Map<string, number>>,
    tools: index(table.tools.dict),
    patchExtensions: index(table.patchExtensions.dict),
  };
}

/** The table followed by the chunks; `index` (of `table`) is updated to describe the result. */
export function appendChunks(table: FeatureTable, chunks: FeatureChunk[], index: DictionaryIndex): FeatureTable {
  const parts = [table, ...chunks];
  const n = parts.reduce((sum, c) => sum + c.n, 0);
  return {
    n,
    ids: table.ids.concat(...chunks.map((c) => c.ids)),
    rows: joined(parts, n, Uint32Array, (c) => c.rows),
    num: Object.fromEntries(NUMERIC_FEATURES.map((f) => [f, joined(parts, n, Float64Array, (c) => c.num[f])])) as FeatureTable['num'],
    str: Object.fromEntries(STRING_FEATURES.map((f) => [f, appendStrings(table.str[f], chunks.map((c) => c.str[f]), n, index.str[f])])) as FeatureTable['str'],
    tokensExact: joined(parts, n, Uint8Array, (c) => c.tokensExact),
    tokensByRole: Object.fromEntries(ROLES.map((r) => [r, joined(parts, n, Float64Array, (c) => c.tokensByRole[r])])) as FeatureTable['tokensByRole'],
    tools: appendSparse(table.tools, chunks.map((c) => c.tools), n, index.tools),
    patchExtensions: appendSparse(table.patchExtensions, chunks.map((c) => c.patchExtensions), n, index.patchExtensions),
  };
}

/** Positions of a chunk's dictionary values in the table's, new values added at the end. */
function remapped(dict: string[], values: string[], index: Map<string, number>): Uint32Array {
  return Uint32Array.from(values, (v) => {
    let k = index.get(v);
    if (k === undefined) {
      k = dict.length;
      index.set(v, k);
      dict.push(v);
    }
    return k;
  });
}

function appendStrings(base: StringColumn, columns: StringColumn[], n: number, index: Map<string, number>): StringColumn {
  const dict = base.dict.slice();
  const codes = new Uint32Array(n);
  codes.set(base.codes);
  let offset = base.codes.length;
  for (const column of columns) {
    const remap = remapped(dict, column.dict, index);
    const local = column.codes;
    for (let i = 0; i < local.length; i++) {
      const code = local[i] as number;
      codes[offset + i] = code === 0 ? 0 : (remap[code - 1] as number) + 1;
    }
    offset += local.length;
  }
  return { dict, codes };
}

function appendSparse(base: SparseCounts, columns: SparseCounts[], n: number, index: Map<string, number>): SparseCounts {
  const total = columns.reduce((sum, c) => sum + c.index.length, base.index.length);
  const dict = base.dict.slice();
  const rowPtr = new Uint32Array(n + 1);
  const entries = new Uint32Array(total);
  const count = new Uint32Array(total);
  rowPtr.set(base.rowPtr);
  entries.set(base.index);
  count.set(base.count);
  let row = base.rowPtr.length - 1;
  let entry = base.index.length;
  for (const column of columns) {
    const remap = remapped(dict, column.dict, index);
    const local = column.index;
    for (let k = 0; k < local.length; k++) entries[entry + k] = remap[local[k] as number] as number;
    count.set(column.count, entry);
    for (let i = 1; i < column.rowPtr.length; i++) rowPtr[row + i] = entry + (column.rowPtr[i] as number);
    row += column.rowPtr.length - 1;
    entry += local.length;
  }
  return { dict, rowPtr, index: entries, count };
}

type TypedArray = Uint8Array | Uint32Array | Float64Array;

function joined<A extends TypedArray>(parts: FeatureChunk[], n: number, make: new (n: number) => A, pick: (c: FeatureChunk) => A): A {
  const out = new make(n);
  let offset = 0;
  for (const part of parts) {
    out.set(pick(part), offset);
    offset += part.n;
  }
  return out;
}
