import { BrowserWindow, session, shell, type WebContents } from 'electron';
import { permits } from './desktop/permissions.js';

/** The origin each window was opened on: what its page may ask permissions for. */
const windowOrigins = new WeakMap<WebContents, string>();

/**
 * One permission policy for every window (they share the default session): only what the page
 * uses, only for the origin its window was opened on (desktop/permissions.ts). Before any window.
 */
export function installPermissions(): void {
  const allowed = (wc: WebContents | null, permission: string, requestingOrigin: string) => {
    const origin = wc && windowOrigins.get(wc);
    return !!origin && permits(permission, requestingOrigin, origin);
  };
  session.defaultSession.setPermissionRequestHandler((wc, permission, callback, details) => callback(allowed(wc, permission, new URL(details.requestingUrl).origin)));
  session.defaultSession.setPermissionCheckHandler((wc, permission, requestingOrigin) => allowed(wc, permission, requestingOrigin));
}

export interface WindowPlace {
  /** Remember size, position and maximised state under this name (Electron's window state persistence). */
  rememberAs?: string;
  /** Open on this screen area, full screen (the projector). */
  fullscreenOn?: { x: number; y: number; width: number; height: number };
}

/**
 * The one place windows are made, so none drifts from the secure defaults: isolated,
 * sandboxed, no Node in the page, only our preload. The page's CSP comes from the host's
 * response headers (electron/host/http/securityHeaders.ts).
 */
/** `preload` null: a page from another machine (a workshop joined there) or the projector, which get no API of ours. */
export function createWindow(url: string, preload: string | null, place: WindowPlace = {}): BrowserWindow {
  const origin = new URL(url).origin;
  const screenArea = place.fullscreenOn;
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    ...(screenArea ? { x: screenArea.x, y: screenArea.y, width: screenArea.width, height: screenArea.height, fullscreen: true } : {}),
    ...(place.rememberAs ? { name: place.rememberAs, windowStatePersistence: true } : {}),
    backgroundColor: '#c8a97e',
    title: 'Brownpaper',
    webPreferences: {
      preload: preload ?? undefined,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // a middle click would open links in a new window past setWindowOpenHandler's eyes
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  windowOrigins.set(win.webContents, origin);
  // Only our host's pages load in the window; any other link opens in the system browser.
  win.webContents.on('will-navigate', (event, target) => {
    if (new URL(target).origin !== origin) {
      event.preventDefault();
      if (/^https?:/.test(target)) void shell.openExternal(target);
    }
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url: target }) => {
    if (/^https?:/.test(target) && new URL(target).origin !== origin) void shell.openExternal(target);
    return { action: 'deny' };
  });
  void win.loadURL(url);
  return win;
}
