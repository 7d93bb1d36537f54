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
  /** the first stdout line (so far or to come) matching `re`, matched */
  line(re: RegExp): Promise<RegExpExecArray>;
}

/** Start `brownpaper host` and wait for its "listening on" line. */
export function spawnHost(dataDir: string, extra: string[] = []): Promise<HostProcess> {
  const child = spawn(process.execPath, [BIN, 'host', '--port', '0', '--data', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const seen: string[] = [];
  const waiting: { re: RegExp; resolve(m: RegExpExecArray): void }[] = [];
  readline.createInterface({ input: child.stdout! }).on('line', (text) => {
    seen.push(text);
    for (const w of [...waiting]) {
      const m = w.re.exec(text);
      if (m) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  const line = (re: RegExp) =>
    new Promise<RegExpExecArray>((resolve) => {
      for (const text of seen) {
        const m = re.exec(text);
        if (m) return resolve(m);
      }
      waiting.push({ re, resolve });
    });
  return new Promise((resolve, reject) => {
    void line(/listening on (http:\/\/\S+)/).then((m) => resolve({ child, url: m[1], exited, line }));
    void exited.then((code) => reject(new Error(`host exited (${code}) before listening: ${stderr}`)));
  });
}
