import { describe, expect, it } from 'vitest';
import { globMatcher } from './glob';

describe('globMatcher (HF data_files semantics)', () => {
  it.each([
    ['data/train-*', 'data/train-00000-of-00002.parquet', true],
    ['data/train-*', 'data/sub/train-0.parquet', false],
    ['data/openhands/minimax_m25/*', 'data/openhands/minimax_m25/train-00000-of-00002.parquet', true],
    ['**/*.jsonl', 'a.jsonl', true],
    ['**/*.jsonl', 'x/y/z/a.jsonl', true],
    ['data/**', 'data/a/b/c.parquet', true],
    ['data/**/train.json', 'data/train.json', true],
    ['data/**/train.json', 'data/x/y/train.json', true],
    ['*.parquet', 'sub/a.parquet', false],
    ['data/part-?.jsonl', 'data/part-1.jsonl', true],
    ['data/part-?.jsonl', 'data/part-10.jsonl', false],
    ['data/[a-c]*.json', 'data/b1.json', true],
    ['data/[!a-c]*.json', 'data/b1.json', false],
    ['data/[!a-c]*.json', 'data/d1.json', true],
    ['data/x+y (1).json', 'data/x+y (1).json', true],
    ['data/[unclosed', 'data/[unclosed', true],
    ['**', '.hidden/a.jsonl', false],
    ['.hidden/*', '.hidden/a.jsonl', true],
  ])('%s ~ %s: %s', (pattern, path, expected) => expect(globMatcher(pattern)(path)).toBe(expected));
});
