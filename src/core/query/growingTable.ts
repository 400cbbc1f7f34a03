/**
 * A feature table that new chunks are appended to in place, for a table kept current while an
 * ingest runs. concatChunks copies the whole table and hashes every dictionary value again; here
 * the columns live in buffers with room to spare (a quarter more when full) and the dictionaries stay
 * indexed, so appending a chunk costs its own rows only. The result is what concatChunks gives.
 *
 * Every table it returns shares its storage: only the latest one is valid.
 */
import { asStrings, MAX_EXTRA_KEYS, type ExtraColumn } from '../extraColumns';
import { NUMERIC_FEATURES, ROLES, STRING_FEATURES, type FeatureChunk, type FeatureTable, type SparseCounts, type StringFeature } from '../featureColumns';
import type { StringColumn } from '../stringColumn';

type TypedArray = Uint8Array | Uint32Array | Float64Array;

interface GrowingStrings {
  dict: string[];
  index: Map<string, number>;
  codes: Uint32Array;
}

type GrowingExtra = { kind: 'number'; values: Float64Array } | ({ kind: 'string' } & GrowingStrings);

interface GrowingSparse {
  dict: string[];
  index: Map<string, number>;
  rowPtr: Uint32Array;
  entries: Uint32Array;
  count: Uint32Array;
  used: number;
}

export class GrowingTable {
  private n: number;
  private readonly ids: string[];
  private rows: Uint32Array;
  private tokensExact: Uint8Array;
  private readonly num: Record<string, Float64Array>;
  private readonly byRole: Record<string, Float64Array>;
  private readonly str: Record<StringFeature, GrowingStrings>;
  /** In first-seen order, as concatChunks keeps them. */
  private readonly extra = new Map<string, GrowingExtra>();
  private readonly tools: GrowingSparse;
  private readonly patchExtensions: GrowingSparse;

  /** Takes over `table`'s storage. */
  constructor(table: FeatureTable) {
    this.n = table.n;
    this.ids = table.ids.slice();
    this.rows = table.rows;
    this.tokensExact = table.tokensExact;
    this.num = { ...table.num };
    this.byRole = { ...table.tokensByRole };
    this.str = Object.fromEntries(STRING_FEATURES.map((f) => [f, growingStrings(table.str[f])])) as GrowingTable['str'];
    for (const c of table.extra ?? []) this.extra.set(c.key, c.kind === 'number' ? { kind: 'number', values: c.values } : { kind: 'string', ...growingStrings(c.strings) });
    this.tools = growingSparse(table.tools);
    this.patchExtensions = growingSparse(table.patchExtensions);
  }

  /** The table with `chunks` appended. */
  append(chunks: FeatureChunk[]): FeatureTable {
    for (const chunk of chunks) this.appendChunk(chunk);
    return this.table();
  }

  table(): FeatureTable {
    const n = this.n;
    const view = <A extends TypedArray>(a: A) => a.subarray(0, n) as A;
    return {
      n,
      ids: this.ids,
      rows: view(this.rows),
      num: Object.fromEntries(NUMERIC_FEATURES.map((f) => [f, view(this.num[f] as Float64Array)])) as FeatureTable['num'],
      str: Object.fromEntries(STRING_FEATURES.map((f) => [f, { dict: this.str[f].dict, codes: view(this.str[f].codes) }])) as FeatureTable['str'],
      tokensExact: view(this.tokensExact),
      tokensByRole: Object.fromEntries(ROLES.map((r) => [r, view(this.byRole[r] as Float64Array)])) as FeatureTable['tokensByRole'],
      tools: sparseView(this.tools, n),
      patchExtensions: sparseView(this.patchExtensions, n),
      extra: [...this.extra].map(([key, c]): ExtraColumn => (c.kind === 'number' ? { key, kind: 'number', values: view(c.values) } : { key, kind: 'string', strings: { dict: c.dict, codes: view(c.codes) } })),
    };
  }

  private appendChunk(chunk: FeatureChunk): void {
    const at = this.n;
    const end = at + chunk.n;
    for (const id of chunk.ids) this.ids.push(id);
    this.rows = placed(this.rows, chunk.rows, at);
    this.tokensExact = placed(this.tokensExact, chunk.tokensExact, at);
    for (const f of NUMERIC_FEATURES) this.num[f] = placed(this.num[f] as Float64Array, chunk.num[f], at);
    for (const r of ROLES) this.byRole[r] = placed(this.byRole[r] as Float64Array, chunk.tokensByRole[r], at);
    for (const f of STRING_FEATURES) appendStrings(this.str[f], chunk.str[f], at);
    appendSparse(this.tools, chunk.tools, at);
    appendSparse(this.patchExtensions, chunk.patchExtensions, at);
    this.appendExtras(chunk, at, end);
    this.n = end;
  }

  /** Rows of keys the chunk lacks are absent; a key that turns out to be text elsewhere becomes text. */
  private appendExtras(chunk: FeatureChunk, at: number, end: number): void {
    const incoming = new Map((chunk.extra ?? []).map((c) => [c.key, c]));
    for (const c of incoming.values()) {
      if (this.extra.has(c.key) || this.extra.size >= MAX_EXTRA_KEYS) continue;
      this.extra.set(c.key, c.kind === 'number' ? { kind: 'number', values: new Float64Array(at).fill(NaN) } : { kind: 'string', dict: [], index: new Map(), codes: new Uint32Array(at) });
    }
    for (const [key, held] of this.extra) {
      const c = incoming.get(key);
      let column = held;
      if (held.kind === 'number' && c?.kind === 'string') this.extra.set(key, (column = { kind: 'string', ...growingStrings(asStrings({ key, kind: 'number', values: held.values.subarray(0, at) })) }));
      if (column.kind === 'number') {
        const values = (column.values = roomFor(column.values, end));
        if (c?.kind === 'number') values.set(c.values, at);
        else values.fill(NaN, at, end);
      } else appendStrings(column, c ? asStrings(c) : undefined, at, end);
    }
  }
}

function growingStrings({ dict, codes }: StringColumn): GrowingStrings {
  return { dict: dict.slice(), index: indexOf(dict), codes };
}

/** `chunk`'s codes at rows `at ..` (no chunk: `end - at` absent rows). */
function appendStrings(column: GrowingStrings, chunk: StringColumn | undefined, at: number, end = at + (chunk?.codes.length ?? 0)): void {
  const codes = (column.codes = roomFor(column.codes, end));
  if (!chunk) {
    codes.fill(0, at, end);
    return;
  }
  const remap = remapped(column.dict, column.index, chunk.dict);
  const local = chunk.codes;
  for (let i = 0; i < local.length; i++) {
    const code = local[i] as number;
    codes[at + i] = code === 0 ? 0 : (remap[code - 1] as number) + 1;
  }
}

function indexOf(dict: string[]): Map<string, number> {
  return new Map(dict.map((v, k) => [v, k]));
}

/** Dictionary positions of `values`, adding the new ones at the end. */
function remapped(dict: string[], index: Map<string, number>, values: string[]): Uint32Array {
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

/** `array`, or a copy a quarter longer (at least `length`) when it cannot hold `length` values. */
function roomFor<A extends TypedArray>(array: A, length: number): A {
  if (array.length >= length) return array;
  const grown = new (array.constructor as new (n: number) => A)(Math.max(length, Math.ceil(array.length * 1.25) + 1024));
  grown.set(array);
  return grown;
}

function placed<A extends TypedArray>(array: A, values: A, at: number): A {
  const out = roomFor(array, at + values.length);
  out.set(values, at);
  return out;
}

function growingSparse(s: SparseCounts): GrowingSparse {
  return { dict: s.dict.slice(), index: indexOf(s.dict), rowPtr: s.rowPtr, entries: s.index, count: s.count, used: s.index.length };
}

function appendSparse(s: GrowingSparse, chunk: SparseCounts, at: number): void {
  const remap = remapped(s.dict, s.index, chunk.dict);
  const rows = chunk.rowPtr.length - 1;
  const used = s.used + chunk.index.length;
  s.rowPtr = roomFor(s.rowPtr, at + rows + 1);
  s.entries = roomFor(s.entries, used);
  s.count = placed(s.count, chunk.count, s.used);
  for (let k = 0; k < chunk.index.length; k++) s.entries[s.used + k] = remap[chunk.index[k] as number] as number;
  for (let i = 1; i <= rows; i++) s.rowPtr[at + i] = s.used + (chunk.rowPtr[i] as number);
  s.used = used;
}

function sparseView(s: GrowingSparse, n: number): SparseCounts {
  return { dict: s.dict, rowPtr: s.rowPtr.subarray(0, n + 1), index: s.entries.subarray(0, s.used), count: s.count.subarray(0, s.used) };
}
