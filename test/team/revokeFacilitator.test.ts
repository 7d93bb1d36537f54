import { afterEach, expect, it } from 'vitest';
import pg from 'pg';
import { elementsMap } from '../../shared/model/board.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addNote } from '../../shared/operations/addCard.js';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { silentLogger } from '../../electron/host/log.js';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { startTeamServer, type TeamServer } from '../../electron/host/team/teamServer.js';
import { cliHere, cliHereAnswer } from '../helpers/cliHere.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { eventually, teamClient, type TeamClient } from './nodes.js';

// Someone leaves the CX team: the admin revokes their key. Two nodes of one team server (real
// PostgreSQL, real Redis), stock y-websocket clients, the admin command as it is typed.

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function twoNodes() {
  const db = await emptyDatabase();
  cleanup.push(() => db.drop());
  const start = async () => {
    const node = await startTeamServer({ port: 0, bind: '127.0.0.1', postgres: db.url, redis: testRedisUrl(), webRoot: '/nonexistent', logger: silentLogger });
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
const tokenOf = (url: string) => /token=([^&]+)/.exec(url)![1];

function connect(node: TeamServer, sessionId: string, token: string): TeamClient {
  const c = teamClient(node.url, sessionId, token);
  cleanup.push(() => c.close());
  return c;
}
const notes = (c: TeamClient) => [...elementsMap(c.doc).values()].map((m) => String(m.toJSON().text ?? ''));

it('revoking a facilitator ends the boards their key opened, on every node and for good; the participants they invited stay', async () => {
  const { a, b, store, dbUrl } = await twoNodes();
  const ben = await cliHereAnswer<{ id: string; key: string }>('server', 'add-facilitator', '--postgres', dbUrl, '--name', 'Ben Ortiz');
  const ana = await store.facilitators.add('Ana Lima');

  // Ben signs in and makes a session (its board opens through node A), and opens it again later through node B.
  const made = (await (await call(a, '/api/sessions', ben.key, { method: 'POST', body: JSON.stringify({ title: 'Claims, as-is', template: 'blank' }) })).json()) as {
    session: { id: string };
    url: string;
  };
  const id = made.session.id;
  const again = (await (await call(b, `/api/sessions/${id}/open`, ben.key, { method: 'POST' })).json()) as { url: string };
  // Ana co-facilitates it; Pat joins with a participant link Ben handed out.
  const anas = (await (await call(b, `/api/sessions/${id}/open`, ana.key, { method: 'POST' })).json()) as { url: string };
  const patToken = await store.tokens.issue(id, 'participant', 'invite');

  const benA = connect(a, id, tokenOf(made.url));
  const benB = connect(b, id, tokenOf(again.url));
  const anaB = connect(b, id, tokenOf(anas.url));
  const pat = connect(a, id, patToken);
  for (const c of [benA, benB, anaB, pat]) await eventually('everyone synced', () => c.provider.synced);

  const revoked = await cliHere('server', 'revoke-facilitator', ben.id, '--postgres', dbUrl, '--redis', testRedisUrl());
  expect(revoked.stderr).toBe('');
  expect(revoked.code).toBe(0);
  expect(JSON.parse(revoked.stdout)).toMatchObject({ id: ben.id, name: 'Ben Ortiz', revokedAt: expect.any(Number), linksEnded: 2, openBoardsClosed: true });

  // Both of Ben's boards are closed, on both nodes, saying why; his links no longer open the session.
  await eventually('Ben’s boards closed on both nodes', () => [benA, benB].every((c) => c.closes.some((x) => x.code === closeCodes.keyRevoked)));
  expect(await store.tokens.verify(id, tokenOf(made.url))).toBeNull();
  expect(await store.tokens.verify(id, tokenOf(again.url))).toBeNull();
  benA.close();
  benB.close();

  // The workshop goes on: Pat and Ana still edit, and see each other's edits across the nodes.
  addNote.run(pat.doc, { x: 0, y: 0, text: 'Pat, after Ben left' }, { origin: localOrigin, now: 1 });
  addNote.run(anaB.doc, { x: 300, y: 0, text: 'Ana, after Ben left' }, { origin: localOrigin, now: 2 });
  await eventually('Pat and Ana see both edits', () => [pat, anaB].every((c) => notes(c).length === 2));
  expect(pat.closes).toEqual([]);
  expect(anaB.closes).toEqual([]);
  expect(await store.tokens.verify(id, patToken)).toBe('participant');
  expect(await store.tokens.verify(id, tokenOf(anas.url))).toBe('facilitator');

  // Ben, at home, opens his bookmarked link: refused; his key too.
  const late = connect(b, id, tokenOf(made.url));
  await eventually('the old link refused', () => late.closes.length > 0);
  expect(late.provider.synced).toBe(false);
  expect((await call(a, '/api/sessions', ben.key)).status).toBe(401);
});

it('without Redis the links are ended all the same and the admin is told the open boards close when they reconnect; a facilitator revoked before this version has their links ended by revoking again', async () => {
  const { a, store, dbUrl } = await twoNodes();
  const ben = await store.facilitators.add('Ben Ortiz');
  const made = (await (await call(a, '/api/sessions', ben.key, { method: 'POST', body: JSON.stringify({ title: 'Claims, as-is', template: 'blank' }) })).json()) as {
    session: { id: string };
    url: string;
  };
  // Revoked the old way: the key only (what earlier versions did).
  const sql = new pg.Client({ connectionString: dbUrl });
  await sql.connect();
  await sql.query('UPDATE facilitators SET revoked_at = $2 WHERE id = $1', [ben.facilitator.id, Date.now()]);
  await sql.end();
  expect(await store.tokens.verify(made.session.id, tokenOf(made.url))).toBe('facilitator');

  const r = await cliHere('server', 'revoke-facilitator', ben.facilitator.id, '--postgres', dbUrl);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ id: ben.facilitator.id, linksEnded: 1, openBoardsClosed: false });
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^brownpaper: .*close when they next reconnect.*--redis/);
  expect(await store.tokens.verify(made.session.id, tokenOf(made.url))).toBeNull();

  // Once more: nothing left to end, so it is the one line it always was.
  const third = await cliHere('server', 'revoke-facilitator', ben.facilitator.id, '--postgres', dbUrl);
  expect(third.code).toBe(1);
  expect(third.stderr).toMatch(/was revoked already, at /);
  // A Redis that does not answer: one line, and nothing is revoked half-way.
  const bo = await store.facilitators.add('Bo');
  const down = await cliHere('server', 'revoke-facilitator', bo.facilitator.id, '--postgres', dbUrl, '--redis', 'redis://127.0.0.1:1');
  expect(down.code).toBe(1);
  expect(down.stderr.trim().split('\n')).toHaveLength(1);
  expect(down.stderr).toMatch(/Redis/);
  expect(await store.facilitators.verify(bo.key)).toMatchObject({ name: 'Bo' });
});
