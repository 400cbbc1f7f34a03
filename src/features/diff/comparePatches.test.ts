import { describe, expect, it } from 'vitest';
import { comparePatches } from './comparePatches';

const file = (path: string, body: string, index = '1111111..2222222') => `diff --git a/${path} b/${path}\nindex ${index} 100644\n--- a/${path}\n+++ b/${path}\n${body}`;

describe('comparePatches', () => {
  it('tells shared, one-sided, same and differing files apart', () => {
    const a = file('x.py', '@@ -1,2 +1,2 @@\n a\n-b\n+c\n') + file('only-a.py', '@@ -1 +1 @@\n-x\n+y\n');
    const b = file('x.py', '@@ -10,2 +10,2 @@\n other context\n-b\n+c\n', '3333333..4444444') + file('only-b.py', '@@ -1 +1 @@\n-p\n+q\n');
    const cmp = comparePatches(a, b);
    expect(cmp.files.map((f) => [f.path, !!f.a, !!f.b, f.same])).toEqual([
      ['only-a.py', true, false, false],
      ['only-b.py', false, true, false],
      ['x.py', true, true, true],
    ]);
    expect(cmp).toMatchObject({ onlyA: 1, onlyB: 1, both: 1, same: 1 });
  });

  it('sees a different change to the same file', () => {
    const cmp = comparePatches(file('x.py', '@@ -1 +1 @@\n-b\n+c\n'), file('x.py', '@@ -1 +1 @@\n-b\n+d\n'));
    expect(cmp.files[0]).toEqual({ path: 'x.py', a: { add: 1, del: 1 }, b: { add: 1, del: 1 }, same: false });
  });

  it('handles a missing patch on either side', () => {
    expect(comparePatches(undefined, file('x.py', '@@ -1 +1 @@\n-b\n+c\n'))).toMatchObject({ onlyA: 0, onlyB: 1, both: 0 });
    expect(comparePatches(undefined, undefined).files).toEqual([]);
  });
});
