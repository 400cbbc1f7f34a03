import { describe, expect, it } from 'vitest';
import { miniDiff } from './miniDiff';

const show = (before: string, after: string) => miniDiff(before, after).map((l) => `${{ same: ' ', del: '-', add: '+' }[l.type]}${l.text}`);

describe('miniDiff', () => {
  it('shows an edit as context, removals, then additions', () => {
    expect(show('a\nb\nc', 'a\nB\nc')).toEqual([' a', '-b', '+B', ' c']);
    expect(show('x = 1', 'x = 1\ny = 2')).toEqual([' x = 1', '+y = 2']);
    expect(show('a\nb\nc\nd', 'a\nd')).toEqual([' a', '-b', '-c', ' d']);
    expect(show('', 'x\ny')).toEqual(['+x', '+y']);
    expect(show('gone', '')).toEqual(['-gone']);
  });

  it('keeps common lines inside the changed region', () => {
    expect(show('1\n2\nkeep\n3', 'one\nkeep\ntwo')).toEqual(['-1', '-2', '+one', ' keep', '-3', '+two']);
  });

  it('degrades to remove-all / add-all for huge edits', () => {
    const a = Array.from({ length: 1000 }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: 1000 }, (_, i) => `b${i}`).join('\n');
    const lines = miniDiff(a, b);
    expect(lines.filter((l) => l.type === 'del')).toHaveLength(1000);
    expect(lines.filter((l) => l.type === 'add')).toHaveLength(1000);
  });
});
