/** Features for fast-check properties, built from the value arbitraries each test wants. */
import fc from 'fast-check';
import type { Features } from '../src/core/types';

export interface FeatureValues {
  num: fc.Arbitrary<number>;
  label: fc.Arbitrary<string | undefined>;
  counts: fc.Arbitrary<Record<string, number>>;
  /** Default: `num`. */
  patchFiles?: fc.Arbitrary<number>;
  /** Default: `num`. */
  patchChurn?: fc.Arbitrary<number>;
}

export function featuresArbitrary({ num, label, counts, patchFiles = num, patchChurn = num }: FeatureValues): fc.Arbitrary<Features> {
  const optional = fc.option(num, { nil: undefined });
  return fc
    .record({
      nMessages: num,
      nSystem: num,
      nUser: num,
      nAssistant: num,
      nTool: num,
      tokens: num,
      tokensExact: fc.boolean(),
      tokensByRole: fc.record({ system: num, user: num, assistant: num, tool: num }, { noNullPrototype: true }),
      patchFiles,
      patchAdd: num,
      patchDel: num,
      patchChurn,
      patchExtensions: counts,
      tools: counts,
      outcome: fc.constantFrom('resolved', 'unresolved', 'ungraded'),
      language: label,
      repo: label,
      agent: label,
      model: label,
      exitStatus: label,
      category: label,
      durationSec: optional,
      promptTokens: optional,
      completionTokens: optional,
    })
    .map(dropUndefined);
}

/** Features never hold `key: undefined`; an absent value is an absent key. */
export function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
