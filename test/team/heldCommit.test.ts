import path from 'node:path';
import * as encoding from 'lib0/encoding';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { silentLogger } from '../../electron/host/log.js';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { startTeamServer, type TeamServer } from '../../electron/host/team/teamServer.js';
import { elementsMap } from '../../shared/model/board.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addNote } from '../../shared/operations/addCard.js';
import { syncUrl } from '../../shared/session.js';
import { decodeFrame, encodeSync, messageType, syncType } from '../../shared/sync/messages.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { eventually } from './nodes.js';

// Write before relay, with a commit held open for real: another PostgreSQL connection holds the
// session's row lock, so the node's commit of Ana's edits waits for it. Cleo joins meanwhile.
// On the desktop the same test could not fail (SQLite commits before the event loop turns again),
// which is why it lives here.

let db: Awaited<ReturnType<typeof emptyDatabase>>;
let server: TeamServer;
let session: { id: string; participant: string };

beforeAll(async () => {
  db = await emptyDatabase();
  const store = await openPostgresStore(db.url);
  const s = await store.sessions.create({ title: 'Held commit', template: 'blank' }, 1);
  session = { id: s.id, participant: await store.tokens.issue(s.id, 'participant') };
  await store.close();
  server = await startTeamServer({ port: 0, bind: '127.0.0.1', postgres: db.url, redis: testRedisUrl(), webRoot: path.resolve('dist/web'), logger: silentLogger });
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

/** A window speaking the raw protocol: it answers the host's step 1, and asks for presence right after its own step 1. */
function rawPeer() {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${syncUrl(server.url)}/${session.id}?token=${session.participant}`);
  let answered = false;
  let presence = false;
  ws.on('message', (data: Buffer) => {
    const frame = decodeFrame(new Uint8Array(data));
    if (frame.type === messageType.sync && frame.syncType === syncType.step1) {
      ws.send(encodeSync(syncType.step2, Y.encodeStateAsUpdate(doc, frame.payload)));
      ws.send(encodeSync(syncType.step1, Y.encodeStateVector(doc)));
      // Asked after the step 1 on the same socket: the host answers it at once, so once it is
      // here, any answer to the step 1 that was not held would have come before it.
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, messageType.queryAwareness);
      ws.send(encoding.toUint8Array(e));
    } else if (frame.type === messageType.sync) {
      Y.applyUpdate(doc, frame.payload!, 'host');
      if (frame.syncType === syncType.step2) answered = true;
    } else if (frame.type === messageType.awareness) presence = true;
  });
  doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'host' && ws.readyState === ws.OPEN && ws.send(encodeSync(syncType.update, u)));
  return { doc, ws, answered: () => answered, presence: () => presence, close: () => ws.terminate() };
}

async function storedX(noteId: string): Promise<unknown> {
  const store = await openPostgresStore(db.url);
  try {
    const doc = new Y.Doc();
    for (const u of (await store.updates.load(session.id)).updates) Y.applyUpdate(doc, u);
    return elementsMap(doc).get(noteId)?.get('x');
  } finally {
    await store.close();
  }
}

describe('a commit held open on PostgreSQL', () => {
  it('Cleo joins while Ana’s moves wait for their commit: she is shown none of them until PostgreSQL has them, then all', async () => {
    const ana = rawPeer();
    const lock = new pg.Client({ connectionString: db.url });
    await lock.connect();
    let cleo: ReturnType<typeof rawPeer> | null = null;
    try {
      await eventually('Ana is synced', ana.answered);
      const id = addNote.run(ana.doc, { x: 0, y: 0, text: 'Moved while the commit waits' }, { origin: localOrigin, now: 1 });
      const note = elementsMap(ana.doc).get(id)!;
      let x: unknown = undefined;
      for (const end = Date.now() + 15_000; x !== 0 && Date.now() < end;) x = await storedX(id);
      expect(x).toBe(0);

      // Another connection takes the session's row: the node's next commit waits on it.
      await lock.query('BEGIN');
      await lock.query('SELECT id FROM sessions WHERE id = $1 FOR UPDATE', [session.id]);
      for (let i = 1; i <= 50; i++) note.set('x', i);
      for (let waiting = 0, end = Date.now() + 15_000; waiting === 0;) {
        if (Date.now() > end) throw new Error('the node never waited on the lock');
        waiting = (await lock.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")).rows[0].n;
      }

      cleo = rawPeer();
      const c = cleo;
      await eventually('Cleo hears the answer to her presence query', c.presence);
      // Her board's answer waits for the commit: she has nothing PostgreSQL does not have.
      expect(c.answered()).toBe(false);
      expect(elementsMap(c.doc).get(id)?.get('x')).toBeUndefined();
      expect(await storedX(id)).toBe(0);

      await lock.query('COMMIT');
      await eventually('Cleo is shown the moves', () => elementsMap(c.doc).get(id)?.get('x') === 50);
      expect(await storedX(id)).toBe(50);
    } finally {
      await lock.end();
      ana.close();
      cleo?.close();
    }
  });
});
