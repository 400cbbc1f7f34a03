/** Unified-diff statistics, with the notebook's exact definitions (DESIGN.md §4). */

export interface PatchFile {
  path: string;
  /** Last `.` part of the basename, lowercased; '' when the name has no extension. */
  ext: string;
  add: number;
  del: number;
}

export interface PatchStats {
  files: PatchFile[];
  add: number;
  del: number;
}

const DIFF_GIT = /^diff --git a\/(.*?) b\/(.*)$/;

export function parsePatch(patch: string | undefined): PatchStats {
  const stats: PatchStats = { files: [], add: 0, del: 0 };
  if (!patch) return stats;
  let current: PatchFile | undefined;
  for (const line of patch.split('\n')) {
    const header = DIFF_GIT.exec(line.replace(/\r$/, ''));
    if (header) {
      current = { path: header[1] ?? '', ext: extensionOf(header[1] ?? ''), add: 0, del: 0 };
      stats.files.push(current);
    } else if (line.startsWith('+') && !line.startsWith('+++')) {
      stats.add++;
      if (current) current.add++;
    } else if (line.startsWith('-') && !line.startsWith('---')) {
      stats.del++;
      if (current) current.del++;
    }
  }
  return stats;
}

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function extensionCounts(files: PatchFile[]): Record<string, number> {
  // No prototype: a `.__proto__` file in a patch is counted like any other extension.
  const counts: Record<string, number> = Object.create(null);
  for (const f of files) counts[f.ext] = (counts[f.ext] ?? 0) + 1;
  return counts;
}
