import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Workers are ES modules: `new Worker(new URL('...', import.meta.url), { type: 'module' })`.
  worker: { format: 'es' },
  build: { target: 'es2023', sourcemap: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
