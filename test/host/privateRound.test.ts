import { expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { elementsMap, readElement } from '../../shared/model/board.js';
import { localOrigin } from '../../shared/model/origins.js';
import { openPrivateRound, privateRoundsMap, readPrivateRounds } from '../../shared/model/privateRound.js';
import { addFrame } from '../../shared/operations/addStructure.js';
import { absoluteBox } from '../../shared/model/grid.js';
import { boardGrid } from '../../shared/operations/boardGrid.js';
import { syncUrl } from '../../shared/session.js';
import { refuseUpdate } from '../../electron/host/sync/policy.js';
import { hostPerTest, storedDoc, synced, until } from '../helpers/host.js';

const t = hostPerTest();
const ctx = { origin: localOrigin, now: 1 };

/** A stock client whose socket keeps every frame the host sends it, as raw bytes. */
function listeningClient(token: string) {
  const frames: Buffer[] = [];
  class Listening extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (data: Buffer) => frames.push(Buffer.from(data)));
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(t.host().url), t.seed().session.id, doc, {
    WebSocketPolyfill: Listening as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  const heard: Buffer[] = [];
  return {
    doc,
    provider,
    /** every byte this person's window received, by socket and by HTTP */
    bytes: () => Buffer.concat([...frames, ...heard]),
    heard,
    close: () => (provider.destroy(), doc.destroy()),
  };
}

/** The host's HTTP API as a window calls it; what it answers is kept as what that person received. */
async function call(token: string, path: string, body?: unknown, heard?: Buffer[]) {
  const res = await fetch(`${t.host().url}/api/sessions/${t.seed().session.id}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const raw = Buffer.from(await res.arrayBuffer());
  heard?.push(raw);
  return { status: res.status, body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> };
}

const secretOfAna = 'Nobody reads the handover sheet (Ana, 7f3a)';
const secretOfBen = 'We re-key every order twice — Ben 9c1d';

it('a private round: what people write reaches nobody else, by socket or HTTP, until the reveal; then everyone has the cards, without authors', async () => {
  const { facilitator, participant: ana } = t.seed().tokens;
  const ben = t.host().store.tokens.issue(t.seed().session.id, 'participant');
  const fac = listeningClient(facilitator);
  const a = listeningClient(ana);
  const b = listeningClient(ben);
  try {
    await Promise.all([synced(fac.provider), synced(a.provider), synced(b.provider)]);
    const frame = addFrame.run(fac.doc, { x: 0, y: 0, w: 1200, h: 800 }, ctx);
    elementsMap(fac.doc).get(frame)!.set('name', 'Ideas');
    await until(a.doc, () => elementsMap(a.doc).get(frame)?.get('name') === 'Ideas');

    // Only the facilitator starts one.
    expect((await call(ana, '/private', { action: 'start', area: { kind: 'frame', id: frame }, othersSee: 'placeholders' })).body.error).toBe('only the facilitator may start a private round');
    const started = await call(facilitator, '/private', { action: 'start', area: { kind: 'frame', id: frame }, othersSee: 'placeholders' }, fac.heard);
    expect(started.status).toBe(200);
    const roundId = started.body.roundId as string;
    await until(b.doc, () => openPrivateRound(readPrivateRounds(b.doc))?.id === roundId);
    expect(openPrivateRound(readPrivateRounds(b.doc))).toMatchObject({ areaName: 'frame “Ideas”', written: 0, placeholders: [] });

    // Ana writes a card the way the canvas does: made empty, then typed, then moved.
    const made = await call(ana, '/private/cards', { action: 'add', roundId, x: 100, y: 100, author: 'Ana' }, a.heard);
    expect(made.status).toBe(200);
    const anaCard = (made.body.cards as { id: string }[])[0].id;
    expect((await call(ana, '/private/cards', { action: 'edit', id: anaCard, text: secretOfAna }, a.heard)).body.cards).toMatchObject([{ id: anaCard, text: secretOfAna }]);
    await call(ana, '/private/cards', { action: 'move', id: anaCard, x: 300, y: 200 }, a.heard);
    const benMade = await call(ben, '/private/cards', { action: 'add', roundId, x: 600, y: 100, text: secretOfBen, color: 'blue', author: 'Ben' }, b.heard);
    const benCard = (benMade.body.cards as { id: string }[])[0].id;

    // Everyone sees two blank cards where they are, no more.
    await until(fac.doc, () => openPrivateRound(readPrivateRounds(fac.doc))?.placeholders.length === 2);
    await until(b.doc, () => openPrivateRound(readPrivateRounds(b.doc))?.placeholders.some((p) => p.x === 300) === true);
    expect(openPrivateRound(readPrivateRounds(fac.doc))).toMatchObject({ written: 2, writers: 2 });
    expect(openPrivateRound(readPrivateRounds(fac.doc))!.placeholders).toEqual(
      expect.arrayContaining([
        { id: anaCard, x: 300, y: 200, w: 180, h: 140 },
        { id: benCard, x: 600, y: 100, w: 180, h: 140 },
      ]),
    );

    // Each reads back only their own; someone else's card cannot be touched, nor found out about.
    expect((await call(ben, '/private/cards', undefined, b.heard)).body).toEqual({ roundId, cards: [{ id: benCard, x: 600, y: 100, w: 180, h: 140, text: secretOfBen, color: 'blue' }] });
    expect((await call(facilitator, '/private/cards', undefined, fac.heard)).body).toEqual({ roundId, cards: [] });
    const theft = await call(ben, '/private/cards', { action: 'edit', id: anaCard, text: 'mine now' }, b.heard);
    expect(theft).toEqual({ status: 404, body: { error: `id: you have no private card ${anaCard} in this round` } });
    expect((await call(ben, '/private/cards', { action: 'delete', id: anaCard }, b.heard)).status).toBe(404);
    expect((await call(t.seed().tokens.viewer, '/private/cards', { action: 'add', roundId, x: 100, y: 100 })).body.error).toBe('a viewer does not write on the board');
    // Bad input: one line that names the field; nothing changes.
    expect((await call(ana, '/private/cards', { action: 'add', roundId, x: 5000, y: 100 })).body.error).toBe('x, y: the card is outside frame “Ideas”, where the private round is');
    expect((await call(ana, '/private/cards', { action: 'edit', id: anaCard, text: 'x'.repeat(20_001) })).body.error).toMatch(/^privateCard\.text: /);
    expect((await call(ana, '/private/cards', { action: 'move', id: anaCard, x: 'left', y: 0 })).body.error).toMatch(/^privateCard\.x: /);

    // A modified client writing the round itself is refused by the host, the facilitator's too.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(b.doc));
    const before = Y.encodeStateVector(forged);
    privateRoundsMap(forged).get(roundId)!.set('placeholders', []);
    expect(refuseUpdate(b.doc, Y.encodeStateAsUpdate(forged, before), 'facilitator')).toBe('private rounds are run by the host, not written to the board');

    // Before the reveal: not a byte of either text reached anyone else, nor the board on disk.
    const ana8 = Buffer.from(secretOfAna);
    const ben8 = Buffer.from(secretOfBen);
    expect(fac.bytes().includes(ana8) || fac.bytes().includes(ben8)).toBe(false);
    expect(b.bytes().includes(ana8)).toBe(false);
    expect(a.bytes().includes(ben8)).toBe(false);
    expect(b.bytes().includes(Buffer.from('Ana'))).toBe(false);
    const onDisk = Buffer.from(Y.encodeStateAsUpdate(storedDoc(t.host(), t.seed().session.id)));
    expect(onDisk.includes(ana8) || onDisk.includes(ben8)).toBe(false);

    // Only the facilitator reveals; anonymous: the texts as written, no names, one colour.
    expect((await call(ana, '/private', { action: 'reveal', roundId, anonymous: true })).status).toBe(403);
    expect((await call(facilitator, '/private', { action: 'reveal', roundId, anonymous: true })).body).toEqual({ roundId, cards: 2 });
    const notes = (doc: Y.Doc) => [...elementsMap(doc).entries()].map(([id, m]) => readElement(id, m)).flatMap((r) => (r.ok && r.value.kind === 'note' ? [r.value] : []));
    for (const c of [fac, a, b]) await until(c.doc, () => notes(c.doc).length === 2);
    for (const c of [fac, a, b]) {
      expect(
        notes(c.doc)
          .map((n) => n.text)
          .sort(),
      ).toEqual([secretOfAna, secretOfBen].sort());
      expect(notes(c.doc).every((n) => n.color === 'yellow')).toBe(true);
      expect(openPrivateRound(readPrivateRounds(c.doc))).toBeNull();
      expect(readPrivateRounds(c.doc)[0]).toMatchObject({ status: 'revealed', anonymous: true, placeholders: [] });
    }
    // Where Ana left it (stored relative to the cell it landed in).
    expect(
      absoluteBox(
        notes(b.doc).find((n) => n.text === secretOfAna)!,
        boardGrid(b.doc),
      ),
    ).toEqual({ x: 300, y: 200, w: 180, h: 140 });
    expect(b.bytes().includes(Buffer.from('— Ana'))).toBe(false);
    // The cards are on the board now, no longer the host's.
    expect(t.host().store.privateCards.all(t.seed().session.id, roundId)).toEqual([]);
    expect((await call(ana, '/private/cards', { action: 'edit', id: anaCard, text: 'late' })).body.error).toBe('no private round is on');
  } finally {
    for (const c of [fac, a, b]) c.close();
  }
});

it('a round in a lane, others seeing nothing, revealed signed; cancelling drops the cards', async () => {
  const { facilitator, participant } = t.seed().tokens;
  const fac = listeningClient(facilitator);
  const par = listeningClient(participant);
  try {
    await Promise.all([synced(fac.provider), synced(par.provider)]);
    // The seeded session is a service blueprint: its first lane starts at y = 0.
    const lane = [...elementsMap(fac.doc).entries()].find(([, m]) => m.get('kind') === 'lane')![0];
    const started = await call(facilitator, '/private', { action: 'start', area: { kind: 'lane', id: lane }, othersSee: 'nothing' });
    const roundId = started.body.roundId as string;
    await until(par.doc, () => openPrivateRound(readPrivateRounds(par.doc))?.id === roundId);
    expect((await call(facilitator, '/private', { action: 'start', area: { kind: 'board' }, othersSee: 'nothing' })).status).toBe(409);
    await call(participant, '/private/cards', { action: 'add', roundId, x: 40, y: 10, text: 'Call back within a day', color: 'pink', author: 'Chris' });
    await until(fac.doc, () => openPrivateRound(readPrivateRounds(fac.doc))?.written === 1);
    expect(openPrivateRound(readPrivateRounds(fac.doc))).toMatchObject({ writers: 1, placeholders: [], othersSee: 'nothing' });
    expect((await call(participant, '/private/cards', { action: 'add', roundId, x: 40, y: 99_000 })).body.error).toMatch(/^x, y: the card is outside lane “/);

    await call(facilitator, '/private', { action: 'reveal', roundId, anonymous: false });
    await until(par.doc, () => [...elementsMap(par.doc).values()].some((m) => m.get('kind') === 'note'));
    const note = [...elementsMap(par.doc).values()].find((m) => m.get('kind') === 'note')!;
    expect(note.get('text')).toBe('Call back within a day\n— Chris');
    expect(note.get('color')).toBe('pink');
    expect(note.get('laneId')).toBe(lane);

    const next = await call(facilitator, '/private', { action: 'start', area: { kind: 'board' }, othersSee: 'placeholders' });
    const nextId = next.body.roundId as string;
    await until(par.doc, () => openPrivateRound(readPrivateRounds(par.doc))?.id === nextId);
    await call(participant, '/private/cards', { action: 'add', roundId: nextId, x: 0, y: 0, text: 'never shown' }, par.heard);
    expect((await call(facilitator, '/private', { action: 'cancel', roundId: nextId })).status).toBe(200);
    await until(par.doc, () => openPrivateRound(readPrivateRounds(par.doc)) === null);
    expect(par.bytes().includes(Buffer.from('never shown'))).toBe(true); // its author's own HTTP answer
    expect(fac.bytes().includes(Buffer.from('never shown'))).toBe(false);
    expect(t.host().store.privateCards.all(t.seed().session.id, nextId)).toEqual([]);
  } finally {
    fac.close();
    par.close();
  }
});
