import { app, dialog, screen, type BrowserWindow } from 'electron';
import path from 'node:path';
import { boardLink, sessionInUrl } from './desktop/links.js';
import { projectorDisplay, projectorUrl } from './desktop/projector.js';
import { openSessionFile, SESSION_FILE_EXTENSION, sessionFileInArgs } from './desktop/sessionFiles.js';
import { startHost, type Host } from './host/host.js';
import { backupStore, checkBackup, restoreAroundHost, sessionsIn } from './host/store/backup.js';
import { StoreError } from './host/store/database.js';
import { currentRuntime, sqliteBinding } from './host/store/sqliteBinding.js';
import { setAsideStore } from './desktop/damagedStore.js';
import { registerIpc } from './ipc.js';
import { installMenu } from './menu.js';
import { fileDay } from '../shared/model/dateText.js';
import { ipcChannelNames } from '../shared/ipcChannels.js';
import type { MenuCommand } from '../shared/ipc.js';
import { createWindow, installPermissions } from './window.js';

// The thin adapter: everything it wires is plain Node code under electron/host and
// electron/desktop, run and tested without Electron. Here: one instance; start the embedded
// host on 127.0.0.1 and a free port with the database under the user-data dir; expose the IPC;
// open the window (where it was last time); open session files handed to the app; put the big
// screen on a second display when asked.
let host: Host | null = null;
let main: BrowserWindow | null = null;
let projector: BrowserWindow | null = null;
/** The facilitator asked for the projector: it comes back when a second display is plugged in again. */
let projectorWanted = false;
/** Files handed over before the host was up (macOS sends open-file before ready). */
const pendingFiles: string[] = [];

app.enableSandbox();
// A data folder of its own for a test run (the Electron smoke test), before anything reads userData.
if (process.env.BROWNPAPER_USER_DATA) app.setPath('userData', process.env.BROWNPAPER_USER_DATA);

// A second launch (or a double-clicked file while the app runs) hands its arguments to this one.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    if (main) {
      if (main.isMinimized()) main.restore();
      main.focus();
    }
    const file = sessionFileInArgs(argv, cwd);
    if (file) openFile(file);
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFile(file);
  });
  app.whenReady().then(start).catch(cannotStart);
}

const dataDir = () => path.join(app.getPath('userData'), 'sessions');

/** The host inside the app: on 127.0.0.1 and a free port, the database under the user-data dir. */
function startEmbeddedHost(): Promise<Host> {
  return startHost({
    dataDir: dataDir(),
    port: 0,
    bind: '127.0.0.1',
    webRoot: path.join(__dirname, '..', 'web'),
    // SQLite built for Electron's ABI: in an installer under resources/native, from source under native/.
    nativeBinding: sqliteBinding(currentRuntime(), [path.join(process.resourcesPath, 'native'), path.join(app.getAppPath(), 'native')]),
  });
}

async function start(): Promise<void> {
  installPermissions();
  host = await startEmbeddedHost();
  app.setAboutPanelOptions({ applicationName: 'Brownpaper', applicationVersion: app.getVersion(), copyright: 'A digital brown-paper wall for workshops' });
  // A board on another computer: its own window, without our preload. The host a call reaches is
  // the one running now (a restore starts a new one).
  registerIpc(
    () => host!,
    (url) => createWindow(url, null),
  );
  main = createWindow(`${host.url}/`, path.join(__dirname, 'preload.cjs'), { rememberAs: 'main' });
  main.on('closed', () => {
    main = null;
    projector?.close();
  });
  // The board the facilitator opens is the one the projector shows.
  main.webContents.on('did-navigate', refreshProjector);
  main.webContents.on('did-navigate-in-page', refreshProjector);
  refreshMenu();
  const fromArgs = sessionFileInArgs(process.argv, process.cwd());
  if (fromArgs) pendingFiles.push(fromArgs);
  for (const file of pendingFiles.splice(0)) openFile(file);
  screen.on('display-added', refreshProjector);
  screen.on('display-removed', refreshProjector);
}

function cannotStart(e: Error): void {
  // Never a silent exit: say why, and where the sessions are (they are untouched).
  console.error(`Brownpaper could not start: ${e.message}`);
  const unusable = e instanceof StoreError ? e.unusableFile : null;
  if (unusable) {
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: 'Brownpaper could not open its sessions',
      message: 'The sessions database cannot be used',
      detail: `${e.message}\n\nStart a fresh database? The damaged one is kept beside it, unchanged, in ${dataDir()}.`,
      buttons: ['Start a fresh database', 'Quit'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice === 0) {
      setAsideStore(unusable);
      start().catch(cannotStart);
      return;
    }
  } else {
    dialog.showErrorBox('Brownpaper could not start', `${e.message}\n\nYour sessions are kept in ${dataDir()}; nothing there was changed.`);
  }
  app.exit(1);
}

function refreshMenu(): void {
  installMenu({
    newSession: () => host && main?.loadURL(`${host.url}/`),
    importFile: () => void chooseFile(),
    backUp: () => void backUp(),
    restoreBackup: () => void restoreBackup(),
    // Asked in our own window (the focused one may be a board from another machine, or the projector).
    openTeamServer: () => {
      main?.show();
      main?.webContents.send(ipcChannelNames.menu, 'openTeamServer' satisfies MenuCommand);
    },
    openSession: (id) => host && main?.loadURL(boardLink(host, id, 'facilitator', 'desktop')),
    toggleProjector: () => {
      projectorWanted = !projectorWanted;
      if (projectorWanted && screen.getAllDisplays().length < 2) {
        void dialog.showMessageBox({ type: 'info', message: 'No second screen yet', detail: 'Plug in the projector: the big screen opens on it as soon as it is there.' });
      }
      refreshProjector();
    },
    recent: () => host?.store.sessions.list().sort((a, b) => b.updatedAt - a.updatedAt) ?? [],
    projectorOn: () => projectorWanted,
  });
}

async function chooseFile(): Promise<void> {
  if (!main) return;
  const choice = await dialog.showOpenDialog(main, { properties: ['openFile'], filters: [{ name: 'Brownpaper session', extensions: [SESSION_FILE_EXTENSION, 'json'] }] });
  if (!choice.canceled && choice.filePaths[0]) openFile(choice.filePaths[0]);
}

const say = (type: 'info' | 'error' | 'warning', message: string, detail: string) => main && void dialog.showMessageBox(main, { type, message, detail });
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** File ▸ Back up all sessions…: the CLI's online backup (safe while the host serves) to the file chosen. */
async function backUp(): Promise<void> {
  if (!host || !main) return;
  const choice = await dialog.showSaveDialog(main, {
    defaultPath: `brownpaper-${fileDay(new Date())}.sqlite`,
    filters: [{ name: 'Brownpaper backup', extensions: ['sqlite'] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (choice.canceled || !choice.filePath) return;
  try {
    // The save dialog has asked before replacing a file.
    const done = await backupStore(dataDir(), choice.filePath, { force: true });
    say('info', 'All sessions are backed up', `${done.sessions} session${done.sessions === 1 ? '' : 's'}, ${size(done.bytes)}, in ${done.file}`);
  } catch (e) {
    say('error', 'The sessions could not be backed up', `${(e as Error).message}\n\nThe sessions are as they were.`);
  }
}

/**
 * File ▸ Restore from a backup…: the backup is checked before anything is asked; a library with
 * sessions is replaced only after a yes (it is kept beside it); the host is stopped around the
 * restore and started again (restoreAroundHost), then the start screen shows the library.
 */
async function restoreBackup(): Promise<void> {
  if (!host || !main) return;
  const choice = await dialog.showOpenDialog(main, { properties: ['openFile'], filters: [{ name: 'Brownpaper backup', extensions: ['sqlite'] }] });
  const file = choice.filePaths[0];
  if (choice.canceled || !file) return;
  let incoming: number;
  try {
    incoming = checkBackup(file).sessions;
  } catch (e) {
    say('error', 'This file cannot be restored', `${(e as Error).message}\n\nNothing was changed.`);
    return;
  }
  const here = sessionsIn(dataDir());
  if (here > 0) {
    const { response } = await dialog.showMessageBox(main, {
      type: 'warning',
      message: `Replace the ${here} session${here === 1 ? '' : 's'} here with the ${incoming} in the backup?`,
      detail: `The sessions here are kept beside it, unchanged (brownpaper-before-restore-….sqlite in ${dataDir()}). Anyone on a board is disconnected while Brownpaper starts again.`,
      buttons: ['Replace them', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });
    if (response !== 0) return;
  }
  projector?.close();
  const running = host;
  try {
    await restoreAroundHost(file, dataDir(), { stop: () => running.close(), start: async () => (host = await startEmbeddedHost()) }, { force: true });
    say('info', 'The backup is restored', `${incoming} session${incoming === 1 ? '' : 's'} from ${path.basename(file)}.`);
  } catch (e) {
    say('error', 'The backup could not be restored', `${(e as Error).message}\n\nThe sessions are as they were.`);
  }
  if (host && host !== running) void main?.loadURL(`${host.url}/`);
  refreshMenu();
}

/** Open a session file as a new session in the main window, or say in a dialog why it cannot be. */
function openFile(file: string): void {
  if (!host || !main) {
    pendingFiles.push(file);
    return;
  }
  const opened = openSessionFile(host.store, file);
  if ('error' in opened) {
    void dialog.showMessageBox(main, { type: 'error', message: 'This session file cannot be opened', detail: `${opened.error}\n\nNothing was imported.` });
    return;
  }
  app.addRecentDocument(file);
  void main.loadURL(boardLink(host, opened.session.id, 'facilitator', 'desktop'));
  refreshMenu();
}

/**
 * Keep the projector window where it belongs: open (full screen on the other display, the main
 * window's board as a viewer following the facilitator) while it is wanted, a board is open and a
 * second display is there; closed otherwise.
 */
function refreshProjector(): void {
  refreshMenu();
  const sessionId = main && sessionInUrl(main.webContents.getURL());
  const target = main && projectorDisplay(screen.getAllDisplays(), screen.getDisplayMatching(main.getBounds()).id);
  const shows = projector && !projector.isDestroyed() ? projector.webContents.getURL() : null;
  if (!host || !projectorWanted || !sessionId || !target) {
    projector?.close();
    return;
  }
  if (shows && sessionInUrl(shows) === sessionId) return;
  projector?.close();
  const win = createWindow(projectorUrl(boardLink(host, sessionId, 'viewer', 'projector')), null, { fullscreenOn: target.bounds });
  projector = win;
  win.on('closed', () => {
    if (projector === win) projector = null;
  });
}

app.on('window-all-closed', () => app.quit());

let quitting = false;
app.on('will-quit', (event) => {
  if (!host || quitting) return;
  quitting = true;
  event.preventDefault();
  void host.close().finally(() => app.quit());
});
