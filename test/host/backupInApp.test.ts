import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../electron/host/host.js';
import { silentLogger } from '../../electron/host/log.js';
import { backupStore, checkBackup, restoreAroundHost, sessionsIn } from '../../electron/host/store/backup.js';
import { startTestHost, tempDir, webRoot } from '../helpers/host.js';

// The desktop app's File ▸ Back up all sessions… and Restore from a backup…: electron/main.ts only
// shows the dialogs and calls these with the paths chosen (Electron's binary cannot run here), so
// the app's behaviour is tested through them, on a real host serving its data dir.

const titles = (host: Host) =>
  host.store.sessions
    .list()
    .map((s) => s.title)
    .sort();

describe('backup and restore from the app', () => {
  it('backs up while the host serves, then restores into it: the host stops, the backup comes in, the host starts again with the backup’s sessions and the old store kept beside it', async () => {
    const data = tempDir();
    let host = await startTestHost({ dataDir: data });
    try {
      host.store.sessions.create({ title: 'Order to cash', template: 'blank' });
      host.store.sessions.create({ title: 'Claims handling', template: 'blank' });
      const file = path.join(tempDir(), 'all sessions.sqlite');
      expect(await backupStore(data, file)).toMatchObject({ file, sessions: 2 });

      host.store.sessions.create({ title: 'Made after the backup', template: 'blank' });
      expect(checkBackup(file)).toEqual({ sessions: 2 });
      // The app asks before it replaces a library that holds sessions: it learns how many there are.
      expect(sessionsIn(data)).toBe(3);

      const stops: string[] = [];
      const restored = await restoreAroundHost(
        file,
        data,
        {
          stop: async () => (stops.push('stop'), host.close()),
          start: async () => (stops.push('start'), startTestHost({ dataDir: data })),
        },
        { force: true },
      );
      host = restored.host;
      expect(stops).toEqual(['stop', 'start']);
      expect(restored.sessions).toBe(2);
      expect(titles(host)).toEqual(['Claims handling', 'Order to cash']);
      expect(fs.existsSync(restored.keptAs!)).toBe(true);
      expect((await fetch(`${host.url}/`)).ok).toBe(true);
    } finally {
      await host.close();
    }
  });

  it('a file that is not a backup is refused in one line before the host is stopped; the library is untouched', async () => {
    const data = tempDir();
    const host = await startTestHost({ dataDir: data });
    try {
      host.store.sessions.create({ title: 'Order to cash', template: 'blank' });
      const notABackup = path.join(tempDir(), 'holiday.sqlite');
      fs.writeFileSync(notABackup, 'these are photos, not sessions'.repeat(200));
      let stopped = false;
      await expect(restoreAroundHost(notABackup, data, { stop: async () => void (stopped = true), start: async () => host }, { force: true })).rejects.toThrow(
        /^holiday\.sqlite is not a Brownpaper backup this version can restore: [^\n]+$/,
      );
      expect(() => checkBackup(path.join(tempDir(), 'gone.sqlite'))).toThrow(/does not exist$/);
      expect(stopped).toBe(false);
      expect(titles(host)).toEqual(['Order to cash']);
    } finally {
      await host.close();
    }
  });

  it('a library with sessions is not replaced unless the person said so: the host starts again on it as it was', async () => {
    const data = tempDir();
    let host: Host = await startTestHost({ dataDir: data });
    try {
      host.store.sessions.create({ title: 'Order to cash', template: 'blank' });
      const other = await startTestHost();
      other.store.sessions.create({ title: 'From the other laptop', template: 'blank' });
      const file = path.join(tempDir(), 'other.sqlite');
      await backupStore(other.dataDir, file);
      await other.close();

      let again: Host | null = null;
      await expect(restoreAroundHost(file, data, { stop: () => host.close(), start: async () => (again = await startTestHost({ dataDir: data })) })).rejects.toThrow(/holds 1 session; add --force/);
      host = again!;
      expect(titles(host)).toEqual(['Order to cash']);
    } finally {
      await host.close();
    }
  });

  it('the owner downloads every session as one backup file from the browser; without the owner key, nothing', async () => {
    const host = await startHost({ dataDir: tempDir(), port: 0, webRoot, owner: true, logger: silentLogger });
    try {
      host.store.sessions.create({ title: 'Order to cash', template: 'blank' });
      host.store.sessions.create({ title: 'Claims handling', template: 'blank' });
      expect((await fetch(`${host.url}/api/backup`)).status).toBe(401);
      const res = await fetch(`${host.url}/api/backup`, { headers: { Authorization: `Bearer ${host.ownerToken}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Disposition')).toMatch(/brownpaper-\d{4}-\d{2}-\d{2}\.sqlite/);
      const file = path.join(tempDir(), 'download.sqlite');
      fs.writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
      expect(checkBackup(file)).toEqual({ sessions: 2 });
    } finally {
      await host.close();
    }
  });
});
