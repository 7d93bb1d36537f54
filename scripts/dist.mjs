// `npm run dist`: the installers for this platform (electron-builder.yml). Needs Electron's
// binary and the SQLite build for it (scripts/electron-sqlite.mjs, run by npm install); without
// them it stops with one line saying what is missing, not a stack trace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindingFolder, electronTarget } from './electron-sqlite.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stop = (line) => {
  console.error(`dist: ${line}`);
  process.exit(1);
};

let target;
try {
  target = electronTarget(root);
} catch {
  stop('the electron package is not installed; run npm install first');
}
if (!target.binary) stop(`Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no network), so there is nothing to package; run npm install on a machine that can download it`);
if (!fs.existsSync(path.join(bindingFolder(target.abi), 'better_sqlite3.node'))) {
  stop(`no SQLite build for Electron ${target.version} (ABI ${target.abi}) in native/; run npm install again (it builds it) and read its electron-sqlite line`);
}
const builder = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
const result = spawnSync(process.execPath, [builder, '--publish', 'never'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) stop(`electron-builder failed (exit ${result.status ?? result.signal}); its output is above`);
console.log(`dist: installers in ${path.join(root, 'release')}`);
