import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { WebSocket } from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DB_FILE, StoreError } from '../../electron/host/store/database.js';
import { openStore, type Store } from '../../electron/host/store/store.js';
import { startWalSync, syncFile } from '../../electron/host/store/walSync.js';
import { COMPACT_EVERY, COMPACT_WHEN_QUIET_MS, Room } from '../../electron/host/sync/room.js';
import { silentLogger } from '../../electron/host/log.js';
import { SCHEMA_VERSION, readBoard, readMeta } from '../../shared/model/board.js';
import { AutomaticCheckpoints, ACTIVITY_MS } from '../../electron/host/history/automaticCheckpoints.js';
import { checkpointOf } from '../../electron/host/history/history.js';
import { Rooms } from '../../electron/host/sync/rooms.js';
import { operations } from '../../shared/operations/index.js';
import { ctx } from '../../shared/operations/testDoc.js';
import { tempDir } from '../helpers/host.js';

const opened: Store[] = [];
function open(dir: string) {
  const s = openStore(dir, { create: true });
  opened.push(s);
  return s;
}
afterEach(() => opened.splice(0).forEach((s) => s.close()));

function docOf(store: Store, id: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(store.updates.load(id).updates));
  return doc;
}

describe('session store', () => {
  it('creates a session with its template board as the first logged update', () => {
    const store = open(tempDir());
    const s = store.sessions.create({ title: 'Info request', template: 'sample-info-request' }, 1000);
    expect(store.sessions.list()).toEqual([s]);
    const doc = docOf(store, s.id);
    expect(readMeta(doc)).toMatchObject({ title: 'Info request', template: 'sample-info-request', schemaVersion: SCHEMA_VERSION });
    const kinds = [...readBoard(doc).elements.values()].map((e) => e.kind);
    expect(kinds.filter((k) => k === 'lane')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'step')).toHaveLength(12);
  });

  it('uses WAL and keeps every appended update across a reopen', () => {
    const dir = tempDir();
    const store = open(dir);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const s = store.sessions.create({ title: 'T', template: 'blank' });
    const doc = docOf(store, s.id);
    doc.on('update', (u: Uint8Array) => store.updates.append(s.id, u));
    for (let i = 0; i < 50; i++) doc.getMap('elements').set(`k${i}`, new Y.Map());
    store.close();
    const again = open(dir);
    expect(docOf(again, s.id).getMap('elements').size).toBe(50);
  });

  it('compaction folds the log into one snapshot without losing anything', () => {
    const store = open(tempDir());
    const s = store.sessions.create({ title: 'T', template: 'blank' });
    const doc = docOf(store, s.id);
    doc.on('update', (u: Uint8Array) => store.updates.append(s.id, u));
    for (let i = 0; i < 20; i++) doc.getMap('meta').set('title', `v${i}`);
    expect(store.updates.countSinceSnapshot(s.id)).toBe(21);
    store.updates.compact(s.id, Y.encodeStateAsUpdate(doc));
    expect(store.updates.countSinceSnapshot(s.id)).toBe(0);
    doc.getMap('meta').set('title', 'after');
    const loaded = store.updates.load(s.id);
    expect(loaded.updates).toHaveLength(2);
    expect(docOf(store, s.id).getMap('meta').get('title')).toBe('after');
  });

  it('compaction equivalence: the document is identical before and after, and every checkpoint is kept', () => {
    const dir = tempDir();
    const store = open(dir);
    const s = store.sessions.create({ title: 'A 3-hour workshop', template: 'value-chain' });
    let clock = 0;
    const rooms = new Rooms(store.updates, silentLogger, store.sessions);
    const history = new AutomaticCheckpoints(store, () => clock);
    const room = rooms.open(s.id);
    // Someone is in the room, so it stays loaded between the history's requests.
    room.join({ ws: { OPEN: 1, readyState: 1, send() {} } as unknown as WebSocket, role: 'facilitator', tokenHint: 'ana', token: 'ana', awarenessIds: new Set() });
    history.watch(room);
    // A workshop's edits, one logged update each: steps added, retitled, moved, some deleted,
    // with checkpoints made along the way (after activity, and one named).
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push(operations.addStep.run(room.doc, { x: 100 + i * 30, y: 300, title: `Step ${i}` }, ctx));
    for (let i = 0; i < 300; i++) {
      const id = ids[i % ids.length];
      if (i % 100 === 0) clock += ACTIVITY_MS;
      if (i % 3 === 0) operations.setElementText.run(room.doc, { id, text: `Step ${i % ids.length}, take ${i}` }, ctx);
      else operations.moveElements.run(room.doc, { moves: [{ id, x: 100 + ((i * 37) % 2000), y: 200 + ((i * 11) % 600) }] }, ctx);
    }
    store.checkpoints.add(s.id, checkpointOf(room, 'Before the break', 'named'), clock);
    operations.deleteElements.run(room.doc, { ids: ids.slice(0, 10) }, ctx);
    // This turn's edits, committed (the room commits them at the end of the turn).
    void room.flush();
    const logged = store.updates.countSinceSnapshot(s.id);
    expect(logged).toBeGreaterThan(300);
    const checkpoints = store.checkpoints.list(s.id);
    expect(checkpoints.length).toBeGreaterThanOrEqual(3);
    const states = checkpoints.map((c) => store.checkpoints.state(s.id, c.id));
    const fromLog = docOf(store, s.id);

    room.compact();
    // Every top-level map of the board (meta, elements, scenarios, …), read the same way from each doc.
    const json = (d: Y.Doc) => Object.fromEntries([...room.doc.share.keys()].map((k) => [k, d.getMap(k).toJSON()]));

    expect(store.updates.countSinceSnapshot(s.id)).toBe(0);
    expect(store.updates.load(s.id).updates).toHaveLength(1);
    const fromSnapshot = docOf(store, s.id);
    expect(json(fromSnapshot)).toEqual(json(fromLog));
    expect(json(fromSnapshot)).toEqual(json(room.doc));
    expect(Y.encodeStateVector(fromSnapshot)).toEqual(Y.encodeStateVector(fromLog));
    expect(readBoard(fromSnapshot).elements.size).toBe(readBoard(fromLog).elements.size);
    // The checkpoints are untouched, states and all.
    expect(store.checkpoints.list(s.id)).toEqual(checkpoints);
    expect(checkpoints.map((c) => store.checkpoints.state(s.id, c.id))).toEqual(states);
    // A person who was in the room before the fold gets only what they lack from the folded log.
    const ana = new Y.Doc();
    Y.applyUpdate(ana, Y.encodeStateAsUpdate(fromLog));
    operations.setElementText.run(room.doc, { id: ids[20], text: 'After the fold' }, ctx);
    void room.flush();
    Y.applyUpdate(ana, Y.encodeStateAsUpdate(docOf(store, s.id), Y.encodeStateVector(ana)));
    expect(json(ana)).toEqual(json(room.doc));
    void rooms.closeAll();
    // And the session opens again, after a restart, as it was.
    store.close();
    const again = open(dir);
    expect(json(docOf(again, s.id))).toEqual(json(ana));
    expect(again.checkpoints.list(s.id)).toEqual(checkpoints);
  });

  it('a live room folds its log once it has been quiet after a burst, not in the middle of it', () => {
    vi.useFakeTimers();
    try {
      const store = open(tempDir());
      const s = store.sessions.create({ title: 'T', template: 'blank' });
      const room = new Room(s.id, store.updates, silentLogger);
      const before = store.updates.countSinceSnapshot(s.id);
      for (let i = 0; i < COMPACT_EVERY; i++) room.doc.getMap('meta').set('title', `v${i}`);
      void room.flush();
      expect(store.updates.countSinceSnapshot(s.id)).toBe(before + COMPACT_EVERY);
      vi.advanceTimersByTime(COMPACT_WHEN_QUIET_MS - 1);
      room.doc.getMap('meta').set('title', 'still busy');
      void room.flush();
      vi.advanceTimersByTime(COMPACT_WHEN_QUIET_MS - 1);
      expect(store.updates.countSinceSnapshot(s.id)).toBe(before + COMPACT_EVERY + 1);
      vi.advanceTimersByTime(1);
      expect(store.updates.countSinceSnapshot(s.id)).toBe(0);
      expect(docOf(store, s.id).getMap('meta').get('title')).toBe('still busy');
      void room.destroy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('tokens are scoped to one session and can be revoked', () => {
    const store = open(tempDir());
    const a = store.sessions.create({ title: 'A', template: 'blank' });
    const b = store.sessions.create({ title: 'B', template: 'blank' });
    const t = store.tokens.issue(a.id, 'participant');
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.tokens.verify(a.id, t)).toBe('participant');
    expect(store.tokens.verify(b.id, t)).toBeNull();
    expect(store.tokens.revoke(t)).toBe(true);
    expect(store.tokens.verify(a.id, t)).toBeNull();
    // Only a hash is stored.
    expect(JSON.stringify(store.db.prepare('SELECT * FROM tokens').all())).not.toContain(t);
  });

  it('a token never starts with "-" or "_", so it can be typed after an option on a command line', () => {
    // One base64url token in 32 began with a dash; 2,000 draws would meet ~60 of them.
    const store = open(tempDir());
    const s = store.sessions.create({ title: 'A', template: 'blank' });
    for (let i = 0; i < 2000; i++) expect(store.tokens.issue(s.id, 'viewer')).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{42}$/);
  });

  it('refuses a database from a newer Brownpaper, and leaves it untouched', () => {
    const dir = tempDir();
    open(dir).close();
    const raw = new Database(path.join(dir, DB_FILE));
    raw.pragma('user_version = 99');
    raw.close();
    const before = fs.readFileSync(path.join(dir, DB_FILE));
    expect(() => openStore(dir, { create: true })).toThrow(/newer Brownpaper/);
    expect(fs.readFileSync(path.join(dir, DB_FILE))).toEqual(before);
  });

  it('without create, a missing data dir is an error and is not created', () => {
    const dir = path.join(tempDir(), 'nope');
    expect(() => openStore(dir, { create: false })).toThrow(StoreError);
    expect(fs.existsSync(dir)).toBe(false);
  });
});

it('the write-ahead log is synced again and again, off the event loop, until the host stops', async () => {
  const store = open(tempDir());
  store.sessions.create({ title: 'T', template: 'blank' });
  const synced: string[] = [];
  let twice: () => void = () => {};
  const both = new Promise<void>((r) => (twice = r));
  const loop = startWalSync(store.db.name, 5, async (file) => {
    await syncFile(file);
    synced.push(file);
    if (synced.length === 2) twice();
  });
  await both;
  await loop.stop();
  const after = synced.length;
  expect(synced.every((f) => f === `${store.db.name}-wal`)).toBe(true);
  expect(fs.existsSync(`${store.db.name}-wal`)).toBe(true);
  // Stopped means stopped: no sync after stop() resolved.
  await new Promise((r) => setTimeout(r, 20));
  expect(synced.length).toBe(after);
  // A missing log (no connection open) is not an error.
  await expect(syncFile(path.join(tempDir(), 'none.sqlite-wal'))).resolves.toBeUndefined();
});
