// Bundles the Node side: the CLI (with the host) as ESM, and the Electron main and preload
// as CommonJS. Dependencies stay in node_modules for the CLI; Electron's bundles inline
// everything but electron itself and the native better-sqlite3.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: 'dist/node/cli.mjs', format: 'esm', packages: 'external' }),
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron', 'better-sqlite3'] }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
]);
