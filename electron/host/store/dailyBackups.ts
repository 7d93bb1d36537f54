import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.js';
import { backupStore } from './backup.js';
import { fileDay } from '../../../shared/model/dateText.js';

/** Automatic backups live here, one a day, the last KEEP_DAYS kept. */
export const BACKUP_DIR = 'backups';
export const KEEP_DAYS = 7;
const NAME = /^brownpaper-(\d{4}-\d{2}-\d{2})\.sqlite$/;

const day = fileDay;

/**
 * A daily backup of the whole library in the data dir (the library issue): the first a minute
 * after the host starts (so a short start is not slowed, and a test host never writes one), then
 * whenever the day has turned, checked hourly. SQLite's online backup copies in steps between
 * the event loop's turns, so a room keeps working while it runs. Backups older than KEEP_DAYS
 * days are removed; only files this class names are ever touched.
 */
export class DailyBackups {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(firstAfterMs = 60_000, everyMs = 60 * 60_000): void {
    const tick = () => {
      this.timer = setTimeout(() => void this.runIfDue().finally(tick), everyMs);
      this.timer.unref();
    };
    this.timer = setTimeout(() => void this.runIfDue().finally(tick), firstAfterMs);
    this.timer.unref();
  }

  /** Make today's backup if there is none yet, then remove those past KEEP_DAYS. Never throws: a failed backup is logged and tried again next hour. */
  runIfDue(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  /** Stop the timer and wait for a backup under way (the store closes after it). */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async run(): Promise<void> {
    const dir = path.join(this.dataDir, BACKUP_DIR);
    const today = day(this.now());
    const file = path.join(dir, `brownpaper-${today}.sqlite`);
    try {
      if (!fs.existsSync(file)) {
        fs.mkdirSync(dir, { recursive: true });
        const made = await backupStore(this.dataDir, file);
        this.logger('info', `daily backup: ${made.sessions} sessions, ${made.bytes} bytes in ${file}`);
      }
      const oldest = day(new Date(this.now().getTime() - (KEEP_DAYS - 1) * 86_400_000));
      for (const f of fs.readdirSync(dir)) {
        const m = NAME.exec(f);
        if (m && m[1] < oldest) fs.rmSync(path.join(dir, f), { force: true });
      }
    } catch (e) {
      this.logger('warn', `daily backup failed: ${(e as Error).message}`);
    }
  }
}
