// postinstall: build better-sqlite3 a second time, for Electron's ABI, into a folder of its own
// (native/electron-v<ABI>-<platform>-<arch>/better_sqlite3.node), which the desktop app loads
// through better-sqlite3's `nativeBinding` option (electron/host/store/sqliteBinding.ts).
// node_modules keeps the build for Node, so the CLI and the tests never notice.
//
// Order: better-sqlite3's prebuilt binary for this Electron (prebuild-install --runtime
// electron), else a compile against Electron's headers (node-gyp --runtime=electron). The result
// is loaded once by Electron itself (ELECTRON_RUN_AS_NODE) before it is kept. Without Electron's
// binary (ELECTRON_SKIP_BINARY_DOWNLOAD, CI, build machines) it says so in one line and skips:
// the desktop app cannot run there anyway. It never fails the install: a desktop app without its
// build says so in a dialog when it starts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => console.log(`electron-sqlite: ${line}`);

/** What to build for: Electron's version and ABI as its own npm package states them. */
export function electronTarget(rootDir = root) {
  const dir = path.join(rootDir, 'node_modules', 'electron');
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const abi = fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim();
  let binary = null;
  try {
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    if (fs.existsSync(path.join(dir, 'dist', rel))) binary = path.join(dir, 'dist', rel);
  } catch {
    // no path.txt: the binary was never downloaded
  }
  return { version, abi, binary };
}

/** The folder the build goes to; the same name sqliteBinding.ts looks for. */
export function bindingFolder(abi, platform = process.platform, arch = process.arch) {
  return path.join(root, 'native', `electron-v${abi}-${platform}-${arch}`);
}

function sqliteVersion() {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;
}

/** Load the build in Electron's own Node and run one query: proof it matches the ABI. */
function checkInElectron(binary, file) {
  const probe =
    `const D=require(${JSON.stringify(path.join(root, 'node_modules', 'better-sqlite3'))});` +
    `const db=new D(':memory:',{nativeBinding:${JSON.stringify(file)}});` +
    `process.stdout.write(String(db.prepare('select sqlite_version() v').get().v))`;
  return execFileSync(binary, ['-e', probe], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' });
}

function build(target, outDir) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-electron-sqlite-'));
  const pkg = path.join(work, 'better-sqlite3');
  try {
    const source = path.join(root, 'node_modules', 'better-sqlite3');
    // Everything but its build/ (Node's binary), so nothing there is touched.
    fs.cpSync(source, pkg, { recursive: true, filter: (src) => path.relative(source, src).split(path.sep)[0] !== 'build' });
    const run = (cmd, args) => execFileSync(cmd, args, { cwd: pkg, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      run(process.execPath, [
        path.join(root, 'node_modules', 'prebuild-install', 'bin.js'),
        '--runtime',
        'electron',
        '--target',
        target.version,
        '--arch',
        process.arch,
        '--platform',
        process.platform,
      ]);
    } catch {
      say(`no prebuilt binary for Electron ${target.version}; compiling against its headers`);
      const gyp = process.env.npm_config_node_gyp ?? path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
      run(process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${target.version}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`]);
    }
    const built = path.join(pkg, 'build', 'Release', 'better_sqlite3.node');
    const sqlite = checkInElectron(target.binary, built);
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(built, path.join(outDir, 'better_sqlite3.node'));
    return sqlite;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  let target;
  try {
    target = electronTarget();
  } catch {
    say('skipped: the electron package is not installed (production install), so there is no desktop app to build SQLite for');
    return;
  }
  if (!target.binary) {
    say(`skipped: Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no network), so the desktop app's SQLite (ABI ${target.abi}) was not built; the CLI, host and tests use Node's`);
    return;
  }
  const outDir = bindingFolder(target.abi);
  const stampFile = path.join(outDir, 'built-from.json');
  const stamp = JSON.stringify({ electron: target.version, betterSqlite3: sqliteVersion() });
  if (fs.existsSync(path.join(outDir, 'better_sqlite3.node')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
    say(`up to date for Electron ${target.version} (ABI ${target.abi}) in ${path.relative(root, outDir)}`);
    return;
  }
  try {
    const sqlite = build(target, outDir);
    fs.writeFileSync(stampFile, stamp);
    say(`built for Electron ${target.version} (ABI ${target.abi}, SQLite ${sqlite}) in ${path.relative(root, outDir)}`);
  } catch (e) {
    const detail = String(e.stderr ?? e.message)
      .trim()
      .split('\n')
      .pop();
    say(`could not build SQLite for Electron ${target.version} (${detail}); the desktop app will say so when it starts — the CLI, host and tests are not affected`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
