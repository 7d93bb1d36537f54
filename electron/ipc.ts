import { BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs/promises';
import type { z } from 'zod';
import { ipcChannels, type IpcName } from '../shared/ipc.js';
import { formatIssues } from '../shared/model/validation.js';
import { hostAddress } from '../shared/session.js';
import { teamServerUrl } from './desktop/teamServer.js';
import type { Host } from './host/host.js';

/**
 * Register the IPC handlers. Each checks that the call comes from the top frame of a page
 * served by our host, validates its arguments with the shared schema, then calls the host.
 * `current`: the host now — a restore from a backup stops it and starts another, on a new port.
 */
export function registerIpc(current: () => Host, openRemote: (url: string) => void): void {
  const handle = <N extends IpcName>(
    name: N,
    fn: (...args: z.infer<(typeof ipcChannels)[N]['args']>) => z.input<(typeof ipcChannels)[N]['result']> | Promise<z.input<(typeof ipcChannels)[N]['result']>>,
  ) => {
    const { channel, args } = ipcChannels[name];
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...raw: unknown[]) => {
      const frame = event.senderFrame;
      if (!frame || frame !== event.sender.mainFrame || new URL(frame.url).origin !== new URL(current().url).origin) {
        throw new Error(`IPC ${channel}: refused, not from the Brownpaper page`);
      }
      const parsed = args.safeParse(raw);
      if (!parsed.success) throw new Error(formatIssues(`IPC ${channel}`, parsed.error));
      sender = event;
      return fn(...(parsed.data as z.infer<(typeof ipcChannels)[N]['args']>));
    });
  };
  /** the call being handled (for handlers that open a dialog on the caller's window) */
  let sender: IpcMainInvokeEvent | null = null;
  /** The desktop's own windows: boards open at the host's address, with tokens labelled 'desktop'. */
  const desktop = () => ({ base: current().url, label: 'desktop' });

  // The owner's actions are the host's owner service's, as for the HTTP owner routes.
  handle('listSessions', () => current().owner.listSessions());
  handle('createSession', (input) => current().owner.createSession(input, desktop()));
  handle('importSession', (text) => current().owner.importSession(text, desktop()));
  handle('openSession', (id) => current().owner.openSession(id, desktop()));
  handle('duplicateSession', (id) => current().owner.duplicateSession(id, desktop()));
  handle('trashSession', (id) => current().owner.trashSession(id));
  handle('restoreSession', (id) => current().owner.restoreSession(id));
  handle('listTrash', () => current().owner.listTrash());
  handle('emptyTrash', () => current().owner.emptyTrash());
  handle('library', () => current().owner.library());
  handle('renameSession', (id, title) => current().owner.renameSession(id, title));
  handle('hostingState', () => current().owner.hostingState());
  handle('startHosting', (options) => current().owner.startHosting(options));
  handle('stopHosting', () => current().owner.stopHosting());
  handle('saveFile', async ({ name, data }) => {
    const win = sender && BrowserWindow.fromWebContents(sender.sender);
    const options = { defaultPath: name, properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false, path: null };
    // Written beside and renamed over, so a failed write never leaves half a file where the old one was.
    const temp = `${choice.filePath}.brownpaper-${process.pid}.tmp`;
    await fs.writeFile(temp, data);
    await fs.rename(temp, choice.filePath);
    return { saved: true, path: choice.filePath };
  });
  handle('openTeamServer', async (address) => {
    // The system browser, never a window of ours: why, in desktop/teamServer.ts.
    const url = teamServerUrl(address);
    await shell.openExternal(url);
    return { url };
  });
  handle('joinSession', async ({ address, code }) => {
    // The code goes to the other host from here, not from the page: the remote board then opens
    // in a window without our preload, so a page from another machine never reaches this IPC.
    const base = hostAddress(address);
    const res = await fetch(`${base}/api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    const body = (await res.json().catch(() => ({}))) as { url?: unknown; error?: unknown };
    if (!res.ok || typeof body.url !== 'string') throw new Error(typeof body.error === 'string' ? body.error : `${base} answered ${res.status}`);
    const url = new URL(body.url);
    if (url.origin !== new URL(base).origin) throw new Error(`${base} sent a link to another host`);
    openRemote(url.href);
    return { url: url.href, opened: true };
  });
}
