import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort, startProcess, stopProcess, untilAccepting, type ServerProcess } from './process.js';

/** A throwaway Redis on 127.0.0.1, nothing saved: for the tests only. */
export interface TestRedis {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Stop the process (a crash of Redis, as the nodes see it); start() brings it back on the same port, empty. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stop it for good and remove its dir. */
  remove(): Promise<void>;
  /** Its process id while it runs (npm run bench:cluster reads its CPU). */
  pid(): number | undefined;
}

export async function startRedis(): Promise<TestRedis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server: ServerProcess | null = null;

  async function start() {
    const p = startProcess('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { cwd: dir });
    server = p;
    try {
      await untilAccepting(p, `Redis on 127.0.0.1:${port}`, async () => {
        const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
        client.on('error', () => {});
        try {
          await client.connect();
          await client.ping();
        } finally {
          client.disconnect();
        }
      });
    } catch (e) {
      await stopProcess(p, 'SIGTERM');
      if ((e as Error).message.includes('ENOENT')) throw new Error('Redis is not installed: no redis-server on the PATH (apt-get install redis-server)');
      throw e;
    }
  }

  async function stop() {
    if (server) await stopProcess(server, 'SIGTERM');
    server = null;
  }

  try {
    await start();
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url,
    port,
    start,
    stop,
    pid: () => server?.child.pid,
    async remove() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
