import { describe, expect, it } from 'vitest';
import { parseFile } from './parseFile';

describe('parseFile', () => {
  it('parses a git file diff', () => {
    const parsed = parseFile('diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
    expect(parsed.ok && parsed.file.hunks[0]?.changes.length).toBe(3);
  });

  it('reports malformed hunks instead of throwing', () => {
    for (const text of ['diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -a,b +c @@\n a\n', 'diff --git a/x b/x\n@@ nonsense\n+++\n']) {
      const parsed = parseFile(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.error).not.toBe('');
    }
  });
});
