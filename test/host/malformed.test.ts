import net from 'node:net';
import { afterEach, expect, it } from 'vitest';
import type { Host } from '../../electron/host/host.js';
import type { Logger } from '../../electron/host/log.js';
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
