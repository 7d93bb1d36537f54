import { fileDay } from '../../../../shared/model/dateText.js';
import { backupBytes } from '../../store/backup.js';
import { ApiError, type Handlers } from './types.js';

/** The owner's backup of every session, for the library's "Back up all sessions" in a browser (the desktop app has its File menu). */
export const backupHandlers: Handlers<'backupAll'> = {
  backupAll: async ({ ctx }) => {
    // The same online backup as the CLI's, while people go on editing (the team server does not serve this route).
    if (ctx.dataDir === null) throw new ApiError(501, 'back up a team server with pg_dump');
    const { bytes } = await backupBytes(ctx.dataDir);
    return { bytes, mime: 'application/vnd.sqlite3', name: `brownpaper-${fileDay(new Date())}.sqlite` };
  },
};
