import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { ipcChannelNames } from '../shared/ipcChannels.js';
import type { MenuCommand } from '../shared/ipc.js';
import type { Session } from '../shared/session.js';

/** Tell the focused window's page to run a menu command (it owns the board and the dialogs). */
function send(command: MenuCommand): void {
  BrowserWindow.getFocusedWindow()?.webContents.send(ipcChannelNames.menu, command);
}

/** What the menu does that the main process carries out (main.ts). */
export interface MenuActions {
  newSession(): void;
  importFile(): void;
  /** File ▸ Back up all sessions…: a save dialog, then the CLI's online backup while the host runs */
  backUp(): void;
  /** File ▸ Restore from a backup…: an open dialog, the CLI's checks, a question before replacing sessions */
  restoreBackup(): void;
  openSession(id: string): void;
  toggleProjector(): void;
  /** the latest sessions, newest first, for File ▸ Open recent */
  recent(): Session[];
  projectorOn(): boolean;
}

/**
 * The application menu, with each platform's usual accelerators (CmdOrCtrl). Board commands
 * (export, big screen, shortcuts) go to the page, which owns the board and its dialogs; undo
 * and redo are the board's own (per person, Ctrl+Z in the page), so Edit keeps only the
 * clipboard roles text fields need. Rebuilt when the recent list or the projector changes.
 */
export function installMenu(actions: MenuActions): void {
  const recent = actions.recent().slice(0, 10);
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New session', accelerator: 'CmdOrCtrl+N', click: () => actions.newSession() },
        {
          label: 'Open recent',
          submenu: recent.length
            ? recent.map((s) => ({ label: s.title.length > 60 ? `${s.title.slice(0, 59)}…` : s.title, click: () => actions.openSession(s.id) }))
            : [{ label: 'No sessions yet', enabled: false }],
        },
        { label: 'Import session file…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFile() },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        { label: 'Back up all sessions…', click: () => actions.backUp() },
        { label: 'Restore from a backup…', click: () => actions.restoreBackup() },
        { type: 'separator' },
        { role: 'close' },
        ...(process.platform === 'darwin' ? [] : [{ role: 'quit' } as const]),
      ],
    },
    { label: 'Edit', submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: 'View',
      submenu: [
        { label: 'Big screen', accelerator: 'B', registerAccelerator: false, click: () => send('bigScreen') },
        { label: 'Show on the projector', type: 'checkbox', checked: actions.projectorOn(), accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.toggleProjector() },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
      ],
    },
    {
      role: 'help',
      submenu: [
        { label: 'Keyboard shortcuts', accelerator: '?', registerAccelerator: false, click: () => send('shortcuts') },
        { label: `About Brownpaper ${app.getVersion()}`, click: () => app.showAboutPanel() },
      ],
    },
  ];
  if (process.platform === 'darwin') template.unshift({ role: 'appMenu' });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
