import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFeatures } from './features';
import {
  chunkByteSize,
  concatChunks,
  encodeFeatures,
  featuresAt,
  pendingTokenRows,
  setExactTokens,
  sparseAt,
  stringAt,
  transferList,
  type FeatureRowInput,
} from './featureColumns';
import { dropUndefined, featuresArbitrary } from '../../tests/featuresArbitrary';
import type { Trajectory } from './types';

const count = fc.nat({ max: 0xffff_ffff });
const value = fc.oneof(fc.double({ noNaN: true }), fc.nat());
const name = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('bash', 'bash:grep', '__proto__', 'constructor', 'py', ''));
const counts = fc.dictionary(name, count, { maxKeys: 6, noNullPrototype: true });
const label = fc.option(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('python', 'go', '')), { nil: undefined });

const features = featuresArbitrary({ num: value, label, counts });

const rowInput = fc.record({ id: fc.string(), row: count, instanceId: label, features }).map(dropUndefined);
const rowInputs = fc.array(rowInput, { maxLength: 20 });


function roundTrip(rows: FeatureRowInput[], chunk = encodeFeatures(rows)) {
  return rows.map((_, i) => ({ id: chunk.ids[i], row: chunk.rows[i], instanceId: stringAt(chunk.str.instanceId, i), features: featuresAt(chunk, i) }));
}

describe('feature columns', () => {
  it('round-trip any batch of features exactly', () => {
    fc.assert(
      fc.property(rowInputs, (rows) => {
        expect(roundTrip(rows).map(dropUndefined)).toStrictEqual(rows);
      }),
    );
  });

  it('survive structured cloning unchanged', () => {
    fc.assert(
      fc.property(rowInputs, (rows) => {
        expect(roundTrip(rows, structuredClone(encodeFeatures(rows))).map(dropUndefined)).toStrictEqual(rows);
      }),
      { numRuns: 30 },
    );
  });

  it('concatenate chunks into one table whose rows equal the chunks rows, dictionaries merged', () => {
    fc.assert(
      fc.property(fc.array(rowInputs, { maxLength: 6 }), (batches) => {
        const table = concatChunks(batches.map(encodeFeatures));
        const all = batches.flat();
        expect(table.n).toBe(all.length);
        expect(roundTrip(all, table).map(dropUndefined)).toStrictEqual(all);
        for (const column of [...Object.values(table.str), table.tools, table.patchExtensions]) {
          expect(new Set(column.dict).size).toBe(column.dict.length);
        }
      }),
    );
  });

  it('keep a missing string apart from an empty one, and a missing number apart from zero', () => {
    const base = computeFeatures(trajectory(), { exactTokens: false });
    const chunk = encodeFeatures([
      { id: 'a', row: 0, features: { ...base, language: '', durationSec: 0 } },
      { id: 'b', row: 1, features: base },
    ]);
    expect(stringAt(chunk.str.language, 0)).toBe('');
    expect(stringAt(chunk.str.language, 1)).toBeUndefined();
    expect(chunk.num.durationSec[0]).toBe(0);
    expect(chunk.num.durationSec[1]).toBeNaN();
    expect(featuresAt(chunk, 1)).not.toHaveProperty('durationSec');
  });

  it('store a "__proto__" extension from an untrusted patch as data', () => {
    const f = { ...computeFeatures(trajectory(), { exactTokens: false }), patchExtensions: JSON.parse('{"__proto__": 2, "py": 1}') as Record<string, number> };
    const back = sparseAt(encodeFeatures([{ id: 'a', row: 0, features: f }]).patchExtensions, 0);
    expect(Object.keys(back)).toEqual(['__proto__', 'py']);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });

  it('replace a len/4 estimate with exact counts in place', () => {
    const t = trajectory();
    const estimate = computeFeatures(t, { exactTokens: false });
    const exact = computeFeatures(t);
    const chunk = encodeFeatures([{ id: 'x', row: 7, features: estimate }, { id: 'y', row: 8, features: exact }]);
    expect(pendingTokenRows(chunk)).toEqual([0]);
    setExactTokens(chunk, 0, { total: exact.tokens, byRole: exact.tokensByRole, perMessage: [] });
    expect(featuresAt(chunk, 0)).toEqual(exact);
    expect(pendingTokenRows(chunk)).toEqual([]);
  });

  it('reject counts and row indices a Uint32 column cannot hold, naming the row', () => {
    const f = computeFeatures(trajectory(), { exactTokens: false });
    expect(() => encodeFeatures([{ id: 'ds/f#3', row: 3, features: { ...f, tools: { bash: 1.5 } } }])).toThrow('row ds/f#3: tool count for "bash" is 1.5');
    expect(() => encodeFeatures([{ id: 'ds/f#3', row: -1, features: f }])).toThrow('row ds/f#3: row index is -1');
    expect(() => featuresAt(encodeFeatures([]), 0)).toThrow('row 0 is outside this feature chunk of 0 rows');
  });

  it('lists each buffer once for transfer and sizes a chunk by its buffers and strings', () => {
    const f = computeFeatures(trajectory(), { exactTokens: false });
    const chunk = encodeFeatures([{ id: 'abc', row: 0, features: f }]);
    const buffers = transferList(chunk);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers.length).toBe(2 + 13 + 8 + 4 + 6);
    const bytes = buffers.reduce((sum, b) => sum + b.byteLength, 0);
    expect(chunkByteSize(chunk)).toBeGreaterThan(bytes);
  });

  it('concatenate nothing into an empty table', () => {
    const table = concatChunks([]);
    expect(table.n).toBe(0);
    expect(table.tools.rowPtr).toEqual(new Uint32Array(1));
  });
});

function trajectory(): Trajectory {
  return {
    id: 'local/f.jsonl#0',
    outcome: 'resolved',
    messages: [
      { role: 'system', content: 'You are a helpful agent.' },
      { role: 'user', content: 'Fix the bug in parser.py' },
      { role: 'assistant', content: 'THOUGHT: look\n\n```bash\ngrep -n parse parser.py\n```' },
    ],
    patch: 'diff --git a/parser.py b/parser.py\n+x\n-y\n',
    extra: {},
    format: 'generic-chat',
    warnings: [],
  };
}
