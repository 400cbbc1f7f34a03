// Regenerates fixtures/golden: the small inputs from the fixture generator, then the expected
// canonical output beside each. Review the diff before committing: it is the contract.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeGoldenInputs } from './fixtures/golden';
import { canonicalOutput, expectedPath, GOLDEN_DIR, goldenInputs } from '../tests/canonicalOutput';

await writeGoldenInputs(GOLDEN_DIR);
for (const input of goldenInputs()) {
  const output = await canonicalOutput(path.join(GOLDEN_DIR, input));
  writeFileSync(expectedPath(input), `${JSON.stringify(output, null, 2)}\n`);
  console.log(`${input}: ${output.format}, ${output.rows.length} rows, ${output.errors.length} errors`);
}
