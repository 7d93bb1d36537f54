import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../electron/host/host.js';
import type { Logger } from '../../electron/host/log.js';
import { restoreStore } from '../../electron/host/store/backup.js';
import { BACKUP_DIR, DailyBackups, KEEP_DAYS } from '../../electron/host/store/dailyBackups.js';
import { openStore } from '../../electron/host/store/store.js';
import { tempDir } from '../helpers/host.js';

const quiet: Logger = () => {};

describe('the daily backup', () => {
  it('makes one backup a day and keeps the last seven; files it did not name are left alone', async () => {
    const data = tempDir();
    const store = openStore(data, { create: true });
    store.sessions.create({ title: 'Order to cash', template: 'sample-info-request' });
    let now = new Date('2026-11-01T09:00:00Z');
    const backups = new DailyBackups(data, quiet, () => now);
    fs.mkdirSync(path.join(data, BACKUP_DIR));
    fs.writeFileSync(path.join(data, BACKUP_DIR, 'brownpaper-mine.sqlite'), 'my own copy');
    for (let d = 0; d < 10; d++) {
      await backups.runIfDue();
      await backups.runIfDue(); // twice the same day: still one file
      now = new Date(now.getTime() + 86_400_000);
    }
    store.close();
    expect(fs.readdirSync(path.join(data, BACKUP_DIR)).sort()).toEqual([
      'brownpaper-2026-11-04.sqlite',
      'brownpaper-2026-11-05.sqlite',
      'brownpaper-2026-11-06.sqlite',
      'brownpaper-2026-11-07.sqlite',
      'brownpaper-2026-11-08.sqlite',
      'brownpaper-2026-11-09.sqlite',
      'brownpaper-2026-11-10.sqlite',
      'brownpaper-mine.sqlite',
    ]);
    expect(KEEP_DAYS).toBe(7);
    // Each is a whole library that restores.
    expect(restoreStore(path.join(data, BACKUP_DIR, 'brownpaper-2026-11-10.sqlite'), tempDir()).sessions).toBe(1);
  });

  it('a running host writes today’s backup into the data dir without stopping the room', async () => {
    const data = tempDir();
    let logged: (line: string) => void = () => {};
    const backedUp = new Promise<string>((resolve) => (logged = resolve));
    const host = await startHost({
      dataDir: data,
      port: 0,
      webRoot: tempDir(),
      firstBackupAfterMs: 0,
      logger: (level, message) => message.startsWith('daily backup') && logged(`${level} ${message}`),
    });
    host.store.sessions.create({ title: 'Order to cash', template: 'blank' });
    try {
      expect(await backedUp).toMatch(/^info daily backup: \d+ sessions, \d+ bytes in .*brownpaper-\d{4}-\d{2}-\d{2}\.sqlite$/);
      expect(fs.readdirSync(path.join(data, BACKUP_DIR))).toEqual([`brownpaper-${new Date().toISOString().slice(0, 10)}.sqlite`]);
    } finally {
      await host.close();
    }
  });
});
