import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { readBoard, readMeta, type BoardElement } from '../../shared/model/board.js';
import { itemCounts } from '../../shared/model/fold.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addNote } from '../../shared/operations/addCard.js';
import { moveElements } from '../../shared/operations/moveElements.js';
import { renameSession } from '../../shared/operations/renameSession.js';
import { setElementText } from '../../shared/operations/setElementText.js';
import { syncUrl } from '../../shared/session.js';
import { closeCodes } from '../../shared/sync/closeCodes.js';
import { epochState, messageType, readEpoch } from '../../shared/sync/messages.js';
import { hostPerTest, storedDoc, synced, tempDir, until } from '../helpers/host.js';
import { openStore } from '../../electron/host/store/store.js';

const ctx = { origin: localOrigin, now: 1 };
const t = hostPerTest();

/** A stock y-websocket client; `epoch` in its address makes it one of our windows, whose epoch messages are recorded. */
function windowOn(token: string, params: Record<string, string> = {}) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl(t.host().url), t.seed().session.id, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token, ...params },
    disableBc: true,
  });
  const epochs: { epoch: number; state: number }[] = [];
  (provider as unknown as { messageHandlers: unknown[] }).messageHandlers[messageType.epoch] = (_e: unknown, d: decoding.Decoder) => epochs.push(readEpoch(d));
  const closes: number[] = [];
  provider.on('connection-close', (e: { code: number } | null) => e && closes.push(e.code));
  return { doc, provider, epochs, closes, close: () => (provider.destroy(), doc.destroy()) };
}

type Window = ReturnType<typeof windowOn>;
const notes = (doc: Y.Doc) => [...readBoard(doc).elements.values()].filter((e) => e.kind === 'note');
const elementsOf = (doc: Y.Doc) => [...readBoard(doc).elements.values()].sort((a, b) => a.id.localeCompare(b.id));
const sessionId = () => t.seed().session.id;

/** Something that happens on its own time (the room unloading once the last socket closed), checked as it goes. */
async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

/** Wear the board down: ten notes, each moved 40 times, so its tombstones outnumber its live items. */
async function wear(w: Window): Promise<void> {
  const ids = Array.from({ length: 10 }, (_, k) => addNote.run(w.doc, { x: 300 * k, y: 0, text: `note ${k}` }, ctx));
  for (let i = 1; i <= 40; i++) moveElements.run(w.doc, { moves: ids.map((id, k) => ({ id, x: 300 * k + i, y: 10 * i })) }, ctx);
  const sent = Y.encodeStateVector(w.doc).toString();
  await eventually(() => Y.encodeStateVector(storedDoc(t.host(), sessionId())).toString() === sent);
}

const inSync = (a: Y.Doc, b: Y.Doc) => () => Y.encodeStateVector(a).toString() === Y.encodeStateVector(b).toString();

/** Everyone leaves; the room unloads and folds its doc afresh. */
async function leaveAndFold(...ws: Window[]): Promise<void> {
  const before = t.host().store.updates.load(sessionId()).epoch;
  ws.forEach((w) => w.provider.disconnect());
  await eventually(() => t.host().store.updates.load(sessionId()).epoch === before + 1);
}

describe('the fold to a fresh document (issue 20)', () => {
  it('a stock client offline with moves and a retitle while the room folds: back online, its edits appear once on the host and on a second client; its old doc never takes the new items', async () => {
    const a = windowOn(t.seed().tokens.participant);
    const b = windowOn(t.seed().tokens.facilitator);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    await wear(a);
    await until(b.doc, inSync(a.doc, b.doc));
    b.provider.disconnect();
    const [moved, retitled] = notes(b.doc);
    moveElements.run(b.doc, { moves: [{ id: moved.id, x: 5555, y: 6666 }] }, ctx);
    setElementText.run(b.doc, { id: retitled.id, text: 'Typed offline' }, ctx);
    renameSession.run(b.doc, { title: 'Renamed offline' }, ctx);
    const before = elementsOf(a.doc).length;
    await leaveAndFold(a);

    // The stored doc is fresh: no tombstones, the same content.
    const stored = storedDoc(t.host(), sessionId());
    expect(itemCounts(stored).tombstones).toBe(0);
    expect(elementsOf(stored)).toEqual(elementsOf(a.doc));
    const freshClients = [...stored.store.clients.keys()];

    const c = windowOn(t.seed().tokens.participant);
    await synced(c.provider);
    b.provider.connect();
    await until(c.doc, () => readMeta(c.doc)?.title === 'Renamed offline' && (readBoard(c.doc).elements.get(moved.id) as { x?: number }).x === 5555);
    const onC = readBoard(c.doc).elements;
    expect(onC.get(retitled.id)).toMatchObject({ text: 'Typed offline' });
    expect(onC.get(moved.id)).toMatchObject({ x: 5555, y: 6666 });
    expect(onC.size).toBe(before);
    // Closed with 4409, which a stock provider takes as final; connected again by hand, with the
    // same old doc, it is closed again and nothing is taken twice.
    await eventually(() => b.closes.includes(closeCodes.folded));
    b.provider.connect();
    await eventually(() => b.closes.filter((code) => code === closeCodes.folded).length === 2);
    const host = storedDoc(t.host(), sessionId());
    expect(elementsOf(host)).toEqual(elementsOf(c.doc));
    expect(t.host().store.updates.base(sessionId(), 0)!.length).toBe(2);
    // The old doc never took the new epoch's items (they would bring both docs' items together).
    expect(freshClients.some((id) => b.doc.store.clients.has(id))).toBe(false);
  });

  it('a window that says its epoch is told to fold, answers with what it had not sent, and is closed to take the fresh doc', async () => {
    const a = windowOn(t.seed().tokens.participant, { epoch: 'new' });
    await synced(a.provider);
    expect(a.epochs).toEqual([{ epoch: 0, state: epochState.current }]);
    await wear(a);
    a.provider.disconnect();
    const id = notes(a.doc)[0].id;
    setElementText.run(a.doc, { id, text: 'Unsent' }, ctx);
    await leaveAndFold();
    a.provider.params.epoch = '0';
    a.provider.connect();
    await eventually(() => a.closes.includes(closeCodes.folded));
    a.provider.disconnect();
    expect(a.epochs.at(-1)).toEqual({ epoch: 1, state: epochState.fold });
    expect(readBoard(storedDoc(t.host(), sessionId())).elements.get(id)).toMatchObject({ text: 'Unsent' });

    // The window's fresh doc of epoch 1 syncs as any new window's.
    const fresh = windowOn(t.seed().tokens.participant, { epoch: 'new' });
    await synced(fresh.provider);
    expect(fresh.epochs).toEqual([{ epoch: 1, state: epochState.current }]);
    expect(readBoard(fresh.doc).elements.get(id)).toMatchObject({ text: 'Unsent' });
    fresh.close();
  });

  it('two offline windows writing the same field: the board ends where Yjs would have put it without the fold, once', async () => {
    const one = windowOn(t.seed().tokens.facilitator);
    const two = windowOn(t.seed().tokens.participant);
    await Promise.all([synced(one.provider), synced(two.provider)]);
    await wear(one);
    await until(two.doc, inSync(one.doc, two.doc));
    one.provider.disconnect();
    two.provider.disconnect();
    const id = notes(one.doc)[0].id;
    setElementText.run(one.doc, { id, text: 'From one' }, ctx);
    setElementText.run(two.doc, { id, text: 'From two' }, ctx);
    // Where Yjs puts it when both meet without a fold.
    const unfolded = new Y.Doc();
    Y.applyUpdate(unfolded, Y.encodeStateAsUpdate(one.doc));
    Y.applyUpdate(unfolded, Y.encodeStateAsUpdate(two.doc));
    const expected = (readBoard(unfolded).elements.get(id) as BoardElement & { text: string }).text;
    await leaveAndFold();

    const watcher = windowOn(t.seed().tokens.viewer);
    await synced(watcher.provider);
    one.provider.connect();
    await eventually(() => one.closes.includes(closeCodes.folded));
    one.provider.disconnect();
    two.provider.connect();
    await eventually(() => two.closes.includes(closeCodes.folded));
    two.provider.disconnect();
    await until(watcher.doc, () => (readBoard(watcher.doc).elements.get(id) as { text?: string }).text === expected);
    expect(elementsOf(storedDoc(t.host(), sessionId()))).toEqual(elementsOf(watcher.doc));
  });

  it('a window older than every base kept is told to reload, and nothing it sends is applied', async () => {
    const a = windowOn(t.seed().tokens.participant, { epoch: '7' });
    const id = readBoard(storedDoc(t.host(), sessionId())).elements.keys().next().value!;
    await eventually(() => a.closes.includes(closeCodes.epochGone));
    a.provider.disconnect();
    expect(a.epochs).toEqual([{ epoch: 0, state: epochState.gone }]);
    expect(a.provider.synced).toBe(false);
    expect(readBoard(storedDoc(t.host(), sessionId())).elements.has(id)).toBe(true);
  });
});

describe('the bases of earlier epochs', () => {
  it('a base no window came back to in 30 days is forgotten; one taken into since is kept', () => {
    const dir = tempDir();
    const store = openStore(dir, { create: true });
    try {
      const a = store.sessions.create({ title: 'A', template: 'blank' }).id;
      const b = store.sessions.create({ title: 'B', template: 'blank' }).id;
      const day = 86_400_000;
      const now = 100 * day;
      const state = Y.encodeStateAsUpdate(new Y.Doc());
      store.updates.refold(a, state, state, 1, now - 40 * day);
      store.updates.refold(b, state, state, 1, now - 40 * day);
      // A window of B's old doc came back 10 days ago: its base is still in use.
      store.updates.addToBase(b, 0, state, now - 10 * day);
      expect(store.updates.purgeBases(now - 30 * day)).toBe(1);
      expect(store.updates.baseEpochs(a)).toEqual([]);
      expect(store.updates.baseEpochs(b)).toEqual([0]);
    } finally {
      store.close();
    }
  });
});
