import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export const BIN = path.resolve('bin/brownpaper.mjs');

/** Run the CLI to completion, as a user's shell would. */
export function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function cliJson<T = Record<string, unknown>>(...args: string[]): T {
  const r = cli(...args);
  if (r.code !== 0) throw new Error(`brownpaper ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

export interface HostProcess {
  child: ChildProcess;
  url: string;
  /** resolves with the exit code (or signal name) */
  exited: Promise<number | string>;
}

/** Start `brownpaper host` and wait for its "listening on" line. */
export function spawnHost(dataDir: string, extra: string[] = []): Promise<HostProcess> {
  const child = spawn(process.execPath, [BIN, 'host', '--port', '0', '--data', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m) resolve({ child, url: m[1], exited });
    });
    exited.then((code) => reject(new Error(`host exited (${code}) before listening: ${stderr}`)));
  });
}
