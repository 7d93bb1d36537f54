import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { apiRoutes, type RouteName } from '../../shared/api/routes.js';
import { AutomaticCheckpoints, ACTIVITY_MS } from '../../electron/host/history/automaticCheckpoints.js';
import { silentLogger } from '../../electron/host/log.js';
import { openStore } from '../../electron/host/store/store.js';
import { Rooms } from '../../electron/host/sync/rooms.js';
import type { Checkpoint } from '../../shared/model/checkpoint.js';
import { readBoard } from '../../shared/model/board.js';
import type { Step } from '../../shared/model/step.js';
import { operations } from '../../shared/operations/index.js';
import { ctx } from '../../shared/operations/testDoc.js';
import { hostPerTest, storedDoc, synced, tempDir, until } from '../helpers/host.js';

const t = hostPerTest();
const steps = (doc: Y.Doc) => [...readBoard(doc).elements.values()].filter((e): e is Step => e.kind === 'step');

async function call<T>(name: RouteName, token: string, body?: unknown): Promise<{ status: number; body: T }> {
  const def = apiRoutes[name];
  const res = await fetch(`${t.host().url}${def.path.replace(':id', t.seed().session.id)}`, {
    method: def.method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: def.method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe('the history of a session', () => {
  it('a revert to a named checkpoint reaches everyone in the room at once, and a revert of the revert brings the work back', async () => {
    const { tokens } = t.seed();
    const ana = t.client(tokens.facilitator);
    const ben = t.client(tokens.participant);
    await Promise.all([synced(ana.provider), synced(ben.provider)]);
    ana.provider.awareness.setLocalStateField('user', { name: 'Ana', color: '#aa3300' });
    ben.provider.awareness.setLocalStateField('user', { name: 'Ben', color: '#0033aa' });
    const before = steps(ana.doc).length;
    const named = await call<Checkpoint>('makeCheckpoint', tokens.facilitator, { name: 'Before voting' });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ name: 'Before voting', kind: 'named' });
    expect(named.body.people.sort()).toEqual(['Ana', 'Ben']);

    operations.addStep.run(ben.doc, { x: 900, y: 900, title: 'Added after the checkpoint' }, ctx);
    await until(ana.doc, () => steps(ana.doc).length === before + 1);

    const reverted = await call<{ before: Checkpoint }>('revertToCheckpoint', tokens.facilitator, { checkpointId: named.body.id });
    expect(reverted.body.before.kind).toBe('before-revert');
    await Promise.all([until(ana.doc, () => steps(ana.doc).length === before), until(ben.doc, () => steps(ben.doc).length === before)]);
    expect(steps(storedDoc(t.host(), t.seed().session.id)).length).toBe(before);

    await call('revertToCheckpoint', tokens.facilitator, { checkpointId: reverted.body.before.id });
    await until(ben.doc, () => steps(ben.doc).some((s) => s.title === 'Added after the checkpoint'));

    const list = await call<Checkpoint[]>('listCheckpoints', tokens.facilitator);
    expect(list.body.map((c) => c.kind)).toEqual(['before-revert', 'before-revert', 'named', 'opened']);
    // A participant may look at neither the history nor change it.
    expect((await call('listCheckpoints', tokens.participant)).status).toBe(403);
    expect((await call('revertToCheckpoint', tokens.participant, { checkpointId: named.body.id })).status).toBe(403);
  });

  it('a checkpoint opens read-only as its board, or as a new session; an unknown one is a 404 that says so', async () => {
    const { tokens, session } = t.seed();
    const named = await call<Checkpoint>('makeCheckpoint', tokens.facilitator, { name: 'End of day 1' });
    const board = await call<{ update: string }>('checkpointBoard', tokens.facilitator, { checkpointId: named.body.id });
    const kept = new Y.Doc();
    Y.applyUpdate(kept, Buffer.from(board.body.update, 'base64'));
    expect(steps(kept).length).toBe(steps(storedDoc(t.host(), session.id)).length);

    const copy = await call<{ session: { id: string; title: string }; url: string }>('checkpointAsSession', tokens.facilitator, { checkpointId: named.body.id });
    expect(copy.status).toBe(201);
    expect(copy.body.session.title).toBe('Order to cash (End of day 1)');
    expect(copy.body.url).toContain(`/s/${copy.body.session.id}#token=`);
    expect(steps(storedDoc(t.host(), copy.body.session.id)).length).toBe(steps(kept).length);

    const missing = await call<{ error: string }>('revertToCheckpoint', tokens.facilitator, { checkpointId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(missing).toEqual({ status: 404, body: { error: 'no checkpoint AAAAAAAAAAAAAAAAAAAAAA in this session' } });
  });
});

describe('automatic checkpoints', () => {
  it('one when a session opens, then one after each 10 minutes in which the board changed', () => {
    const store = openStore(tempDir(), { create: true });
    const session = store.sessions.create({ title: 'Order to cash', template: 'blank' });
    let now = 1_000_000;
    const rooms = new Rooms(store.updates, silentLogger, store.sessions);
    const history = new AutomaticCheckpoints(store, () => now);
    const room = rooms.open(session.id);
    history.watch(room);
    history.watch(room); // a second person joining the same room: no second checkpoint
    const edit = () => room.doc.getMap('meta').set('title', `edit at ${now}`);
    edit();
    now += ACTIVITY_MS / 2;
    edit();
    expect(store.checkpoints.list(session.id).map((c) => c.kind)).toEqual(['opened']);
    now += ACTIVITY_MS / 2;
    edit();
    expect(store.checkpoints.list(session.id).map((c) => c.kind)).toEqual(['activity', 'opened']);
    void rooms.closeAll();
    store.close();
  });

  it('a session reopened unchanged the next day keeps its newest checkpoint and makes no copy of it; changed, it gets one', () => {
    const dir = tempDir();
    let now = 1_000_000;
    const open = (edit?: (doc: Y.Doc) => void) => {
      const store = openStore(dir, { create: false });
      const rooms = new Rooms(store.updates, silentLogger, store.sessions);
      const history = new AutomaticCheckpoints(store, () => now);
      const room = rooms.open(sessionId);
      history.watch(room);
      edit?.(room.doc);
      const kinds = store.checkpoints.list(sessionId).map((c) => c.kind);
      void rooms.closeAll(); // folds the log into a snapshot
      store.close();
      return kinds;
    };
    const first = openStore(dir, { create: true });
    const sessionId = first.sessions.create({ title: 'Order to cash', template: 'blank' }).id;
    first.close();
    expect(open((doc) => doc.getMap('meta').set('title', 'Order to cash, as is'))).toEqual(['opened']);
    // The board changed after that checkpoint: the next day's opening keeps the board as it is now.
    now += 24 * 60 * ACTIVITY_MS;
    expect(open()).toEqual(['opened', 'opened']);
    // Unchanged since: the newest checkpoint is this very board.
    now += 24 * 60 * ACTIVITY_MS;
    expect(open()).toEqual(['opened', 'opened']);
    now += 24 * 60 * ACTIVITY_MS;
    expect(open()).toEqual(['opened', 'opened']);
  });
});
