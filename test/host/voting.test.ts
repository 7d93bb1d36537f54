import { expect, it } from 'vitest';
import { elementsMap } from '../../shared/model/board.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addStep } from '../../shared/operations/addCard.js';
import { activeRound, readRounds } from '../../shared/model/vote.js';
import { hostPerTest, storedDoc, synced, until } from '../helpers/host.js';

const t = hostPerTest();
const ctx = { origin: localOrigin, now: 1 };

const api = (path: string, token: string, body?: unknown): Promise<Response> =>
  fetch(`${t.host().url}/api/sessions/${t.seed().session.id}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const vote = async (token: string, body: unknown) => {
  const res = await api('/votes', token, body);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

it('a dot-voting round: ballots stay on the host until the reveal, then the tally is on the board', async () => {
  const { facilitator, participant, viewer } = t.seed().tokens;
  const second = t.host().store.tokens.issue(t.seed().session.id, 'participant');
  const board = t.client(facilitator);
  const watcher = t.client(viewer);
  await Promise.all([synced(board.provider), synced(watcher.provider)]);
  const [a, b, c] = ['Take the call', 'Look up the product', 'Send the sheet'].map((title, i) => addStep.run(board.doc, { x: 40 + 240 * i, y: 40, title }, ctx));
  await until(watcher.doc, () => elementsMap(watcher.doc).has(c));

  expect((await vote(participant, { action: 'start', title: 'x', perPerson: 3, elementIds: [a] })).status).toBe(403);
  const started = await vote(facilitator, { action: 'start', title: 'What hurts most', perPerson: 2, elementIds: [a, b, c] });
  expect(started.status).toBe(200);
  const roundId = started.body.roundId as string;
  await until(watcher.doc, () => activeRound(readRounds(watcher.doc))?.id === roundId);

  expect((await vote(participant, { action: 'place', roundId, elementId: a })).body).toEqual({ roundId, dots: [a] });
  expect((await vote(participant, { action: 'place', roundId, elementId: a })).body).toEqual({ roundId, dots: [a, a] });
  const third = await vote(participant, { action: 'place', roundId, elementId: b });
  expect(third.status).toBe(409);
  expect(third.body.error).toContain('all 2 of your dots');
  expect((await vote(participant, { action: 'unplace', roundId, elementId: a })).body).toEqual({ roundId, dots: [a] });
  expect((await vote(participant, { action: 'place', roundId, elementId: b })).body).toEqual({ roundId, dots: [a, b] });
  expect((await vote(second, { action: 'place', roundId, elementId: b })).status).toBe(200);
  expect((await vote(viewer, { action: 'place', roundId, elementId: b })).status).toBe(403);
  expect((await vote(second, { action: 'place', roundId, elementId: 'notACandidate1' })).status).toBe(400);
  expect((await vote(second, { action: 'place', roundId, elementId: a, extra: 1 })).status).toBe(400);

  // Before the reveal everyone sees how many dots are down, not where.
  await until(watcher.doc, () => activeRound(readRounds(watcher.doc))?.placed === 3);
  const open = activeRound(readRounds(watcher.doc))!;
  expect(open).toMatchObject({ status: 'open', placed: 3, voters: 2, tally: {} });
  expect(JSON.stringify(storedDoc(t.host(), t.seed().session.id).getMap('votes').toJSON())).not.toContain(`"${b}":`);
  // Each person can read back their own dots (a reload keeps them).
  expect(await (await api('/votes', participant)).json()).toEqual({ roundId, dots: [a, b] });

  expect((await vote(participant, { action: 'reveal', roundId })).status).toBe(403);
  expect((await vote(facilitator, { action: 'reveal', roundId })).status).toBe(200);
  await until(watcher.doc, () => activeRound(readRounds(watcher.doc))?.status === 'revealed');
  expect(activeRound(readRounds(watcher.doc))!.tally).toEqual({ [a]: 1, [b]: 2 });
  expect((await vote(participant, { action: 'place', roundId, elementId: c })).status).toBe(409);
  // On disk too: the reveal survives the host.
  expect(readRounds(storedDoc(t.host(), t.seed().session.id))[0]).toMatchObject({ status: 'revealed', tally: { [a]: 1, [b]: 2 } });

  // A new round closes the old one; its tally stays.
  const next = await vote(facilitator, { action: 'start', title: 'Round two', perPerson: 1, elementIds: [c] });
  await until(watcher.doc, () => activeRound(readRounds(watcher.doc))?.id === next.body.roundId);
  expect(readRounds(watcher.doc).map((r) => r.status)).toEqual(['closed', 'open']);
});

it("a round can only be on the board's steps and notes", async () => {
  const res = await vote(t.seed().tokens.facilitator, { action: 'start', title: 'x', perPerson: 1, elementIds: ['doesNotExist1'] });
  expect(res.status).toBe(400);
  expect(res.body.error).toContain('doesNotExist1 is not a step or note');
  expect((await vote(t.seed().tokens.facilitator, { action: 'start', title: 'x', perPerson: 0, elementIds: ['doesNotExist1'] })).body.error).toMatch(/perPerson/);
  expect(storedDoc(t.host(), t.seed().session.id).getMap('votes').size).toBe(0);
});
