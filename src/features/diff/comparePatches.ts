import { splitPatch } from './patchFiles';

export interface FileComparison {
  path: string;
  /** Counts in each patch; undefined when the file is not in that patch. */
  a?: { add: number; del: number };
  b?: { add: number; del: number };
  /** Both patches make the same change to the file: the same added and removed lines, in order (context and line numbers aside). */
  same: boolean;
}

export interface PatchComparison {
  files: FileComparison[];
  onlyA: number;
  onlyB: number;
  both: number;
  /** Files both patches change in the same way. */
  same: number;
}

/** The changed lines of one file's diff: what "the same change" compares. */
function changedLines(text: string): string {
  return text
    .split('\n')
    .filter((l) => (l.startsWith('+') && !l.startsWith('+++')) || (l.startsWith('-') && !l.startsWith('---')))
    .join('\n');
}

/**
 * File by file, how two patches (a model's and the reference, or two rollouts' of one task)
 * relate: files only one of them touches, and whether the shared ones change the same lines.
 */
export function comparePatches(a: string | undefined, b: string | undefined): PatchComparison {
  const filesA = new Map(splitPatch(a ?? '').files.map((f) => [f.path, f]));
  const filesB = new Map(splitPatch(b ?? '').files.map((f) => [f.path, f]));
  const paths = [...new Set([...filesA.keys(), ...filesB.keys()])].sort();
  const files = paths.map((path): FileComparison => {
    const fa = filesA.get(path);
    const fb = filesB.get(path);
    const entry: FileComparison = { path, same: !!fa && !!fb && changedLines(fa.text) === changedLines(fb.text) };
    if (fa) entry.a = { add: fa.add, del: fa.del };
    if (fb) entry.b = { add: fb.add, del: fb.del };
    return entry;
  });
  return {
    files,
    onlyA: files.filter((f) => f.a && !f.b).length,
    onlyB: files.filter((f) => f.b && !f.a).length,
    both: files.filter((f) => f.a && f.b).length,
    same: files.filter((f) => f.same).length,
  };
}
