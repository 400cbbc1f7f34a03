// For tests: the deterministic fixture datasets (scripts/fixtures) written to a fresh temp folder,
// so a test never races another process rewriting fixtures/generated.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

let written: string | undefined;

/** The folder holding `<owner>/<name>/...` fixture repositories; written once per process. */
export function generatedFixtures(): string {
  if (written) return written;
  const out = mkdtempSync(path.join(tmpdir(), 'hub-fixtures-'));
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'fixtures', 'main.ts'), '--out', out], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.once('exit', () => rmSync(out, { recursive: true, force: true }));
  written = out;
  return out;
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
