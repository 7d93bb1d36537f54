import { afterEach, expect, it } from 'vitest';
import { sessionSchema } from '../../shared/session.js';
import { silentLogger } from '../../electron/host/log.js';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { startTeamServer, type TeamServer } from '../../electron/host/team/teamServer.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';

// Two nodes of one team server in this process: each its own pool to PostgreSQL and its own links to Redis.

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function twoNodes(options: { publicUrl?: string } = {}) {
  const db = await emptyDatabase();
  cleanup.push(() => db.drop());
  const start = async () => {
    const node = await startTeamServer({ port: 0, bind: '127.0.0.1', postgres: db.url, redis: testRedisUrl(), webRoot: '/nonexistent', logger: silentLogger, ...options });
    cleanup.push(() => node.close());
    return node;
  };
  const [a, b] = [await start(), await start()];
  const store = await openPostgresStore(db.url);
  cleanup.push(() => store.close());
  return { a, b, store, dbUrl: db.url };
}

const call = (node: TeamServer, path: string, key: string, init: RequestInit = {}) =>
  fetch(`${node.url}${path}`, { ...init, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...init.headers } });

it('a facilitator’s API key lists, creates and opens sessions on either node; a wrong or revoked key is refused in one line', async () => {
  const { a, b, store } = await twoNodes({ publicUrl: 'https://workshops.example.org/' });
  const { key, facilitator } = await store.facilitators.add('Ana');

  const created = await call(a, '/api/sessions', key, { method: 'POST', body: JSON.stringify({ title: 'Order to cash', template: 'value-chain' }) });
  expect(created.status).toBe(201);
  const { session, url } = (await created.json()) as { session: unknown; url: string };
  const made = sessionSchema.parse(session);
  // The link is on the address people reach the nodes at, and its token opens the session on any node.
  expect(url).toMatch(new RegExp(`^https://workshops\\.example\\.org/s/${made.id}#token=`));
  const token = /token=([^&]+)/.exec(url)![1];
  expect(await store.tokens.verify(made.id, token)).toBe('facilitator');

  const listed = await call(b, '/api/sessions', key);
  expect(listed.status).toBe(200);
  expect(((await listed.json()) as { id: string }[]).map((s) => s.id)).toEqual([made.id]);

  const opened = await call(b, `/api/sessions/${made.id}/open`, key, { method: 'POST' });
  expect(opened.status).toBe(200);
  const fresh = /token=([^&]+)/.exec(((await opened.json()) as { url: string }).url)![1];
  expect(fresh).not.toBe(token);
  expect(await store.tokens.verify(made.id, fresh)).toBe('facilitator');
  expect((await call(a, '/api/sessions/nosuchsession000/open', key, { method: 'POST' })).status).toBe(404);

  // Renamed through node B: the board's title, committed to PostgreSQL, and the list follows.
  const renamed = await call(b, `/api/sessions/${made.id}/title`, key, { method: 'POST', body: JSON.stringify({ title: 'Quote to cash' }) });
  expect(renamed.status).toBe(200);
  expect(((await renamed.json()) as { title: string }).title).toBe('Quote to cash');
  expect((await store.sessions.get(made.id))!.title).toBe('Quote to cash');

  const copy = await call(a, `/api/sessions/${made.id}/duplicate`, key, { method: 'POST' });
  expect(copy.status).toBe(201);
  expect(((await copy.json()) as { session: { title: string } }).session.title).toBe('Quote to cash (copy)');
  expect((await call(b, `/api/sessions/${made.id}`, key, { method: 'DELETE' })).status).toBe(200);
  expect(((await (await call(a, '/api/trash', key)).json()) as { id: string }[]).map((s) => s.id)).toEqual([made.id]);
  expect((await call(a, `/api/trash/${made.id}/restore`, key, { method: 'POST' })).status).toBe(200);
  expect(((await (await call(b, '/api/sessions', key)).json()) as unknown[]).length).toBe(2);

  // Wrong, missing and revoked keys: 401 with one line, and nothing listed.
  const oneOff = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
  for (const wrong of [oneOff, 'not-a-key', '']) {
    const refused = await call(a, '/api/sessions', wrong);
    expect(refused.status).toBe(401);
    const body = (await refused.json()) as { error: string };
    expect(body.error).toMatch(/facilitator’s API key/);
    expect(body.error).not.toContain('\n');
  }
  await store.facilitators.revoke(facilitator.id);
  expect((await call(b, '/api/sessions', key)).status).toBe(401);
  expect((await call(a, '/api/sessions', key, { method: 'POST', body: JSON.stringify({ title: 'x', template: 'blank' }) })).status).toBe(401);
  expect(((await store.sessions.list()) as unknown[]).length).toBe(2);
});

it('the desktop’s own routes answer 501 with one line on the team server', async () => {
  const { a, store } = await twoNodes();
  const { key } = await store.facilitators.add('Bo');
  for (const path of ['/api/hosting', '/api/library', '/api/backup']) {
    const r = await call(a, path, key);
    expect(r.status, path).toBe(501);
    expect(((await r.json()) as { error: string }).error).toMatch(/^not on the team server/);
  }
});
