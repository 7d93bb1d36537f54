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

it('on a team server the opening checkpoint is in PostgreSQL before the first person sees the board, and the import dialog’s “Before an import” holds the board as it was', async () => {
  const db = await emptyDatabase();
  cleanup.push(() => db.drop());
  const store = await openPostgresStore(db.url);
  cleanup.push(() => store.close());
  const session = await store.sessions.create({ title: 'Claims handling', template: 'value-chain' });
  const facilitator = await store.tokens.issue(session.id, 'facilitator');
  const node = await startNode(db.url, testRedisUrl());

  const ana = teamClient(node.url, session.id, facilitator);
  cleanup.push(() => ana.close());
  // The board reaches Ana only once the opening checkpoint is stored: read as soon as she has it.
  let opened: string[] | null = null;
  ana.provider.once('sync', () => void store.checkpoints.list(session.id).then((list) => (opened = list.map((c) => c.kind))));
  await eventually('Ana has the board and the checkpoints were read', () => opened !== null);
  expect(opened).toEqual(['opened']);

  addNote.run(ana.doc, { x: 0, y: 0, text: 'Written before the import' }, ctx);
  const before = Y.encodeStateVector(ana.doc).toString();
  let stored = '';
  await eventually('the note is stored', () => {
    void store.updates.load(session.id).then(({ updates }) => {
      const d = new Y.Doc();
      updates.forEach((u) => Y.applyUpdate(d, u));
      stored = Y.encodeStateVector(d).toString();
    });
    return stored === before;
  });
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
