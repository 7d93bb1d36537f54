import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          // The model and the renderer's logic: no files, sockets or native modules. Loading the
          // modules once per worker instead of once per test file takes a fifth of the CPU.
          name: 'pure',
          include: ['shared/**/*.test.ts', 'renderer/**/*.test.ts'],
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // Real SQLite files and sockets: forks keep native handles per process, and each file
          // starts from fresh modules.
          name: 'host',
          include: ['electron/**/*.test.ts', 'test/**/*.test.ts'],
          pool: 'forks',
        },
      },
    ],
  },
});
