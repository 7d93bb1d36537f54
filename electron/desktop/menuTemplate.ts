import type { MenuCommand } from '../../shared/ipc.js';
import type { Session } from '../../shared/session.js';

/** What the menu does that the main process carries out (main.ts). */
export interface MenuActions {
  newSession(): void;
  importFile(): void;
  /** File ▸ Back up all sessions…: a save dialog, then the CLI's online backup while the host runs */
  backUp(): void;
  /** File ▸ Restore from a backup…: an open dialog, the CLI's checks, a question before replacing sessions */
  restoreBackup(): void;
  /** File ▸ Open a team server…: our own window asks the address (the page's dialog), then the system browser opens it */
  openTeamServer(): void;
  openSession(id: string): void;
  toggleProjector(): void;
  /** the latest sessions, newest first, for File ▸ Open recent */
  recent(): Session[];
  projectorOn(): boolean;
}

/** The roles the menu uses (Electron's own items: they work on text fields and the window). */
type MenuRole = 'close' | 'quit' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'togglefullscreen' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'help' | 'appMenu';

/** The part of Electron's MenuItemConstructorOptions the menu uses, so it is built and tested without Electron. */
export interface MenuItem {
  label?: string;
  role?: MenuRole;
  type?: 'separator' | 'checkbox';
  accelerator?: string;
  /** false for a key the page handles itself (a plain letter must still type into a text field) */
  registerAccelerator?: boolean;
  enabled?: boolean;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuItem[];
}

export interface MenuContext {
  platform: NodeJS.Platform;
  version: string;
  /** tell the focused window's page to run a board command */
  send(command: MenuCommand): void;
  showAbout(): void;
}

/** A title as long as a session's (200 characters) would make the menu as wide as the screen. */
const RECENT_TITLE_CHARS = 60;

/**
 * The application menu, with each platform's usual accelerators (CmdOrCtrl). Board commands
 * (export, big screen, shortcuts) go to the page, which owns the board and its dialogs; undo
 * and redo are the board's own (per person, Ctrl+Z in the page), so Edit keeps only the
 * clipboard roles text fields need.
 */
export function menuTemplate(actions: MenuActions, ctx: MenuContext): MenuItem[] {
  const recent = actions.recent().slice(0, 10);
  const mac = ctx.platform === 'darwin';
  const template: MenuItem[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New session', accelerator: 'CmdOrCtrl+N', click: () => actions.newSession() },
        {
          label: 'Open recent',
          submenu: recent.length
            ? recent.map((s) => ({ label: s.title.length > RECENT_TITLE_CHARS ? `${s.title.slice(0, RECENT_TITLE_CHARS - 1)}…` : s.title, click: () => actions.openSession(s.id) }))
            : [{ label: 'No sessions yet', enabled: false }],
        },
        { label: 'Import session file…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFile() },
        { label: 'Open a team server…', click: () => actions.openTeamServer() },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => ctx.send('export') },
        { type: 'separator' },
        { label: 'Back up all sessions…', click: () => actions.backUp() },
        { label: 'Restore from a backup…', click: () => actions.restoreBackup() },
        { type: 'separator' },
        { role: 'close' },
        // macOS quits from the application menu.
        ...(mac ? [] : [{ role: 'quit' } as const]),
      ],
    },
    { label: 'Edit', submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: 'View',
      submenu: [
        { label: 'Big screen', accelerator: 'B', registerAccelerator: false, click: () => ctx.send('bigScreen') },
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
        { label: 'Keyboard shortcuts', accelerator: '?', registerAccelerator: false, click: () => ctx.send('shortcuts') },
        { label: `About Brownpaper ${ctx.version}`, click: () => ctx.showAbout() },
      ],
    },
  ];
  if (mac) template.unshift({ role: 'appMenu' });
  return template;
}
