import { afterEach, expect, it } from 'vitest';
import { startHost, type Host } from '../../electron/host/host.js';
import { silentLogger } from '../../electron/host/log.js';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { hostingStateSchema } from '../../shared/hosting.js';
import { lanInterfaces, roomAddress } from '../../electron/host/lan.js';
import { connectClient, synced, tempDir, until, webRoot } from '../helpers/host.js';

let host: Host | null = null;
const closers: (() => void)[] = [];
afterEach(async () => {
  closers.splice(0).forEach((c) => c());
  await host?.close();
});

const owner = (path: string, init: RequestInit = {}) => fetch(`${host!.url}${path}`, { ...init, headers: { Authorization: `Bearer ${host!.ownerToken}`, 'Content-Type': 'application/json' } });

it('hosting on the network: join by code through it; stopping disconnects those people and ends the codes, this machine stays', async () => {
  host = await startHost({ dataDir: tempDir(), port: 0, bind: '127.0.0.1', webRoot, owner: true, logger: silentLogger });
  const session = host.store.sessions.create({ title: 'Workshop', template: 'blank' });
  const facilitator = host.store.tokens.issue(session.id, 'facilitator');

  expect(hostingStateSchema.parse(await (await owner('/api/hosting')).json()).lan).toBeNull();
  // Only the owner, and only on this machine's listener.
  expect((await fetch(`${host.url}/api/hosting`)).status).toBe(401);
  const bad = await owner('/api/hosting', { method: 'POST', body: JSON.stringify({ bind: '203.0.113.9' }) });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { error: string }).error).toContain('203.0.113.9 is not an address of this machine');

  const started = hostingStateSchema.parse(await (await owner('/api/hosting', { method: 'POST', body: JSON.stringify({ bind: '0.0.0.0', port: 0 }) })).json());
  const lanPort = started.lan!.port;
  expect(started.lan!.joinUrl).toBe(`${started.lan!.url}/join`);
  // Every interface includes loopback, so this test reaches the network listener at 127.0.0.1.
  const viaLan = `http://127.0.0.1:${lanPort}`;
  expect((await fetch(`${viaLan}/api/hosting`, { headers: { Authorization: `Bearer ${host.ownerToken}` } })).status).toBe(401);

  const codes = await fetch(`${host.url}/api/sessions/${session.id}/codes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${facilitator}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ role: 'participant' }),
  });
  const { code, joinUrl } = (await codes.json()) as { code: string; joinUrl: string };
  expect(joinUrl).toBe(started.lan!.joinUrl);
  const joined = (await (await fetch(`${viaLan}/api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) })).json()) as {
    token: string;
    url: string;
  };
  expect(joined.url.startsWith(started.lan!.url)).toBe(true);

  const guest = connectClient(viaLan, session.id, joined.token);
  const local = connectClient(host.url, session.id, facilitator);
  closers.push(guest.close, local.close);
  await Promise.all([synced(guest.provider), synced(local.provider)]);
  const guestClosed = new Promise<number>((resolve) => guest.provider.on('connection-close', (e: { code: number } | null) => resolve(e?.code ?? 0)));

  const stopped = hostingStateSchema.parse(await (await owner('/api/hosting', { method: 'DELETE' })).json());
  expect(stopped.lan).toBeNull();
  expect(await guestClosed).toBe(closeCodes.hostingStopped);
  // This machine's window is still live, and edits still flow for it.
  expect(local.provider.wsconnected).toBe(true);
  const other = connectClient(host.url, session.id, facilitator);
  closers.push(other.close);
  await synced(other.provider);
  local.doc.getMap('meta').set('title', 'Still here');
  await until(other.doc, () => other.doc.getMap('meta').get('title') === 'Still here');
  // The code ended with the hosting.
  expect((await fetch(`${host.url}/api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) })).status).toBe(401);
  await expect(fetch(`${viaLan}/`)).rejects.toThrow();
});

it('a host bound to every interface gives the room its network address and this machine 127.0.0.1', async () => {
  host = await startHost({ dataDir: tempDir(), port: 0, bind: '0.0.0.0', webRoot, owner: true, logger: silentLogger });
  const local = `http://127.0.0.1:${host.port}`;
  const created = (await (
    await fetch(`${local}/api/sessions`, { method: 'POST', headers: { Authorization: `Bearer ${host.ownerToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'Everywhere' }) })
  ).json()) as { session: { id: string }; url: string };
  // The owner's own browser stays on the address it used.
  expect(created.url.startsWith(`${local}/s/`)).toBe(true);
  const token = new URL(created.url).hash.replace('#token=', '');
  const codes = (await (
    await fetch(`${local}/api/sessions/${created.session.id}/codes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'participant' }),
    })
  ).json()) as { joinUrl: string };
  expect(codes.joinUrl).toBe(`http://${roomAddress(lanInterfaces()) ?? '127.0.0.1'}:${host.port}/join`);
});
