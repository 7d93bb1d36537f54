// `npm start`: the desktop app when Electron's binary is installed; otherwise says so in one
// line and serves the web client from the same host the app would embed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where Electron's binary would be — found without require('electron'), which would try to download it. */
function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  try {
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** The same folder Electron's app.getPath('userData') gives for productName "Brownpaper". */
function userDataDir() {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Brownpaper');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Brownpaper');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Brownpaper');
}

const electron = electronBinary();
const run = (cmd, args) => {
  const child = spawn(cmd, args, { stdio: 'inherit', cwd: root });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
};

if (electron) {
  run(electron, [root]);
} else {
  const dataDir = process.env.BROWNPAPER_DATA ?? path.join(userDataDir(), 'sessions');
  console.log('Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD?): serving the Brownpaper web client instead — open the link below.');
  run(process.execPath, [path.join(root, 'bin', 'brownpaper.mjs'), 'host', '--port', process.env.BROWNPAPER_PORT ?? '0', '--data', dataDir, '--owner']);
}
