import { BrowserWindow, shell } from 'electron';

/**
 * The one place windows are made, so none drifts from the secure defaults: isolated,
 * sandboxed, no Node in the page, only our preload. The page's CSP comes from the host's
 * response headers (electron/host/http/securityHeaders.ts).
 */
/** `preload` null: a page from another machine (a workshop joined there), which gets no API of ours. */
export function createWindow(url: string, preload: string | null): BrowserWindow {
  const origin = new URL(url).origin;
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    backgroundColor: '#c8a97e',
    title: 'Brownpaper',
    webPreferences: {
      preload: preload ?? undefined,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  // Only our host's pages load in the window; any other link opens in the system browser.
  win.webContents.on('will-navigate', (event, target) => {
    if (new URL(target).origin !== origin) {
      event.preventDefault();
      if (/^https?:/.test(target)) void shell.openExternal(target);
    }
  });
  win.webContents.setWindowOpenHandler(({ url: target }) => {
    if (/^https?:/.test(target) && new URL(target).origin !== origin) void shell.openExternal(target);
    return { action: 'deny' };
  });
  void win.loadURL(url);
  return win;
}
