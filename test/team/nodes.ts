import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { syncUrl } from '../../shared/session.js';

const cliBin = path.resolve(import.meta.dirname, '../../bin/brownpaper.mjs');

/** A `brownpaper server` process of the built CLI (npm run build first). */
export interface TeamNode {
  url: string;
  port: number;
  child: ChildProcess;
  /** what it printed on stderr (its log), for a failing test's message */
  log(): string;
  /** SIGKILL: the node dies mid-workshop, closing nothing. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<TeamNode>();

/** Start a node; resolves once it prints "listening on http://…". */
export function startNode(postgres: string, redis: string, args: string[] = []): Promise<TeamNode> {
  const child = spawn(process.execPath, [cliBin, 'server', '--port', '0', '--postgres', postgres, '--redis', redis, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    running.delete(node);
  };
  let node!: TeamNode;
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m && !node) {
        const url = m[1];
        node = { url, port: Number(new URL(url).port), child, log: () => err, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
        running.add(node);
        resolve(node);
      }
    });
    void exited.then(() => reject(new Error(`brownpaper server exited (${child.exitCode}): ${err.trim().split('\n').pop() ?? ''}`)));
  });
}

/** Every node a test started and left running. */
export async function stopAllNodes(): Promise<void> {
  await Promise.all([...running].map((n) => n.kill()));
}

/**
 * "One address" in front of the nodes, as a load balancer: each new connection goes to the next
 * node in turn, skipping one that refuses (a dead node). Not sticky. It connects to the node from
 * the client's own address, as a load balancer that keeps client addresses does, so a node's
 * per-address limit counts people, not the front (npm run bench:cluster's clients come from many
 * loopback addresses). Test infrastructure, a few lines of node:net — not a mock of anything of ours.
 */
export async function roundRobin(ports: () => number[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.pause();
    const live = ports();
    const tryNode = (attempt: number) => {
      if (attempt >= live.length) return client.destroy();
      const port = live[next++ % live.length];
      const upstream = net.connect({ port, host: '127.0.0.1', localAddress: client.remoteAddress });
      upstream.once('error', () => {
        upstream.destroy();
        tryNode(attempt + 1);
      });
      upstream.once('connect', () => {
        upstream.removeAllListeners('error');
        sockets.add(upstream);
        upstream.on('close', () => (sockets.delete(upstream), client.destroy()));
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryNode(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface TeamClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** the close codes and reasons this client's socket was closed with, in order */
  closes: { code: number; reason: string }[];
  close(): void;
}

/** A stock y-websocket client (the protocol our web client speaks), reconnecting quickly. */
export function teamClient(baseUrl: string, sessionId: string, token: string): TeamClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(baseUrl), sessionId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
    maxBackoffTime: 300,
  });
  const closes: TeamClient['closes'] = [];
  provider.on('connection-close', (e: { code: number; reason: string } | null) => {
    if (e) closes.push({ code: e.code, reason: e.reason });
  });
  return { doc, provider, closes, close: () => (provider.destroy(), doc.destroy()) };
}

/** Poll `check` until it holds, or fail after `ms` with `what` (no fixed sleeps: it returns as soon as it holds). */
export async function eventually(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not within ${ms / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
