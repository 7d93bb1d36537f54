import fs from 'node:fs/promises';

/** How often the write-ahead log is forced to the disk. */
const WAL_SYNC_MS = 250;

/** fdatasync the file if it exists. Opened each time: the log can be removed and made anew (when the last connection closes). */
export async function syncFile(file: string): Promise<void> {
  // 'r+': Windows flushes only a handle opened for writing (nothing is written through it).
  const handle = await fs.open(file, 'r+').catch(() => null);
  if (!handle) return;
  await handle.datasync().catch(() => {});
  await handle.close().catch(() => {});
}

/**
 * The store commits with synchronous = NORMAL: a commit is in the write-ahead log (the OS has
 * it) when the host relays the update, so killing the host loses nothing anyone has seen, and
 * a commit costs tens of microseconds instead of an fsync. This loop forces the log to the
 * disk every WAL_SYNC_MS on libuv's thread pool — off the event loop — so a power cut loses at
 * most the last quarter second. (SQLite's own checkpoints sync it too.)
 */
export function startWalSync(dbFile: string, everyMs = WAL_SYNC_MS, sync: (file: string) => Promise<void> = syncFile): { stop(): Promise<void> } {
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, everyMs).unref();
      });
      wake = null;
      if (!stopped) await sync(`${dbFile}-wal`);
    }
  })();
  return {
    async stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      await loop;
    },
  };
}
