import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap } from '../../shared/model/board.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addNote } from '../../shared/operations/addCard.js';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import type { AsyncStore } from '../../electron/host/store/asyncStore.js';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { startPostgres } from '../servers/postgres.js';
import { startRedis } from '../servers/redis.js';
import { eventually, balancer, startNode, stopAllNodes, teamClient, type TeamClient } from './nodes.js';

// Runs the built CLI: `npm run build` first.

const ctx = { origin: localOrigin, now: 1 };
const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await stopAllNodes();
});

/** A session with its facilitator's and a participant's tokens, made in the store the nodes use. */
async function seed(url: string) {
  const store: AsyncStore = await openPostgresStore(url);
  try {
    const session = await store.sessions.create({ title: 'Order to cash', template: 'value-chain' }, 1);
    return { sessionId: session.id, facilitator: await store.tokens.issue(session.id, 'facilitator'), participant: await store.tokens.issue(session.id, 'participant') };
  } finally {
    await store.close();
  }
}

/** The session's board as the store has it now. */
async function stored(url: string, sessionId: string): Promise<Y.Doc> {
  const store = await openPostgresStore(url);
  try {
    const doc = new Y.Doc();
    for (const u of (await store.updates.load(sessionId)).updates) Y.applyUpdate(doc, u);
    return doc;
  } finally {
    await store.close();
  }
}

const client = (base: string, sessionId: string, token: string): TeamClient => {
  const c = teamClient(base, sessionId, token);
  cleanup.push(() => c.close());
  return c;
};
const notesOf = (doc: Y.Doc) => [...elementsMap(doc).values()].filter((e) => (e as Y.Map<unknown>).get('kind') === 'note').map((e) => (e as Y.Map<unknown>).get('text') as string);
const notes = (c: TeamClient) => notesOf(c.doc);
const has = (c: TeamClient, ...texts: string[]) => texts.every((t) => notes(c).includes(t));
const synced = (...cs: TeamClient[]) => eventually('every client synced', () => cs.every((c) => c.provider.synced));
const connected = (c: TeamClient) => c.provider.wsconnected && c.provider.synced;

describe('brownpaper server: several nodes on one PostgreSQL and one Redis', () => {
  it('clients on different nodes editing one session converge, see each other, and a client joining on a third node sees everything', async () => {
    const db = await emptyDatabase();
    cleanup.push(() => db.drop());
    const s = await seed(db.url);
    const [n1, n2, n3] = await Promise.all([startNode(db.url, testRedisUrl()), startNode(db.url, testRedisUrl()), startNode(db.url, testRedisUrl())]);
    const a = client(n1.url, s.sessionId, s.facilitator);
    const b = client(n2.url, s.sessionId, s.participant);
    await synced(a, b);

    // An edit reaches the other node's client only once it is in PostgreSQL.
    for (let i = 0; i < 5; i++) {
      addNote.run(a.doc, { x: i * 10, y: 0, text: `stored first ${i}` }, ctx);
      await eventually(`b sees note ${i}`, () => has(b, `stored first ${i}`));
      expect(notesOf(await stored(db.url, s.sessionId))).toContain(`stored first ${i}`);
    }
    const written: string[] = [];
    for (let i = 0; i < 20; i++) {
      addNote.run(a.doc, { x: i * 10, y: 100, text: `from A ${i}` }, ctx);
      addNote.run(b.doc, { x: i * 10, y: 200, text: `from B ${i}` }, ctx);
      written.push(`from A ${i}`, `from B ${i}`);
    }
    await eventually('A and B have every note', () => has(a, ...written) && has(b, ...written));
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));

    // Presence crosses nodes: B sees A's name.
    a.provider.awareness.setLocalStateField('user', { name: 'Ana on node 1' });
    const names = (c: TeamClient) => [...c.provider.awareness.getStates().values()].map((st) => (st.user as { name?: string } | undefined)?.name);
    await eventually("B sees Ana's presence", () => names(b).includes('Ana on node 1'));

    const c = client(n3.url, s.sessionId, s.participant);
    await synced(c);
    expect(has(c, ...written)).toBe(true);
    expect(notes(c).sort()).toEqual(notes(a).sort());
  });

  it('SIGKILL a node mid-workshop: its clients reconnect to another node by themselves, and nothing any client had received is lost', async () => {
    const db = await emptyDatabase();
    cleanup.push(() => db.drop());
    const s = await seed(db.url);
    const nodes = await Promise.all([startNode(db.url, testRedisUrl()), startNode(db.url, testRedisUrl())]);
    const alive = new Set(nodes);
    const front = await balancer(() => [...alive].map((n) => n.port));
    cleanup.push(() => front.close());
    // One after the other: the first lands on the first node, the second on the second.
    const a = client(front.url, s.sessionId, s.facilitator);
    await synced(a);
    const b = client(front.url, s.sessionId, s.participant);
    await synced(b);

    const before: string[] = [];
    for (let i = 0; i < 15; i++) {
      addNote.run(a.doc, { x: i * 10, y: 0, text: `A before ${i}` }, ctx);
      addNote.run(b.doc, { x: i * 10, y: 100, text: `B before ${i}` }, ctx);
      before.push(`A before ${i}`, `B before ${i}`);
    }
    await eventually('both have every note before the crash', () => has(a, ...before) && has(b, ...before));
    const receivedByA = notes(a);
    const receivedByB = notes(b);

    // A's node dies, closing nothing; A goes on typing meanwhile.
    alive.delete(nodes[0]);
    await nodes[0].kill();
    const after: string[] = [];
    for (let i = 0; i < 10; i++) {
      addNote.run(a.doc, { x: i * 10, y: 300, text: `A after ${i}` }, ctx);
      addNote.run(b.doc, { x: i * 10, y: 400, text: `B after ${i}` }, ctx);
      after.push(`A after ${i}`, `B after ${i}`);
    }
    await eventually('A is back, through the other node', () => connected(a));
    await eventually('A and B converge', () => has(a, ...before, ...after) && has(b, ...before, ...after));
    expect(a.closes.length).toBeGreaterThan(0);

    const late = client(front.url, s.sessionId, s.participant);
    await synced(late);
    for (const text of [...receivedByA, ...receivedByB, ...after]) expect(notes(late)).toContain(text);
  });

  // Its own PostgreSQL (initdb) and two node processes: on a busy shared machine that alone can take most of 30 s.
  it(
    'PostgreSQL stops: edits are refused with storageFailed and nothing unstored is relayed; it starts again: everyone reconnects and converges, offline edits included; the nodes say so in their log once each way',
    { timeout: 120_000 },
    async () => {
      const pg = await startPostgres();
      cleanup.push(() => pg.stop());
      const s = await seed(pg.url);
      const [n1, n2] = await Promise.all([startNode(pg.url, testRedisUrl()), startNode(pg.url, testRedisUrl())]);
      const a = client(n1.url, s.sessionId, s.facilitator);
      const b = client(n2.url, s.sessionId, s.participant);
      await synced(a, b);
      addNote.run(a.doc, { x: 0, y: 0, text: 'while all is well' }, ctx);
      await eventually('B sees the first note', () => has(b, 'while all is well'));

      await pg.halt();
      addNote.run(a.doc, { x: 0, y: 100, text: 'A while the database is down' }, ctx);
      await eventually('A is told its node could not save', () => a.closes.some((c) => c.code === closeCodes.storageFailed));
      addNote.run(b.doc, { x: 0, y: 200, text: 'B while the database is down' }, ctx);
      await eventually('B is told its node could not save', () => b.closes.some((c) => c.code === closeCodes.storageFailed));
      expect(a.closes.find((c) => c.code === closeCodes.storageFailed)!.reason).toMatch(/could not save/);
      // Neither edit was stored, so neither reached the other client.
      expect(has(b, 'A while the database is down')).toBe(false);
      expect(has(a, 'B while the database is down')).toBe(false);
      // Reconnecting meanwhile is refused in the same words, not with a bare network error.
      await eventually('a reconnect is refused while the database is down', () => a.closes.some((c) => c.code === closeCodes.storageFailed && /database/.test(c.reason)));
      // Whoever runs the server reads in its log that the database is away, once, however often the boards reconnect.
      const refusals = () => a.closes.filter((c) => /database/.test(c.reason)).length;
      await eventually('A refused three times', () => refusals() >= 3);
      const saidAway = (log: string) => log.split('\n').filter((l) => /PostgreSQL does not answer|cannot check a token/.test(l));
      expect(saidAway(n1.log())).toEqual([expect.stringMatching(/error PostgreSQL does not answer \(.*ECONNREFUSED.*\): boards are refused and reconnect until it does/)]);

      await pg.start();
      await eventually('both back and converged', () => connected(a) && connected(b) && has(a, 'B while the database is down') && has(b, 'A while the database is down'));
      expect(saidAway(n1.log())).toHaveLength(1);
      expect(n1.log()).toMatch(/info PostgreSQL answers again: boards reconnect \(\d+ connection\(s\) refused meanwhile\)/);
      expect(notesOf(await stored(pg.url, s.sessionId))).toEqual(expect.arrayContaining(['while all is well', 'A while the database is down', 'B while the database is down']));
    },
  );

  it('Redis stops: each node keeps serving its own clients; it starts again: what was missed arrives and the nodes hear each other again', async () => {
    const redis = await startRedis();
    cleanup.push(() => redis.remove());
    const db = await emptyDatabase();
    cleanup.push(() => db.drop());
    const s = await seed(db.url);
    const [n1, n2] = await Promise.all([startNode(db.url, redis.url), startNode(db.url, redis.url)]);
    const a = client(n1.url, s.sessionId, s.facilitator);
    const a2 = client(n1.url, s.sessionId, s.participant);
    const b = client(n2.url, s.sessionId, s.participant);
    await synced(a, a2, b);
    addNote.run(a.doc, { x: 0, y: 0, text: 'before Redis stops' }, ctx);
    await eventually('B sees it through Redis', () => has(b, 'before Redis stops'));

    await redis.stop();
    addNote.run(a.doc, { x: 0, y: 100, text: 'while Redis is down' }, ctx);
    await eventually("A's neighbour on the same node sees it", () => has(a2, 'while Redis is down'));
    expect(connected(a) && connected(a2) && connected(b)).toBe(true);

    await redis.start();
    await eventually('B gets what it missed', () => has(b, 'while Redis is down'));
    addNote.run(b.doc, { x: 0, y: 200, text: 'after Redis is back' }, ctx);
    await eventually('A hears B again', () => has(a, 'after Redis is back') && has(a2, 'after Redis is back'));
  });
});
