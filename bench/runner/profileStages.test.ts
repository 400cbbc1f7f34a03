import { describe, expect, it } from 'vitest';
import { moduleAt, moduleMarkers, repoPath, stageOf, summarizeProfile, type CpuProfile } from './profileStages';

describe('profile stages', () => {
  it('finds the module of each bundle line from the unminified build\'s markers', () => {
    const bundle = ['// ../../main/node_modules/comlink/dist/esm/comlink.mjs', 'const a = 1;', '// src/core/tokens.ts', 'function countTokens() {}', '', '// workers/tokens/tokens.worker.ts', 'expose();'].join('\n');
    const markers = moduleMarkers(bundle);
    expect(markers).toEqual([
      [0, 'node_modules/comlink/dist/esm/comlink.mjs'],
      [2, 'src/core/tokens.ts'],
      [5, 'workers/tokens/tokens.worker.ts'],
    ]);
    expect(moduleAt(markers, 1)).toBe('node_modules/comlink/dist/esm/comlink.mjs');
    expect(moduleAt(markers, 4)).toBe('src/core/tokens.ts');
    expect(moduleAt(markers, 99)).toBe('workers/tokens/tokens.worker.ts');
    expect(moduleAt([[3, 'x.ts']], 0)).toBe('');
  });

  it('names stages after the source path', () => {
    expect(stageOf(repoPath('../../main/node_modules/gpt-tokenizer/esm/BytePairEncodingCore.js'))).toBe('tokenizer (gpt-tokenizer)');
    expect(stageOf('node_modules/hyparquet-compressors/src/zstd.js')).toBe('parquet decode (hyparquet)');
    expect(stageOf('src/core/decode/parquet.ts')).toBe('decode glue (src/core/decode)');
    expect(stageOf('src/core/formats/openai.ts')).toBe('normalize + features (src/core)');
    expect(stageOf('workers/store/commit.ts')).toBe('store (workers/store, idb)');
    expect(stageOf('')).toBe('builtins (no source)');
  });

  it('sums self time per stage and per function from the samples', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
        { id: 2, callFrame: { functionName: 'bytePairEncode', url: 'http://x/assets/tokens.js', lineNumber: 10 } },
        { id: 3, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
        { id: 4, callFrame: { functionName: 'countTokens', url: 'http://x/assets/tokens.js', lineNumber: 50 } },
      ],
      samples: [2, 2, 3, 4, 1, 2],
      timeDeltas: [1000, 1000, 500, 500, 9000, 1000],
    };
    const sourceOf = (_url: string, line: number) => (line < 40 ? 'node_modules/gpt-tokenizer/esm/BytePairEncodingCore.js' : 'src/core/tokens.ts');
    const s = summarizeProfile(profile, sourceOf);
    expect(s.totalMs).toBe(4);
    expect(s.stages).toEqual([
      { stage: 'tokenizer (gpt-tokenizer)', ms: 3, share: 0.75 },
      { stage: 'garbage collection', ms: 0.5, share: 0.125 },
      { stage: 'token counting glue (src/core/tokens, workers/tokens)', ms: 0.5, share: 0.125 },
    ]);
    expect(s.top[0]).toEqual({ fn: 'bytePairEncode', source: 'node_modules/gpt-tokenizer/esm/BytePairEncodingCore.js', ms: 3 });
  });
});
