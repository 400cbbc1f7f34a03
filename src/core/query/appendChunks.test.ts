import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatChunks, encodeFeatures } from '../featureColumns';
import { appendChunks, indexDictionaries } from './appendChunks';
import { syntheticRows } from './testData';

describe('appendChunks', () => {
  it('gives exactly what concatChunks gives, and keeps its index right for the next append', () => {
    const rows = syntheticRows(500, 9);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 6 }), fc.nat({ max: 140 }), (sizes, start) => {
        const cuts = sizes.reduce<number[]>((acc, s) => [...acc, (acc.at(-1) ?? start) + s], []);
        const chunks = cuts.map((end, i) => encodeFeatures(rows.slice(i === 0 ? start : (cuts[i - 1] as number), end)));
        let table = encodeFeatures(rows.slice(0, start));
        const index = indexDictionaries(table);
        let expected = table;
        for (let k = 0; k < chunks.length; k += 2) {
          const batch = chunks.slice(k, k + 2);
          table = appendChunks(table, batch, index);
          expected = concatChunks([expected, ...batch]);
          expect(table).toEqual(expected);
        }
        expect(index).toEqual(indexDictionaries(table));
      }),
      { numRuns: 30 },
    );
  }, 30_000);

  it('leaves the table it appends to as it was', () => {
    const rows = syntheticRows(300, 2);
    const table = encodeFeatures(rows.slice(0, 200));
    const before = structuredClone(table);
    appendChunks(table, [encodeFeatures(rows.slice(200))], indexDictionaries(table));
    expect(table).toEqual(before);
  });
});
