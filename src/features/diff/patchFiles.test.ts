import { describe, expect, it } from 'vitest';
import { parsePatch } from '../../core/patch';
import { goldenInputs } from '../../../tests/canonicalOutput';
import { goldenTrajectories } from '../../../tests/goldenTrajectories';
import { splitPatch, withGitHeaders } from './patchFiles';

const PLAIN = '--- a/src/x.py\n+++ b/src/x.py\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+hi\n';

describe('withGitHeaders', () => {
  it('adds a diff --git header to each file that lacks one', () => {
    expect(withGitHeaders(PLAIN).split('\n').filter((l) => l.startsWith('diff --git'))).toEqual(['diff --git a/src/x.py b/src/x.py', 'diff --git a/new.txt b/new.txt']);
  });

  it('leaves git diffs as they are, removed lines that look like headers included', () => {
    const git = 'diff --git a/a b/a\nindex 1..2 100644\n--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n--- a/looks like a header\n+++ b/and so does this\n';
    expect(withGitHeaders(git)).toBe(git);
  });
});

describe('splitPatch', () => {
  it('gives each file the core’s counts, and totals equal to the core’s', () => {
    const split = splitPatch(PLAIN);
    expect(split.files.map((f) => [f.path, f.add, f.del])).toEqual([
      ['src/x.py', 1, 1],
      ['new.txt', 1, 0],
    ]);
    expect([split.add, split.del]).toEqual([parsePatch(PLAIN).add, parsePatch(PLAIN).del]);
  });

  it('keeps text before the first file as the preamble', () => {
    const split = splitPatch(`Fix the bug\n\n+ not a change\n${PLAIN}`);
    expect(split.preamble).toBe('Fix the bug\n\n+ not a change');
    expect(split.add).toBe(3);
  });

  it('agrees with the core on every golden patch, file by file', async () => {
    let checked = 0;
    for (const input of goldenInputs()) {
      for (const { trajectory, features } of await goldenTrajectories(input)) {
        for (const patch of [trajectory.patch, trajectory.referencePatch]) {
          if (!patch) continue;
          const core = parsePatch(patch);
          const split = splitPatch(patch);
          expect(split.files.map((f) => [f.path, f.add, f.del]), input).toEqual(core.files.map((f) => [f.path, f.add, f.del]));
          expect([split.add, split.del]).toEqual([core.add, core.del]);
          checked++;
        }
        if (trajectory.patch) expect([features.patchAdd, features.patchDel]).toEqual([splitPatch(trajectory.patch).add, splitPatch(trajectory.patch).del]);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('returns no files for text without file headers', () => {
    expect(splitPatch('just words\n+plus').files).toEqual([]);
    expect(splitPatch('').files).toEqual([]);
  });
});
