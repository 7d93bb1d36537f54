import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from './database.js';

/**
 * Which better-sqlite3 binary a runtime loads. Node (the CLI, `brownpaper host`, the tests)
 * loads the one `npm install` compiled into node_modules for Node's ABI. Electron's Node has an
 * ABI of its own (NODE_MODULE_VERSION 150 for Electron 45, against 115 for Node 20), so it
 * loads a second build kept in a folder named after that ABI — made at install time by
 * scripts/electron-sqlite.mjs, shipped as an extra resource in the installers. Neither build
 * replaces the other, so nothing flips node_modules between `npm test` and `npm start`.
 */
export interface Runtime {
  /** process.versions.electron; absent under plain Node */
  electron?: string;
  /** process.versions.modules: the ABI native modules must be built for */
  modules: string;
  platform: string;
  arch: string;
}

export const BINDING_FILE = 'better_sqlite3.node';

/** The folder of the Electron build for one ABI and platform, e.g. `electron-v150-linux-x64`. */
export function electronBindingFolder(abi: string, platform: string, arch: string): string {
  return `electron-v${abi}-${platform}-${arch}`;
}

export function currentRuntime(): Runtime {
  return { electron: process.versions.electron, modules: process.versions.modules, platform: process.platform, arch: process.arch };
}

/**
 * The `nativeBinding` to give better-sqlite3: undefined under Node (its own build), else the
 * Electron build found under one of `roots` (the installer's resources, then the source tree's
 * `native/`). Missing, it says which build was looked for and where, in one line.
 */
export function sqliteBinding(runtime: Runtime, roots: string[]): string | undefined {
  if (!runtime.electron) return undefined;
  const rel = path.join(electronBindingFolder(runtime.modules, runtime.platform, runtime.arch), BINDING_FILE);
  for (const root of roots) {
    const file = path.join(root, rel);
    if (fs.existsSync(file)) return file;
  }
  throw new StoreError(
    `no SQLite build for Electron ${runtime.electron} (ABI ${runtime.modules}, ${runtime.platform}-${runtime.arch}): looked for ${rel} in ${roots.join(' and ')}; run npm install again with Electron's binary present`,
  );
}
