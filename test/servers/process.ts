import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import net from 'node:net';

/** A server process the tests started, with the tail of what it printed (for the one-line failure). */
export interface ServerProcess {
  child: ChildProcess;
  /** The last line the process printed on stdout or stderr. */
  lastLine(): string;
  /** Resolves when the process has exited (at once if it has). */
  exited: Promise<void>;
}

export function startProcess(command: string, args: string[], options: SpawnOptions = {}): ServerProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let last = '';
  const keep = (chunk: Buffer) => {
    const lines = chunk
      .toString()
      .split('\n')
      .filter((l) => l.trim());
    if (lines.length) last = lines[lines.length - 1].trim();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    // A command that cannot be spawned at all (not installed) exits through 'error' only.
    child.once('error', (e) => ((last = e.message), resolve()));
  });
  // If the test runner itself dies, take the server with it rather than leave it listening.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  void exited.then(() => process.off('exit', orphaned));
  return { child, lastLine: () => last, exited };
}

/** Stop gracefully with `signal`; after `graceMs` kill it. Resolves once it has exited. */
export async function stopProcess(p: ServerProcess, signal: NodeJS.Signals, graceMs = 10_000): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(() => (p.child.kill('SIGKILL'), resolve()), graceMs);
  });
  await Promise.race([p.exited, late]);
  clearTimeout(timer);
  await p.exited;
}

/** A port nobody listens on now, on 127.0.0.1 (for servers that cannot take port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Try `attempt` until it resolves, every 50 ms, until `deadlineMs` has passed or the process
 * has exited; then reject with `what` and the process's last line, in one line.
 */
export async function untilAccepting(p: ServerProcess, what: string, attempt: () => Promise<void>, deadlineMs = 30_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  let gone = false;
  void p.exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`${what} exited before accepting connections: ${p.lastLine() || `exit code ${p.child.exitCode}`}`);
    try {
      await attempt();
      return;
    } catch (e) {
      if (Date.now() > end) throw new Error(`${what} did not accept connections within ${deadlineMs / 1000} s: ${p.lastLine() || (e as Error).message}`);
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
  }
}
