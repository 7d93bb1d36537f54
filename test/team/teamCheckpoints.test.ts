import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../shared/model/board.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addNote } from '../../shared/operations/addCard.js';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { eventually, startNode, stopAllNodes, teamClient } from './nodes.js';

// Real node processes of the built CLI (`npm run build` first).

const ctx = { origin: localOrigin, now: 1 };
const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await stopAllNodes();
});

it('on a team server the first person sees the board only once its opening checkpoint is in PostgreSQL (held back by the test, nothing reaches her meanwhile), and the import dialog’s “Before an import” holds the board as it was', async () => {
  const db = await emptyDatabase();
  cleanup.push(() => db.drop());
  const store = await openPostgresStore(db.url);
  cleanup.push(() => store.close());
  const session = await store.sessions.create({ title: 'Claims handling', template: 'value-chain' });
  const facilitator = await store.tokens.issue(session.id, 'facilitator');
  const node = await startNode(db.url, testRedisUrl());

  // The test holds the lock the node's opening checkpoint takes first (checkpoints.addUnlessRecent):
  // the checkpoint cannot be stored until the test lets it.
  const lock = new pg.Client({ connectionString: db.url });
  await lock.connect();
  cleanup.push(() => lock.end());
  const key = JSON.stringify(['checkpoint', session.id]);
  await lock.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);

  const ana = teamClient(node.url, session.id, facilitator);
  cleanup.push(() => ana.close());
  let messages = 0;
  ana.provider.on('status', () => ana.provider.ws?.addEventListener('message', () => messages++));
  for (let waiting = 0, end = Date.now() + 15_000; waiting === 0;) {
    if (Date.now() > end) throw new Error('the node never waited to store the opening checkpoint');
    waiting = (
      await lock.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory' AND pid <> pg_backend_pid()",
      )
    ).rows[0].n;
  }
  // The node answers a request made after it began to wait: whatever it had sent Ana before, she has.
  await (await fetch(`${node.url}/api/me`)).text();
  expect(ana.provider.synced).toBe(false);
  expect(messages).toBe(0);
  expect(await store.checkpoints.list(session.id)).toEqual([]);

  // The checkpoint is stored once the lock is let go, and only then does the board reach her.
  let opened: string[] | null = null;
  ana.provider.once('sync', () => void store.checkpoints.list(session.id).then((list) => (opened = list.map((c) => c.kind))));
  await lock.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
  await eventually('Ana has the board and the checkpoints were read', () => opened !== null);
  expect(opened).toEqual(['opened']);

  addNote.run(ana.doc, { x: 0, y: 0, text: 'Written before the import' }, ctx);
  const before = Y.encodeStateVector(ana.doc).toString();
  // One read at a time: polls never pile up on the pool of a loaded machine.
  const stored = async () => {
    const d = new Y.Doc();
    (await store.updates.load(session.id)).updates.forEach((u) => Y.applyUpdate(d, u));
    return Y.encodeStateVector(d).toString();
  };
  for (const end = Date.now() + 15_000; (await stored()) !== before;) {
    if (Date.now() > end) throw new Error('not within 15 s: the note is stored');
    await new Promise((r) => setTimeout(r, 20));
  }
  // What the import dialog asks for before it writes (renderer/state/history.ts).
  const made = await fetch(`${node.url}/api/sessions/${session.id}/checkpoints`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${facilitator}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Before an import', kind: 'before-import' }),
  });
  expect(made.status).toBe(201);
  const checkpoint = (await made.json()) as { id: string; kind: string; name: string };
  expect(checkpoint).toMatchObject({ kind: 'before-import', name: 'Before an import' });
  expect((await store.checkpoints.list(session.id)).map((c) => c.kind)).toEqual(['before-import', 'opened']);
  const state = await store.checkpoints.state(session.id, checkpoint.id);
  const board = new Y.Doc();
  Y.applyUpdate(board, state!);
  expect([...readBoard(board).elements.values()].some((e) => e.kind === 'note' && e.text === 'Written before the import')).toBe(true);
});

it('a checkpoint opened as a new session is the facilitator’s who opened it: hers from her board, a colleague’s from his', async () => {
  const db = await emptyDatabase();
  cleanup.push(() => db.drop());
  const store = await openPostgresStore(db.url);
  cleanup.push(() => store.close());
  const ana = await store.facilitators.add('Ana Lima');
  const ben = await store.facilitators.add('Ben Okafor');
  const node = await startNode(db.url, testRedisUrl());
  const api = async <T>(method: string, path: string, bearer: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${node.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(r.ok, `${method} ${path}: ${r.status}`).toBe(true);
    return (await r.json()) as T;
  };
  const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');

  const made = await api<{ session: { id: string }; url: string }>('POST', '/api/sessions', ana.key, { title: 'Claims handling', template: 'blank' });
  const checkpoint = await api<{ id: string }>('POST', `/api/sessions/${made.session.id}/checkpoints`, tokenOf(made.url), { name: 'Before voting' });
  // Ana, from the board she made; Ben, from the board he opened from the library (co-facilitating).
  const hers = await api<{ session: { id: string }; url: string }>('POST', `/api/sessions/${made.session.id}/checkpoints/copy`, tokenOf(made.url), { checkpointId: checkpoint.id });
  const opened = await api<{ url: string }>('POST', `/api/sessions/${made.session.id}/open`, ben.key);
  const his = await api<{ session: { id: string }; url: string }>('POST', `/api/sessions/${made.session.id}/checkpoints/copy`, tokenOf(opened.url), { checkpointId: checkpoint.id });

  const library = await api<{ session: { id: string; title: string }; owner: { id: string; name: string } | null }[]>('GET', '/api/library', ana.key);
  const ownerOf = (id: string) => library.find((e) => e.session.id === id)?.owner;
  expect(ownerOf(hers.session.id)).toEqual({ id: ana.facilitator.id, name: 'Ana Lima' });
  expect(ownerOf(his.session.id)).toEqual({ id: ben.facilitator.id, name: 'Ben Okafor' });
  // The link to the new session is theirs too: a copy made from it is theirs again.
  const second = await api<{ id: string }>('POST', `/api/sessions/${his.session.id}/checkpoints`, tokenOf(his.url), { name: 'Later' });
  const again = await api<{ session: { id: string } }>('POST', `/api/sessions/${his.session.id}/checkpoints/copy`, tokenOf(his.url), { checkpointId: second.id });
  const after = await api<{ session: { id: string }; owner: { id: string } | null }[]>('GET', '/api/library', ben.key);
  expect(after.find((e) => e.session.id === again.session.id)?.owner?.id).toBe(ben.facilitator.id);
});
