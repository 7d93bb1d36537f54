import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Host } from '../../electron/host/host.js';
import { limits } from '../../electron/host/limits.js';
import { invalidUpdate } from '../../electron/host/sync/updateCheck.js';
import { elementsMap } from '../../shared/model/board.js';
import { syncUrl } from '../../shared/session.js';
import { boardFrom } from '../../shared/operations/testDoc.js';
import { rawUpgrade, seedSession, startTestHost } from '../helpers/host.js';

// Each limit in electron/host/limits.ts, at its edge: the last allowed and the first refused.
let host: Host | null = null;
const sockets: WebSocket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.terminate());
  await host?.close();
  host = null;
});

async function open(url: string): Promise<{ opened: true; ws: WebSocket } | { opened: false; status: number }> {
  const r = await rawUpgrade(url);
  if (r.opened) sockets.push(r.ws);
  return r;
}

describe('the host’s limits, at their edges', () => {
  it('what the docs say they are', () => {
    expect(limits).toMatchObject({ messageBytes: 32 * 2 ** 20, connectionsPerSession: 500, connectionsPerAddress: 100, apiBodyBytes: 64 * 1024, shortTextChars: 200, longTextChars: 20_000 });
  });

  it('a message of exactly the limit is read (and judged); one byte more closes with 1009', async () => {
    host = await startTestHost();
    const { session, tokens } = seedSession(host);
    const url = `${syncUrl(host.url)}/${session.id}?token=${tokens.participant}`;
    const closeAfter = async (bytes: number) => {
      const r = await open(url);
      if (!r.opened) throw new Error('not opened');
      const closed = new Promise<number>((resolve) => r.ws.once('close', resolve));
      r.ws.send(new Uint8Array(bytes)); // zeros: a sync step 1 with trailing bytes
      return closed;
    };
    expect(await closeAfter(limits.messageBytes)).toBe(4400);
    expect(await closeAfter(limits.messageBytes + 1)).toBe(1009);
  });

  it('connections per session: the last one fits, the next is refused with 503, a freed place is taken again', async () => {
    host = await startTestHost({ connectionLimits: { connectionsPerSession: 3, connectionsPerAddress: 100 } });
    const { session, tokens } = seedSession(host);
    const url = `${syncUrl(host.url)}/${session.id}?token=${tokens.participant}`;
    const three = await Promise.all([open(url), open(url), open(url)]);
    expect(three.every((r) => r.opened)).toBe(true);
    expect(await open(url)).toEqual({ opened: false, status: 503 });
    const first = three[0] as { ws: WebSocket };
    await new Promise((resolve) => (first.ws.once('close', resolve), first.ws.close()));
    await expect.poll(async () => (await open(url)).opened).toBe(true);
  });

  it('connections per address, across sessions: the next is refused with 429', async () => {
    host = await startTestHost({ connectionLimits: { connectionsPerSession: 100, connectionsPerAddress: 2 } });
    const a = seedSession(host);
    const b = seedSession(host);
    expect((await open(`${syncUrl(host.url)}/${a.session.id}?token=${a.tokens.viewer}`)).opened).toBe(true);
    expect((await open(`${syncUrl(host.url)}/${b.session.id}?token=${b.tokens.viewer}`)).opened).toBe(true);
    expect(await open(`${syncUrl(host.url)}/${b.session.id}?token=${b.tokens.facilitator}`)).toEqual({ opened: false, status: 429 });
  });

  it('an API body of exactly the limit is read; one byte more is refused', async () => {
    host = await startTestHost();
    const post = (size: number) => {
      const head = '{"code":"ABCDEF","pad":"';
      const body = head + 'x'.repeat(size - head.length - 2) + '"}';
      expect(body.length).toBe(size);
      return fetch(`${host!.url}/api/join`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { error?: string },
      }));
    };
    const atLimit = await post(limits.apiBodyBytes);
    expect(atLimit.body.error).not.toMatch(/request body/);
    expect(await post(limits.apiBodyBytes + 1)).toEqual({ status: 400, body: { error: `request body: request body over ${limits.apiBodyBytes} bytes` } });
  });

  it('text fields: 200 characters of a title and 20,000 of notes are kept, one more is refused', () => {
    const hostDoc = boardFrom('sample-info-request');
    const edit = (field: string, value: string) => {
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(hostDoc));
      const step = [...elementsMap(client).values()].find((m) => m.get('kind') === 'step')!;
      const before = Y.encodeStateVector(client);
      step.set(field, value);
      return invalidUpdate(hostDoc, Y.encodeStateAsUpdate(client, before));
    };
    expect(edit('title', 't'.repeat(limits.shortTextChars))).toBeNull();
    expect(edit('title', 't'.repeat(limits.shortTextChars + 1))).toMatch(/\.title: /);
    expect(edit('notes', 'n'.repeat(limits.longTextChars))).toBeNull();
    expect(edit('notes', 'n'.repeat(limits.longTextChars + 1))).toMatch(/\.notes: /);
  });
});
