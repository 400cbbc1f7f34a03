import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { extrasAt, type ExtraValue } from '../extraColumns';
import { concatChunks, encodeFeatures, featuresAt, stringAt, type FeatureRowInput, type FeatureTable } from '../featureColumns';
import type { Features } from '../types';
import { COLUMNS, COMMAND_PREFIX, EXTRA_PREFIX, ROLE_TOKEN_COLUMNS, extraColumnId, isCategoryColumn, isExtraColumn, type ColumnId, type NumberColumnId } from './columns';
import type { FilterSpec, SortSpec } from './filterSpec';
import { compareIds, compareText } from './order';
import { MAX_VALUES } from './columnInfo';
import { QueryError } from './queryError';
import { TableQuery } from './tableQuery';
import { syntheticTable } from './testData';
import { dropUndefined, featuresArbitrary } from '../../../tests/featuresArbitrary';

/*
 * The reference: the same questions answered the obvious way, one plain object per row
 * (featuresAt), Array.filter and a comparator sort. Slow and clearly right.
 */
interface NaiveRow {
  index: number;
  id: string;
  row: number;
  instanceId: string | undefined;
  f: Features;
  /** The row's raw column values as the table holds them (their encoding is tested in extraColumns.test.ts). */
  extra: Record<string, ExtraValue>;
}

function naiveRows(t: FeatureTable): NaiveRow[] {
  return Array.from({ length: t.n }, (_, i) => ({ index: i, id: t.ids[i] as string, row: t.rows[i] as number, instanceId: stringAt(t.str.instanceId, i), f: featuresAt(t, i), extra: extrasAt(t.extra ?? [], i) }));
}

function naiveValue(r: NaiveRow, column: ColumnId): string | number | undefined {
  if (column === 'id') return r.id;
  if (column === 'instanceId') return r.instanceId;
  if (isExtraColumn(column)) return Object.hasOwn(r.extra, column.slice(EXTRA_PREFIX.length)) ? r.extra[column.slice(EXTRA_PREFIX.length)] : undefined;
  if (isCategoryColumn(column)) return r.f[column];
  return naiveNumber(r, column as NumberColumnId);
}

function naiveNumber(r: NaiveRow, column: NumberColumnId): number | undefined {
  if (column === 'row') return r.row;
  if (column === 'toolCalls') return Object.entries(r.f.tools).reduce((sum, [name, c]) => (name.startsWith(COMMAND_PREFIX) ? sum : sum + c), 0);
  if (column in ROLE_TOKEN_COLUMNS) return r.f.tokensByRole[ROLE_TOKEN_COLUMNS[column as keyof typeof ROLE_TOKEN_COLUMNS]];
  const v = r.f[column as keyof Features] as number | undefined;
  return v === undefined || Number.isNaN(v) ? undefined : v;
}

function naiveFilter(rows: NaiveRow[], filter: FilterSpec | undefined): NaiveRow[] {
  if (!filter) return rows;
  return rows.filter((r) => {
    for (const [column, list] of Object.entries(filter.values ?? {})) {
      if (list && !list.includes((naiveValue(r, column as ColumnId) as string | undefined) ?? null)) return false;
    }
    for (const [column, range] of Object.entries(filter.ranges ?? {})) {
      const v = naiveValue(r, column as ColumnId) as number | undefined;
      if (range && (v === undefined || v < (range.min ?? -Infinity) || v > (range.max ?? Infinity))) return false;
    }
    if (filter.hasPatch !== undefined && (r.f.patchFiles > 0 || r.f.patchChurn > 0) !== filter.hasPatch) return false;
    if (filter.tokensExact !== undefined && r.f.tokensExact !== filter.tokensExact) return false;
    const needle = filter.search?.trim().toLowerCase();
    if (needle && ![r.instanceId, r.f.repo].some((s) => s?.toLowerCase().includes(needle))) return false;
    return true;
  });
}

/** Missing values last in either direction; ties in table order (Array.prototype.sort is stable). */
function naiveSort(rows: NaiveRow[], sort: SortSpec): NaiveRow[] {
  return [...rows].sort((a, b) => {
    for (const { column, desc } of sort) {
      const va = naiveValue(a, column);
      const vb = naiveValue(b, column);
      if (va === undefined || vb === undefined) {
        if (va !== vb) return va === undefined ? 1 : -1;
        continue;
      }
      const c = column === 'id' ? compareIds(va as string, vb as string) : typeof va === 'string' ? compareText(va, vb as string) : Math.sign(va - (vb as number)) || 0;
      if (c !== 0) return desc ? -c : c;
    }
    return a.index - b.index;
  });
}


/** Raw columns: `score` numbers, `note` and `flag` text, `mixed` either (text in a table where any row has text), `nested` JSON. */
const EXTRA_KEYS = ['score', 'note', 'flag', 'mixed', 'nested'] as const;
const EXTRA_IDS = EXTRA_KEYS.map(extraColumnId);
const SORTABLE = [...COLUMNS.filter((c) => c.sortable).map((c) => c.id), ...EXTRA_IDS];
const CATEGORY = [...COLUMNS.filter((c) => c.kind === 'category').map((c) => c.id), extraColumnId('note'), extraColumnId('flag')];
const NUMBER = [...COLUMNS.filter((c) => c.kind === 'number').map((c) => c.id), extraColumnId('score')];
const ALL_COLUMNS = [...COLUMNS.map((c) => c.id), ...EXTRA_IDS, extraColumnId('absent everywhere')];

// Few distinct values, so ties, case variants, numeric-aware order and missing values all occur.
const num = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.double({ noNaN: true }), fc.constantFrom(0, -0, Infinity, -Infinity, 2 ** 21 + 0.5, 1e300, 4_000_000));
const LABELS = ['python', 'Python', 'go', 'py3.9', 'py3.10', '', 'é', 'e', 'Go'] as const;
const label = fc.option(fc.constantFrom(...LABELS), { nil: undefined });
const counts = fc.dictionary(fc.constantFrom('bash', 'bash:grep', 'bash:sed', 'think', 'py', '', '__proto__'), fc.nat({ max: 50 }), { maxKeys: 4, noNullPrototype: true });
const optionalNum = fc.option(num, { nil: undefined });

const features = featuresArbitrary({ num, label, counts, patchFiles: fc.constantFrom(0, 0, 1, 2), patchChurn: fc.constantFrom(0, 0, 3, 10) });

const extra = fc.record(
  {
    score: fc.oneof(num, fc.constant(null), fc.bigInt({ min: -5n, max: 5n })),
    note: fc.option(fc.constantFrom(...LABELS), { nil: null }),
    flag: fc.boolean(),
    mixed: fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom(...LABELS)),
    nested: fc.constantFrom({ a: 1 }, [1, 2], { b: 'x' }, []),
  },
  { requiredKeys: [], noNullPrototype: true },
);

const PREFIXES = ['hub/a/train/x.parquet', 'hub/a/train/y.parquet', 'local/b.jsonl'];
const rows = fc.array(fc.record({ prefix: fc.constantFrom(...PREFIXES), row: fc.nat({ max: 30 }), instanceId: label, features, extra: fc.option(extra, { nil: undefined }) }), { maxLength: 40 }).map((list) =>
  list.map((r, i): FeatureRowInput => dropUndefined({ id: `${r.prefix}#${i * 31 + r.row}`, row: r.row, instanceId: r.instanceId, features: r.features, extra: r.extra })),
);

/** The rows as 1–3 chunks concatenated, as the store hands them over (dictionaries merged). */
const table = fc.tuple(rows, fc.nat({ max: 40 }), fc.nat({ max: 40 })).map(([list, a, b]): FeatureTable => {
  const [cut1, cut2] = [Math.min(a, b), Math.max(a, b)].map((c) => Math.min(c, list.length));
  return concatChunks([list.slice(0, cut1), list.slice(cut1, cut2), list.slice(cut2)].map((part) => encodeFeatures(part)));
});

const valueList = fc.array(fc.option(fc.constantFrom(...LABELS, 'resolved', 'unresolved', 'ungraded'), { nil: null }), { maxLength: 3 });
const range = fc.record({ min: optionalNum, max: optionalNum }).filter((r) => r.min === undefined || r.max === undefined || r.min <= r.max).map(dropUndefined);
const filter: fc.Arbitrary<FilterSpec> = fc
  .record(
    {
      values: fc.dictionary(fc.constantFrom(...CATEGORY), valueList, { maxKeys: 2, noNullPrototype: true }),
      ranges: fc.dictionary(fc.constantFrom(...NUMBER), range, { maxKeys: 2, noNullPrototype: true }),
      hasPatch: fc.boolean(),
      tokensExact: fc.boolean(),
      search: fc.constantFrom('', '  ', 'py', ' GO ', 'x', 'é', '3.1'),
    },
    { requiredKeys: [] },
  )
  .map((f) => f as FilterSpec);

const sort: fc.Arbitrary<SortSpec> = fc
  .shuffledSubarray(SORTABLE, { maxLength: 3 })
  .chain((columns) => fc.tuple(...columns.map((column) => fc.boolean().map((desc) => ({ column, desc })))))
  .map((keys) => keys as SortSpec);

const noFilter = fc.constant(undefined);

/** Features never hold `key: undefined`; an absent value is an absent key. */

/**
 * The sort and filter without the raw columns this table lacks or holds as the other kind (no row
 * has a `note`, or every `note` is null, which makes it an empty number column): those are errors,
 * tested on their own.
 */
function fitted(query: TableQuery, s: SortSpec, f: FilterSpec | undefined): [SortSpec, FilterSpec | undefined] {
  const fits = (column: string, kind?: string) => !isExtraColumn(column) || (kind === undefined ? query.q.describe(column) !== undefined : query.q.describe(column)?.kind === kind);
  const keep = <V>(record: Partial<Record<string, V>> | undefined, kind: string) => record && Object.fromEntries(Object.entries(record).filter(([column]) => fits(column, kind)));
  const sortFit = s.filter((k) => fits(k.column));
  if (!f) return [sortFit, f];
  return [sortFit, dropUndefined({ ...f, values: keep(f.values, 'category'), ranges: keep(f.ranges, 'number') })];
}

function expectedIds(t: FeatureTable, s: SortSpec, f: FilterSpec | undefined): string[] {
  return naiveSort(naiveFilter(naiveRows(t), f), s).map((r) => r.id);
}

function viewIds(query: TableQuery, s: SortSpec, f: FilterSpec | undefined, offset = 0, limit = 5000): string[] {
  return query.view({ sort: s, filter: f, offset, limit, columns: [] }).rows.map((r) => r.id);
}

function naiveCounts(r: NaiveRow, column: 'tools' | 'commands' | 'patchExtensions'): [string, number][] {
  const source = column === 'patchExtensions' ? r.f.patchExtensions : r.f.tools;
  const entries = Object.entries(source).filter(([name]) => column === 'patchExtensions' || name.startsWith(COMMAND_PREFIX) === (column === 'commands'));
  const named = entries.map(([name, c]): [string, number] => [column === 'commands' ? name.slice(COMMAND_PREFIX.length) : name, c]);
  return named.sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, 5);
}

describe('TableQuery views', () => {
  it('filter and sort exactly as the naive reference: same rows, same order, ties in table order', () => {
    fc.assert(
      fc.property(table, sort, fc.oneof(filter, noFilter), (t, anySort, anyFilter) => {
        const query = new TableQuery(t);
        const [s, f] = fitted(query, anySort, anyFilter);
        const view = query.view({ sort: s, filter: f, offset: 0, limit: 5000, columns: [] });
        const expected = expectedIds(t, s, f);
        expect(view.rows.map((r) => r.id)).toEqual(expected);
        expect(view.matched).toBe(expected.length);
        expect(view.total).toBe(t.n);
        expect(view.rows.map((r) => r.position)).toEqual(expected.map((_, p) => p));
      }),
      { numRuns: 400 },
    );
  });

  it('serve any window of the view, and find any row position', () => {
    fc.assert(
      fc.property(table, sort, filter, fc.nat({ max: 45 }), fc.nat({ max: 45 }), (t, anySort, anyFilter, offset, limit) => {
        const query = new TableQuery(t);
        const [s, f] = fitted(query, anySort, anyFilter);
        const expected = expectedIds(t, s, f);
        expect(viewIds(query, s, f, offset, limit)).toEqual(expected.slice(offset, offset + limit));
        for (const id of t.ids) expect(query.positionOf(id, s, f)).toBe(expected.indexOf(id));
        expect(query.positionOf('no such id', s, f)).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });

  it('give every column value of a row, missing ones as null, tokensExact beside them', () => {
    fc.assert(
      fc.property(table, (t) => {
        const view = new TableQuery(t).view({ sort: [], offset: 0, limit: 5000, columns: ALL_COLUMNS });
        naiveRows(t).forEach((r, i) => {
          const got = view.rows[i];
          expect(got?.tokensExact).toBe(r.f.tokensExact);
          for (const column of ALL_COLUMNS) {
            const want = column === 'tools' || column === 'commands' || column === 'patchExtensions' ? naiveCounts(r, column) : (naiveValue(r, column) ?? null);
            expect(got?.values[column], `${column} of row ${i}`).toEqual(want);
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('stay right when switching between more sorts than it keeps', () => {
    fc.assert(
      fc.property(table, fc.array(fc.tuple(sort, fc.oneof(filter, noFilter)), { minLength: 1, maxLength: 8 }), (t, steps) => {
        const query = new TableQuery(t);
        for (const [s, f] of [...steps, ...steps].map(([s, f]) => fitted(query, s, f))) expect(viewIds(query, s, f)).toEqual(expectedIds(t, s, f));
      }),
      { numRuns: 100 },
    );
  });

  it('treat an equivalent filter as the same query', () => {
    const t = syntheticTable(500, 3);
    const query = new TableQuery(t);
    const a: FilterSpec = { values: { language: ['go', 'python'] }, ranges: { tokens: { min: 1000 } }, search: ' Org1' };
    const b: FilterSpec = { search: 'org1', ranges: { tokens: { min: 1000 } }, values: { language: ['python', 'go', 'go'] } };
    expect(query.order([{ column: 'tokens', desc: true }], a)).toBe(query.order([{ column: 'tokens', desc: true }], b));
    expect(viewIds(query, [], a)).toEqual(expectedIds(t, [], a));
  });
});

describe('TableQuery column summaries', () => {
  it('count values, absent ones, numeric ranges and names like the naive reference', () => {
    fc.assert(
      fc.property(table, (t) => {
        const infos = new Map(new TableQuery(t).columns().map((c) => [c.id, c]));
        const all = naiveRows(t);
        expect([...infos.keys()].filter(isExtraColumn)).toEqual((t.extra ?? []).map((c) => extraColumnId(c.key)));
        for (const column of CATEGORY.filter((c) => infos.get(c)?.kind === 'category')) {
          const counted = new Map<string | null, number>();
          for (const r of all) {
            const v = (naiveValue(r, column) as string | undefined) ?? null;
            counted.set(v, (counted.get(v) ?? 0) + 1);
          }
          const info = infos.get(column);
          expect(new Map(info?.values?.map((v) => [v.value, v.count]))).toEqual(counted);
          expect(info?.present).toBe(all.length - (counted.get(null) ?? 0));
        }
        for (const column of NUMBER.filter((c) => infos.get(c)?.kind === 'number')) {
          const present = all.map((r) => naiveValue(r, column) as number | undefined).filter((v): v is number => v !== undefined);
          const info = infos.get(column);
          expect(info?.present).toBe(present.length);
          // + 0: the smallest of 0 and -0 may be either.
          expect(info?.min === undefined ? undefined : info.min + 0).toBe(present.length ? Math.min(...present) + 0 : undefined);
          expect(info?.max === undefined ? undefined : info.max + 0).toBe(present.length ? Math.max(...present) + 0 : undefined);
        }
        for (const column of ['tools', 'commands', 'patchExtensions'] as const) {
          const rowsWith = new Map<string, number>();
          let present = 0;
          for (const r of all) {
            const names = Object.entries(column === 'patchExtensions' ? r.f.patchExtensions : r.f.tools)
              .map(([name]) => name)
              .filter((name) => column === 'patchExtensions' || name.startsWith(COMMAND_PREFIX) === (column === 'commands'))
              .map((name) => (column === 'commands' ? name.slice(COMMAND_PREFIX.length) : name));
            if (names.length) present++;
            for (const name of names) rowsWith.set(name, (rowsWith.get(name) ?? 0) + 1);
          }
          expect(new Map(infos.get(column)?.values?.map((v) => [v.value, v.count]))).toEqual(rowsWith);
          expect(infos.get(column)?.present).toBe(present);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('list the most frequent values first, cut at MAX_VALUES for a column of many distinct values', () => {
    const t = syntheticTable(3000, 5);
    const infos = new TableQuery(t).columns();
    const language = infos.find((c) => c.id === 'language');
    const counts = language?.values?.filter((v) => v.value !== null).map((v) => v.count) ?? [];
    expect(counts.length).toBeGreaterThan(3);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(language?.values?.at(-1)?.value).toBeNull();

    const instance = infos.find((c) => c.id === 'instanceId');
    const perInstance = new Map<string, number>();
    for (const r of naiveRows(t)) perInstance.set(r.instanceId as string, (perInstance.get(r.instanceId as string) ?? 0) + 1);
    expect(instance?.distinct).toBe(perInstance.size);
    expect(perInstance.size).toBeGreaterThan(MAX_VALUES);
    expect(instance?.values).toHaveLength(MAX_VALUES);
    const listed = instance?.values ?? [];
    for (const v of listed) expect(v.count).toBe(perInstance.get(v.value as string));
    expect(listed.map((v) => v.count)).toEqual([...listed.map((v) => v.count)].sort((a, b) => b - a));
    const cut = listed.at(-1)?.count ?? 0;
    expect([...perInstance.values()].filter((c) => c > cut).length).toBeLessThanOrEqual(MAX_VALUES);
  });
});

describe('TableQuery errors', () => {
  const query = new TableQuery(syntheticTable(50, 2));
  const view = (patch: Partial<Parameters<TableQuery['view']>[0]>) => () => query.view({ sort: [], offset: 0, limit: 10, columns: [], ...patch });

  it('name the column, bound or window that is wrong', () => {
    expect(view({ sort: [{ column: 'nope' as ColumnId, desc: false }] })).toThrow(new QueryError('Cannot sort by "nope": no such column.'));
    expect(view({ sort: [{ column: 'tools', desc: false }] })).toThrow('Cannot sort by "tools": Top tools holds name → count lists, which have no order.');
    expect(view({ sort: [{ column: 'tokens', desc: false }, { column: 'tokens', desc: true }] })).toThrow('Cannot sort by "tokens" twice in one sort.');
    expect(view({ filter: { ranges: { tokens: { min: 10, max: 5 } } } })).toThrow('Filter on the range of "tokens": min 10 is above max 5.');
    expect(view({ filter: { ranges: { language: { min: 1 } } as FilterSpec['ranges'] } })).toThrow(/Filter on the range of "language": not a number column \(one of nMessages, /);
    expect(view({ filter: { values: { tokens: ['1'] } as FilterSpec['values'] } })).toThrow(/Filter on values of "tokens": not a string column/);
    expect(view({ filter: { values: { outcome: 'resolved' as unknown as string[] } } })).toThrow('Filter on values of "outcome": expected a list of values, got "resolved".');
    expect(view({ sort: [{ column: 'extra:nope', desc: false }] })).toThrow(new QueryError('Cannot sort by "extra:nope": this dataset has no raw column "nope".'));
    expect(view({ filter: { values: { 'extra:nope': ['x'] } } })).toThrow(new QueryError('Filter on values of "extra:nope": this dataset has no raw column "nope".'));
    expect(view({ filter: { ranges: { 'extra:license': { min: 1 } } } })).toThrow(new QueryError('Filter on the range of "extra:license": the dataset\'s column "license" is not a number column.'));
    expect(view({ filter: { values: { 'extra:score': ['1'] } } })).toThrow(new QueryError('Filter on values of "extra:score": the dataset\'s column "score" is not a string column.'));
    expect(view({ offset: -1 })).toThrow('A view window starts at a whole position ≥ 0, not -1.');
    expect(view({ limit: 1e9 })).toThrow('A view window holds 0 to 5000 rows, not 1000000000.');
  });
});

describe('TableQuery at 100k rows', () => {
  let t: FeatureTable;
  let query: TableQuery;
  let reference: NaiveRow[];
  beforeAll(() => {
    t = syntheticTable(100_000, 7);
    query = new TableQuery(t);
    reference = naiveRows(t);
  }, 60_000);

  const cases: [string, SortSpec, FilterSpec | undefined][] = [
    ['tokens descending', [{ column: 'tokens', desc: true }], undefined],
    ['resolved python/go in a token range, by language then churn', [{ column: 'language', desc: false }, { column: 'patchChurn', desc: true }], { values: { outcome: ['resolved'], language: ['python', 'go'] }, ranges: { tokens: { min: 5000, max: 80_000 } } }],
    ['a search with a patch, by instance', [{ column: 'instanceId', desc: false }], { search: 'org3__repo1', hasPatch: true }],
    ['estimated tokens with a duration, by duration then id descending', [{ column: 'durationSec', desc: false }, { column: 'id', desc: true }], { tokensExact: false, ranges: { durationSec: { min: 60 } } }],
    ['missing languages, by model and tool calls', [{ column: 'model', desc: true }, { column: 'toolCalls', desc: false }], { values: { language: [null] } }],
    ['raw columns: MIT and Apache scores in a range, by difficulty (numbers then text) and score descending', [{ column: 'extra:difficulty', desc: false }, { column: 'extra:score', desc: true }], { values: { 'extra:license': ['MIT', 'Apache-2.0'] }, ranges: { 'extra:score': { min: 10, max: 90 } } }],
    ['raw columns: rows without a reviewer, by metadata JSON', [{ column: 'extra:metadata', desc: false }], { values: { 'extra:reviewer': [null] } }],
  ];

  it.each(cases)('%s: the same rows in the same order as the reference', (_, s, f) => {
    expect(t.n).toBe(100_000);
    const expected = naiveSort(naiveFilter(reference, f), s).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(100);
    const order = query.order(s, f);
    expect(Array.from(order, (i) => t.ids[i])).toEqual(expected);
    const last = expected.length - 1;
    expect(query.positionOf(expected[last] as string, s, f)).toBe(last);
  }, 60_000);
});
