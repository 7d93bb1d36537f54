// Bundles the Node side: the CLI (with the host) as ESM, and the Electron main and preload
// as CommonJS. Dependencies stay in node_modules for the CLI; Electron's bundles inline
// everything but electron itself and the native better-sqlite3.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  // Split: what only `server` (pg, ioredis) loads is a chunk beside cli.mjs, imported when run,
  // so the other commands start on less CPU (`session create`: 0.63 → 0.52 s, at load 10).
  build({
    ...common,
    entryPoints: { cli: 'electron/cli/main.ts' },
    outdir: 'dist/node',
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    splitting: true,
    format: 'esm',
    packages: 'external',
  }),
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron', 'better-sqlite3'] }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
]);
