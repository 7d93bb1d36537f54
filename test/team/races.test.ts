import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap } from '../../shared/model/board.js';
import { openEstimate, readEstimates } from '../../shared/model/estimate.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addNote, addStep } from '../../shared/operations/addCard.js';
import { limits } from '../../electron/host/limits.js';
import { openPostgresStore, type PostgresStore } from '../../electron/host/store/postgres/store.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { eventually, startNode, stopAllNodes, teamClient, type TeamClient, type TeamNode } from './nodes.js';

// Two `brownpaper server` processes of the built CLI (`npm run build` first) on one PostgreSQL
// and one Redis, with requests racing through both: what must hold is what the embedded host
// guarantees, whatever the interleaving.

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await stopAllNodes();
});

async function nodes(count: number, args: string[] = []) {
  const db = await emptyDatabase();
  cleanup.push(() => db.drop());
  const started: TeamNode[] = [];
  for (let i = 0; i < count; i++) started.push(await startNode(db.url, testRedisUrl(), args));
  const store = await openPostgresStore(db.url);
  cleanup.push(() => store.close());
  return { nodes: started, store, dbUrl: db.url };
}

async function twoNodes() {
  const {
    nodes: [a, b],
    store,
  } = await nodes(2);
  return { a, b, store };
}

async function seed(store: PostgresStore, participants: number) {
  const session = await store.sessions.create({ title: 'Claims handling', template: 'blank' });
  const people: string[] = [];
  for (let i = 0; i < participants; i++) people.push(await store.tokens.issue(session.id, 'participant'));
  return { id: session.id, facilitator: await store.tokens.issue(session.id, 'facilitator'), people };
}

const post = (node: TeamNode, path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${node.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

const notesOf = (doc: Y.Doc): string[] => [...elementsMap(doc).values()].filter((m) => (m as Y.Map<unknown>).get('kind') === 'note').map((m) => String((m as Y.Map<unknown>).toJSON().text ?? ''));

async function storedBoard(store: PostgresStore, sessionId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const u of (await store.updates.load(sessionId)).updates) Y.applyUpdate(doc, u);
  return doc;
}

it('a private card written through node B while the facilitator reveals through node A is on the board, or refused: never cleared unshown (many rounds)', { timeout: 180_000 }, async () => {
  const { a, b, store } = await twoNodes();
  const s = await seed(store, 3);
  const accepted: string[] = [];
  let refusedAfterReveal = 0;
  for (let round = 0; round < 12; round++) {
    const started = await post(a, `/api/sessions/${s.id}/private`, s.facilitator, { action: 'start', area: { kind: 'board' }, othersSee: 'placeholders' });
    expect(started.status).toBe(200);
    const { roundId } = (await started.json()) as { roundId: string };
    // Each person writes card after card through node B until the round is over for them.
    const writers = s.people.map(async (token, who) => {
      for (let n = 0; ; n++) {
        const text = `round ${round} person ${who} card ${n}`;
        const r = await post(b, `/api/sessions/${s.id}/private/cards`, token, { action: 'add', roundId, x: 40 * n, y: 60 * who, text });
        if (r.status === 200) accepted.push(text);
        else {
          expect(r.status, await r.text()).toBe(409);
          refusedAfterReveal++;
          return;
        }
      }
    });
    // The facilitator reveals through node A once the first cards are in, while the rest keep coming.
    await eventually('a first card is written', () => accepted.some((t) => t.startsWith(`round ${round} `)));
    const revealed = await post(a, `/api/sessions/${s.id}/private`, s.facilitator, { action: 'reveal', roundId, anonymous: true });
    expect(revealed.status).toBe(200);
    await Promise.all(writers);
    expect(await store.privateCards.all(s.id, roundId)).toEqual([]);
  }
  // Every card any writer was told it had written is on the stored board, once.
  const onBoard = notesOf(await storedBoard(store, s.id));
  const lost = accepted.filter((t) => !onBoard.includes(t));
  expect(lost, `${lost.length} of ${accepted.length} accepted cards never shown`).toEqual([]);
  expect(onBoard.length).toBe(accepted.length);
  expect(refusedAfterReveal).toBe(12 * s.people.length);
});

it(
  'a revert through node A while a person edits through node B: everyone converges on one board, and every edit of B is in the checkpoint made before the revert or on the board after it',
  { timeout: 180_000 },
  async () => {
    const { a, b, store } = await twoNodes();
    const s = await seed(store, 1);
    const client = (node: TeamNode, token: string): TeamClient => {
      const c = teamClient(node.url, s.id, token);
      cleanup.push(() => c.close());
      return c;
    };
    const facilitator = client(a, s.facilitator);
    const writer = client(b, s.people[0]);
    await eventually('both synced', () => facilitator.provider.synced && writer.provider.synced);
    const made = await post(a, `/api/sessions/${s.id}/checkpoints`, s.facilitator, { name: 'Empty board' });
    expect(made.status).toBe(201);
    const empty = ((await made.json()) as { id: string }).id;

    const written: string[] = [];
    const beforeReverts: string[] = [];
    for (let round = 0; round < 8; round++) {
      // The person on node B adds a note every few milliseconds while the facilitator reverts through node A.
      let writing = true;
      const writes = (async () => {
        for (let n = 0; writing; n++) {
          const text = `round ${round} note ${n}`;
          addNote.run(writer.doc, { x: 30 * n, y: 40 * round, text }, { origin: localOrigin, now: Date.now() });
          written.push(text);
          await new Promise((r) => setTimeout(r, 3));
        }
      })();
      await eventually('node A has a first note of this round', () => notesOf(facilitator.doc).some((t) => t.startsWith(`round ${round} `)));
      const reverted = await post(a, `/api/sessions/${s.id}/checkpoints/revert`, s.facilitator, { checkpointId: empty });
      expect(reverted.status).toBe(200);
      beforeReverts.push(((await reverted.json()) as { before: { id: string } }).before.id);
      writing = false;
      await writes;
    }
    // Everyone ends on the stored board (polled: the stored board is read with a query).
    const stored = await storedAndHeld([facilitator, writer], () => storedBoard(store, s.id));
    // No edit in neither: each is in a before-revert checkpoint, or on the board now.
    const kept = new Set(notesOf(stored));
    for (const id of beforeReverts) {
      const state = await store.checkpoints.state(s.id, id);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state!);
      for (const t of notesOf(doc)) kept.add(t);
    }
    const lost = written.filter((t) => !kept.has(t));
    expect(lost, `${lost.length} of ${written.length} edits are in no checkpoint and not on the board`).toEqual([]);
  },
);

it('wrong join codes spread over three nodes count once: past the desktop’s limit every node refuses that address, right codes too, and others still join', { timeout: 180_000 }, async () => {
  // Behind a balancer (the nodes trust 127.0.0.1's X-Forwarded-For): each guesser an address of
  // its own, so no other test sharing this Redis is counted with them.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-config-'));
  const config = path.join(dir, 'server.json');
  fs.writeFileSync(config, JSON.stringify({ trustedProxies: ['127.0.0.1'] }));
  const { nodes: three, store } = await nodes(3, ['--config', config]);
  const s = await seed(store, 0);
  const shown = await post(three[0], `/api/sessions/${s.id}/codes`, s.facilitator, { role: 'participant' });
  const { code } = (await shown.json()) as { code: string };
  const wrong = code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
  const unique = Math.floor(Math.random() * 250) + 1;
  const guesser = { 'X-Forwarded-For': `198.51.100.${unique}` };
  const someoneElse = { 'X-Forwarded-For': `203.0.113.${unique}` };

  const answers: number[] = [];
  for (let i = 0; i < limits.joinFailuresPerWindow; i++) answers.push((await post(three[i % 3], '/api/join', '', { code: wrong }, guesser)).status);
  expect(answers).toEqual(answers.map(() => 401));
  // The next try is refused on every node, with the wait in one line; the right code too.
  for (const node of three) {
    const refused = await post(node, '/api/join', '', { code: wrong }, guesser);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^too many wrong codes from this address; try again in \d+ s$/);
    expect((await post(node, '/api/join', '', { code }, guesser)).status).toBe(429);
  }
  // Another address is not held back by them.
  expect((await post(three[1], '/api/join', '', { code }, someoneElse)).status).toBe(200);
});

it('an estimate asked through node A counts everyone in the session on every node: who may answer, and who has', { timeout: 180_000 }, async () => {
  const { a, b, store } = await twoNodes();
  const session = await store.sessions.create({ title: 'Order to cash', template: 'value-chain' });
  const token = (role: 'facilitator' | 'participant' | 'viewer') => store.tokens.issue(session.id, role);
  const [facilitator, ana, bo, cy, viewer] = [await token('facilitator'), await token('participant'), await token('participant'), await token('participant'), await token('viewer')];
  const join = (node: TeamNode, t: string) => {
    const c = teamClient(node.url, session.id, t);
    cleanup.push(() => c.close());
    return c;
  };
  // The facilitator and Cy on node A; Ana (in two windows, one per node), Bo and a viewer on node B.
  const people = [join(a, facilitator), join(a, cy), join(a, ana), join(b, ana), join(b, bo), join(b, viewer)];
  await eventually('everyone synced', () => people.every((c) => c.provider.synced));
  const stepId = addStep.run(people[0].doc, { x: 0, y: 0, title: 'Credit check' }, { origin: localOrigin, now: 1 });
  await eventually('the step is on node B', () => elementsMap(people[4].doc).has(stepId));

  const asked = await post(a, `/api/sessions/${session.id}/estimates`, facilitator, { stepId, field: 'minutes', question: 'How long does a credit check take?' });
  expect(asked.status, await asked.clone().text()).toBe(200);
  // Who may answer: the facilitator, Ana, Bo and Cy, each once, whichever node they are on.
  await eventually('the estimate reaches node B', () => openEstimate(readEstimates(people[4].doc)) !== null);
  expect(openEstimate(readEstimates(people[4].doc))!.people).toBe(4);

  // Answers through node B: counted against everyone on both nodes.
  const { estimateId } = (await asked.json()) as { estimateId: string };
  expect((await post(b, `/api/sessions/${session.id}/estimates/answer`, bo, { estimateId, text: '12' })).status).toBe(200);
  await eventually('Bo’s answer is counted on node A', () => openEstimate(readEstimates(people[0].doc))?.answered === 1);
  expect(openEstimate(readEstimates(people[0].doc))!.people).toBe(4);
});

it('a session opened on three nodes at once gets one automatic checkpoint, whichever node keeps it; nodes asking together keep one', { timeout: 180_000 }, async () => {
  const { nodes: three, store, dbUrl } = await nodes(3);
  const sessions: Awaited<ReturnType<typeof seed>>[] = [];
  for (let i = 0; i < 4; i++) sessions.push(await seed(store, 3));
  // Each session opened on the three nodes at the same moment, one person on each.
  const clients = sessions.flatMap((s) =>
    three.map((node, i) => {
      const c = teamClient(node.url, s.id, s.people[i]);
      cleanup.push(() => c.close());
      return c;
    }),
  );
  await eventually('everyone synced', () => clients.every((c) => c.provider.synced));
  const opened = async () => (await Promise.all(sessions.map((s) => store.checkpoints.list(s.id)))).map((list) => list.filter((c) => c.kind === 'opened').length);
  const end = Date.now() + 15_000;
  while ((await opened()).some((n) => n === 0) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  // A checkpoint by hand through each node after: each node's opening request is through by then.
  for (const node of three) expect((await post(node, `/api/sessions/${sessions[0].id}/checkpoints`, sessions[0].facilitator, { name: 'By hand' })).status).toBe(201);
  expect(await opened()).toEqual([1, 1, 1, 1]);

  // The store's one step, asked by two nodes' pools at once, many times: one checkpoint.
  const other = await openPostgresStore(dbUrl);
  cleanup.push(() => other.close());
  const fresh = await seed(store, 0);
  const board = (await store.updates.load(fresh.id)).updates[0];
  const now = Date.now();
  const asked = await Promise.all(
    Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).checkpoints.addUnlessRecent(fresh.id, { name: 'Session opened', kind: 'opened', people: [], state: board }, now - 600_000, { now })),
  );
  expect(asked.filter((c) => c !== null).length).toBe(1);
  expect((await store.checkpoints.list(fresh.id)).length).toBe(1);
});

/** The stored board, once every client holds the same notes as it. */
async function storedAndHeld(clients: TeamClient[], read: () => Promise<Y.Doc>): Promise<Y.Doc> {
  const end = Date.now() + 30_000;
  const same = (x: Y.Doc, y: Y.Doc) => JSON.stringify(notesOf(x).sort()) === JSON.stringify(notesOf(y).sort());
  for (;;) {
    const stored = await read();
    if (clients.every((c) => same(c.doc, stored))) return stored;
    if (Date.now() > end) throw new Error(`not within 30 s: every client holds the stored board (${clients.map((c) => notesOf(c.doc).length).join(', ')} notes; stored ${notesOf(stored).length})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
