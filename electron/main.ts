import { app } from 'electron';
import path from 'node:path';
import { startHost, type Host } from './host/host.js';
import { registerIpc } from './ipc.js';
import { createWindow } from './window.js';
import { installMenu } from './menu.js';

// The thin adapter: everything it wires is plain Node code under electron/host, run and
// tested without Electron. Here: start the embedded host on 127.0.0.1 and a free port with
// the database under the user-data dir, expose the IPC, open the window.
let host: Host | null = null;

app.enableSandbox();

app.whenReady().then(async () => {
  host = await startHost({
    dataDir: path.join(app.getPath('userData'), 'sessions'),
    port: 0,
    bind: '127.0.0.1',
    webRoot: path.join(__dirname, '..', 'web'),
  });
  // A board on another computer: its own window, without our preload.
  registerIpc(host, (url) => createWindow(url, null));
  installMenu();
  createWindow(`${host.url}/`, path.join(__dirname, 'preload.cjs'));
}).catch((e: Error) => {
  console.error(`Brownpaper could not start: ${e.message}`);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());

let quitting = false;
app.on('will-quit', (event) => {
  if (!host || quitting) return;
  quitting = true;
  event.preventDefault();
  void host.close().finally(() => app.quit());
});
