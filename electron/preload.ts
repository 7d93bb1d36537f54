import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannelNames } from '../shared/ipcChannels.js';
import type { DesktopApi, MenuCommand } from '../shared/ipc.js';

// The renderer's whole view of the desktop: a few calls, each one IPC invoke that the main
// process validates (electron/ipc.ts). Nothing else of Electron or Node is exposed.
const api: DesktopApi = {
  listSessions: () => ipcRenderer.invoke(ipcChannelNames.listSessions),
  createSession: (input) => ipcRenderer.invoke(ipcChannelNames.createSession, input),
  openSession: (id) => ipcRenderer.invoke(ipcChannelNames.openSession, id),
  importSession: (text) => ipcRenderer.invoke(ipcChannelNames.importSession, text),
  duplicateSession: (id) => ipcRenderer.invoke(ipcChannelNames.duplicateSession, id),
  trashSession: (id) => ipcRenderer.invoke(ipcChannelNames.trashSession, id),
  restoreSession: (id) => ipcRenderer.invoke(ipcChannelNames.restoreSession, id),
  listTrash: () => ipcRenderer.invoke(ipcChannelNames.listTrash),
  emptyTrash: () => ipcRenderer.invoke(ipcChannelNames.emptyTrash),
  library: () => ipcRenderer.invoke(ipcChannelNames.library),
  renameSession: (id, title) => ipcRenderer.invoke(ipcChannelNames.renameSession, id, title),
  hostingState: () => ipcRenderer.invoke(ipcChannelNames.hostingState),
  startHosting: (options) => ipcRenderer.invoke(ipcChannelNames.startHosting, options),
  stopHosting: () => ipcRenderer.invoke(ipcChannelNames.stopHosting),
  joinSession: (request) => ipcRenderer.invoke(ipcChannelNames.joinSession, request),
  saveFile: (file) => ipcRenderer.invoke(ipcChannelNames.saveFile, file),
  openTeamServer: (address) => ipcRenderer.invoke(ipcChannelNames.openTeamServer, address),
  onMenu(listener) {
    const forward = (_event: unknown, command: MenuCommand) => listener(command);
    ipcRenderer.on(ipcChannelNames.menu, forward);
    return () => void ipcRenderer.off(ipcChannelNames.menu, forward);
  },
};

contextBridge.exposeInMainWorld('brownpaper', api);
