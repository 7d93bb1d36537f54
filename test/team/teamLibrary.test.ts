import { limits } from '../../electron/host/limits.js';
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { elementsMap } from '../../shared/model/board.js';
import { libraryEntrySchema, type LibraryEntry } from '../../shared/model/library.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addNote } from '../../shared/operations/addCard.js';
import type { Logger } from '../../electron/host/log.js';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { startTeamServer, type TeamServer } from '../../electron/host/team/teamServer.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { startRedis } from '../servers/redis.js';
import { eventually, teamClient } from './nodes.js';

// The team server's library (issue 20 on issue 21): two nodes in this process on one database.

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function twoNodes(redis = testRedisUrl()) {
  const db = await emptyDatabase();
  cleanup.push(() => db.drop());
  const logs: { node: 'a' | 'b'; line: string }[] = [];
  const start = async (node: 'a' | 'b') => {
    const logger: Logger = (_level, line) => void logs.push({ node, line });
    const server = await startTeamServer({ port: 0, bind: '127.0.0.1', postgres: db.url, redis, webRoot: '/nonexistent', logger });
    cleanup.push(() => server.close());
    return server;
  };
  const [a, b] = [await start('a'), await start('b')];
  const store = await openPostgresStore(db.url);
  cleanup.push(() => store.close());
  const { key } = await store.facilitators.add('Ana');
  return { a, b, store, key, logs };
}

const get = async <T>(node: TeamServer, path: string, key: string): Promise<{ status: number; body: T }> => {
  const r = await fetch(`${node.url}${path}`, { headers: { Authorization: `Bearer ${key}` } });
  return { status: r.status, body: (await r.json()) as T };
};
const post = (node: TeamServer, path: string, token: string, body: unknown) =>
  fetch(`${node.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
/** The library as the browser reads it, checked against the desktop's answer schema. */
const library = async (node: TeamServer, key: string): Promise<LibraryEntry[]> => {
  const r = await get<unknown>(node, '/api/library', key);
  expect(r.status).toBe(200);
  return z.array(libraryEntrySchema).parse(r.body);
};

it('the library lists each session with its steps, total, lead time, words and thumbnail, on either node; a session nobody opened is read when listed', async () => {
  const { a, b, store, key } = await twoNodes();
  const sample = await store.sessions.create({ title: 'Info request, as-is', template: 'sample-info-request' });
  const blank = await store.sessions.create({ title: 'Empty wall', template: 'blank' });
  const gone = await store.sessions.create({ title: 'Old wall', template: 'blank' });
  await store.sessions.trash(gone.id);

  const entries = await library(a, key);
  expect(entries.map((e) => e.session.title).sort()).toEqual(['Empty wall', 'Info request, as-is']);
  const card = entries.find((e) => e.session.id === sample.id)!.summary!;
  expect(card.steps).toBeGreaterThan(5);
  expect(card.totalMinor).toMatch(/^[1-9][0-9]*$/);
  expect(card.leadMinutes).toBeGreaterThan(0);
  expect(card.text).toContain('Sales rep qualifies lead, posts brochure');
  expect(card.thumbnail).toMatch(/^<svg[^>]*>.*<rect/s);
  expect(entries.find((e) => e.session.id === blank.id)!.summary).toMatchObject({ steps: 0, totalMinor: null, leadMinutes: null });
  // Node B answers from the cards node A kept: the same, read once.
  expect(await library(b, key)).toEqual(entries);
  // Not for a participant's token, nor without a key.
  expect((await get(a, '/api/library', 'k'.repeat(43))).status).toBe(401);
});

it('a session edited through two nodes: its card is read once it is quiet, by one node, and carries both nodes’ words', async () => {
  const { a, b, store, logs } = await twoNodes();
  const s = await store.sessions.create({ title: 'Claims handling', template: 'blank' });
  const facilitator = await store.tokens.issue(s.id, 'facilitator');
  const participant = await store.tokens.issue(s.id, 'participant');
  const onA = teamClient(a.url, s.id, facilitator);
  const onB = teamClient(b.url, s.id, participant);
  cleanup.push(() => (onA.close(), onB.close()));
  await eventually('both synced', () => onA.provider.synced && onB.provider.synced);
  const reads = () => logs.filter((l) => l.line.startsWith(`session ${s.id}: library card read`));

  // Both nodes commit an edit of the session: each has heard of it and waits for the quiet.
  addNote.run(onA.doc, { x: 0, y: 0, text: 'Rekeying claims' }, { origin: localOrigin, now: 1 });
  addNote.run(onB.doc, { x: 300, y: 0, text: 'Waiting for the adjuster' }, { origin: localOrigin, now: 1 });
  const texts = (doc: typeof onA.doc) => [...elementsMap(doc).values()].map((m) => String(m.get('text')));
  await eventually('each node relayed the other’s edit', () => texts(onA.doc).includes('Waiting for the adjuster') && texts(onB.doc).includes('Rekeying claims'));
  const stored = async () => (await store.summaries.cards()).find((c) => c.session.id === s.id)!;
  await eventually('the card is read', () => reads().length > 0);
  const card = await stored();
  expect(card.summary!.text.split('\n').sort()).toEqual(['Rekeying claims', 'Waiting for the adjuster']);
  expect(card.outdated).toBe(false);

  // Another edit, through node A only, and its quiet moment: by then node B's wait for the first
  // one has long ended. Two reads in all: one per quiet moment, not one per node holding it.
  addNote.run(onA.doc, { x: 600, y: 0, text: 'Adjuster calls back' }, { origin: localOrigin, now: 1 });
  await eventually('the second card is read', () => reads().length >= 2);
  expect((await stored()).summary!.text).toContain('Adjuster calls back');
  expect(reads().length).toBe(2);
});

it('whose key it is: the facilitator’s name as it was given, however long', async () => {
  const { a, b, store, key } = await twoNodes();
  expect(await get(a, '/api/me', key)).toEqual({ status: 200, body: { name: 'Ana', id: expect.any(String) } });
  const long = `Maria-${'Josefa '.repeat(28)}`.slice(0, 200);
  const other = await store.facilitators.add(long);
  expect(await get(b, '/api/me', other.key)).toEqual({ status: 200, body: { name: long, id: other.facilitator.id } });
  await store.facilitators.revoke(other.facilitator.id);
  const refused = await get<{ error: string }>(b, '/api/me', other.key);
  expect(refused.status).toBe(401);
  expect(refused.body.error).toMatch(/^this needs a facilitator’s API key/);
});

/** Two nodes on a Redis of this test's own, and a session whose participant code node A has shown. */
async function codeOnTheWall() {
  const redis = await startRedis();
  cleanup.push(() => redis.remove());
  const { a, b, store } = await twoNodes(redis.url);
  const s = await store.sessions.create({ title: 'Claims handling', template: 'blank' });
  const facilitator = await store.tokens.issue(s.id, 'facilitator');
  const { code } = (await (await post(a, `/api/sessions/${s.id}/codes`, facilitator, { role: 'participant' })).json()) as { code: string };
  return { redis, b, store, s, facilitator, code };
}

it('a join code on the wall outlives a restart of Redis that kept nothing: a person types it after and is let in through the other node', async () => {
  const { redis, b, store, s, facilitator, code } = await codeOnTheWall();

  await redis.stop();
  await redis.start();
  // The wall still shows the same code, and it lets Pat in through node B.
  expect(((await (await post(b, `/api/sessions/${s.id}/codes`, facilitator, { role: 'participant' })).json()) as { code: string }).code).toBe(code);
  const joined = await post(b, '/api/join', '', { code });
  expect(joined.status).toBe(200);
  const { token, role } = (await joined.json()) as { token: string; role: string };
  expect(role).toBe('participant');
  expect(await store.tokens.verify(s.id, token)).toBe('participant');
});

it('with Redis down, a join code still lets people in, and wrong codes are still counted, by the node they reach', async () => {
  const { redis, b, code } = await codeOnTheWall();
  await redis.stop();
  expect((await post(b, '/api/join', '', { code })).status).toBe(200);
  const wrong = code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
  for (let i = 0; i < limits.joinFailuresPerWindow; i++) expect((await post(b, '/api/join', '', { code: wrong })).status).toBe(401);
  expect((await post(b, '/api/join', '', { code })).status).toBe(429);
});

it('the claim on a card: of two nodes asking at once one reads it; nobody reads a version already read, a session still being edited, or one in the trash; a claim left by a dead node lapses', async () => {
  const db = await emptyDatabase();
  cleanup.push(() => db.drop());
  const [one, two] = [await openPostgresStore(db.url), await openPostgresStore(db.url)];
  cleanup.push(() => Promise.all([one.close(), two.close()]));
  const s = await one.sessions.create({ title: 'Claims handling', template: 'blank' }, 1000);
  const lapseMs = 60_000;

  const both = await Promise.all([one.summaries.claim(s.id, { now: 5000, lapseMs }), two.summaries.claim(s.id, { now: 5000, lapseMs })]);
  expect(both.sort()).toEqual([1000, null]);
  await one.summaries.put(s.id, 1000, null);
  expect(await two.summaries.claim(s.id, { now: 6000, lapseMs })).toBeNull();

  await one.updates.append(s.id, new Uint8Array([0, 0]), 7000);
  // Edited at 7000: not quiet since 6500, quiet since 8000.
  expect(await two.summaries.claim(s.id, { now: 8500, quietSince: 6500, lapseMs })).toBeNull();
  expect(await two.summaries.claim(s.id, { now: 9000, quietSince: 8000, lapseMs })).toBe(7000);
  // Node two died before keeping its card: nobody else reads version 7000 until its claim lapses.
  expect(await one.summaries.claim(s.id, { now: 9000 + lapseMs - 1, lapseMs })).toBeNull();
  expect(await one.summaries.claim(s.id, { now: 9000 + lapseMs, lapseMs })).toBe(7000);
  await one.summaries.put(s.id, 7000, null);
  await one.summaries.put(s.id, 1000, null);
  expect((await one.summaries.cards()).map((c) => c.outdated)).toEqual([false]);

  await one.updates.append(s.id, new Uint8Array([0, 0]), 10_000);
  await one.sessions.trash(s.id);
  expect(await one.summaries.claim(s.id, { now: 20_000, lapseMs })).toBeNull();
  expect(await one.summaries.cards()).toEqual([]);
});

it('a session belongs to the facilitator who made, imported or copied it (those from before: nobody known), and any facilitator of the server opens any of them', async () => {
  const { a, b, store, key } = await twoNodes();
  const ben = await store.facilitators.add('Ben');
  const before = await store.sessions.create({ title: 'From before owners', template: 'blank' });
  const made = (await (await post(a, '/api/sessions', key, { title: 'Ana’s wall', template: 'blank' })).json()) as { session: { id: string } };
  const copied = (await (await post(b, `/api/sessions/${made.session.id}/duplicate`, ben.key, {})).json()) as { session: { id: string } };
  const ownerOf = new Map((await library(b, ben.key)).map((e) => [e.session.id, e.owner]));
  const ana = (await store.facilitators.list()).find((f) => f.name === 'Ana')!;
  expect(ownerOf.get(made.session.id)).toEqual({ id: ana.id, name: 'Ana' });
  expect(ownerOf.get(copied.session.id)).toEqual({ id: ben.facilitator.id, name: 'Ben' });
  expect(ownerOf.get(before.id)).toBeNull();
  // Ben co-facilitates Ana's workshop, and one nobody is known to have made.
  for (const id of [made.session.id, before.id]) {
    const r = await post(a, `/api/sessions/${id}/open`, ben.key, {});
    expect(r.status).toBe(200);
    expect(((await r.json()) as { url: string }).url).toMatch(new RegExp(`/s/${id}#token=`));
  }
});
