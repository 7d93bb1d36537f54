import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap, fieldOf, readBoard } from '../../shared/model/board.js';
import { addNote } from '../../shared/operations/addCard.js';
import { setElementText } from '../../shared/operations/setElementText.js';
import { localOrigin } from '../../shared/model/origins.js';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { syncUrl } from '../../shared/session.js';
import { hostPerTest, rawUpgrade, storedDoc, synced, until } from '../helpers/host.js';

const ctx = { origin: localOrigin, now: 1 };
const t = hostPerTest();
const client = (token: string | null, sessionId?: string) => t.client(token, sessionId);

describe('sync endpoint', () => {
  it('two stock y-websocket clients with tokens converge', async () => {
    const a = client(t.seed().tokens.facilitator);
    const b = client(t.seed().tokens.participant);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    // Both start from the template board the store holds: 5 lanes, 4 stages, 3 lines.
    expect(readBoard(a.doc).elements.size).toBe(12);

    const fromA = addNote.run(a.doc, { x: 10, y: 10, text: 'from A' }, ctx);
    const fromB = addNote.run(b.doc, { x: 400, y: 10, text: 'from B' }, ctx);
    await until(a.doc, () => elementsMap(a.doc).has(fromB));
    await until(b.doc, () => elementsMap(b.doc).has(fromA));
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    expect(readBoard(a.doc).elements).toEqual(readBoard(b.doc).elements);
  });

  it('an update is on disk before any other client sees it', async () => {
    const a = client(t.seed().tokens.facilitator);
    const b = client(t.seed().tokens.participant);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    const seenOnDisk: boolean[] = [];
    for (let i = 0; i < 20; i++) {
      const id = addNote.run(a.doc, { x: i * 10, y: 0, text: `n${i}` }, ctx);
      await until(b.doc, () => elementsMap(b.doc).has(id));
      seenOnDisk.push(elementsMap(storedDoc(t.host(), t.seed().session.id)).has(id));
    }
    expect(seenOnDisk.every(Boolean)).toBe(true);
  });

  it('refuses a connection without a token, with a bad token, or with another session’s token, before any data', async () => {
    const other = t.host().store.sessions.create({ title: 'Other', template: 'blank' });
    const base = `${syncUrl(t.host().url)}/${t.seed().session.id}`;
    expect(await rawUpgrade(base)).toEqual({ opened: false, status: 401 });
    expect(await rawUpgrade(`${base}?token=${'x'.repeat(43)}`)).toEqual({ opened: false, status: 401 });
    const otherToken = t.host().store.tokens.issue(other.id, 'facilitator');
    expect(await rawUpgrade(`${base}?token=${otherToken}`)).toEqual({ opened: false, status: 401 });
    expect(await rawUpgrade(`${t.host().url.replace('http', 'ws')}/elsewhere?token=${otherToken}`)).toEqual({ opened: false, status: 404 });

    // A stock provider without a token never syncs: it gets no document byte.
    const c = client(null);
    let received = false;
    c.doc.on('update', () => (received = true));
    const ok = client(t.seed().tokens.viewer);
    await synced(ok.provider);
    expect(received).toBe(false);
    expect(c.provider.synced).toBe(false);
  });

  it('drops a viewer’s writes: other clients and the stored doc never see them', async () => {
    const viewer = client(t.seed().tokens.viewer);
    const writer = client(t.seed().tokens.participant);
    await Promise.all([synced(viewer.provider), synced(writer.provider)]);
    const denied = new Promise<string>((resolve) => {
      // y-websocket's auth message: the provider hands the reason to this handler.
      (viewer.provider as unknown as { messageHandlers: unknown[] }).messageHandlers[2] = (_e: unknown, decoder: { arr: Uint8Array }) => resolve(new TextDecoder().decode(decoder.arr));
    });
    const sneaky = addNote.run(viewer.doc, { x: 0, y: 0, text: 'viewer was here' }, ctx);
    expect(await denied).toContain('a viewer cannot change the board');
    // A later write from a participant arrives; the viewer's never did.
    const legit = addNote.run(writer.doc, { x: 0, y: 0, text: 'participant' }, ctx);
    await until(viewer.doc, () => elementsMap(viewer.doc).has(legit));
    expect(elementsMap(storedDoc(t.host(), t.seed().session.id)).has(sneaky)).toBe(false);
    expect(elementsMap(storedDoc(t.host(), t.seed().session.id)).has(legit)).toBe(true);
    expect(elementsMap(writer.doc).has(sneaky)).toBe(false);
  });

  it('a malformed message closes that one connection; everyone else carries on', async () => {
    const good = client(t.seed().tokens.participant);
    await synced(good.provider);
    const raw = await rawUpgrade(`${syncUrl(t.host().url)}/${t.seed().session.id}?token=${t.seed().tokens.participant}`);
    if (!raw.opened) throw new Error('raw client refused');
    const closed = new Promise<number>((resolve) => raw.ws.on('close', (code) => resolve(code)));
    raw.ws.send(new Uint8Array([0, 7, 1, 2, 3]));
    expect(await closed).toBe(closeCodes.malformed);

    const other = client(t.seed().tokens.facilitator);
    await synced(other.provider);
    const id = addNote.run(other.doc, { x: 0, y: 0 }, ctx);
    await until(good.doc, () => elementsMap(good.doc).has(id));
  });

  it('an oversized frame closes that connection with 1009', async () => {
    const raw = await rawUpgrade(`${syncUrl(t.host().url)}/${t.seed().session.id}?token=${t.seed().tokens.participant}`);
    if (!raw.opened) throw new Error('raw client refused');
    const closed = new Promise<number>((resolve) => raw.ws.on('close', (code) => resolve(code)));
    raw.ws.send(Buffer.alloc(33 * 1024 * 1024));
    expect(await closed).toBe(closeCodes.messageTooBig);
  });

  it('a session folded and opened again: a fresh window gets the whole board as stored, one that has it only what it lacks, and later edits reach both', async () => {
    const { session, tokens } = t.seed();
    const a = client(tokens.facilitator);
    await synced(a.provider);
    const moved = addNote.run(a.doc, { x: 0, y: 0, text: 'moved about' }, ctx)!;
    for (let i = 1; i <= 30; i++)
      elementsMap(a.doc)
        .get(moved)!
        .set('x', i * 10);
    a.provider.disconnect();
    // The last one out: the room unloads and folds its log into one snapshot.
    while (t.host().store.updates.countSinceSnapshot(session.id) > 0) await new Promise((r) => setTimeout(r, 20));

    const fresh = client(tokens.participant);
    await synced(fresh.provider);
    expect(readBoard(fresh.doc).elements).toEqual(readBoard(storedDoc(t.host(), session.id)).elements);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(a.doc));
    a.provider.connect();
    await synced(a.provider);
    const later = addNote.run(fresh.doc, { x: 400, y: 0, text: 'after the fold' }, ctx)!;
    elementsMap(a.doc).get(moved)!.set('x', 999);
    await until(a.doc, () => elementsMap(a.doc).has(later));
    await until(fresh.doc, () => fieldOf(elementsMap(fresh.doc).get(moved)!, 'x') === 999);
    expect(readBoard(a.doc).elements).toEqual(readBoard(fresh.doc).elements);
  });

  it('edits made while offline merge on reconnect', async () => {
    const a = client(t.seed().tokens.participant);
    const b = client(t.seed().tokens.participant);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    const shared = addNote.run(a.doc, { x: 0, y: 0, text: 'before' }, ctx);
    await until(b.doc, () => elementsMap(b.doc).has(shared));

    b.provider.disconnect();
    setElementText.run(b.doc, { id: shared, text: 'edited offline' }, ctx);
    const offlineNote = addNote.run(b.doc, { x: 500, y: 0, text: 'offline' }, ctx);
    elementsMap(a.doc).get(shared)!.set('color', 'pink');

    b.provider.connect();
    await until(a.doc, () => elementsMap(a.doc).has(offlineNote) && elementsMap(a.doc).get(shared)!.get('text') === 'edited offline');
    await until(b.doc, () => elementsMap(b.doc).get(shared)!.get('color') === 'pink');
    expect(readBoard(a.doc).elements).toEqual(readBoard(b.doc).elements);
  });
});

describe('text frames', () => {
  it('are refused as malformed', async () => {
    const raw = await rawUpgrade(`${syncUrl(t.host().url)}/${t.seed().session.id}?token=${t.seed().tokens.participant}`);
    if (!raw.opened) throw new Error('raw client refused');
    const closed = new Promise<number>((resolve) => raw.ws.on('close', (code) => resolve(code)));
    raw.ws.send('hello');
    expect(await closed).toBe(closeCodes.malformed);
  });
});

it("a client flooding presence is held to the host's rate; the others still get its latest state", async () => {
  const { participant, viewer } = t.seed().tokens;
  const flood = t.client(participant);
  const watcher = t.client(viewer);
  await Promise.all([synced(flood.provider), synced(watcher.provider)]);
  let seen = 0;
  watcher.provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
    if ([...added, ...updated].includes(flood.doc.clientID)) seen++;
  });
  // The stock provider sends every change at once: 600 cursor moves in one go.
  for (let i = 0; i < 600; i++) flood.provider.awareness.setLocalStateField('cursor', { x: i, y: 0 });
  await new Promise<void>((resolve) => {
    const check = () => (watcher.provider.awareness.getStates().get(flood.doc.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x === 599 && resolve();
    watcher.provider.awareness.on('change', check);
    check();
  });
  expect(seen).toBeLessThan(250);
});
