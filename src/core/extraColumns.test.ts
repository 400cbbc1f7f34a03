import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatExtras, encodeExtras, extrasAt, isClipped, MAX_EXTRA_KEYS, MAX_EXTRA_TEXT, type ExtraValue } from './extraColumns';
import { chunkByteSize, concatChunks, encodeFeatures, featuresAt, transferList, type FeatureChunk, type FeatureRowInput } from './featureColumns';
import { computeFeatures } from './features';
import type { RawRow, Trajectory } from './types';

const KEYS = ['license', 'score', 'mixed', 'meta', 'flag', '__proto__', 'constructor', ''];
const raw = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.integer(), fc.bigInt()), { maxKeys: 2, noNullPrototype: true }),
);
const rawRow = fc.dictionary(fc.constantFrom(...KEYS), raw, { maxKeys: 5, noNullPrototype: true });
const rawRows = fc.array(fc.option(rawRow, { nil: undefined }), { maxLength: 12 });

/*
 * The reference: what each key should read as, worked out from the raw values the obvious way.
 * A key is a number column when every present value is a number or a bigint, else text, and
 * numbers in a text column read as their String().
 */
function expected(rows: (RawRow | undefined)[]): Record<string, ExtraValue>[] {
  const compact = rows.map((row) => Object.entries(row ?? {}).map(([key, v]) => [key, reference(v)] as const));
  const textKeys = new Set(compact.flatMap((entries) => entries.filter(([, v]) => typeof v === 'string').map(([key]) => key)));
  return compact.map((entries) =>
    Object.fromEntries(entries.filter((e): e is readonly [string, ExtraValue] => e[1] !== undefined).map(([key, v]) => [key, textKeys.has(key) ? String(v) : v])),
  );
}

function reference(v: unknown): ExtraValue | undefined {
  if (v === null || v === undefined || Number.isNaN(v)) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
}

function decoded(columns: ReturnType<typeof encodeExtras>, n: number): Record<string, ExtraValue>[] {
  return Array.from({ length: n }, (_, i) => extrasAt(columns, i));
}

function cuts(n: number, a: number, b: number): [number, number][] {
  const [x, y] = [Math.min(a, b, n), Math.min(Math.max(a, b), n)];
  return [
    [0, x],
    [x, y],
    [y, n],
  ];
}

describe('extra columns', () => {
  it('read back every raw value in its compact form: numbers as numbers, the rest as text', () => {
    fc.assert(
      fc.property(rawRows, (rows) => {
        const columns = encodeExtras(rows);
        expect(decoded(columns, rows.length)).toStrictEqual(expected(rows));
        expect(decoded(structuredClone(columns), rows.length)).toStrictEqual(expected(rows));
      }),
      { numRuns: 300 },
    );
  });

  it('concatenate parts with different keys and kinds into what encoding all rows at once gives', () => {
    fc.assert(
      fc.property(rawRows, fc.nat({ max: 12 }), fc.nat({ max: 12 }), (rows, a, b) => {
        const parts = cuts(rows.length, a, b).map(([from, to]) => rows.slice(from, to));
        expect(concatExtras(parts.map(encodeExtras), parts.map((p) => p.length))).toEqual(encodeExtras(rows));
      }),
      { numRuns: 300 },
    );
  });

  it('cut long text to MAX_EXTRA_TEXT characters, marked, without splitting a surrogate pair', () => {
    const long = 'x'.repeat(MAX_EXTRA_TEXT + 50);
    const pairAtCut = `${'y'.repeat(MAX_EXTRA_TEXT - 1)}😀tail`;
    const exact = 'z'.repeat(MAX_EXTRA_TEXT);
    const [a, b, c, d] = decoded(encodeExtras([{ note: long }, { note: pairAtCut }, { note: exact }, { note: { big: long } }]), 4).map((r) => r.note as string);
    expect(a).toBe(`${'x'.repeat(MAX_EXTRA_TEXT)}…`);
    expect(isClipped(a as string)).toBe(true);
    expect(b).toBe(`${'y'.repeat(MAX_EXTRA_TEXT - 1)}😀…`);
    expect(isClipped(b as string)).toBe(true);
    expect(c).toBe(exact);
    expect(isClipped(c as string)).toBe(false);
    expect(d?.startsWith('{"big":"xxx')).toBe(true);
    expect(isClipped(d as string)).toBe(true);
  });

  it(`keep the first ${MAX_EXTRA_KEYS} keys seen, in a chunk and across chunks`, () => {
    const wide = (from: number) => Object.fromEntries(Array.from({ length: 50 }, (_, k) => [`k${from + k}`, k]));
    const chunkA = encodeExtras([wide(0)]);
    const chunkB = encodeExtras([wide(40)]);
    expect(encodeExtras([{ ...wide(0), ...wide(50) }]).map((c) => c.key)).toEqual(Array.from({ length: MAX_EXTRA_KEYS }, (_, k) => `k${k}`));
    const merged = concatExtras([chunkA, chunkB], [1, 1]);
    expect(merged.map((c) => c.key)).toEqual(Array.from({ length: MAX_EXTRA_KEYS }, (_, k) => `k${k}`));
    expect(extrasAt(merged, 0).k40).toBe(40);
    expect(extrasAt(merged, 1)).toEqual(Object.fromEntries(Array.from({ length: 24 }, (_, k) => [`k${40 + k}`, k])));
  });
});

describe('feature chunks with extra columns', () => {
  const rows = (extras: (RawRow | undefined)[], from = 0): FeatureRowInput[] =>
    extras.map((extra, k) => ({ id: `ds/f#${from + k}`, row: from + k, features: computeFeatures(trajectory(), { exactTokens: false }), ...(extra ? { extra } : {}) }));

  it('carry them through concatChunks beside unchanged features, and through chunks stored without them', () => {
    fc.assert(
      fc.property(rawRows, rawRows, (a, b) => {
        const old: FeatureChunk = encodeFeatures(rows([{ ignored: 1 }]));
        delete old.extra;
        const table = concatChunks([old, encodeFeatures(rows(a, 1)), encodeFeatures(rows(b, 1 + a.length))]);
        expect(decoded(table.extra ?? [], table.n)).toStrictEqual(expected([undefined, ...a, ...b]));
        expect(featuresAt(table, table.n - 1)).toEqual(computeFeatures(trajectory(), { exactTokens: false }));
      }),
      { numRuns: 100 },
    );
  });

  it('count their buffers for transfer and their text for the stored size', () => {
    const plain = encodeFeatures(rows([undefined, undefined]));
    const withExtras = encodeFeatures(rows([{ license: 'MIT', score: 1.5 }, { license: 'Apache-2.0' }]));
    const buffers = new Set(transferList(withExtras));
    for (const c of withExtras.extra ?? []) expect(buffers.has((c.kind === 'number' ? c.values : c.strings.codes).buffer as ArrayBuffer)).toBe(true);
    // 'license' 'MIT' 'Apache-2.0' 'score': 7 + 3 + 10 + 5 characters, one code array (8 bytes) and one double array (16 bytes).
    expect(chunkByteSize(withExtras) - chunkByteSize(plain)).toBe(25 + 8 + 16);
  });
});

function trajectory(): Trajectory {
  return { id: 'x', outcome: 'ungraded', messages: [{ role: 'user', content: 'fix it' }], extra: {}, format: 'test', warnings: [] };
}
