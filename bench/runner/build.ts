import path from 'node:path';
import { build } from 'vite';
import { writeHarnessRecords } from '../../scripts/harness/threadRecords';

export interface Builds {
  app: string;
  page: string;
  /** The thread harness page (e2e/harness/thread.html) with its records, built like the app. */
  harness: string;
}

/** The app's production build, the bench page's and the thread harness's, all under bench/dist/ (gitignored). */
export function buildDirs(repoRoot: string): Builds {
  const dist = path.join(repoRoot, 'bench', 'dist');
  return { app: path.join(dist, 'app'), page: path.join(dist, 'page'), harness: path.join(dist, 'harness') };
}

/** Where the harness build keeps its records: the path the harness page fetches them from. */
export function harnessRecordsDir(builds: Builds): string {
  return path.join(builds.harness, 'fixtures', 'generated', 'harness');
}

export async function buildAll(repoRoot: string): Promise<Builds> {
  const dirs = buildDirs(repoRoot);
  const appConfig = { configFile: path.join(repoRoot, 'vite.config.ts'), root: repoRoot, logLevel: 'warn' as const };
  await build({ ...appConfig, build: { outDir: dirs.app, emptyOutDir: true } });
  await build({ configFile: path.join(repoRoot, 'bench', 'vite.config.ts'), logLevel: 'warn' });
  await build({ ...appConfig, build: { outDir: dirs.harness, emptyOutDir: true, rolldownOptions: { input: path.join(repoRoot, 'e2e', 'harness', 'thread.html') } } });
  await writeHarnessRecords(harnessRecordsDir(dirs));
  return dirs;
}
