import { describe, expect, it } from 'vitest';
import { lineAt, previewOf, splitLines } from './displayLines';

const texts = (text: string, max: number) => {
  const lines = splitLines(text, max);
  return lines.starts.map((s, i) => text.slice(s, lines.ends[i]));
};

describe('display lines', () => {
  it('splits on newlines and cuts long lines into pieces', () => {
    expect(texts('ab\n\ncdefg\n', 3)).toEqual(['ab', '', 'cde', 'fg']);
    expect(texts('', 3)).toEqual(['']);
    expect(texts('abcdef', 3)).toEqual(['abc', 'def']);
  });

  it('stops at a limit and says whether the text was complete', () => {
    expect(splitLines('a\nb\nc', 10, 2)).toMatchObject({ starts: [0, 2], complete: false });
    expect(splitLines('a\nb', 10, 2)).toMatchObject({ starts: [0, 2], complete: true });
  });

  it('finds the line of an offset', () => {
    const lines = splitLines('ab\ncd\nef', 10);
    expect([0, 1, 2, 3, 5, 7].map((o) => lineAt(lines, o))).toEqual([0, 0, 0, 1, 1, 2]);
  });

  it('splits a 10 MB single line without building big strings', () => {
    const lines = splitLines('x'.repeat(10_000_000), 2000);
    expect(lines.starts).toHaveLength(5000);
    expect(lines.ends[4999]).toBe(10_000_000);
  });

  it('previews a few lines and says when there is more', () => {
    expect(previewOf('a\nb\nc\nd', 2, 1000, 100)).toEqual({ end: 3, lines: 2, truncated: true });
    expect(previewOf('a\nb\n', 2, 1000, 100)).toEqual({ end: 3, lines: 2, truncated: false });
    expect(previewOf(`${'x'.repeat(50)}\n${'y'.repeat(50)}`, 10, 60, 100)).toEqual({ end: 50, lines: 1, truncated: true });
  });
});
