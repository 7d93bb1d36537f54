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

  it('the fold to a fresh doc: the fresh doc stands for the whole log as the next epoch, the old state is its base, compaction keeps the epoch, a fold of an epoch left already does nothing', async () => {
    const { store, reopen } = await engine.fresh();
    const s = await store.sessions.create({ title: 'T', template: 'value-chain' }, T);
    const doc = await docOf(store, s.id);
    for (let i = 0; i < 5; i++)
      await store.updates.append(
        s.id,
        edit(doc, (d) => d.getMap('meta').set('title', `v${i}`)),
      );
    expect((await store.updates.load(s.id)).epoch).toBe(0);
    const fresh = new Y.Doc();
    fresh.getMap('meta').set('title', 'v4');
    const made = { fresh: Y.encodeStateAsUpdate(fresh), base: Y.encodeStateAsUpdate(doc) };
    let seen: Uint8Array[] = [];
    expect(await store.updates.foldAfresh(s.id, 0, (logged) => ((seen = logged), made))).toBe(true);
    // make got the log as stored (the snapshot-less template board and five titles).
    const fromLog = new Y.Doc();
    seen.forEach((u) => Y.applyUpdate(fromLog, u));
    expect(Y.encodeStateVector(fromLog)).toEqual(Y.encodeStateVector(doc));
    expect(await store.updates.foldAfresh(s.id, 0, () => made)).toBe(false);
    const again = await reopen();
    expect(await again.updates.load(s.id)).toMatchObject({ updates: [made.fresh], sinceSnapshot: 0, epoch: 1 });
    expect(await again.updates.baseEpochs(s.id)).toEqual([0]);
    expect(await again.updates.base(s.id, 0)).toEqual([made.base]);
    await again.updates.addToBase(s.id, 0, made.fresh);
    expect(await again.updates.base(s.id, 0)).toHaveLength(2);
    expect(await again.updates.base(s.id, 1)).toBeNull();
    await again.updates.append(
      s.id,
      edit(fresh, (d) => d.getMap('meta').set('title', 'after')),
    );
    await again.updates.compact(s.id, Y.encodeStateAsUpdate(fresh));
    expect((await again.updates.load(s.id)).epoch).toBe(1);
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
  it('ballots: each voter reads back only their own dots, the room only the tally; the limit holds when places race', async () => {
    const { store } = await engine.fresh();
    const s = await store.sessions.create({ title: 'T', template: 'blank' }, T);
    const other = await store.sessions.create({ title: 'U', template: 'blank' }, T);
    const [ana, bo] = ['hash-of-ana', 'hash-of-bo'];
    // Secrecy by shape: these are the only reads there are; none says who voted for what.
    expect(Object.keys(store.ballots).sort()).toEqual(['dots', 'place', 'tally', 'totalsOf', 'unplace']);
    expect(await store.ballots.place(s.id, 'r1', ana, 'step-a', 3, T)).toBe(true);
    expect(await store.ballots.place(s.id, 'r1', ana, 'step-a', 3, T + 1)).toBe(true);
    expect(await store.ballots.place(s.id, 'r1', ana, 'step-b', 3, T + 2)).toBe(true);
    expect(await store.ballots.place(s.id, 'r1', ana, 'step-c', 3, T + 3)).toBe(false);
    expect(await store.ballots.place(s.id, 'r1', bo, 'step-b', 3, T + 4)).toBe(true);
    // Another round and another session count apart.
    expect(await store.ballots.place(s.id, 'r2', ana, 'step-c', 3, T + 5)).toBe(true);
    expect(await store.ballots.place(other.id, 'r1', ana, 'step-c', 3, T + 6)).toBe(true);
    expect(await store.ballots.dots(s.id, 'r1', ana)).toEqual(['step-a', 'step-a', 'step-b']);
    expect(await store.ballots.dots(s.id, 'r1', bo)).toEqual(['step-b']);
    expect(await store.ballots.dots(s.id, 'r1', 'hash-of-nobody')).toEqual([]);
    expect(await store.ballots.tally(s.id, 'r1')).toEqual({ 'step-a': 2, 'step-b': 2 });
    expect(await store.ballots.totalsOf(s.id, 'r1')).toEqual({ placed: 4, voters: 2 });
    expect(await store.ballots.tally(s.id, 'no-round')).toEqual({});
    expect(await store.ballots.totalsOf(s.id, 'no-round')).toEqual({ placed: 0, voters: 0 });
    // Taking a dot back takes the latest one there; a dot that is not there is refused.
    expect(await store.ballots.unplace(s.id, 'r1', ana, 'step-a')).toBe(true);
    expect(await store.ballots.unplace(s.id, 'r1', bo, 'step-a')).toBe(false);
    expect(await store.ballots.dots(s.id, 'r1', ana)).toEqual(['step-a', 'step-b']);
    expect(await store.ballots.place(s.id, 'r1', ana, 'step-c', 3, T + 7)).toBe(true);
    expect(await store.ballots.dots(s.id, 'r1', ana)).toEqual(['step-a', 'step-b', 'step-c']);
    // Ten clicks at once (two tabs, two nodes): exactly the round's three dots are placed.
    const placed = await Promise.all(Array.from({ length: 10 }, (_, i) => store.ballots.place(s.id, 'r3', bo, `step-${i}`, 3, T + 10)));
    expect(placed.filter(Boolean)).toHaveLength(3);
    expect(await store.ballots.dots(s.id, 'r3', bo)).toHaveLength(3);
  });

  it("estimate answers: one per person per estimate, answering again replaces it; the spread's values without who said them", async () => {
    const { store } = await engine.fresh();
    const s = await store.sessions.create({ title: 'T', template: 'blank' }, T);
    const other = await store.sessions.create({ title: 'U', template: 'blank' }, T);
    expect(Object.keys(store.estimateAnswers).sort()).toEqual(['answer', 'answered', 'mine', 'values']);
    expect(await store.estimateAnswers.mine(s.id, 'e1', 'ana')).toBeNull();
    await store.estimateAnswers.answer(s.id, 'e1', 'ana', 12.5, T);
    await store.estimateAnswers.answer(s.id, 'e1', 'bo', 0.1 + 0.2, T + 1);
    await store.estimateAnswers.answer(s.id, 'e1', 'ana', 14, T + 2);
    await store.estimateAnswers.answer(s.id, 'e2', 'ana', 1e12, T + 3);
    await store.estimateAnswers.answer(other.id, 'e1', 'cy', 99, T + 4);
    expect(await store.estimateAnswers.mine(s.id, 'e1', 'ana')).toBe(14);
    expect(await store.estimateAnswers.mine(s.id, 'e1', 'bo')).toBe(0.1 + 0.2);
    expect(await store.estimateAnswers.mine(s.id, 'e2', 'ana')).toBe(1e12);
    expect(await store.estimateAnswers.answered(s.id, 'e1')).toBe(2);
    expect((await store.estimateAnswers.values(s.id, 'e1')).sort((a, b) => a - b)).toEqual([0.1 + 0.2, 14]);
    expect(await store.estimateAnswers.values(s.id, 'nothing-asked')).toEqual([]);
    expect(await store.estimateAnswers.answered(s.id, 'nothing-asked')).toBe(0);
  });

  it("private cards: each writer gets back only their own, the reveal all of the round's, oldest first; clearing ends the round's", async () => {
    const { store } = await engine.fresh();
    const s = await store.sessions.create({ title: 'T', template: 'blank' }, T);
    const card = (id: string, author: string, at: number, text = `card ${id}`) => ({
      id,
      x: 10.5,
      y: -20.25,
      w: 180,
      h: 120,
      text,
      color: 'yellow' as const,
      author,
      authorName: author === 'ana' ? 'Ana Ødegård' : '',
      createdAt: at,
    });
    const long = 'ü'.repeat(5000);
    await store.privateCards.add(s.id, 'r1', card('c2', 'bo', T + 1));
    await store.privateCards.add(s.id, 'r1', card('c1', 'ana', T, long));
    await store.privateCards.add(s.id, 'r1', card('c3', 'ana', T + 2));
    await store.privateCards.add(s.id, 'r2', card('c4', 'ana', T + 3));
    expect(await store.privateCards.mine(s.id, 'r1', 'ana')).toEqual([card('c1', 'ana', T, long), card('c3', 'ana', T + 2)]);
    expect(await store.privateCards.mine(s.id, 'r1', 'bo')).toEqual([card('c2', 'bo', T + 1)]);
    expect((await store.privateCards.all(s.id, 'r1')).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(await store.privateCards.get(s.id, 'r1', 'c2')).toEqual(card('c2', 'bo', T + 1));
    expect(await store.privateCards.get(s.id, 'r2', 'c2')).toBeNull();
    await store.privateCards.edit('c2', 'second thoughts');
    await store.privateCards.move('c2', 300.5, 40);
    expect(await store.privateCards.get(s.id, 'r1', 'c2')).toMatchObject({ text: 'second thoughts', x: 300.5, y: 40 });
    await store.privateCards.remove('c3');
    expect((await store.privateCards.mine(s.id, 'r1', 'ana')).map((c) => c.id)).toEqual(['c1']);
    await store.privateCards.clear(s.id, 'r1');
    expect(await store.privateCards.all(s.id, 'r1')).toEqual([]);
    expect((await store.privateCards.all(s.id, 'r2')).map((c) => c.id)).toEqual(['c4']);
  });

  it('ballots, answers and private cards stay with a session in the trash and go when it is purged', async () => {
    const { store, reopen } = await engine.fresh();
    const s = await store.sessions.create({ title: 'T', template: 'blank' }, T);
    const keep = await store.sessions.create({ title: 'Keep', template: 'blank' }, T);
    for (const id of [s.id, keep.id]) {
      await store.ballots.place(id, 'r1', 'ana', 'step-a', 3, T);
      await store.estimateAnswers.answer(id, 'e1', 'ana', 7, T);
      await store.privateCards.add(id, 'r1', { id: `card-${id}`, x: 0, y: 0, w: 10, h: 10, text: 'mine', color: 'yellow', author: 'ana', authorName: '', createdAt: T });
    }
    await store.sessions.trash(s.id, T + 1);
    await store.sessions.restore(s.id);
    expect(await store.ballots.dots(s.id, 'r1', 'ana')).toEqual(['step-a']);
    await store.sessions.trash(s.id, T + 2);
    expect(await store.sessions.purge()).toBe(1);
    const again = await reopen();
    expect(await again.ballots.totalsOf(s.id, 'r1')).toEqual({ placed: 0, voters: 0 });
    expect(await again.estimateAnswers.answered(s.id, 'e1')).toBe(0);
    expect(await again.privateCards.all(s.id, 'r1')).toEqual([]);
    expect(await again.ballots.dots(keep.id, 'r1', 'ana')).toEqual(['step-a']);
    expect(await again.estimateAnswers.mine(keep.id, 'e1', 'ana')).toBe(7);
    expect(await again.privateCards.all(keep.id, 'r1')).toHaveLength(1);
  });
});
