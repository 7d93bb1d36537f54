import { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../shared/model/board.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addNote } from '../../shared/operations/addCard.js';
import { moveElements } from '../../shared/operations/moveElements.js';
import { openPostgresStore, type PostgresStore } from '../../electron/host/store/postgres/store.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { eventually, startNode, stopAllNodes, teamClient, type TeamClient } from './nodes.js';

// A rolling upgrade: a node of this version beside one of the version before epochs (the fold to
// a fresh document), which the test plays on Redis with the messages such a node sends: a
// session's update as the fan-out's frame of its node id and the update, nothing after; an
// answer to "who is here" without `epochs`. Real node process of the built CLI (`npm run build`).

const ctx = { origin: localOrigin, now: 1 };
const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await stopAllNodes();
});

const OLDER_NODE = 'a0a0a0a0a0a0a0a0';

/** The fan-out's frame as every version writes it: the node's id, then the payload; an older node stops there. */
function frame(payload: Uint8Array): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, OLDER_NODE);
  encoding.writeVarUint8Array(e, payload);
  return Buffer.from(encoding.toUint8Array(e));
}

/** A node of the version before epochs, on Redis: it publishes updates without one and answers "who is here" as it did. */
async function olderNode(): Promise<{ publish(sessionId: string, update: Uint8Array): Promise<void>; stop(): Promise<void> }> {
  const pub = new Redis(testRedisUrl());
  const sub = new Redis(testRedisUrl());
  sub.on('messageBuffer', (_channel: Buffer, message: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(message));
    if (decoding.readVarString(d) === OLDER_NODE) return;
    const m = JSON.parse(new TextDecoder().decode(decoding.readVarUint8Array(d))) as { type: string; request: string };
    if (m.type === 'who') void pub.publish('brownpaper:people:all', frame(new TextEncoder().encode(JSON.stringify({ type: 'here', request: m.request, people: [] }))));
  });
  await sub.subscribe('brownpaper:people:all');
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    sub.disconnect();
    pub.disconnect();
  };
  cleanup.push(stop);
  return { publish: async (sessionId, update) => void (await pub.publish(`brownpaper:session:${sessionId}`, frame(update))), stop };
}

const notes = (doc: Y.Doc) => [...readBoard(doc).elements.values()].filter((e) => e.kind === 'note').map((e) => (e as { text: string }).text);

/** A note written on a copy of `doc`, as the older node's own client would have: the update alone. */
function noteOn(doc: Y.Doc, text: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  addNote.run(copy, { x: 0, y: 2000, text }, ctx);
  const update = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return update;
}

async function epochOf(store: PostgresStore, sessionId: string): Promise<number> {
  return (await store.updates.load(sessionId)).epoch;
}

it('beside a node of the version before epochs: its updates reach this node’s people, no session is folded afresh while it runs (one line says why), and once the board is folded an update of its is refused in one line', async () => {
  const db = await emptyDatabase();
  cleanup.push(() => db.drop());
  const store = await openPostgresStore(db.url);
  cleanup.push(() => store.close());
  const session = await store.sessions.create({ title: 'Rolling upgrade', template: 'blank' }, 1);
  const token = await store.tokens.issue(session.id, 'facilitator');
  const node = await startNode(db.url, testRedisUrl());
  const older = await olderNode();
  const client = (): TeamClient => {
    const c = teamClient(node.url, session.id, token);
    cleanup.push(() => c.close());
    return c;
  };

  // A worn board: the next time everyone leaves, it is worth folding afresh.
  const ana = client();
  await eventually('Ana is synced', () => ana.provider.synced);
  const ids = Array.from({ length: 10 }, (_, k) => addNote.run(ana.doc, { x: 300 * k, y: 0, text: `note ${k}` }, ctx));
  for (let i = 1; i <= 40; i++) moveElements.run(ana.doc, { moves: ids.map((id, k) => ({ id, x: 300 * k + i, y: 10 * i })) }, ctx);

  // The older node's update (written to PostgreSQL by it, then published without an epoch) reaches Ana.
  await older.publish(session.id, noteOn(ana.doc, 'Through the older node'));
  await eventually('Ana sees the older node’s note', () => notes(ana.doc).includes('Through the older node'));
  expect(ana.closes).toEqual([]);

  // Ana leaves: the older node answers "who is here" as it always did, so nothing is folded.
  ana.provider.disconnect();
  await eventually('the node says why it did not fold', () => node.log().includes('not folded afresh: a node of an earlier version (without epochs) is running'));
  expect(await epochOf(store, session.id)).toBe(0);

  // The older node is gone (upgraded): the next time everyone leaves, the board is folded afresh.
  await older.stop();
  ana.provider.connect();
  await eventually('Ana is back', () => ana.provider.synced && ana.provider.wsconnected);
  ana.provider.disconnect();
  for (const end = Date.now() + 15_000; (await epochOf(store, session.id)) !== 1;) {
    if (Date.now() > end) throw new Error('not within 15 s: the session is folded afresh');
    await new Promise((r) => setTimeout(r, 20));
  }

  // An update without an epoch is the old document's: a board of the new one never takes it.
  const cleo = client();
  await eventually('Cleo is synced', () => cleo.provider.synced);
  const late = await olderNode();
  await late.publish(session.id, noteOn(cleo.doc, 'Too late for the fresh board'));
  await eventually('the node refuses it in one line', () => node.log().includes('an update from a node of an earlier version (it sends no epoch) was not applied'));
  expect(notes(cleo.doc)).not.toContain('Too late for the fresh board');
  expect(cleo.closes).toEqual([]);
});
