import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalOutput, expectedPath, GOLDEN_DIR, goldenInputs } from './canonicalOutput';

/** Each golden input's canonical output must match the reviewed expectation beside it (`npm run golden` rewrites them). */
describe('golden fixtures', () => {
  it.each(goldenInputs())('%s', async (input) => {
    const expected = JSON.parse(readFileSync(expectedPath(input), 'utf8')) as unknown;
    const actual = JSON.parse(JSON.stringify(await canonicalOutput(path.join(GOLDEN_DIR, input)))) as unknown;
    expect(actual).toEqual(expected);
  });
});
