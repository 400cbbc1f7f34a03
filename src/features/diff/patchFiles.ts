import { parsePatch } from '../../core/patch';

/** One file of a patch: its slice of the text and the core's +/- counts for it. */
export interface PatchFileText {
  /** Path after `b/` (the new name), or after `a/` for a deleted file. */
  path: string;
  text: string;
  add: number;
  del: number;
}

export interface SplitPatch {
  files: PatchFileText[];
  /** Text before the first file (a commit message, a harness's note); shown as is. */
  preamble: string;
  /** The whole patch's counts, by the core's definitions (src/core/patch.ts): the numbers tables and filters use. */
  add: number;
  del: number;
}

const DIFF_GIT = /^diff --git /;
const OLD = /^--- (?:a\/)?(.*?)(?:\t.*)?$/;
const NEW = /^\+\+\+ (?:b\/)?(.*?)(?:\t.*)?$/;

/**
 * Inserts `diff --git a/X b/Y` before each `--- X` / `+++ Y` pair that lacks one (plain `diff -u`
 * output, hand-made patches), so every file parses as its own git diff. Hunk lines are skipped by
 * their counts, so a removed `-- x` / added `++ y` pair inside a hunk is never taken for a header.
 */
export function withGitHeaders(patch: string): string {
  const lines = patch.split('\n');
  const out: string[] = [];
  let inHeader = false;
  let hunk = { old: 0, new: 0 };
  lines.forEach((line, i) => {
    if (hunk.old > 0 || hunk.new > 0) {
      hunk = consume(hunk, line);
      out.push(line);
      return;
    }
    if (DIFF_GIT.test(line)) inHeader = true;
    else if (line.startsWith('@@')) {
      inHeader = false;
      hunk = hunkCounts(line);
    }
    const next = lines[i + 1] ?? '';
    if (!inHeader && OLD.test(line) && NEW.test(next)) {
      const oldPath = OLD.exec(line)?.[1] ?? '';
      const newPath = NEW.exec(next)?.[1] ?? '';
      const a = oldPath === '/dev/null' ? newPath : oldPath;
      const b = newPath === '/dev/null' ? oldPath : newPath;
      out.push(`diff --git a/${a} b/${b}`);
      inHeader = true;
    }
    out.push(line);
  });
  return out.join('\n');
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

/** Lines a hunk spans on each side; a header we cannot read spans none. */
function hunkCounts(header: string): { old: number; new: number } {
  const m = HUNK.exec(header);
  return m ? { old: Number(m[1] ?? 1), new: Number(m[2] ?? 1) } : { old: 0, new: 0 };
}

function consume(left: { old: number; new: number }, line: string): { old: number; new: number } {
  if (line.startsWith('-')) return { old: left.old - 1, new: left.new };
  if (line.startsWith('+')) return { old: left.old, new: left.new - 1 };
  if (line.startsWith('\\')) return left;
  return { old: left.old - 1, new: left.new - 1 };
}

/** The patch cut into files at each `diff --git` line, with the core's counts per file and in total. */
export function splitPatch(patch: string): SplitPatch {
  const total = parsePatch(patch);
  const normalized = withGitHeaders(patch);
  const lines = normalized.split('\n');
  const starts = lines.flatMap((l, i) => (DIFF_GIT.test(l) ? [i] : []));
  const preamble = lines.slice(0, starts[0] ?? lines.length).join('\n');
  const files = starts.map((start, k) => {
    const text = lines.slice(start, starts[k + 1] ?? lines.length).join('\n');
    const stats = parsePatch(text);
    return { path: pathOf(text, stats.files[0]?.path ?? ''), text: text.endsWith('\n') ? text : `${text}\n`, add: stats.add, del: stats.del };
  });
  return { files, preamble, add: total.add, del: total.del };
}

/** The new path for renames and added files, the old one for deletions. */
function pathOf(text: string, fallback: string): string {
  const next = /^\+\+\+ (?:b\/)?(.*?)(?:\t.*)?$/m.exec(text)?.[1];
  if (next && next !== '/dev/null') return next;
  const header = /^diff --git a\/.*? b\/(.*)$/m.exec(text)?.[1];
  return header ?? fallback;
}
