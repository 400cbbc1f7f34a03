import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { FileFactsCache, type FileFacts } from './fileFacts';

/**
 * A folder of dataset repositories as the fake Hub serves them:
 *   <root>/<owner>/<name>/...                 the `main` revision
 *   <root>/<owner>/<name>@<rev, / as ~>/...   any other revision (`refs/convert/parquet` → `@refs~convert~parquet`)
 *   <root>/<owner>/<name>/.gated              tokens (one a line) that may download the files
 *   <root>/<owner>/<name>/.private            tokens that may see the repository at all
 * Dotfiles and dot-folders are never listed or served.
 */
export interface Repo {
  /** owner/name */
  id: string;
  owner: string;
  dir: string;
  /** Tokens granted access; null when the repository is not gated / not private. */
  gated: ReadonlySet<string> | null;
  private: ReadonlySet<string> | null;
}

export interface RepoFile {
  /** Path inside the repository, with forward slashes. */
  path: string;
  abs: string;
  facts: FileFacts;
}

/** One revision as it is on disk now. */
export interface Snapshot {
  /** Branch name (`main`, `refs/convert/parquet`). */
  revision: string;
  /** Commit id: a sha1 of every path and blob id, so equal content means an equal commit. */
  sha: string;
  files: RepoFile[];
  lastModified: Date;
}

const REVISION_MARK = '@';
const SHA = /^[0-9a-f]{40}$/;

export class RepoStore {
  private readonly facts = new FileFactsCache();

  constructor(readonly root: string) {}

  async repo(owner: string, name: string): Promise<Repo | undefined> {
    if (!isPlainName(owner) || !isPlainName(name) || name.includes(REVISION_MARK)) return undefined;
    const dir = path.join(this.root, owner, name);
    if (!(await isDirectory(dir))) return undefined;
    return { id: `${owner}/${name}`, owner, dir, gated: await tokenFile(dir, '.gated'), private: await tokenFile(dir, '.private') };
  }

  /** Branch names and their folders, `main` first. */
  async branches(repo: Repo): Promise<Array<{ revision: string; dir: string }>> {
    const ownerDir = path.dirname(repo.dir);
    const prefix = `${path.basename(repo.dir)}${REVISION_MARK}`;
    const siblings = (await readdir(ownerDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && e.name.startsWith(prefix) && e.name.length > prefix.length)
      .map((e) => ({ revision: e.name.slice(prefix.length).replaceAll('~', '/'), dir: path.join(ownerDir, e.name) }))
      .sort((a, b) => compare(a.revision, b.revision));
    return [{ revision: 'main', dir: repo.dir }, ...siblings];
  }

  /** A revision by branch name, `HEAD`, or commit id; undefined when there is none. */
  async snapshot(repo: Repo, revision: string): Promise<Snapshot | undefined> {
    const wanted = revision === 'HEAD' ? 'main' : revision;
    const branches = await this.branches(repo);
    const branch = branches.find((b) => b.revision === wanted);
    if (branch) return this.read(branch.revision, branch.dir);
    if (!SHA.test(wanted)) return undefined;
    for (const b of branches) {
      const snap = await this.read(b.revision, b.dir);
      if (snap.sha === wanted) return snap;
    }
    return undefined;
  }

  /**
   * Splits `<rev>/<path...>` of a tree or resolve URL. The revision is one segment, URL-encoded
   * when it has slashes (`refs%2Fconvert%2Fparquet`, as clients should send it), or several raw
   * segments naming an existing branch (`refs/convert/parquet/...`, as the Hub also accepts).
   */
  async splitRevision(repo: Repo, segments: string[]): Promise<{ snapshot: Snapshot; rest: string[] } | { unknown: string }> {
    const first = segments[0] ?? '';
    const direct = await this.snapshot(repo, first);
    if (direct) return { snapshot: direct, rest: segments.slice(1) };
    const branches = await this.branches(repo);
    for (let n = segments.length; n > 1; n--) {
      const name = segments.slice(0, n).join('/');
      const branch = branches.find((b) => b.revision === name);
      if (branch) return { snapshot: await this.read(branch.revision, branch.dir), rest: segments.slice(n) };
    }
    return { unknown: first };
  }

  private async read(revision: string, dir: string): Promise<Snapshot> {
    const paths = await walk(dir, '');
    const files = await Promise.all(paths.map(async (p) => {
      const abs = path.join(dir, ...p.split('/'));
      return { path: p, abs, facts: await this.facts.of(abs) };
    }));
    const commit = createHash('sha1');
    for (const f of files) commit.update(`${f.path}\0${f.facts.oid}\n`);
    const times = await Promise.all(files.map(async (f) => (await stat(f.abs)).mtimeMs));
    return { revision, sha: commit.digest('hex'), files, lastModified: new Date(Math.max(0, ...times)) };
  }
}

/** A path segment that names a visible file or folder inside the root (no dot-names, no traversal). */
export function isPlainName(name: string): boolean {
  return name.length > 0 && !name.startsWith('.') && !name.includes('/') && !name.includes('\\') && !name.includes('\0');
}

async function walk(dir: string, prefix: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => isPlainName(e.name));
  const nested = await Promise.all(entries.map(async (e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return walk(path.join(dir, e.name), rel);
    return e.isFile() ? [rel] : [];
  }));
  return nested.flat().sort(compare);
}

async function tokenFile(dir: string, name: string): Promise<ReadonlySet<string> | null> {
  try {
    const text = await readFile(path.join(dir, name), 'utf8');
    return new Set(text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
  } catch {
    return null;
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Byte order, as git sorts paths, independent of the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
