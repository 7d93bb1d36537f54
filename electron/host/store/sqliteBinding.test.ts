import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/host.js';
import { openDatabase, StoreError } from './database.js';
import { BINDING_FILE, electronBindingFolder, sqliteBinding } from './sqliteBinding.js';

const nodeBuild = path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const here = { modules: process.versions.modules, platform: process.platform, arch: process.arch };

describe('the SQLite binding each runtime loads', () => {
  it('under Node is better-sqlite3’s own build in node_modules', () => {
    expect(sqliteBinding(here, ['/nowhere'])).toBeUndefined();
  });

  it('under Electron is the build in the folder named after Electron’s ABI, installer resources first', () => {
    const [resources, source] = [tempDir(), tempDir()];
    for (const root of [resources, source]) {
      fs.mkdirSync(path.join(root, electronBindingFolder('150', 'linux', 'x64')), { recursive: true });
      fs.writeFileSync(path.join(root, electronBindingFolder('150', 'linux', 'x64'), BINDING_FILE), '');
    }
    const electron45 = { electron: '45.4.1', modules: '150', platform: 'linux', arch: 'x64' };
    expect(sqliteBinding(electron45, [resources, source])).toBe(path.join(resources, 'electron-v150-linux-x64', BINDING_FILE));
    fs.rmSync(path.join(resources, 'electron-v150-linux-x64'), { recursive: true });
    expect(sqliteBinding(electron45, [resources, source])).toBe(path.join(source, 'electron-v150-linux-x64', BINDING_FILE));
  });

  it('missing, says which build it looked for and where, in one line', () => {
    const root = tempDir();
    const run = () => sqliteBinding({ electron: '45.4.1', modules: '150', platform: 'darwin', arch: 'arm64' }, [root]);
    expect(run).toThrow(StoreError);
    expect(run).toThrow(
      /^no SQLite build for Electron 45\.4\.1 \(ABI 150, darwin-arm64\): looked for electron-v150-darwin-arm64\/better_sqlite3\.node in .*; run npm install again with Electron's binary present$/,
    );
  });

  it('is what the store opens: a binary found by the rule is loaded through nativeBinding', () => {
    // This machine has no Electron; Node's own build, filed under this runtime's ABI, proves the
    // path from the rule to better-sqlite3's nativeBinding option with a real binary.
    const root = tempDir();
    const folder = path.join(root, electronBindingFolder(here.modules, here.platform, here.arch));
    fs.mkdirSync(folder);
    fs.copyFileSync(nodeBuild, path.join(folder, BINDING_FILE));
    const nativeBinding = sqliteBinding({ electron: '45.4.1', ...here }, [root]);
    const db = openDatabase(tempDir(), { create: true, nativeBinding });
    expect(db.prepare('select count(*) n from sessions').get()).toEqual({ n: 0 });
    db.close();
  });

  it('targets the ABI that Electron 45’s own package states, which node-abi’s registry agrees with', () => {
    const electron = JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string };
    const abi = fs.readFileSync('node_modules/electron/abi_version', 'utf8').trim();
    const registry = JSON.parse(fs.readFileSync('node_modules/node-abi/abi_registry.json', 'utf8')) as { runtime: string; target: string; abi: string }[];
    const major = electron.version.split('.')[0];
    expect(registry.find((r) => r.runtime === 'electron' && r.target.startsWith(`${major}.`))?.abi).toBe(abi);
    // Electron's ABI is not Node's: a build for one cannot load in the other.
    expect(abi).not.toBe(process.versions.modules);
  });

  it('is not built here, and the install step says why in one line', () => {
    const out = execFileSync(process.execPath, ['scripts/electron-sqlite.mjs'], { encoding: 'utf8' });
    const abi = fs.readFileSync('node_modules/electron/abi_version', 'utf8').trim();
    if (fs.existsSync('node_modules/electron/path.txt')) {
      expect(out).toMatch(new RegExp(`^electron-sqlite: (built for|up to date for) Electron .* \\(ABI ${abi}`));
    } else {
      expect(out).toBe(
        `electron-sqlite: skipped: Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no network), so the desktop app's SQLite (ABI ${abi}) was not built; the CLI, host and tests use Node's\n`,
      );
    }
  });
});
