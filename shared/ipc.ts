import { z } from 'zod';
import { idSchema } from './model/ids.js';
import { ipcChannelNames } from './ipcChannels.js';
import { libraryEntrySchema, type LibraryEntry } from './model/library.js';
import { joinRequestSchema, newSessionSchema, sessionSchema, trashedSessionSchema, type JoinRequest, type TrashedSession } from './session.js';
import { hostingStateSchema, startHostingSchema, type HostingState, type StartHosting } from './hosting.js';

/**
 * The desktop app's IPC contract: the only calls the preload exposes as window.brownpaper,
 * each with its argument and result schema. The main process validates arguments with
 * these before it touches the host; the preload forwards nothing else.
 */
export const ipcChannels = {
  listSessions: { channel: ipcChannelNames.listSessions, args: z.tuple([]), result: z.array(sessionSchema) },
  createSession: { channel: ipcChannelNames.createSession, args: z.tuple([newSessionSchema]), result: z.strictObject({ session: sessionSchema, url: z.string() }) },
  openSession: { channel: ipcChannelNames.openSession, args: z.tuple([idSchema]), result: z.strictObject({ url: z.string() }) },
  /** the text of a session file; the main process validates it fully before anything is written */
  importSession: { channel: ipcChannelNames.importSession, args: z.tuple([z.string().max(64 * 1024 * 1024)]), result: z.strictObject({ session: sessionSchema, url: z.string() }) },
  duplicateSession: { channel: ipcChannelNames.duplicateSession, args: z.tuple([idSchema]), result: z.strictObject({ session: sessionSchema, url: z.string() }) },
  trashSession: { channel: ipcChannelNames.trashSession, args: z.tuple([idSchema]), result: z.strictObject({ trashed: z.literal(true) }) },
  restoreSession: { channel: ipcChannelNames.restoreSession, args: z.tuple([idSchema]), result: sessionSchema },
  listTrash: { channel: ipcChannelNames.listTrash, args: z.tuple([]), result: z.array(trashedSessionSchema) },
  library: { channel: ipcChannelNames.library, args: z.tuple([]), result: z.array(libraryEntrySchema) },
  renameSession: { channel: ipcChannelNames.renameSession, args: z.tuple([idSchema, z.string().max(1000)]), result: sessionSchema },
  emptyTrash: { channel: ipcChannelNames.emptyTrash, args: z.tuple([]), result: z.strictObject({ removed: z.number().int() }) },
  hostingState: { channel: ipcChannelNames.hostingState, args: z.tuple([]), result: hostingStateSchema },
  startHosting: { channel: ipcChannelNames.startHosting, args: z.tuple([startHostingSchema]), result: hostingStateSchema },
  stopHosting: { channel: ipcChannelNames.stopHosting, args: z.tuple([]), result: hostingStateSchema },
  /** the main process exchanges the code with the other host and opens its board in a window of its own */
  /** an export: the main process asks where to save it (the native dialog confirms before replacing a file) */
  saveFile: {
    channel: ipcChannelNames.saveFile,
    args: z.tuple([
      z.strictObject({
        name: z
          .string()
          .min(1)
          .max(200)
          .regex(/^[^/\\\0]+$/, 'a file name, not a path'),
        data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= 2 ** 30, 'at most 1 GiB'),
      }),
    ]),
    result: z.strictObject({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /** the address typed; the main process refuses anything but an http(s) address and opens it in the system browser */
  openTeamServer: { channel: ipcChannelNames.openTeamServer, args: z.tuple([z.string().max(300)]), result: z.strictObject({ url: z.string() }) },
  joinSession: { channel: ipcChannelNames.joinSession, args: z.tuple([joinRequestSchema]), result: z.strictObject({ url: z.string(), opened: z.boolean() }) },
} as const;
export type IpcName = keyof typeof ipcChannels;

/** What the renderer sees as window.brownpaper (desktop) — and what the browser client implements over HTTP. */
export interface SessionsApi {
  listSessions(): Promise<z.infer<typeof sessionSchema>[]>;
  createSession(input: z.input<typeof newSessionSchema>): Promise<{ session: z.infer<typeof sessionSchema>; url: string }>;
  openSession(id: string): Promise<{ url: string }>;
  importSession(fileText: string): Promise<{ session: z.infer<typeof sessionSchema>; url: string }>;
  /** an independent copy, "<title> (copy)", and a link that opens it */
  duplicateSession(id: string): Promise<{ session: z.infer<typeof sessionSchema>; url: string }>;
  /** to the trash, restorable for 30 days */
  trashSession(id: string): Promise<{ trashed: true }>;
  restoreSession(id: string): Promise<z.infer<typeof sessionSchema>>;
  listTrash(): Promise<TrashedSession[]>;
  emptyTrash(): Promise<{ removed: number }>;
  /** every session with its steps, total, lead time, words and thumbnail */
  library(): Promise<LibraryEntry[]>;
  renameSession(id: string, title: string): Promise<z.infer<typeof sessionSchema>>;
  /** on the network or not, and this machine's addresses */
  hostingState(): Promise<HostingState>;
  startHosting(options: StartHosting): Promise<HostingState>;
  stopHosting(): Promise<HostingState>;
  /** Join a workshop hosted on another computer; `opened`: a window shows it already, else go to `url`. */
  joinSession(request: JoinRequest): Promise<{ url: string; opened: boolean }>;
  /** Every session in one backup file, to download (the browser's owner client; the desktop app has File ▸ Back up all sessions…). */
  backUpAll?(): Promise<{ name: string; blob: Blob }>;
}

/** Commands the desktop menu sends to the page. */
export type MenuCommand = 'export' | 'bigScreen' | 'shortcuts' | 'openTeamServer';

/** window.brownpaper in the desktop app: the sessions API plus saving files and menu commands. */
export interface DesktopApi extends SessionsApi {
  saveFile(file: { name: string; data: Uint8Array }): Promise<{ saved: boolean; path: string | null }>;
  /** Subscribe to menu commands; returns the unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /** File ▸ Open a team server…: the main process checks the address and opens it in the system browser */
  openTeamServer(address: string): Promise<{ url: string }>;
}
