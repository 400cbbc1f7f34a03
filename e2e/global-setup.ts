import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const GENERATOR_DIR = path.join(ROOT, 'scripts', 'fixtures');
const MARKER = path.join(ROOT, 'fixtures', 'generated', '.fixtures-generated');

/** True when the generated fixtures are older than any generator source (or absent). */
function stale(): boolean {
  if (!existsSync(MARKER)) return true;
  const made = statSync(MARKER).mtimeMs;
  return readdirSync(GENERATOR_DIR, { recursive: true, encoding: 'utf8' }).some((f) => statSync(path.join(GENERATOR_DIR, f)).mtimeMs > made);
}

/**
 * Writes the fixture datasets the e2e tests open (deterministic: every run sees the same bytes).
 * Skipped when they are already newer than the generator, so a run never rewrites files another
 * test process may be reading; E2E_FIXTURES=regenerate forces it.
 */
export default function globalSetup(): void {
  if (process.env.E2E_FIXTURES !== 'regenerate' && !stale()) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(GENERATOR_DIR, 'main.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
