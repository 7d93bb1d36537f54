import { afterEach, expect, it } from 'vitest';
import { silentLogger } from '../../electron/host/log.js';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { startTeamServer } from '../../electron/host/team/teamServer.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { eventually, teamClient, type TeamClient } from './nodes.js';

// Two nodes of one team server in this process, on a real PostgreSQL and Redis. Every person
// renews their presence every 15 s, which would hide a missing first delivery: each wait here
// fails well before that renewal.
const BEFORE_RENEWAL_MS = 10_000;

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** Two nodes and a session with a participant's token. */
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
  const session = await store.sessions.create({ title: 'Order to cash', template: 'value-chain' }, 1);
  return { a, b, sessionId: session.id, token: await store.tokens.issue(session.id, 'participant') };
}

const client = (base: string, sessionId: string, token: string): TeamClient => {
  const c = teamClient(base, sessionId, token);
  cleanup.push(() => c.close());
  return c;
};

/** Resolves on the awareness change after which `watcher` holds `who`'s presence as `wanted` says; fails before the renewal. */
function sees(watcher: TeamClient, who: TeamClient, what: string, wanted: (state: Record<string, unknown>) => boolean = () => true): Promise<void> {
  const awareness = watcher.provider.awareness;
  return new Promise((resolve, reject) => {
    const check = () => {
      const state = awareness.getStates().get(who.doc.clientID);
      if (!state || !wanted(state)) return;
      done();
      resolve();
    };
    const timer = setTimeout(() => (done(), reject(new Error(`not within ${BEFORE_RENEWAL_MS / 1000} s (a person renews presence every 15 s): ${what}`))), BEFORE_RENEWAL_MS);
    const done = () => (clearTimeout(timer), awareness.off('change', check));
    awareness.on('change', check);
    check();
  });
}
const named = (name: string) => (state: Record<string, unknown>) => (state.user as { name?: string } | undefined)?.name === name;

it('a person whose first presence is still empty (sent on connect, before the app names them) is seen at once on both nodes', async () => {
  const { a, b, sessionId, token } = await twoNodes();
  const bo = client(b.url, sessionId, token);
  const cleo = client(a.url, sessionId, token);
  await eventually('Bo and Cleo synced', () => bo.provider.synced && cleo.provider.synced);

  // Ana's client connects and sets nothing: the stock provider sends the `{}` its Awareness starts with.
  const ana = client(a.url, sessionId, token);
  await Promise.all([sees(bo, ana, 'Bo, on the other node, sees Ana'), sees(cleo, ana, 'Cleo, on the same node, sees Ana')]);
  expect(bo.provider.awareness.getStates().get(ana.doc.clientID)).toEqual({});
  expect(ana.provider.awareness.getLocalState()).toEqual({});

  // Her name, set afterwards, goes the usual way.
  ana.provider.awareness.setLocalStateField('user', { name: 'Ana' });
  await sees(bo, ana, 'Bo sees her name', named('Ana'));
});

it('a node whose first client arrives after the others are in shows that client everyone already there', async () => {
  const { a, b, sessionId, token } = await twoNodes();
  const ana = client(a.url, sessionId, token);
  const cleo = client(a.url, sessionId, token);
  ana.provider.awareness.setLocalStateField('user', { name: 'Ana' });
  cleo.provider.awareness.setLocalStateField('user', { name: 'Cleo' });
  await Promise.all([sees(cleo, ana, 'Cleo sees Ana', named('Ana')), sees(ana, cleo, 'Ana sees Cleo', named('Cleo'))]);

  // Node B holds nothing of this session until Bo arrives; Ana and Cleo renew only in 15 s.
  const bo = client(b.url, sessionId, token);
  bo.provider.awareness.setLocalStateField('user', { name: 'Bo' });
  await Promise.all([sees(bo, ana, 'Bo, first on node B, sees Ana', named('Ana')), sees(bo, cleo, 'Bo sees Cleo', named('Cleo')), sees(ana, bo, 'Ana sees Bo', named('Bo'))]);
});
