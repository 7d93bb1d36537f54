import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AsyncStore } from '../../electron/host/store/asyncStore.js';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { asyncOverSqlite } from '../../electron/host/store/sqliteAsync.js';
import { openStore } from '../../electron/host/store/store.js';
import { readBoard, readMeta } from '../../shared/model/board.js';
import { tempDir } from '../helpers/host.js';
import { emptyDatabase } from '../servers/database.js';

/**
 * One contract, two stores: what the host asks of its store, answered the same by the desktop's
 * SQLite and the team server's PostgreSQL (a real server, test/servers/). Each test opens a fresh
 * store; `reopen` opens the same data again, as a restarted host would.
 */
interface Engine {
  name: 'sqlite' | 'postgres';
  fresh(): Promise<{ store: AsyncStore; reopen(): Promise<AsyncStore> }>;
}

const open: AsyncStore[] = [];
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(() => Promise.all(drops.map((d) => d())));
const kept = (s: AsyncStore) => (open.push(s), s);

const engines: Engine[] = [
  {
    name: 'sqlite',
    async fresh() {
      const dir = tempDir();
      const reopen = async () => kept(asyncOverSqlite(openStore(dir, { create: true })));
      return { store: await reopen(), reopen };
    },
  },
  {
    name: 'postgres',
    async fresh() {
      const db = await emptyDatabase();
      drops.push(db.drop);
      const reopen = async () => kept(await openPostgresStore(db.url));
      return { store: await reopen(), reopen };
    },
  },
];

async function docOf(store: AsyncStore, id: string) {
  const doc = new Y.Doc();
  const { updates } = await store.updates.load(id);
  doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
  return doc;
}

/** One edit's update, made on a doc of the session's board. */
function edit(doc: Y.Doc, change: (d: Y.Doc) => void): Uint8Array {
  let update: Uint8Array | null = null;
  const keep = (u: Uint8Array) => (update = u);
  doc.once('update', keep);
  change(doc);
  return update!;
}

/** 1 January 2026, 00:00:00.123 UTC: a time past 2^32 ms, so a 32-bit column would not keep it. */
const T = 1_767_225_600_123;

describe.each(engines)('the store, on $name', (engine) => {
  it('creates a session with its template board as the first logged update, and lists it', async () => {
    const { store } = await engine.fresh();
    const s = await store.sessions.create({ title: 'Info request', template: 'sample-info-request' }, T);
    expect(s).toMatchObject({ title: 'Info request', template: 'sample-info-request', createdAt: T, updatedAt: T });
    expect(await store.sessions.list()).toEqual([s]);
    expect(await store.sessions.get(s.id)).toEqual(s);
    expect(await store.sessions.get('no-such-session')).toBeNull();
    const doc = await docOf(store, s.id);
    expect(readMeta(doc)).toMatchObject({ title: 'Info request', template: 'sample-info-request' });
    const kinds = [...readBoard(doc).elements.values()].map((e) => e.kind);
    expect(kinds.filter((k) => k === 'lane')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'step')).toHaveLength(12);
  });

  it('keeps every appended update, in order, across a reopen; sequence numbers are increasing numbers', async () => {
    const { store, reopen } = await engine.fresh();
    const s = await store.sessions.create({ title: 'T', template: 'blank' }, T);
    const doc = await docOf(store, s.id);
    const seqs: number[] = [];
    for (let i = 0; i < 30; i++)
      seqs.push(
        await store.updates.append(
          s.id,
          edit(doc, (d) => d.getMap('elements').set(`k${i}`, i)),
          T + i,
        ),
      );
    expect(seqs.every((n) => Number.isSafeInteger(n))).toBe(true);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(30);
    // The session's "last changed" is the last append's time, exactly.
    expect((await store.sessions.get(s.id))!.updatedAt).toBe(T + 29);
    await store.close();
    open.splice(open.indexOf(store), 1);
    const again = await reopen();
    const loaded = await again.updates.load(s.id);
    expect(loaded.sinceSnapshot).toBe(31);
    expect((await docOf(again, s.id)).getMap('elements').toJSON()).toEqual(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i])));
  });

  it('a batch of updates is committed together, in order, byte for byte', async () => {
    const { store } = await engine.fresh();
    const s = await store.sessions.create({ title: 'T', template: 'blank' }, T);
    const doc = await docOf(store, s.id);
    const batch = Array.from({ length: 50 }, (_, i) => edit(doc, (d) => d.getMap('meta').set('title', `take ${i}`)));
    const seqs = await store.updates.appendBatch(s.id, batch, T + 1);
    expect(seqs).toHaveLength(50);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const { updates } = await store.updates.load(s.id);
    expect(updates.slice(1)).toEqual(batch);
    expect((await docOf(store, s.id)).getMap('meta').get('title')).toBe('take 49');
    expect(await store.updates.appendBatch(s.id, [], T + 2)).toEqual([]);
  });

  it('an update for a session that is not there is refused, and nothing of its batch is written', async () => {
    const { store } = await engine.fresh();
    const s = await store.sessions.create({ title: 'T', template: 'blank' }, T);
    const doc = await docOf(store, s.id);
    const u = edit(doc, (d) => d.getMap('meta').set('title', 'lost'));
    await expect(store.updates.append('no-such-session', u)).rejects.toThrow();
    await expect(store.updates.appendBatch('no-such-session', [u, u])).rejects.toThrow();
    expect(await store.updates.countSinceSnapshot(s.id)).toBe(1);
    expect((await store.updates.load('no-such-session')).updates).toEqual([]);
  });

  it('compaction folds the log into one snapshot without losing anything', async () => {
    const { store, reopen } = await engine.fresh();
    const s = await store.sessions.create({ title: 'T', template: 'value-chain' }, T);
    const doc = await docOf(store, s.id);
    for (let i = 0; i < 20; i++)
      await store.updates.append(
        s.id,
        edit(doc, (d) => d.getMap('meta').set('title', `v${i}`)),
      );
    expect(await store.updates.countSinceSnapshot(s.id)).toBe(21);
    await store.updates.compact(s.id, Y.encodeStateAsUpdate(doc));
    expect(await store.updates.countSinceSnapshot(s.id)).toBe(0);
    expect((await store.updates.load(s.id)).updates).toHaveLength(1);
    await store.updates.append(
      s.id,
      edit(doc, (d) => d.getMap('meta').set('title', 'after')),
    );
    const loaded = await store.updates.load(s.id);
    expect(loaded.updates).toHaveLength(2);
    expect(loaded.sinceSnapshot).toBe(1);
    // A second fold replaces the first.
    await store.updates.compact(s.id, Y.encodeStateAsUpdate(doc));
    expect((await store.updates.load(s.id)).updates).toHaveLength(1);
    const again = await reopen();
    const folded = await docOf(again, s.id);
    expect(folded.getMap('meta').get('title')).toBe('after');
    expect(readBoard(folded).elements.size).toBe(readBoard(doc).elements.size);
    expect(Y.encodeStateVector(folded)).toEqual(Y.encodeStateVector(doc));
  });

  it('renames, and lists the latest changed first (ties by id)', async () => {
    const { store } = await engine.fresh();
    const a = await store.sessions.create({ title: 'A', template: 'blank' }, T);
    const b = await store.sessions.create({ title: 'B', template: 'blank' }, T + 5);
    const c = await store.sessions.create({ title: 'C', template: 'blank' }, T);
    await store.sessions.rename(a.id, 'A, renamed: ' + 'x'.repeat(200));
    const list = await store.sessions.list();
    expect(list.map((s) => s.id)).toEqual([b.id, ...[a.id, c.id].sort()]);
    expect(list.find((s) => s.id === a.id)!.title).toBe('A, renamed: ' + 'x'.repeat(200));
  });

  it('the trash: a trashed session is hidden, its links closed, until restored; purging removes it for good', async () => {
    const { store } = await engine.fresh();
    const keep = await store.sessions.create({ title: 'Keep', template: 'blank' }, T);
    const gone = await store.sessions.create({ title: 'Gone', template: 'blank' }, T);
    const old = await store.sessions.create({ title: 'Old', template: 'blank' }, T);
    const token = await store.tokens.issue(gone.id, 'participant', '', T);
    expect(await store.sessions.trash(gone.id, T + 10)).toBe(true);
    expect(await store.sessions.trash(gone.id, T + 11)).toBe(false);
    expect(await store.sessions.trash('no-such-session')).toBe(false);
    expect(await store.sessions.trash(old.id, T - 40 * 86_400_000)).toBe(true);
    expect(await store.sessions.get(gone.id)).toBeNull();
    expect(await store.tokens.verify(gone.id, token)).toBeNull();
    expect((await store.sessions.list()).map((s) => s.id)).toEqual([keep.id]);
    expect(await store.sessions.inTrash()).toEqual([
      { ...gone, deletedAt: T + 10 },
      { ...old, deletedAt: T - 40 * 86_400_000 },
    ]);
    expect(await store.sessions.restore(keep.id)).toBeNull();
    expect(await store.sessions.restore(gone.id)).toEqual(gone);
    expect(await store.tokens.verify(gone.id, token)).toBe('participant');
    // 30 days in the trash: purged; what was trashed later stays.
    await store.sessions.trash(gone.id, T + 20);
    expect(await store.sessions.purgeExpired(T + 100)).toBe(1);
    expect((await store.sessions.inTrash()).map((s) => s.id)).toEqual([gone.id]);
    expect(await store.sessions.purge()).toBe(1);
    expect(await store.sessions.inTrash()).toEqual([]);
    expect((await store.updates.load(gone.id)).updates).toEqual([]);
    expect(await store.sessions.restore(gone.id)).toBeNull();
    expect(await store.sessions.purge()).toBe(0);
  });

  it('a duplicate is an independent copy of the board as it is now, under its new title', async () => {
    const { store } = await engine.fresh();
    const s = await store.sessions.create({ title: 'Order to cash', template: 'service-blueprint' }, T);
    const doc = await docOf(store, s.id);
    await store.updates.append(
      s.id,
      edit(doc, (d) => d.getMap('meta').set('currency', 'EUR')),
    );
    const copy = (await store.sessions.duplicate(s.id, 'Order to cash (copy)', T + 1))!;
    expect(copy).toMatchObject({ title: 'Order to cash (copy)', template: 'service-blueprint', createdAt: T + 1 });
    expect(copy.id).not.toBe(s.id);
    const copied = await docOf(store, copy.id);
    expect(copied.getMap('meta').get('title')).toBe('Order to cash (copy)');
    expect(copied.getMap('meta').get('currency')).toBe('EUR');
    expect(readBoard(copied).elements.size).toBe(readBoard(doc).elements.size);
    expect((await store.updates.load(copy.id)).updates).toHaveLength(1);
    expect(await store.sessions.duplicate('no-such-session', 'x')).toBeNull();
  });

  it('a token opens its own session in its role until revoked', async () => {
    const { store } = await engine.fresh();
    const s = await store.sessions.create({ title: 'T', template: 'blank' }, T);
    const other = await store.sessions.create({ title: 'U', template: 'blank' }, T);
    const facilitator = await store.tokens.issue(s.id, 'facilitator', 'Ana', T);
    const viewer = await store.tokens.issue(s.id, 'viewer');
    expect(facilitator).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.tokens.verify(s.id, facilitator)).toBe('facilitator');
    expect(await store.tokens.verify(s.id, viewer)).toBe('viewer');
    expect(await store.tokens.verify(other.id, facilitator)).toBeNull();
    expect(await store.tokens.verify(s.id, 'not-a-token')).toBeNull();
    expect(await store.tokens.revoke(viewer, T + 1)).toBe(true);
    expect(await store.tokens.revoke(viewer, T + 2)).toBe(false);
    expect(await store.tokens.verify(s.id, viewer)).toBeNull();
    expect(await store.tokens.verify(s.id, facilitator)).toBe('facilitator');
  });

  it('checkpoints: newest first (one millisecond apart or the same), each state byte for byte', async () => {
    const { store } = await engine.fresh();
    const s = await store.sessions.create({ title: 'T', template: 'value-chain' }, T);
    expect(await store.checkpoints.list(s.id)).toEqual([]);
    expect(await store.checkpoints.latestAt(s.id)).toBeNull();
    const doc = await docOf(store, s.id);
    const state = Y.encodeStateAsUpdate(doc);
    const opened = await store.checkpoints.add(s.id, { name: '', kind: 'opened', people: [], state }, T);
    const named = await store.checkpoints.add(s.id, { name: 'Before voting', kind: 'named', people: ['Ana', 'Bo Ødegård'], state: new Uint8Array([0, 1, 2, 255]) }, T + 1);
    const same = await store.checkpoints.add(s.id, { name: 'Same moment', kind: 'named', people: ['Ana'], state }, T + 1);
    expect(await store.checkpoints.list(s.id)).toEqual([same, named, opened]);
    expect(named).toMatchObject({ name: 'Before voting', kind: 'named', people: ['Ana', 'Bo Ødegård'], createdAt: T + 1 });
    expect(await store.checkpoints.state(s.id, opened.id)).toEqual(state);
    expect(await store.checkpoints.state(s.id, named.id)).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(await store.checkpoints.state('other', named.id)).toBeNull();
    expect(await store.checkpoints.latestAt(s.id)).toBe(T + 1);
  });
});
