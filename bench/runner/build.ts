import path from 'node:path';
import { build } from 'vite';

export interface Builds {
  app: string;
  page: string;
}

/** The app's production build and the bench page's, both under bench/dist/ (gitignored). */
export function buildDirs(repoRoot: string): Builds {
  return { app: path.join(repoRoot, 'bench', 'dist', 'app'), page: path.join(repoRoot, 'bench', 'dist', 'page') };
}

export async function buildAll(repoRoot: string): Promise<Builds> {
  const dirs = buildDirs(repoRoot);
  await build({ configFile: path.join(repoRoot, 'vite.config.ts'), root: repoRoot, logLevel: 'warn', build: { outDir: dirs.app, emptyOutDir: true } });
  await build({ configFile: path.join(repoRoot, 'bench', 'vite.config.ts'), logLevel: 'warn' });
  return dirs;
}
