import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard, type BoardElement } from '../../shared/model/board.js';
import { itemCounts } from '../../shared/model/fold.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addNote } from '../../shared/operations/addCard.js';
import { moveElements } from '../../shared/operations/moveElements.js';
import { setElementText } from '../../shared/operations/setElementText.js';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { openPostgresStore, type PostgresStore } from '../../electron/host/store/postgres/store.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { eventually, startNode, stopAllNodes, teamClient, type TeamClient } from './nodes.js';

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

/** Wear the board down as a long workshop does: ten notes, each moved 40 times, so its tombstones outnumber its live items. */
async function wear(c: TeamClient, store: PostgresStore, sessionId: string): Promise<void> {
  const ids = Array.from({ length: 10 }, (_, k) => addNote.run(c.doc, { x: 300 * k, y: 0, text: `note ${k}` }, ctx));
  for (let i = 1; i <= 40; i++) moveElements.run(c.doc, { moves: ids.map((id, k) => ({ id, x: 300 * k + i, y: 10 * i })) }, ctx);
  const sent = vector(c.doc);
  let inStore = '';
  await eventually('the worn board is in PostgreSQL', () => {
    void stored(store, sessionId).then(({ doc }) => (inStore = vector(doc)));
    return inStore === sent;
  });
}

/** The session's epoch in PostgreSQL reaches `epoch`. */
async function epochReaches(store: PostgresStore, sessionId: string, epoch: number): Promise<void> {
  let now = -1;
  await eventually(`the session is folded afresh to epoch ${epoch}`, () => {
    void store.updates.load(sessionId).then((l) => (now = l.epoch));
    return now === epoch;
  });
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
    let inStore: ReturnType<typeof notes> = [];
    await eventually("A's last note is stored", () => {
      void stored(store, sessionId).then(({ doc }) => (inStore = notes(doc)));
      return inStore.some((n) => n.text === 'A was still here');
    });
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
    await eventually('the store holds the watcher’s board', () => {
      void stored(store, sessionId).then(({ doc }) => (again = doc));
      return vector(again) === vector(watcher.doc);
    });
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
});
