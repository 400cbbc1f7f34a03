import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The bench page (bench/page), built like the app: ES-module workers, no dev server involved. */
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  worker: { format: 'es' },
  // Unminified: CPU profiles (--profile) then name functions, and //#region comments give their source files.
  build: { target: 'es2023', minify: false, outDir: fileURLToPath(new URL('./dist/page', import.meta.url)), emptyOutDir: true },
  logLevel: 'warn',
});
