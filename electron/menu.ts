import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { ipcChannelNames } from '../shared/ipcChannels.js';
import { menuTemplate, type MenuActions } from './desktop/menuTemplate.js';

/**
 * The application menu (its items: desktop/menuTemplate.ts, tested without Electron). Rebuilt
 * when the recent list or the projector changes.
 */
export function installMenu(actions: MenuActions): void {
  const template = menuTemplate(actions, {
    platform: process.platform,
    version: app.getVersion(),
    // The focused window's page runs it: it owns the board and the dialogs.
    send: (command) => BrowserWindow.getFocusedWindow()?.webContents.send(ipcChannelNames.menu, command),
    showAbout: () => app.showAboutPanel(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template satisfies MenuItemConstructorOptions[]));
}
