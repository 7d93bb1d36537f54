import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// <data>/host.json says where the host serving this data dir listens, so that
// `brownpaper invite` can print a working link without being told the port.
const FILE = 'host.json';
const hostFileSchema = z.strictObject({ url: z.string().url(), pid: z.number().int() });
export type HostFile = z.infer<typeof hostFileSchema>;

export function writeHostFile(dataDir: string, info: HostFile): void {
  const file = path.join(dataDir, FILE);
  fs.writeFileSync(file + '.tmp', JSON.stringify(info) + '\n');
  fs.renameSync(file + '.tmp', file);
}

export function removeHostFile(dataDir: string, pid: number): void {
  const info = readHostFile(dataDir);
  if (info?.pid === pid) fs.rmSync(path.join(dataDir, FILE), { force: true });
}

/** The running host's URL, or null when none is recorded or its process is gone. */
export function readHostFile(dataDir: string): HostFile | null {
  let parsed: HostFile;
  try {
    parsed = hostFileSchema.parse(JSON.parse(fs.readFileSync(path.join(dataDir, FILE), 'utf8')));
  } catch {
    return null;
  }
  try {
    process.kill(parsed.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return null;
  }
  return parsed;
}
