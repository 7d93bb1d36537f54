import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host.js';
import type { Logger } from '../../electron/host/log.js';
import * as Y from 'yjs';
import { syncUrl } from '../../shared/session.js';
import { decodeFrame, encodeSync, messageType, syncType } from '../../shared/sync/messages.js';
import { seedSession, startTestHost } from '../helpers/host.js';

let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

/** Send one raw request line (as a scanner would, unencoded) and read the status. */
function rawStatus(port: number, target: string, extra = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: close\r\n\r\n`));
    let head = '';
    socket.on('data', (d) => {
      head += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (m) {
        socket.destroy();
        resolve(Number(m[1]));
      }
    });
    socket.on('error', reject);
  });
}

it('malformed addresses answer 400 and log nothing as an error', async () => {
  const errors: string[] = [];
  const logger: Logger = (level, message) => void (level === 'error' && errors.push(message));
  host = await startTestHost({ logger });
  const { session, tokens } = seedSession(host);
  const upgrade = 'Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
  expect(await rawStatus(host.port, '/%c0%ae%c0%ae/etc/passwd')).toBe(400);
  expect(await rawStatus(host.port, '/assets/a%00.js')).toBe(400);
  expect(await rawStatus(host.port, '/api/sessions/%E0%A4%A')).toBe(400);
  expect(await rawStatus(host.port, `/sync/%c0%ae?token=${tokens.facilitator}`, upgrade)).toBe(400);
  expect(await rawStatus(host.port, `/sync/${session.id}%00?token=${tokens.facilitator}`, upgrade)).toBe(400);
  // and the well-formed still work
  expect(await rawStatus(host.port, '/')).toBe(200);
  expect(await rawStatus(host.port, '/no-such-file.js')).toBe(404);
  expect(errors).toEqual([]);
});

it('one client flooding bad frames gets a few log lines, and what it queued is not read', async () => {
  const lines: string[] = [];
  host = await startTestHost({ logger: (_level, message) => void lines.push(message) });
  const { session, tokens } = seedSession(host);
  const { default: WebSocket } = await import('ws');
  const ws = new WebSocket(`${syncUrl(host.url)}/${session.id}?token=${tokens.participant}`);
  await new Promise((resolve) => ws.once('open', resolve));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const bad = Buffer.from([0, 9, 1, 2, 3]); // sync, unknown sync type
  for (let i = 0; i < 20_000; i++) ws.send(bad);
  expect(await closed).toBe(4400);
  const fromIt = lines.filter((l) => l.includes(tokens.participant.slice(0, 6)));
  expect(fromIt.length).toBeLessThanOrEqual(2);
  expect(fromIt[0]).toMatch(/closing connection: malformed message: unknown sync message type 9/);
});

it('a viewer sending refused updates over and over gets at most a burst of log lines', async () => {
  const lines: string[] = [];
  host = await startTestHost({ logger: (_level, message) => void lines.push(message) });
  const { session, tokens } = seedSession(host);
  const { default: WebSocket } = await import('ws');
  const ws = new WebSocket(`${syncUrl(host.url)}/${session.id}?token=${tokens.viewer}`);
  await new Promise((resolve) => ws.once('open', resolve));
  const doc = new Y.Doc();
  for (let i = 0; i < 500; i++) {
    const before = Y.encodeStateVector(doc);
    doc.getMap('meta').set('title', `vandal ${i}`);
    ws.send(encodeSync(syncType.update, Y.encodeStateAsUpdate(doc, before)));
  }
  // The host reads a connection's messages in order: its answer to this step 1 comes after all 500.
  const answered = new Promise<void>((resolve) =>
    ws.on('message', (data: Buffer) => {
      if (data[0] !== messageType.sync) return; // the "permission denied" answers
      const frame = decodeFrame(new Uint8Array(data));
      if (frame.syncType === syncType.step2) resolve();
    }),
  );
  ws.send(encodeSync(syncType.step1, Y.encodeStateVector(new Y.Doc())));
  await answered;
  expect(lines.filter((l) => l.includes('update refused')).length).toBe(5);
  ws.close();
});
