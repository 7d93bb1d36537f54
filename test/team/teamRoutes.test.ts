import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap } from '../../shared/model/board.js';
import { localOrigin } from '../../shared/model/origins.js';
import { openPrivateRound, readPrivateRounds } from '../../shared/model/privateRound.js';
import { readRound, votesMap, type VoteRound } from '../../shared/model/vote.js';
import { addNote } from '../../shared/operations/addCard.js';
import { sessionSchema } from '../../shared/session.js';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { silentLogger } from '../../electron/host/log.js';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { startTeamServer, type TeamServer } from '../../electron/host/team/teamServer.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { eventually, teamClient, type TeamClient } from './nodes.js';

// Two nodes of one team server in this process: each its own pool to PostgreSQL and its own links to Redis.

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function twoNodes(options: { publicUrl?: string } = {}) {
  const db = await emptyDatabase();
  cleanup.push(() => db.drop());
  const start = async () => {
    const node = await startTeamServer({ port: 0, bind: '127.0.0.1', postgres: db.url, redis: testRedisUrl(), webRoot: '/nonexistent', logger: silentLogger, ...options });
    cleanup.push(() => node.close());
    return node;
  };
  const [a, b] = [await start(), await start()];
  const store = await openPostgresStore(db.url);
  cleanup.push(() => store.close());
  return { a, b, store, dbUrl: db.url };
}

const call = (node: TeamServer, path: string, key: string, init: RequestInit = {}) =>
  fetch(`${node.url}${path}`, { ...init, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...init.headers } });

it('a facilitator’s API key lists, creates and opens sessions on either node; a wrong or revoked key is refused in one line', async () => {
  const { a, b, store } = await twoNodes({ publicUrl: 'https://workshops.example.org/' });
  const { key, facilitator } = await store.facilitators.add('Ana');

  const created = await call(a, '/api/sessions', key, { method: 'POST', body: JSON.stringify({ title: 'Order to cash', template: 'value-chain' }) });
  expect(created.status).toBe(201);
  const { session, url } = (await created.json()) as { session: unknown; url: string };
  const made = sessionSchema.parse(session);
  // The link is on the address people reach the nodes at, and its token opens the session on any node.
  expect(url).toMatch(new RegExp(`^https://workshops\\.example\\.org/s/${made.id}#token=`));
  const token = /token=([^&]+)/.exec(url)![1];
  expect(await store.tokens.verify(made.id, token)).toBe('facilitator');

  const listed = await call(b, '/api/sessions', key);
  expect(listed.status).toBe(200);
  expect(((await listed.json()) as { id: string }[]).map((s) => s.id)).toEqual([made.id]);

  const opened = await call(b, `/api/sessions/${made.id}/open`, key, { method: 'POST' });
  expect(opened.status).toBe(200);
  const fresh = /token=([^&]+)/.exec(((await opened.json()) as { url: string }).url)![1];
  expect(fresh).not.toBe(token);
  expect(await store.tokens.verify(made.id, fresh)).toBe('facilitator');
  expect((await call(a, '/api/sessions/nosuchsession000/open', key, { method: 'POST' })).status).toBe(404);

  // Renamed through node B: the board's title, committed to PostgreSQL, and the list follows.
  const renamed = await call(b, `/api/sessions/${made.id}/title`, key, { method: 'POST', body: JSON.stringify({ title: 'Quote to cash' }) });
  expect(renamed.status).toBe(200);
  expect(((await renamed.json()) as { title: string }).title).toBe('Quote to cash');
  expect((await store.sessions.get(made.id))!.title).toBe('Quote to cash');

  const copy = await call(a, `/api/sessions/${made.id}/duplicate`, key, { method: 'POST' });
  expect(copy.status).toBe(201);
  expect(((await copy.json()) as { session: { title: string } }).session.title).toBe('Quote to cash (copy)');
  expect((await call(b, `/api/sessions/${made.id}`, key, { method: 'DELETE' })).status).toBe(200);
  expect(((await (await call(a, '/api/trash', key)).json()) as { id: string }[]).map((s) => s.id)).toEqual([made.id]);
  expect((await call(a, `/api/trash/${made.id}/restore`, key, { method: 'POST' })).status).toBe(200);
  expect(((await (await call(b, '/api/sessions', key)).json()) as unknown[]).length).toBe(2);

  // Wrong, missing and revoked keys: 401 with one line, and nothing listed.
  const oneOff = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
  for (const wrong of [oneOff, 'not-a-key', '']) {
    const refused = await call(a, '/api/sessions', wrong);
    expect(refused.status).toBe(401);
    const body = (await refused.json()) as { error: string };
    expect(body.error).toMatch(/facilitator’s API key/);
    expect(body.error).not.toContain('\n');
  }
  await store.facilitators.revoke(facilitator.id);
  expect((await call(b, '/api/sessions', key)).status).toBe(401);
  expect((await call(a, '/api/sessions', key, { method: 'POST', body: JSON.stringify({ title: 'x', template: 'blank' }) })).status).toBe(401);
  expect(((await store.sessions.list()) as unknown[]).length).toBe(2);
});

it('the desktop’s own routes answer 501 with one line on the team server', async () => {
  const { a, store } = await twoNodes();
  const { key } = await store.facilitators.add('Bo');
  for (const path of ['/api/hosting', '/api/backup']) {
    const r = await call(a, path, key);
    expect(r.status, path).toBe(501);
    expect(((await r.json()) as { error: string }).error).toMatch(/^not on the team server/);
  }
});

/** A session with a facilitator's token and two participants', made in the store the nodes use. */
async function seed(store: Awaited<ReturnType<typeof twoNodes>>['store']) {
  const session = await store.sessions.create({ title: 'Claims handling', template: 'blank' });
  const issue = (role: 'facilitator' | 'participant') => store.tokens.issue(session.id, role);
  return { id: session.id, facilitator: await issue('facilitator'), ana: await issue('participant'), bo: await issue('participant') };
}

const client = (node: TeamServer, sessionId: string, token: string): TeamClient => {
  const c = teamClient(node.url, sessionId, token);
  cleanup.push(() => c.close());
  return c;
};
const roundIn = (doc: Y.Doc, id: string): VoteRound | null => {
  const m = votesMap(doc).get(id);
  return m ? readRound(id, m) : null;
};
/** Every card's text on a board, as the canvas would draw it. */
const textsOn = (doc: Y.Doc): string[] => [...elementsMap(doc).values()].map((m) => String(m.toJSON().text ?? ''));
const storedBoard = async (store: Awaited<ReturnType<typeof twoNodes>>['store'], sessionId: string) => {
  const { updates } = await store.updates.load(sessionId);
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return { doc, bytes: Buffer.concat(updates.map((u) => Buffer.from(u))) };
};
const post = (node: TeamServer, path: string, token: string, body: unknown) => call(node, path, token, { method: 'POST', body: JSON.stringify(body) });

it('dot voting through two nodes: each dot counts once, the per-person limit holds across nodes, and the reveal reaches a client on the other node', async () => {
  const { a, b, store } = await twoNodes();
  const s = await seed(store);
  const facilitator = client(a, s.id, s.facilitator);
  const ana = client(b, s.id, s.ana);
  await eventually('both synced', () => facilitator.provider.synced && ana.provider.synced);
  addNote.run(facilitator.doc, { x: 0, y: 0, text: 'Rekeying claims' }, { origin: localOrigin, now: 1 });
  addNote.run(facilitator.doc, { x: 300, y: 0, text: 'Waiting for the adjuster' }, { origin: localOrigin, now: 1 });
  const cards = [...elementsMap(facilitator.doc).keys()];
  await eventually('Ana’s board (node B) has both notes', () => cards.every((id) => elementsMap(ana.doc).has(id)));

  const started = await post(a, `/api/sessions/${s.id}/votes`, s.facilitator, { action: 'start', title: 'Biggest pain', perPerson: 2, elementIds: cards });
  expect(started.status).toBe(200);
  const { roundId } = (await started.json()) as { roundId: string };
  await eventually('the round reaches node B', () => roundIn(ana.doc, roundId)?.status === 'open');

  // Ana places three dots at once, through both nodes: two go in, one is refused, whichever node it came through.
  const placing = [a, b, a].map((node) => post(node, `/api/sessions/${s.id}/votes`, s.ana, { action: 'place', roundId, elementId: cards[0] }));
  const statuses = (await Promise.all(placing)).map((r) => r.status).sort();
  expect(statuses).toEqual([200, 200, 409]);
  // Bo: one dot through B, one through A, on different cards.
  expect((await post(b, `/api/sessions/${s.id}/votes`, s.bo, { action: 'place', roundId, elementId: cards[1] })).status).toBe(200);
  expect((await post(a, `/api/sessions/${s.id}/votes`, s.bo, { action: 'place', roundId, elementId: cards[0] })).status).toBe(200);
  // A participant may not reveal; the facilitator may.
  expect((await post(b, `/api/sessions/${s.id}/votes`, s.ana, { action: 'reveal', roundId })).status).toBe(403);
  const mine = (await (await call(b, `/api/sessions/${s.id}/votes`, s.ana)).json()) as { dots: string[] };
  expect(mine.dots).toEqual([cards[0], cards[0]]);

  expect((await post(a, `/api/sessions/${s.id}/votes`, s.facilitator, { action: 'reveal', roundId })).status).toBe(200);
  await eventually('Ana (node B) sees the tally', () => roundIn(ana.doc, roundId)?.status === 'revealed');
  const revealed = roundIn(ana.doc, roundId)!;
  expect(revealed.tally).toEqual({ [cards[0]]: 3, [cards[1]]: 1 });
  expect({ placed: revealed.placed, voters: revealed.voters }).toEqual({ placed: 4, voters: 2 });
  // And it is in PostgreSQL: a board loaded from the store has the same tally.
  const stored = new Y.Doc();
  for (const u of (await store.updates.load(s.id)).updates) Y.applyUpdate(stored, u);
  expect(roundIn(stored, roundId)?.tally).toEqual(revealed.tally);
});

it('a join code shown on node A lets a person in through node B; a wrong code does not', async () => {
  const { a, b, store } = await twoNodes();
  const s = await seed(store);
  const shown = await post(a, `/api/sessions/${s.id}/codes`, s.facilitator, { role: 'participant' });
  expect(await shown.clone().json()).toMatchObject({ lasts: 'Codes work for a week after they were last shown.', server: 'team' });
  expect(shown.status).toBe(200);
  const { code } = (await shown.json()) as { code: string };
  // The same code from either node: one code per session and role.
  expect(((await (await post(b, `/api/sessions/${s.id}/codes`, s.facilitator, { role: 'participant' })).json()) as { code: string }).code).toBe(code);
  const viewers = ((await (await post(b, `/api/sessions/${s.id}/codes`, s.facilitator, { role: 'viewer' })).json()) as { code: string }).code;
  expect(viewers).not.toBe(code);

  const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`;
  const joined = await post(b, '/api/join', '', { code: typed });
  expect(joined.status).toBe(200);
  const { token, role, sessionId } = (await joined.json()) as { token: string; role: string; sessionId: string };
  expect({ role, sessionId }).toEqual({ role: 'participant', sessionId: s.id });
  expect(await store.tokens.verify(s.id, token)).toBe('participant');
  expect((await call(a, `/api/sessions/${s.id}`, token)).status).toBe(200);

  const wrong = await post(a, '/api/join', '', { code: code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ' });
  expect(wrong.status).toBe(401);
  expect(((await wrong.json()) as { error: string }).error).toMatch(/no session has that code/);
  // Only a facilitator shows codes.
  expect((await post(a, `/api/sessions/${s.id}/codes`, s.ana, { role: 'participant' })).status).toBe(403);
});

it('removing a person on node A closes their socket on node B and their token opens nothing after; the trash ends everyone on every node', async () => {
  const { a, b, store } = await twoNodes();
  const s = await seed(store);
  const { key } = await store.facilitators.add('Ana');
  const facilitator = client(a, s.id, s.facilitator);
  await eventually('the facilitator synced', () => facilitator.provider.synced);
  const bo = client(b, s.id, s.bo);
  const ana = client(b, s.id, s.ana);
  await eventually('everyone synced', () => [bo, ana].every((c) => c.provider.synced));
  // As the app does once it is in: each person's name in their presence.
  bo.provider.awareness.setLocalStateField('user', { name: 'Bo' });
  ana.provider.awareness.setLocalStateField('user', { name: 'Ana' });
  // The facilitator's board on node A shows Bo (on node B): that is the client id it removes.
  await eventually('node A’s facilitator sees Bo', () => facilitator.provider.awareness.getStates().has(bo.doc.clientID));

  // No one with that client id on any node: 404, and no one is closed.
  const nobody = await post(a, `/api/sessions/${s.id}/kick`, s.facilitator, { clientId: 1 });
  expect(nobody.status).toBe(404);

  const kicked = await post(a, `/api/sessions/${s.id}/kick`, s.facilitator, { clientId: bo.doc.clientID });
  expect(kicked.status).toBe(200);
  await eventually('Bo’s socket on node B is closed as removed', () => bo.closes.some((c) => c.code === closeCodes.revoked));
  expect(await store.tokens.verify(s.id, s.bo)).toBeNull();
  expect((await call(a, `/api/sessions/${s.id}`, s.bo)).status).toBe(401);
  expect((await call(b, `/api/sessions/${s.id}`, s.bo)).status).toBe(401);
  expect(ana.closes).toEqual([]);
  // A participant cannot remove anyone.
  expect((await post(b, `/api/sessions/${s.id}/kick`, s.ana, { clientId: facilitator.doc.clientID })).status).toBe(403);

  expect((await call(a, `/api/sessions/${s.id}`, key, { method: 'DELETE' })).status).toBe(200);
  await eventually('Ana on node B is told the session is in the trash', () => ana.closes.some((c) => c.code === closeCodes.sessionDeleted));
});

it('a private round through two nodes: a card written through node B is in nobody’s board, nor in the stored log, until the facilitator reveals through node A; then both nodes’ clients have it', async () => {
  const { a, b, store } = await twoNodes();
  const s = await seed(store);
  const facilitator = client(a, s.id, s.facilitator);
  const ana = client(b, s.id, s.ana);
  const bo = client(a, s.id, s.bo);
  await eventually('everyone synced', () => [facilitator, ana, bo].every((c) => c.provider.synced));

  const started = await post(a, `/api/sessions/${s.id}/private`, s.facilitator, { action: 'start', area: { kind: 'board' }, othersSee: 'placeholders' });
  expect(started.status).toBe(200);
  const { roundId } = (await started.json()) as { roundId: string };
  await eventually('the round reaches Ana on node B', () => openPrivateRound(readPrivateRounds(ana.doc))?.id === roundId);
  // Only the facilitator runs a round, whichever node asks.
  expect((await post(b, `/api/sessions/${s.id}/private`, s.ana, { action: 'reveal', roundId, anonymous: false })).status).toBe(403);

  // Ana writes through node B the way the canvas does: an empty card, then its text.
  const secret = 'Claims wait three days for a signature (Ana 7f3a)';
  const made = await post(b, `/api/sessions/${s.id}/private/cards`, s.ana, { action: 'add', roundId, x: 100, y: 100, author: 'Ana' });
  expect(made.status).toBe(200);
  const cardId = ((await made.json()) as { cards: { id: string }[] }).cards[0].id;
  expect((await post(b, `/api/sessions/${s.id}/private/cards`, s.ana, { action: 'edit', id: cardId, text: secret })).status).toBe(200);
  // Bo, through node A, may neither read nor change Ana's card.
  expect((await post(a, `/api/sessions/${s.id}/private/cards`, s.bo, { action: 'edit', id: cardId, text: 'mine now' })).status).toBe(404);
  const bosCards = (await (await call(a, `/api/sessions/${s.id}/private/cards`, s.bo)).json()) as { roundId: string; cards: unknown[] };
  expect(bosCards).toEqual({ roundId, cards: [] });
  // Ana reads her own card back through the other node.
  const anasCards = (await (await call(a, `/api/sessions/${s.id}/private/cards`, s.ana)).json()) as { cards: { text: string }[] };
  expect(anasCards.cards.map((c) => c.text)).toEqual([secret]);

  // Everyone sees that one card is written, where it is, and nothing of what it says.
  await eventually('the facilitator (node A) sees a placeholder', () => openPrivateRound(readPrivateRounds(facilitator.doc))?.placeholders.length === 1);
  for (const c of [facilitator, ana, bo]) expect(textsOn(c.doc).some((t) => t.includes('three days'))).toBe(false);
  expect((await storedBoard(store, s.id)).bytes.includes(Buffer.from('three days'))).toBe(false);

  const revealed = await post(a, `/api/sessions/${s.id}/private`, s.facilitator, { action: 'reveal', roundId, anonymous: false });
  expect(revealed.status).toBe(200);
  expect(await revealed.json()).toEqual({ roundId, cards: 1 });
  for (const c of [facilitator, ana, bo]) await eventually('the signed card is on every board', () => textsOn(c.doc).includes(`${secret}\n— Ana`));
  expect(readPrivateRounds(ana.doc).find((r) => r.id === roundId)).toMatchObject({ status: 'revealed', placeholders: [] });
  // In PostgreSQL too, and the card is gone from the private store: a second reveal is refused.
  expect(textsOn((await storedBoard(store, s.id)).doc)).toContain(`${secret}\n— Ana`);
  expect(await store.privateCards.all(s.id, roundId)).toEqual([]);
  expect((await post(b, `/api/sessions/${s.id}/private`, s.facilitator, { action: 'reveal', roundId, anonymous: true })).status).toBe(409);
});

it('history through two nodes: a checkpoint made through node B, the board changed, a revert through node B reaches a client on node A; the checkpoint opens as a new session through node A', async () => {
  const { a, b, store } = await twoNodes();
  const s = await seed(store);
  const facilitator = client(a, s.id, s.facilitator);
  const ana = client(b, s.id, s.ana);
  await eventually('both synced', () => facilitator.provider.synced && ana.provider.synced);
  addNote.run(facilitator.doc, { x: 0, y: 0, text: 'Rekeying claims' }, { origin: localOrigin, now: 1 });
  await eventually('Ana (node B) has the note', () => textsOn(ana.doc).includes('Rekeying claims'));

  const made = await post(b, `/api/sessions/${s.id}/checkpoints`, s.facilitator, { name: 'Before voting' });
  expect(made.status).toBe(201);
  const named = (await made.json()) as { id: string; name: string; kind: string };
  expect(named).toMatchObject({ name: 'Before voting', kind: 'named' });
  // A participant may not make one.
  expect((await post(a, `/api/sessions/${s.id}/checkpoints`, s.ana, { name: 'Mine' })).status).toBe(403);

  addNote.run(facilitator.doc, { x: 300, y: 0, text: 'Waiting for the adjuster' }, { origin: localOrigin, now: 2 });
  await eventually('Ana has the second note', () => textsOn(ana.doc).includes('Waiting for the adjuster'));
  const reverted = await post(b, `/api/sessions/${s.id}/checkpoints/revert`, s.facilitator, { checkpointId: named.id });
  expect(reverted.status).toBe(200);
  expect(((await reverted.json()) as { before: { kind: string } }).before.kind).toBe('before-revert');
  // The facilitator's board, on node A, is put back; so is the stored log.
  await eventually('the revert reaches node A', () => !textsOn(facilitator.doc).includes('Waiting for the adjuster'));
  expect(textsOn(facilitator.doc)).toContain('Rekeying claims');
  expect(textsOn((await storedBoard(store, s.id)).doc)).not.toContain('Waiting for the adjuster');

  const listed = (await (await call(a, `/api/sessions/${s.id}/checkpoints`, s.facilitator)).json()) as { kind: string }[];
  // The automatic one on opening is there too unless the named one came first (10 minutes apart at least).
  expect(listed.map((c) => c.kind).filter((k) => k !== 'opened')).toEqual(['before-revert', 'named']);
  expect(listed.filter((c) => c.kind === 'opened').length).toBeLessThanOrEqual(1);
  const board = await post(a, `/api/sessions/${s.id}/checkpoints/board`, s.facilitator, { checkpointId: named.id });
  expect(board.status).toBe(200);
  const kept = new Y.Doc();
  Y.applyUpdate(kept, Buffer.from(((await board.json()) as { update: string }).update, 'base64'));
  expect(textsOn(kept)).toEqual(['Rekeying claims']);

  const copy = await post(a, `/api/sessions/${s.id}/checkpoints/copy`, s.facilitator, { checkpointId: named.id });
  expect(copy.status).toBe(201);
  const { session } = (await copy.json()) as { session: { id: string; title: string } };
  expect(session.title).toBe('Claims handling (Before voting)');
  expect(textsOn((await storedBoard(store, session.id)).doc)).toEqual(['Rekeying claims']);
  expect((await post(b, `/api/sessions/${s.id}/checkpoints/revert`, s.facilitator, { checkpointId: 'AAAAAAAAAAAAAAAAAAAAAA' })).status).toBe(404);
});
