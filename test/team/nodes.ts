import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
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

/** How the front picks a node for a new connection, as a load balancer is set up. */
export type Balance =
  /** each connection to the next live node in turn: a workshop's people spread over every node */
  | 'round-robin'
  /**
   * sticky by session: the node is picked from the request's path without its query
   * (`/sync/<session id>`), by rendezvous hashing over the live nodes — as nginx's
   * `hash $uri consistent` or HAProxy's `balance uri` with `hash-type consistent` — so every
   * person of a workshop lands on the same node, and a node's death moves only its own workshops
   */
  | 'sticky';

/**
 * "One address" in front of the nodes, as a load balancer (round-robin or sticky by session, see
 * `Balance`), skipping a node that refuses (a dead node). It connects to the node from the
 * client's own address, as a load balancer that keeps client addresses does, so a node's
 * per-address limit counts people, not the front (npm run bench:cluster's clients come from many
 * loopback addresses). Test infrastructure, a few lines of node:net — not a mock of anything of ours.
 */
export async function balancer(ports: () => number[], balance: Balance = 'round-robin'): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const sockets = new Set<net.Socket>();
  /** The live ports in the order to try them for one connection whose first bytes are `head`. */
  const order = (head: string): number[] => {
    const live = ports();
    if (balance === 'round-robin') {
      const first = next++;
      return live.map((_, i) => live[(first + i) % live.length]);
    }
    // The request line's path, without the query (a person's own token must not split a workshop).
    const key = /^[A-Z]+ ([^ ?]*)/.exec(head)?.[1] ?? '';
    const score = (port: number) => createHash('sha1').update(`${port} ${key}`).digest().readUInt32BE(0);
    return [...live].sort((a, b) => score(b) - score(a));
  };
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {}); // a person gone before their request line: nothing to pass on
    let head = Buffer.alloc(0);
    const pipeTo = (tries: number[]) => {
      const port = tries.shift();
      if (port === undefined) return client.destroy();
      const upstream = net.connect({ port, host: '127.0.0.1', localAddress: client.remoteAddress });
      upstream.once('error', () => {
        upstream.destroy();
        pipeTo(tries);
      });
      upstream.once('connect', () => {
        upstream.removeAllListeners('error');
        sockets.add(upstream);
        upstream.on('close', () => (sockets.delete(upstream), client.destroy()));
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        upstream.write(head);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    // Read up to the end of the request line (a sticky front needs the path), then pick the node.
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      if (!head.includes('\r\n') && head.length < 8192) return;
      client.off('data', onData);
      client.pause();
      pipeTo(order(head.toString('latin1')));
    };
    client.on('data', onData);
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
