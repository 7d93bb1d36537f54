import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { ipcChannelNames } from '../shared/ipcChannels.js';
import type { MenuCommand } from '../shared/ipc.js';

/** Tell the focused window's page to run a menu command (it owns the board and the dialogs). */
function send(command: MenuCommand): void {
  BrowserWindow.getFocusedWindow()?.webContents.send(ipcChannelNames.menu, command);
}

/**
 * The application menu. File ▸ Export… opens the page's export dialog; the file itself is
 * saved through the native save dialog (ipc.ts saveFile). Undo/redo are the board's own
 * (per person, Ctrl+Z in the page), so the Edit menu keeps only the clipboard roles text fields need.
 */
export function installMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [{ label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send('export') }, { type: 'separator' }, { role: 'close' }, { role: 'quit' }],
    },
    { label: 'Edit', submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'togglefullscreen' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }] },
  ];
  if (process.platform === 'darwin') template.unshift({ role: 'appMenu' });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
