import fs from 'node:fs';
import path from 'node:path';

/**
 * Set a database that cannot be used aside, so a fresh one can start in its place: the file and
 * its WAL and shared-memory files are renamed (never rewritten — their bytes stay as they were,
 * for recovery) to `brownpaper-damaged-<time>.sqlite…` in the same folder. Returns the new name.
 * The desktop app's dialog and `brownpaper host --fresh` both come here.
 */
export function setAsideStore(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = path.join(path.dirname(file), `${path.basename(file, '.sqlite')}-damaged-${stamp}.sqlite`);
  for (const suffix of ['-wal', '-shm', '']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
  return aside;
}
