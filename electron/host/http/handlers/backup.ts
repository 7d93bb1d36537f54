import path from 'node:path';
import { backupBytes } from '../../store/backup.js';
import type { Handlers } from './types.js';

/** The owner's backup of every session, for the library's "Back up all sessions" in a browser (the desktop app has its File menu). */
export const backupHandlers: Handlers<'backupAll'> = {
  backupAll: async ({ ctx }) => {
    // The data dir is where the store's file is: the same online backup as the CLI's, while people go on editing.
    const { bytes } = await backupBytes(path.dirname(ctx.store.db.name));
    return { bytes, mime: 'application/vnd.sqlite3', name: `brownpaper-${new Date().toISOString().slice(0, 10)}.sqlite` };
  },
};
