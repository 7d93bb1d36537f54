import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startHost, type Host } from '../../electron/host/host.js';
import { silentLogger, type Logger } from '../../electron/host/log.js';
import type { ConnectionLimits } from '../../electron/host/limits.js';
import { syncUrl, type Role } from '../../shared/session.js';

export function tempDir(prefix = 'brownpaper-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const webRoot = path.resolve('dist/web');

/** The real host on 127.0.0.1, port 0 (so test files run side by side), in a temp data dir. */
export async function startTestHost(opts: { dataDir?: string; logger?: Logger; connectionLimits?: ConnectionLimits } = {}): Promise<Host & { dataDir: string }> {
  const dataDir = opts.dataDir ?? tempDir();
  const host = await startHost({ dataDir, port: 0, bind: '127.0.0.1', webRoot, logger: opts.logger ?? silentLogger, connectionLimits: opts.connectionLimits });
  return Object.assign(host, { dataDir });
}

/** A session with an invite token for each role asked for. */
export function seedSession(host: Host, roles: Role[] = ['facilitator', 'participant', 'viewer']) {
  const session = host.store.sessions.create({ title: 'Order to cash', template: 'service-blueprint' });
  const tokens = Object.fromEntries(roles.map((r) => [r, host.store.tokens.issue(session.id, r)])) as Record<Role, string>;
  return { session, tokens };
}

/** A stock y-websocket client, as a participant's browser runs it. */
export function connectClient(baseUrl: string, sessionId: string, token: string | null) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(baseUrl), sessionId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    // Providers in one process would otherwise sync over BroadcastChannel, bypassing the host.
    disableBc: true,
  });
  return { doc, provider, close: () => (provider.destroy(), doc.destroy()) };
}

export function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const on = (s: boolean) => {
      if (!s) return;
      provider.off('sync', on);
      resolve();
    };
    provider.on('sync', on);
  });
}

/** Resolves once `check` holds, re-checking on every update the doc receives. */
export function until(doc: Y.Doc, check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve) => {
    const on = () => {
      if (!check()) return;
      doc.off('update', on);
      resolve();
    };
    doc.on('update', on);
  });
}

/** The document as the store has it on disk, rebuilt from the log. */
export function storedDoc(host: Host, sessionId: string): Y.Doc {
  const doc = new Y.Doc();
  const { updates } = host.store.updates.load(sessionId);
  Y.applyUpdate(doc, Y.mergeUpdates(updates));
  return doc;
}

/** Open a raw socket and report how the upgrade ended: opened, or the HTTP status it was refused with. */
export function rawUpgrade(url: string): Promise<{ opened: true; ws: WebSocket } | { opened: false; status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => resolve({ opened: true, ws }));
    ws.on('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.on('error', (e) => reject(e));
  });
}

/**
 * For a test file: a fresh host with one seeded session before each test, closed after it,
 * with the clients the test opened. Returns accessors (the values change per test).
 */
export function hostPerTest() {
  let host: (Host & { dataDir: string }) | null = null;
  let seed: ReturnType<typeof seedSession> | null = null;
  const closers: (() => void)[] = [];
  beforeEach(async () => {
    host = await startTestHost();
    seed = seedSession(host);
  });
  afterEach(async () => {
    closers.splice(0).forEach((c) => c());
    await host?.close();
  });
  return {
    host: () => host!,
    seed: () => seed!,
    /** a stock client on the seeded session (or another), closed after the test */
    client(token: string | null, sessionId = seed!.session.id) {
      const c = connectClient(host!.url, sessionId, token);
      closers.push(c.close);
      return c;
    },
  };
}
