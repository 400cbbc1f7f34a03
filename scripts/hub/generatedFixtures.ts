// For tests: the deterministic fixture datasets (scripts/fixtures) in a temp folder of their own,
// so a test never races another process rewriting fixtures/generated. The folder is named by a
// hash of the generator's sources: written once, shared by every test process until they change.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const GENERATOR = path.join(ROOT, 'scripts', 'fixtures');
const MARKER = '.fixtures-generated';

/** The folder holding `<owner>/<name>/...` fixture repositories. Treat it as read-only. */
export function generatedFixtures(): string {
  const folder = path.join(tmpdir(), `hub-fixtures-${generatorHash()}`);
  if (existsSync(path.join(folder, MARKER))) return folder;
  const out = mkdtempSync(`${folder}-partial-`);
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(GENERATOR, 'main.ts'), '--out', out], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    renameSync(out, folder);
  } catch {
    // Another test process got there first with the same bytes.
    rmSync(out, { recursive: true, force: true });
  }
  return folder;
}

/** Every file under `dir`, as repository paths with their sizes (what a recursive listing gives). */
export function listRepo(dir: string): Array<{ path: string; size: number }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => {
      const abs = path.join(e.parentPath, e.name);
      return { path: path.relative(dir, abs).split(path.sep).join('/'), size: statSync(abs).size };
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

function generatorHash(): string {
  const hash = createHash('sha1');
  for (const name of readdirSync(GENERATOR).sort()) hash.update(name).update(readFileSync(path.join(GENERATOR, name)));
  return hash.digest('hex').slice(0, 12);
}
