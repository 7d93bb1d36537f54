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
          // Real SQLite files and sockets: forks keep native handles per process. Every file closes
          // what it opens and sets no module state another reads, so the files share one module
          // load per worker (isolate: false): 156 → 92 s of CPU for the project's 59 files, the same
          // 249 tests passing (load 4–6).
          name: 'host',
          include: ['electron/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/team/**'],
          pool: 'forks',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // The team server's: a real PostgreSQL and Redis, started once per run (only when one
          // of these files is to run), each file in a database of its own; one module load per
          // worker, as the host's: 102 → 83 s of CPU for its 18 files.
          name: 'team',
          include: ['test/team/**/*.test.ts'],
          pool: 'forks',
          isolate: false,
          globalSetup: ['test/servers/globalSetup.ts'],
        },
      },
    ],
  },
});
