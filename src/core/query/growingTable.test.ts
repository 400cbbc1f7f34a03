import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatChunks, encodeFeatures } from '../featureColumns';
import { GrowingTable } from './growingTable';
import { syntheticRows } from './testData';

describe('GrowingTable', () => {
  it('appends chunk after chunk to exactly what concatChunks gives', () => {
    const rows = syntheticRows(400, 9);
    fc.assert(
      fc.property(fc.nat({ max: 120 }), fc.array(fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (start, appends) => {
        let from = start;
        const initial = encodeFeatures(rows.slice(0, start));
        const growing = new GrowingTable(initial);
        let expected = initial;
        for (const sizes of appends) {
          const chunks = sizes.map((size) => encodeFeatures(rows.slice(from, (from += size))));
          expected = concatChunks([expected, ...chunks]);
          const table = growing.append(chunks);
          expect(table).toEqual(expected);
        }
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('leaves the table it took over as it was', () => {
    const rows = syntheticRows(300, 2);
    const table = encodeFeatures(rows.slice(0, 200));
    const before = structuredClone(table);
    new GrowingTable(table).append([encodeFeatures(rows.slice(200))]);
    expect(table).toEqual(before);
  });
});
