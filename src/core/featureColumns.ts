import { concatExtras, encodeExtras, extraArrays, extraTextSize, type ExtraColumn } from './extraColumns';
import { concatStrings, Dictionary, encodeStrings, stringAt, type StringColumn } from './stringColumn';
import type { Features, Outcome, RawRow, Role, TokenCounts } from './types';

export { stringAt, type StringColumn };

/**
 * Columnar features of a batch of rows: one typed array per numeric feature, dictionary-coded
 * strings, sparse count maps. A query worker filters and sorts 200k rows over these without
 * allocating an object per row, and everything here survives structured cloning (storage and
 * postMessage), whose cost is a few copies of big buffers instead of a walk over small objects.
 */

export const NUMERIC_FEATURES = [
  'nMessages',
  'nSystem',
  'nUser',
  'nAssistant',
  'nTool',
  'tokens',
  'patchFiles',
  'patchAdd',
  'patchDel',
  'patchChurn',
  'durationSec',
  'promptTokens',
  'completionTokens',
] as const;
export type NumericFeature = (typeof NUMERIC_FEATURES)[number];

/** Only the dataset's own run-cost columns may be missing; NaN marks them absent. */
const OPTIONAL_NUMERIC = ['durationSec', 'promptTokens', 'completionTokens'] as const;
type RequiredNumeric = Exclude<NumericFeature, (typeof OPTIONAL_NUMERIC)[number]>;
const REQUIRED_NUMERIC = NUMERIC_FEATURES.filter((f): f is RequiredNumeric => !(OPTIONAL_NUMERIC as readonly string[]).includes(f));

/** `instanceId` is not a feature; it comes from the trajectory and is kept here so rows can be grouped by task. */
export const STRING_FEATURES = ['outcome', 'language', 'repo', 'agent', 'model', 'exitStatus', 'category', 'instanceId'] as const;
export type StringFeature = (typeof STRING_FEATURES)[number];
const OPTIONAL_STRINGS = ['language', 'repo', 'agent', 'model', 'exitStatus', 'category'] as const;

export const ROLES: readonly Role[] = ['system', 'user', 'assistant', 'tool'];

/**
 * A name → count map per row in CSR form: row i owns entries `rowPtr[i] .. rowPtr[i + 1]`, each
 * naming `dict[index[k]]` with `count[k]`. Entries keep the row's key order.
 */
export interface SparseCounts {
  dict: string[];
  rowPtr: Uint32Array;
  index: Uint32Array;
  count: Uint32Array;
}

export interface FeatureChunk {
  n: number;
  /** Stable trajectory ids, `ids[i]` for row i. */
  ids: string[];
  /** Row index of each row within its shard. */
  rows: Uint32Array;
  /** NaN marks an absent optional value. */
  num: Record<NumericFeature, Float64Array>;
  str: Record<StringFeature, StringColumn>;
  /** 1 where `num.tokens` and `tokensByRole` are exact cl100k_base counts, 0 for the len/4 estimate. */
  tokensExact: Uint8Array;
  tokensByRole: Record<Role, Float64Array>;
  tools: SparseCounts;
  patchExtensions: SparseCounts;
  /** The dataset's raw columns no adapter read (./extraColumns.ts); chunks stored before they were kept have none. */
  extra?: ExtraColumn[];
}

/** A whole dataset's rows: the same shape as a chunk, with dictionaries merged. */
export type FeatureTable = FeatureChunk;

export interface FeatureRowInput {
  id: string;
  /** Row index within the shard. */
  row: number;
  instanceId?: string;
  features: Features;
  /** The trajectory's unread raw columns. */
  extra?: RawRow;
}

const MAX_U32 = 0xffff_ffff;

export function encodeFeatures(rows: FeatureRowInput[]): FeatureChunk {
  const n = rows.length;
  return {
    n,
    ids: rows.map((r) => r.id),
    rows: Uint32Array.from(rows, (r) => checkedU32(r.row, `row ${r.id}: row index`)),
    num: recordOf(NUMERIC_FEATURES, (f) => Float64Array.from(rows, (r) => r.features[f] ?? NaN)),
    str: recordOf(STRING_FEATURES, (f) => encodeStrings(rows.map((r) => (f === 'instanceId' ? r.instanceId : r.features[f])))),
    tokensExact: Uint8Array.from(rows, (r) => (r.features.tokensExact ? 1 : 0)),
    tokensByRole: recordOf(ROLES, (role) => Float64Array.from(rows, (r) => r.features.tokensByRole[role])),
    tools: encodeSparse(rows, 'tool', (f) => f.tools),
    patchExtensions: encodeSparse(rows, 'patch extension', (f) => f.patchExtensions),
    extra: encodeExtras(rows.map((r) => r.extra)),
  };
}

/** The features of row i, exactly as they were encoded. */
export function featuresAt(chunk: FeatureChunk, i: number): Features {
  checkRow(chunk, i);
  const f: Features = {
    ...recordOf(REQUIRED_NUMERIC, (name) => chunk.num[name][i] as number),
    outcome: stringAt(chunk.str.outcome, i) as Outcome,
    tokensExact: chunk.tokensExact[i] === 1,
    tokensByRole: recordOf(ROLES, (role) => chunk.tokensByRole[role][i] as number),
    tools: sparseAt(chunk.tools, i),
    patchExtensions: sparseAt(chunk.patchExtensions, i),
  };
  for (const name of OPTIONAL_NUMERIC) {
    const v = chunk.num[name][i] as number;
    if (!Number.isNaN(v)) f[name] = v;
  }
  for (const name of OPTIONAL_STRINGS) {
    const v = stringAt(chunk.str[name], i);
    if (v !== undefined) f[name] = v;
  }
  return f;
}

/** Row i's name → count map, as a plain object. */
export function sparseAt(column: SparseCounts, i: number): Record<string, number> {
  const entries: [string, number][] = [];
  for (let k = column.rowPtr[i] ?? 0; k < (column.rowPtr[i + 1] ?? 0); k++) {
    entries.push([column.dict[column.index[k] ?? 0] ?? '', column.count[k] ?? 0]);
  }
  // fromEntries defines own properties, so a key such as "__proto__" from a patch stays data.
  return Object.fromEntries(entries);
}

/** Replaces row i's len/4 estimate by exact counts, in place. */
export function setExactTokens(chunk: FeatureChunk, i: number, counts: TokenCounts): void {
  checkRow(chunk, i);
  chunk.num.tokens[i] = counts.total;
  for (const role of ROLES) chunk.tokensByRole[role][i] = counts.byRole[role];
  chunk.tokensExact[i] = 1;
}

/** One table from many chunks, in order; string and name dictionaries are merged. */
export function concatChunks(chunks: FeatureChunk[]): FeatureTable {
  const lengths = chunks.map((c) => c.n);
  const n = lengths.reduce((sum, l) => sum + l, 0);
  return {
    n,
    ids: chunks.flatMap((c) => c.ids),
    rows: concatArrays(chunks, n, Uint32Array, (c) => c.rows),
    num: recordOf(NUMERIC_FEATURES, (f) => concatArrays(chunks, n, Float64Array, (c) => c.num[f])),
    str: recordOf(STRING_FEATURES, (f) => concatStrings(chunks.map((c) => c.str[f]), lengths, n)),
    tokensExact: concatArrays(chunks, n, Uint8Array, (c) => c.tokensExact),
    tokensByRole: recordOf(ROLES, (role) => concatArrays(chunks, n, Float64Array, (c) => c.tokensByRole[role])),
    tools: concatSparse(chunks.map((c) => c.tools), n),
    patchExtensions: concatSparse(chunks.map((c) => c.patchExtensions), n),
    extra: concatExtras(chunks.map((c) => c.extra), lengths),
  };
}

/** Rows whose tokens are still the len/4 estimate. */
export function pendingTokenRows(chunk: FeatureChunk): number[] {
  const pending: number[] = [];
  chunk.tokensExact.forEach((exact, i) => exact === 0 && pending.push(i));
  return pending;
}

/** The buffers to transfer (not copy) when posting a chunk or table to another worker. */
export function transferList(chunk: FeatureChunk): ArrayBuffer[] {
  const buffers = new Set<ArrayBufferLike>();
  for (const array of typedArrays(chunk)) buffers.add(array.buffer);
  return [...buffers].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

/** Approximate bytes a chunk occupies when stored: its buffers plus its strings. */
export function chunkByteSize(chunk: FeatureChunk): number {
  const arrays = typedArrays(chunk).reduce((sum, a) => sum + a.byteLength, 0);
  const dicts = [...STRING_FEATURES.map((f) => chunk.str[f].dict), chunk.tools.dict, chunk.patchExtensions.dict];
  return arrays + textSize(chunk.ids) + dicts.reduce((sum, d) => sum + textSize(d), 0) + extraTextSize(chunk.extra ?? []);
}

function typedArrays(chunk: FeatureChunk): ArrayBufferView[] {
  return [
    chunk.rows,
    chunk.tokensExact,
    ...NUMERIC_FEATURES.map((f) => chunk.num[f]),
    ...STRING_FEATURES.map((f) => chunk.str[f].codes),
    ...ROLES.map((r) => chunk.tokensByRole[r]),
    ...[chunk.tools, chunk.patchExtensions].flatMap((s) => [s.rowPtr, s.index, s.count]),
    ...extraArrays(chunk.extra ?? []),
  ];
}

function textSize(strings: string[]): number {
  return strings.reduce((sum, s) => sum + s.length, 0);
}

function encodeSparse(rows: FeatureRowInput[], what: string, pick: (f: Features) => Record<string, number>): SparseCounts {
  const maps = rows.map((r) => Object.entries(pick(r.features)));
  const total = maps.reduce((sum, m) => sum + m.length, 0);
  const dict = new Dictionary();
  const rowPtr = new Uint32Array(rows.length + 1);
  const index = new Uint32Array(total);
  const count = new Uint32Array(total);
  let k = 0;
  maps.forEach((entries, i) => {
    for (const [name, value] of entries) {
      index[k] = dict.indexOf(name);
      count[k] = checkedU32(value, `row ${rows[i]?.id}: ${what} count for "${name}"`);
      k++;
    }
    rowPtr[i + 1] = k;
  });
  return { dict: dict.values, rowPtr, index, count };
}

function concatSparse(columns: SparseCounts[], n: number): SparseCounts {
  const total = columns.reduce((sum, c) => sum + c.index.length, 0);
  const dict = new Dictionary();
  const rowPtr = new Uint32Array(n + 1);
  const index = new Uint32Array(total);
  const count = new Uint32Array(total);
  let row = 0;
  let entry = 0;
  for (const column of columns) {
    const remap = Uint32Array.from(column.dict, (v) => dict.indexOf(v));
    const local = column.index;
    for (let k = 0; k < local.length; k++) index[entry + k] = remap[local[k] as number] as number;
    count.set(column.count, entry);
    for (let i = 1; i < column.rowPtr.length; i++) rowPtr[row + i] = entry + (column.rowPtr[i] ?? 0);
    row += column.rowPtr.length - 1;
    entry += column.index.length;
  }
  return { dict: dict.values, rowPtr, index, count };
}

type TypedArray = Uint8Array | Uint32Array | Float64Array;

function concatArrays<A extends TypedArray>(chunks: FeatureChunk[], n: number, make: new (n: number) => A, pick: (c: FeatureChunk) => A): A {
  const out = new make(n);
  let offset = 0;
  for (const c of chunks) {
    out.set(pick(c), offset);
    offset += c.n;
  }
  return out;
}

function recordOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;
}

function checkedU32(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_U32) throw new RangeError(`${what} is ${value}, not a whole number from 0 to ${MAX_U32}`);
  return value;
}

function checkRow(chunk: FeatureChunk, i: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= chunk.n) throw new RangeError(`row ${i} is outside this feature chunk of ${chunk.n} rows`);
}
