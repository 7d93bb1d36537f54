import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import pg from 'pg';
import type WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard, type BoardElement } from '../../shared/model/board.js';
import { itemCounts } from '../../shared/model/fold.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addNote } from '../../shared/operations/addCard.js';
import { moveElements } from '../../shared/operations/moveElements.js';
import { setElementText } from '../../shared/operations/setElementText.js';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { decodeFrame, messageType } from '../../shared/sync/messages.js';
import { openPostgresStore, type PostgresStore } from '../../electron/host/store/postgres/store.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { balancer, eventually, startNode, stopAllNodes, teamClient, type TeamClient } from './nodes.js';

// The fold to a fresh document (issue 20) on a team server: real node processes of the built
// CLI (`npm run build` first) on one PostgreSQL and one Redis.

const ctx = { origin: localOrigin, now: 1 };
const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await stopAllNodes();
});

async function setUp() {
  const db = await emptyDatabase();
  cleanup.push(() => db.drop());
  const store = await openPostgresStore(db.url);
  cleanup.push(() => store.close());
  const session = await store.sessions.create({ title: 'Order to cash', template: 'blank' }, 1);
  const tokens = { facilitator: await store.tokens.issue(session.id, 'facilitator'), participant: await store.tokens.issue(session.id, 'participant') };
  return { db, store, sessionId: session.id, tokens };
}

const client = (base: string, sessionId: string, token: string): TeamClient => {
  const c = teamClient(base, sessionId, token);
  cleanup.push(() => c.close());
  return c;
};
const synced = (...cs: TeamClient[]) => eventually('every client synced', () => cs.every((c) => c.provider.synced));
const elementsOf = (doc: Y.Doc) => [...readBoard(doc).elements.values()].sort((a, b) => a.id.localeCompare(b.id));
const notes = (doc: Y.Doc) => elementsOf(doc).filter((e): e is Extract<BoardElement, { kind: 'note' }> => e.kind === 'note');
const vector = (doc: Y.Doc) => Y.encodeStateVector(doc).toString();

async function stored(store: PostgresStore, sessionId: string): Promise<{ doc: Y.Doc; epoch: number }> {
  const { updates, epoch } = await store.updates.load(sessionId);
  const doc = new Y.Doc();
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
  return { doc, epoch };
}

/** Read the store until `check` holds, one read at a time (polls never pile up on a loaded machine), or fail after 15 s. */
async function until(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Wear the board down as a long workshop does: ten notes, each moved 40 times, so its tombstones outnumber its live items. */
async function wear(c: TeamClient, store: PostgresStore, sessionId: string): Promise<void> {
  const ids = Array.from({ length: 10 }, (_, k) => addNote.run(c.doc, { x: 300 * k, y: 0, text: `note ${k}` }, ctx));
  for (let i = 1; i <= 40; i++) moveElements.run(c.doc, { moves: ids.map((id, k) => ({ id, x: 300 * k + i, y: 10 * i })) }, ctx);
  const sent = vector(c.doc);
  await until('the worn board is in PostgreSQL', async () => vector((await stored(store, sessionId)).doc) === sent);
}

/** The session's epoch in PostgreSQL reaches `epoch`. */
async function epochReaches(store: PostgresStore, sessionId: string, epoch: number): Promise<void> {
  await until(`the session is folded afresh to epoch ${epoch}`, async () => (await store.updates.load(sessionId)).epoch === epoch);
}

/**
 * A transaction of the test's own that takes a lock (`sql`) and holds it until `release`: what a
 * node does next waits there, where the test wants to see it.
 */
async function hold(url: string, sql: string, params: unknown[] = []): Promise<{ release(): Promise<void> }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('BEGIN');
  await c.query(sql, params);
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await c.query('COMMIT');
    await c.end();
  };
  cleanup.push(release);
  return { release };
}

/** Until `n` statements of the nodes starting with `statement` wait for a lock (the test's). */
async function waitingAt(url: string, statement: string, n = 1): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const end = Date.now() + 15_000; ;) {
      const r = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND ltrim(query) LIKE $1 || '%'`, [
        statement,
      ]);
      if (r.rows[0].n >= n) return;
      if (Date.now() > end) throw new Error(`not within 15 s: a node waiting at "${statement}"`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await c.end();
  }
}

/** Resolves once a node tells the others over Redis that `clientId`'s presence is gone (it has let that person go). */
async function presenceGone(sessionId: string, clientId: number): Promise<() => Promise<void>> {
  const sub = new Redis(testRedisUrl());
  let gone!: () => void;
  const heard = new Promise<void>((resolve) => (gone = resolve));
  sub.on('messageBuffer', (_channel: Buffer, message: Buffer) => {
    try {
      const d = decoding.createDecoder(new Uint8Array(message));
      decoding.readVarString(d);
      const frame = decodeFrame(decoding.readVarUint8Array(d));
      if (frame.type !== messageType.awareness) return;
      const u = decoding.createDecoder(frame.payload!);
      for (let i = decoding.readVarUint(u); i > 0; i--) {
        const id = decoding.readVarUint(u);
        decoding.readVarUint(u);
        const state: unknown = JSON.parse(decoding.readVarString(u));
        if (id === clientId && state === null) gone();
      }
    } catch {
      // not the message looked for
    }
  });
  await sub.subscribe(`brownpaper:presence:${sessionId}`);
  cleanup.push(() => void sub.disconnect());
  return () => heard;
}

describe('the team server folds a long session to a fresh document', () => {
  it('folds when the last person leaves node A while node B held it too; a stock client offline through the fold comes back through node B and its edits appear once', async () => {
    const { db, store, sessionId, tokens } = await setUp();
    const [nodeA, nodeB] = await Promise.all([startNode(db.url, testRedisUrl()), startNode(db.url, testRedisUrl())]);
    const a = client(nodeA.url, sessionId, tokens.facilitator);
    const b = client(nodeB.url, sessionId, tokens.participant);
    const offline = client(nodeB.url, sessionId, tokens.participant);
    await synced(a, b, offline);
    await wear(a, store, sessionId);
    await eventually('B and the offline client have the worn board', () => vector(b.doc) === vector(a.doc) && vector(offline.doc) === vector(a.doc));

    // Offline: a move, a retyped note and a new one, none of it sent.
    offline.provider.disconnect();
    const [moved, retyped] = notes(offline.doc);
    moveElements.run(offline.doc, { moves: [{ id: moved.id, x: 5555, y: 6666 }] }, ctx);
    setElementText.run(offline.doc, { id: retyped.id, text: 'Typed offline' }, ctx);
    addNote.run(offline.doc, { x: 0, y: 900, text: 'Added offline' }, ctx);

    // B's people leave: someone is still on A, so B does not fold.
    b.provider.disconnect();
    await eventually('node B declined to fold', () => nodeB.log().includes('not folded afresh: someone is in it on another node'));
    addNote.run(a.doc, { x: 0, y: 1200, text: 'A was still here' }, ctx);
    await until("A's last note is stored", async () => notes((await stored(store, sessionId)).doc).some((n) => n.text === 'A was still here'));
    expect((await store.updates.load(sessionId)).epoch).toBe(0);
    const before = elementsOf(a.doc);

    // The last person leaves node A: A folds.
    a.provider.disconnect();
    await epochReaches(store, sessionId, 1);
    const fresh = (await stored(store, sessionId)).doc;
    expect(itemCounts(fresh).tombstones).toBe(0);
    expect(elementsOf(fresh)).toEqual(before);
    expect(await store.updates.baseEpochs(sessionId)).toEqual([0]);
    const freshClients = [...fresh.store.clients.keys()];

    // The offline client comes back through node B: its edits are taken in through the base, once.
    const watcher = client(nodeA.url, sessionId, tokens.facilitator);
    await synced(watcher);
    offline.provider.connect();
    await eventually("the offline client's edits are on the board", () => {
      const board = readBoard(watcher.doc).elements;
      return (board.get(moved.id) as { x?: number } | undefined)?.x === 5555 && notes(watcher.doc).some((n) => n.text === 'Added offline');
    });
    await eventually('the offline client is told its doc was folded', () => offline.closes.some((c) => c.code === closeCodes.folded));
    const board = readBoard(watcher.doc).elements;
    expect(board.get(moved.id)).toMatchObject({ x: 5555, y: 6666 });
    expect(board.get(retyped.id)).toMatchObject({ text: 'Typed offline' });
    expect(notes(watcher.doc).filter((n) => n.text === 'Added offline')).toHaveLength(1);
    // Its old doc never took the new epoch's items.
    expect(freshClients.some((id) => offline.doc.store.clients.has(id))).toBe(false);

    // Connected again by hand with the same old doc (4409 is final to a stock provider): closed
    // again, nothing taken twice.
    offline.provider.connect();
    await eventually('closed as folded again', () => offline.closes.filter((c) => c.code === closeCodes.folded).length === 2);
    let again: Y.Doc = new Y.Doc();
    await until('the store holds the watcher’s board', async () => vector((again = (await stored(store, sessionId)).doc)) === vector(watcher.doc));
    expect(notes(again).filter((n) => n.text === 'Added offline')).toHaveLength(1);
    expect(elementsOf(again)).toEqual(elementsOf(watcher.doc));
  });

  it('two nodes whose last people leave at once fold the session once', async () => {
    const { db, store, sessionId, tokens } = await setUp();
    const [nodeA, nodeB] = await Promise.all([startNode(db.url, testRedisUrl()), startNode(db.url, testRedisUrl())]);
    const a = client(nodeA.url, sessionId, tokens.facilitator);
    const b = client(nodeB.url, sessionId, tokens.participant);
    await synced(a, b);
    await wear(a, store, sessionId);
    await eventually('B has the worn board', () => vector(b.doc) === vector(a.doc));
    const before = elementsOf(a.doc);

    a.provider.disconnect();
    b.provider.disconnect();
    await epochReaches(store, sessionId, 1);
    // A node opens a session only once its unloading room is through: a client synced on each
    // node means both nodes' unloads (and folds) are over.
    const after = client(nodeB.url, sessionId, tokens.facilitator);
    await synced(after);
    const other = client(nodeA.url, sessionId, tokens.facilitator);
    await synced(other);
    expect(vector(other.doc)).toBe(vector(after.doc));
    expect((await store.updates.load(sessionId)).epoch).toBe(1);
    expect(await store.updates.baseEpochs(sessionId)).toEqual([0]);
    expect((await store.updates.base(sessionId, 0))!).toHaveLength(1);
    expect(elementsOf(after.doc)).toEqual(before);
    expect((nodeA.log() + nodeB.log()).match(/folded afresh to epoch/g)).toHaveLength(1);
  });

  it('Pat joins through node B while node A folds the session afresh: B reads the old board, his edit there is refused, he reconnects and it is on the fresh board once', async () => {
    const { db, store, sessionId, tokens } = await setUp();
    const [nodeA, nodeB] = await Promise.all([startNode(db.url, testRedisUrl()), startNode(db.url, testRedisUrl())]);
    const ana = client(nodeA.url, sessionId, tokens.facilitator);
    await synced(ana);
    await wear(ana, store, sessionId);

    // Ana leaves: node A asks who is still here (nobody), then its fold waits at the test's lock
    // before it commits.
    const fold = await hold(db.url, 'LOCK TABLE fold_bases IN SHARE MODE');
    ana.provider.disconnect();
    await waitingAt(db.url, 'INSERT INTO fold_bases');

    // Pat joins through node B meanwhile: B reads the session as it still is.
    const pat = client(nodeB.url, sessionId, tokens.participant);
    await synced(pat);
    expect(vector(pat.doc)).toBe(vector(ana.doc));
    addNote.run(pat.doc, { x: 0, y: 1500, text: 'Typed at the fold' }, ctx);
    await waitingAt(db.url, 'UPDATE sessions SET updated_at');
    await fold.release();

    await epochReaches(store, sessionId, 1);
    await eventually('node B refused to write into the old document', () => nodeB.log().includes('was folded afresh by another node'));
    await eventually('Pat reconnected and was told his document was folded', () => pat.closes.some((c) => c.code === closeCodes.folded));
    expect(pat.closes[0].code).toBe(closeCodes.foldedElsewhere);

    const watcher = client(nodeA.url, sessionId, tokens.facilitator);
    await synced(watcher);
    await eventually("Pat's note is on the fresh board", () => notes(watcher.doc).some((n) => n.text === 'Typed at the fold'));
    expect(notes(watcher.doc).filter((n) => n.text === 'Typed at the fold')).toHaveLength(1);
    let inStore: ReturnType<typeof notes> = [];
    await until("Pat's note is stored", async () => (inStore = notes((await stored(store, sessionId)).doc)).some((n) => n.text === 'Typed at the fold'));
    expect(inStore.filter((n) => n.text === 'Typed at the fold')).toHaveLength(1);
    expect((await store.updates.load(sessionId)).epoch).toBe(1);
  });

  it('the last person on node B types and leaves for good just as node A folds: A waits for that edit, and it is kept once', async () => {
    const { db, store, sessionId, tokens } = await setUp();
    const [nodeA, nodeB] = await Promise.all([startNode(db.url, testRedisUrl()), startNode(db.url, testRedisUrl())]);
    const ana = client(nodeA.url, sessionId, tokens.facilitator);
    const ben = client(nodeB.url, sessionId, tokens.participant);
    await synced(ana, ben);
    await wear(ana, store, sessionId);
    await eventually('Ben has the worn board', () => vector(ben.doc) === vector(ana.doc));

    // The test holds the session's row: node A's fold (Ana left) queues first, then Ben's last edit.
    const row = await hold(db.url, 'SELECT 1 FROM sessions WHERE id = $1 FOR NO KEY UPDATE', [sessionId]);
    ana.provider.disconnect();
    await waitingAt(db.url, 'SELECT 1 FROM sessions');
    addNote.run(ben.doc, { x: 0, y: 1500, text: 'Typed on the way out' }, ctx);
    await waitingAt(db.url, 'UPDATE sessions SET updated_at');
    // Ben's laptop closes: his socket drops, and he never comes back to send the note again.
    const benLeft = await presenceGone(sessionId, ben.doc.clientID);
    ben.provider.shouldConnect = false;
    (ben.provider.ws as unknown as WebSocket).terminate();
    await benLeft();
    // Node B has let Ben go (his presence is gone); his note still waits to be committed.
    await row.release();

    let inStore: ReturnType<typeof notes> = [];
    await until("Ben's last note is stored", async () => (inStore = notes((await stored(store, sessionId)).doc)).some((n) => n.text === 'Typed on the way out'));
    expect(inStore.filter((n) => n.text === 'Typed on the way out')).toHaveLength(1);
    expect(nodeA.log()).toContain('not folded afresh: someone is in it on another node');
    // Node B, the last to let go, folds it with the note in it.
    await epochReaches(store, sessionId, 1);
    const fresh = (await stored(store, sessionId)).doc;
    expect(notes(fresh).filter((n) => n.text === 'Typed on the way out')).toHaveLength(1);
    // The node says so once its fold is stored: its line may reach us a moment after the epoch does.
    await eventually('node B says it folded', () => nodeB.log().includes('folded afresh to epoch 1'));
  });

  it('node B hears "who is here" and dies before answering: node A does not fold then, only when its last person leaves with every node answering; the edits of B\'s person are kept once', async () => {
    const { db, store, sessionId, tokens } = await setUp();
    const [nodeA, nodeB] = await Promise.all([startNode(db.url, testRedisUrl()), startNode(db.url, testRedisUrl())]);
    // Ben comes through the one address, on node B while it lives, then on A.
    let live = [nodeB.port];
    const front = await balancer(() => live);
    cleanup.push(() => front.close());
    const ana = client(nodeA.url, sessionId, tokens.facilitator);
    const ben = client(front.url, sessionId, tokens.participant);
    await synced(ana, ben);
    await wear(ana, store, sessionId);
    await eventually('Ben has the worn board', () => vector(ben.doc) === vector(ana.doc));

    // Node B freezes (it stays subscribed to Redis, so it hears the question, and never answers);
    // Ben types on meanwhile, into a socket nobody reads.
    nodeB.child.kill('SIGSTOP');
    addNote.run(ben.doc, { x: 0, y: 1500, text: 'Typed as his node froze' }, ctx);
    ana.provider.disconnect();
    await eventually('node A heard no answer from node B', () => nodeA.log().includes('1 node(s) heard "who is here" and did not answer'));
    expect((await store.updates.load(sessionId)).epoch).toBe(0);
    expect(nodeA.log()).not.toContain('folded afresh to epoch');

    // Node B dies: Ben reconnects through the front to node A by himself, and his note goes up.
    live = [nodeA.port];
    await nodeB.kill();
    await until("Ben's note is stored", async () => notes((await stored(store, sessionId)).doc).some((n) => n.text === 'Typed as his node froze'));
    await synced(ben);
    // Ben leaves: every node answers (there is one), nobody is there, and node A folds.
    ben.close();
    await epochReaches(store, sessionId, 1);
    const fresh = notes((await stored(store, sessionId)).doc);
    expect(fresh.filter((n) => n.text === 'Typed as his node froze')).toHaveLength(1);
    expect(fresh).toHaveLength(11);
    await eventually('node A says it folded', () => nodeA.log().includes('folded afresh to epoch 1'));
    expect(nodeA.log().match(/folded afresh to epoch 1/g)).toHaveLength(1);
  });
});
