import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const port = Number(process.env.PARLEY_APP_PORT ?? 5173);

export default defineConfig({
  plugins: [sveltekit()],
  optimizeDeps: { exclude: ['@matrix-org/matrix-sdk-crypto-wasm'] },
  build: { target: 'es2022' },
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node'
  }
});
