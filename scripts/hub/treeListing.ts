import { createHash } from 'node:crypto';
import type { RepoFile, Snapshot } from './repoStore';

/** An entry of `GET /api/datasets/<id>/tree/<rev>`, shaped like the Hub's. */
export interface TreeEntry {
  type: 'file' | 'directory';
  oid: string;
  size: number;
  path: string;
  lfs?: { oid: string; size: number; pointerSize: number };
  lastCommit?: { id: string; title: string; date: string };
}

interface Dir {
  files: RepoFile[];
  dirs: Map<string, Dir>;
}

/**
 * The entries under `dir` ('' for the root) in git order, a folder's own entry before its
 * contents; only direct children unless `recursive`. A file path lists that file alone;
 * undefined when the path does not exist.
 */
export function treeEntries(snapshot: Snapshot, dir: string, recursive: boolean): TreeEntry[] | undefined {
  const file = snapshot.files.find((f) => f.path === dir);
  if (file) return [fileEntry(file)];
  const root = buildTree(snapshot.files);
  const start = dir === '' ? root : findDir(root, dir.split('/'));
  if (!start) return undefined;
  const out: TreeEntry[] = [];
  list(start, dir, recursive, out);
  return out;
}

export function withLastCommit(entry: TreeEntry, snapshot: Snapshot): TreeEntry {
  return { ...entry, lastCommit: { id: snapshot.sha, title: `Snapshot of ${snapshot.revision}`, date: snapshot.lastModified.toISOString() } };
}

function list(dir: Dir, prefix: string, recursive: boolean, out: TreeEntry[]): void {
  const names = [...dir.dirs.keys(), ...dir.files.map((f) => baseName(f.path))].sort();
  for (const name of names) {
    const sub = dir.dirs.get(name);
    const p = prefix ? `${prefix}/${name}` : name;
    if (!sub) {
      out.push(fileEntry(dir.files.find((f) => baseName(f.path) === name) as RepoFile));
      continue;
    }
    out.push({ type: 'directory', oid: treeId(sub), size: 0, path: p });
    if (recursive) list(sub, p, recursive, out);
  }
}

function fileEntry(f: RepoFile): TreeEntry {
  const { oid, size, lfs } = f.facts;
  return lfs ? { type: 'file', oid, size, path: f.path, lfs } : { type: 'file', oid, size, path: f.path };
}

function buildTree(files: RepoFile[]): Dir {
  const root: Dir = { files: [], dirs: new Map() };
  for (const f of files) {
    const parts = f.path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      let next = dir.dirs.get(part);
      if (!next) dir.dirs.set(part, (next = { files: [], dirs: new Map() }));
      dir = next;
    }
    dir.files.push(f);
  }
  return root;
}

function findDir(root: Dir, parts: string[]): Dir | undefined {
  let dir: Dir | undefined = root;
  for (const part of parts) dir = dir?.dirs.get(part);
  return dir;
}

/** A stand-in for git's tree id: a hash of the folder's whole content. */
function treeId(dir: Dir): string {
  const hash = createHash('sha1');
  for (const f of dir.files) hash.update(`${f.path}\0${f.facts.oid}\n`);
  for (const [name, sub] of dir.dirs) hash.update(`${name}/\0${treeId(sub)}\n`);
  return hash.digest('hex');
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
