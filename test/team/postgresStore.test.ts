import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { POSTGRES_STORE_VERSION, migrate, schemaVersion } from '../../electron/host/store/postgres/migrations.js';
import { EpochMoved } from '../../electron/host/store/epochMoved.js';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { readBoard } from '../../shared/model/board.js';
import { boardFrom } from '../../shared/operations/testDoc.js';
import { emptyDatabase } from '../servers/database.js';
import { freePort } from '../servers/process.js';

const drops: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(drops.map((d) => d())));
async function database() {
  const db = await emptyDatabase();
  drops.push(db.drop);
  return db;
}

async function withPool<T>(url: string, fn: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url });
  try {
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

const stepCount = (doc: Y.Doc) => [...readBoard(doc).elements.values()].filter((e) => e.kind === 'step').length;

describe('the PostgreSQL store: migrations', () => {
  for (let from = 0; from < POSTGRES_STORE_VERSION; from++) {
    it(`lifts a database of version ${from} to version ${POSTGRES_STORE_VERSION}, keeping its sessions and updates`, async () => {
      const db = await database();
      const board = Y.encodeStateAsUpdate(boardFrom('sample-info-request'));
      await withPool(db.url, async (pool) => {
        await migrate(pool, from);
        expect(await withClient(pool, schemaVersion)).toBe(from);
        if (from >= 1) {
          await pool.query("INSERT INTO sessions (id, title, template, created_at, updated_at) VALUES ('s1', 'Old wall', 'sample-info-request', 1, 1)");
          await pool.query("INSERT INTO updates (session_id, data, created_at) VALUES ('s1', $1, 1)", [Buffer.from(board)]);
        }
      });
      const store = await openPostgresStore(db.url);
      try {
        await withPool(db.url, async (pool) => expect(await withClient(pool, schemaVersion)).toBe(POSTGRES_STORE_VERSION));
        if (from >= 1) {
          expect((await store.sessions.list()).map((s) => s.title)).toEqual(['Old wall']);
          const doc = new Y.Doc();
          (await store.updates.load('s1')).updates.forEach((u) => Y.applyUpdate(doc, u));
          expect(stepCount(doc)).toBe(stepCount(boardFrom('sample-info-request')));
        }
        // Every table of this version is usable: a session made now writes to all of them.
        const s = await store.sessions.create({ title: 'New wall', template: 'blank' });
        await store.tokens.issue(s.id, 'participant');
        await store.checkpoints.add(s.id, { name: 'x', kind: 'named', people: [], state: new Uint8Array([0, 0]) });
        await store.ballots.place(s.id, 'r1', 'voter', 'step', 3);
        await store.estimateAnswers.answer(s.id, 'e1', 'answerer', 2.5);
        await store.privateCards.add(s.id, 'r1', { id: 'c1', x: 0, y: 0, w: 1, h: 1, text: '', color: 'yellow', author: 'a', authorName: '', createdAt: 1 });
        await store.updates.compact(s.id, Y.encodeStateAsUpdate(new Y.Doc()));
        const state = Y.encodeStateAsUpdate(new Y.Doc());
        expect(await store.updates.foldAfresh(s.id, 0, () => ({ fresh: state, base: state }))).toBe(true);
        expect((await store.updates.load(s.id)).epoch).toBe(1);
        expect(await store.updates.baseEpochs(s.id)).toEqual([0]);
        expect(await store.facilitators.verify((await store.facilitators.add('Ana')).key)).toMatchObject({ name: 'Ana' });
        const version = await store.summaries.claim(s.id, { lapseMs: 1 });
        await store.summaries.put(s.id, version!, null);
        expect((await store.summaries.cards()).map((c) => [c.session.title, c.outdated])).toContainEqual(['New wall', false]);
        expect(await store.joinCodes.lookup(await store.joinCodes.codeFor(s.id, 'viewer'))).toEqual({ sessionId: s.id, role: 'viewer' });
        // Who made a session: the facilitator whose key made it; the sessions from before, nobody known.
        const ana = (await store.facilitators.add('Ana Lima')).facilitator;
        const hers = await store.sessions.create({ title: 'Hers', template: 'blank', owner: ana.id });
        const owners = new Map((await store.summaries.cards()).map((c) => [c.session.id, c.owner]));
        expect(owners.get(hers.id)).toEqual({ id: ana.id, name: 'Ana Lima' });
        expect(owners.get(s.id)).toBeNull();
        if (from >= 1) expect(owners.get('s1')).toBeNull();
        expect(await store.ownerOf(hers.id)).toBe(ana.id);
        // and purging the sessions takes every row of them.
        await store.sessions.trash(s.id);
        await store.sessions.trash(hers.id);
        expect(await store.sessions.purge()).toBe(2);
        expect(await store.summaries.cards()).toHaveLength(from >= 1 ? 1 : 0);
      } finally {
        await store.close();
      }
    });
  }

  it('nodes starting together on an empty database lift it once, and all open it', async () => {
    const db = await database();
    const stores = await Promise.all([openPostgresStore(db.url), openPostgresStore(db.url), openPostgresStore(db.url)]);
    try {
      await withPool(db.url, async (pool) => {
        const rows = await pool.query<{ version: number }>('SELECT version FROM brownpaper_schema ORDER BY version');
        expect(rows.rows.map((r) => r.version)).toEqual(Array.from({ length: POSTGRES_STORE_VERSION }, (_, i) => i + 1));
      });
      const s = await stores[0].sessions.create({ title: 'Seen by all', template: 'blank' });
      for (const store of stores) expect(await store.sessions.get(s.id)).toEqual(s);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('a database written by a newer Brownpaper is refused in one line and left as it is', async () => {
    const db = await database();
    await (await openPostgresStore(db.url)).close();
    await withPool(db.url, (pool) => pool.query('INSERT INTO brownpaper_schema (version, applied_at) VALUES ($1, 0)', [POSTGRES_STORE_VERSION + 1]));
    const refused = await openPostgresStore(db.url).then(
      () => null,
      (e: Error) => e,
    );
    expect(refused?.message).toBe(
      `PostgreSQL at 127.0.0.1:${new URL(db.url).port}/${db.name} was written by a newer Brownpaper (store version ${POSTGRES_STORE_VERSION + 1}, this one knows ${POSTGRES_STORE_VERSION}); it was left as it is`,
    );
    await withPool(db.url, async (pool) => expect((await pool.query('SELECT version FROM brownpaper_schema')).rowCount).toBe(POSTGRES_STORE_VERSION + 1));
  });

  it('a server nobody answers on is refused in one line naming where, without the password', async () => {
    const port = await freePort();
    const refused = await openPostgresStore(`postgres://brownpaper:secret@127.0.0.1:${port}/teams`).then(
      () => null,
      (e: Error) => e,
    );
    expect(refused?.message).toMatch(new RegExp(`^PostgreSQL at 127\\.0\\.0\\.1:${port}/teams cannot be used: .*ECONNREFUSED`));
    expect(refused?.message).not.toContain('secret');
    expect(refused?.message).not.toContain('\n');
  });
});

describe('the PostgreSQL store: several nodes on one session', () => {
  it("a fold by a node that has not yet received another node's committed update keeps that update", async () => {
    const db = await database();
    const [a, b] = await Promise.all([openPostgresStore(db.url), openPostgresStore(db.url)]);
    try {
      const s = await a.sessions.create({ title: 'Two nodes', template: 'value-chain' });
      const onA = new Y.Doc();
      const onB = new Y.Doc();
      for (const doc of [onA, onB]) (await a.updates.load(s.id)).updates.forEach((u) => Y.applyUpdate(doc, u));
      const fromA: Uint8Array[] = [];
      onA.on('update', (u: Uint8Array) => fromA.push(u));
      onA.getMap('meta').set('currency', 'EUR');
      await a.updates.appendBatch(s.id, fromA);
      // Bo's edit, committed by node B, still on its way to node A when A folds the log.
      let fromB: Uint8Array | null = null;
      onB.once('update', (u: Uint8Array) => (fromB = u));
      onB.getMap('meta').set('title', 'Renamed on node B');
      await b.updates.append(s.id, fromB!);
      await a.updates.compact(s.id, Y.encodeStateAsUpdate(onA));
      const loaded = new Y.Doc();
      (await b.updates.load(s.id)).updates.forEach((u) => Y.applyUpdate(loaded, u));
      expect(loaded.getMap('meta').get('title')).toBe('Renamed on node B');
      expect(loaded.getMap('meta').get('currency')).toBe('EUR');
      expect(await b.updates.countSinceSnapshot(s.id)).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a node still holding the epoch another node folded away writes nothing more of it: its append, its compaction and its locked write are refused whole', async () => {
    const db = await database();
    const [a, b] = await Promise.all([openPostgresStore(db.url), openPostgresStore(db.url)]);
    try {
      const s = await a.sessions.create({ title: 'Folded elsewhere', template: 'blank' });
      const onB = new Y.Doc();
      (await b.updates.load(s.id)).updates.forEach((u) => Y.applyUpdate(onB, u));
      const fresh = new Y.Doc();
      fresh.getMap('meta').set('title', 'Folded elsewhere');
      const freshState = Y.encodeStateAsUpdate(fresh);
      // Node A folds: the fresh doc becomes epoch 1; B loaded epoch 0 just before.
      expect(await a.updates.foldAfresh(s.id, 0, (logged) => (logged.length > 0 ? { fresh: freshState, base: Y.encodeStateAsUpdate(onB) } : null))).toBe(true);
      // A second fold of epoch 0 (B, racing) finds the session moved on, and does not call make.
      expect(await b.updates.foldAfresh(s.id, 0, () => expect.unreachable('made a second fold'))).toBe(false);
      let edit: Uint8Array | null = null;
      onB.once('update', (u: Uint8Array) => (edit = u));
      onB.getMap('meta').set('title', 'Old doc, new title');
      await expect(b.updates.appendBatch(s.id, [edit!], undefined, 0)).rejects.toThrow(EpochMoved);
      await expect(b.updates.compact(s.id, Y.encodeStateAsUpdate(onB), undefined, 0)).rejects.toThrow(EpochMoved);
      await expect(b.updates.appendLocked(s.id, async () => edit, { epoch: 0 })).rejects.toThrow(EpochMoved);
      const loaded = await a.updates.load(s.id);
      expect(loaded).toMatchObject({ epoch: 1, sinceSnapshot: 0 });
      expect(loaded.updates).toEqual([freshState]);
      // Writes of the current epoch go through.
      const now = new Y.Doc();
      Y.applyUpdate(now, freshState);
      let next: Uint8Array | null = null;
      now.once('update', (u: Uint8Array) => (next = u));
      now.getMap('meta').set('title', 'New doc, new title');
      await b.updates.appendBatch(s.id, [next!], undefined, 1);
      expect((await a.updates.load(s.id)).updates).toHaveLength(2);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a locked write reads only the updates after the snapshot its caller holds, and the whole log once another node compacted', async () => {
    const db = await database();
    const [a, b] = await Promise.all([openPostgresStore(db.url), openPostgresStore(db.url)]);
    try {
      const s = await a.sessions.create({ title: 'Tail', template: 'blank' });
      const doc = new Y.Doc();
      const loaded = await a.updates.load(s.id);
      loaded.updates.forEach((u) => Y.applyUpdate(doc, u));
      const edits: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => edits.push(u));
      doc.getMap('meta').set('title', 'one');
      await a.updates.appendBatch(s.id, edits.splice(0));
      let seen: Uint8Array[] = [];
      const upto = await a.updates.appendLocked(s.id, async (logged) => ((seen = logged), null), { since: loaded.upto });
      expect(upto).toBe(loaded.upto);
      expect(seen).toHaveLength(loaded.sinceSnapshot + 1);
      // Node B compacts, with an edit node A has not received: A's next locked write reads it all.
      const onB = new Y.Doc();
      (await b.updates.load(s.id)).updates.forEach((u) => Y.applyUpdate(onB, u));
      let fromB: Uint8Array | null = null;
      onB.once('update', (u: Uint8Array) => (fromB = u));
      onB.getMap('meta').set('currency', 'EUR');
      await b.updates.append(s.id, fromB!);
      await b.updates.compact(s.id, Y.encodeStateAsUpdate(onB));
      const after = await a.updates.appendLocked(s.id, async (logged) => ((seen = logged), null), { since: upto });
      expect(after).toBeGreaterThan(upto);
      const read = new Y.Doc();
      seen.forEach((u) => Y.applyUpdate(read, u));
      expect(read.getMap('meta').get('currency')).toBe('EUR');
      expect(read.getMap('meta').get('title')).toBe('one');
      // Holding that snapshot now, the next one reads nothing more.
      expect(await a.updates.appendLocked(s.id, async (logged) => ((seen = logged), null), { since: after })).toBe(after);
      expect(seen).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a base no window came back to in 30 days is forgotten; one with edits taken in since is kept', async () => {
    const db = await database();
    const store = await openPostgresStore(db.url);
    try {
      const day = 86_400_000;
      const now = Date.now();
      const state = Y.encodeStateAsUpdate(new Y.Doc());
      const [x, y] = [await store.sessions.create({ title: 'x', template: 'blank' }), await store.sessions.create({ title: 'y', template: 'blank' })];
      for (const id of [x.id, y.id]) await store.updates.foldAfresh(id, 0, () => ({ fresh: state, base: state }), undefined, now - 40 * day);
      await store.updates.addToBase(y.id, 0, state, now - 10 * day);
      expect(await store.updates.purgeBases(now - 30 * day)).toBe(1);
      expect(await store.updates.baseEpochs(x.id)).toEqual([]);
      expect(await store.updates.base(y.id, 0)).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('two nodes appending to one session at once lose nothing and the log replays in commit order', async () => {
    const db = await database();
    const [a, b] = await Promise.all([openPostgresStore(db.url), openPostgresStore(db.url)]);
    try {
      const s = await a.sessions.create({ title: 'Busy', template: 'blank' });
      const edits = (node: string) => {
        const doc = new Y.Doc();
        const out: Uint8Array[] = [];
        doc.on('update', (u: Uint8Array) => out.push(u));
        for (let i = 0; i < 40; i++) doc.getMap('elements').set(`${node}${i}`, i);
        return out;
      };
      const [ea, eb] = [edits('a'), edits('b')];
      await Promise.all([...ea.map((u) => a.updates.append(s.id, u)), ...eb.map((u) => b.updates.append(s.id, u))]);
      const doc = new Y.Doc();
      (await a.updates.load(s.id)).updates.forEach((u) => Y.applyUpdate(doc, u));
      expect(doc.getMap('elements').size).toBe(80);
      expect(await a.updates.countSinceSnapshot(s.id)).toBe(81);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

async function withClient<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    return await fn(c);
  } finally {
    c.release();
  }
}
