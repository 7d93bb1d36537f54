import { afterEach, expect, it } from 'vitest';
import { seeded } from '../helpers/seeded.js';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Host } from '../../electron/host/host.js';
import { elementsMap, metaMap, readBoard, readMeta } from '../../shared/model/board.js';
import { newId } from '../../shared/model/ids.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addStep } from '../../shared/operations/addCard.js';
import { setStepCost } from '../../shared/operations/costs.js';
import { syncUrl } from '../../shared/session.js';
import { encodeAwareness, encodeSync, syncType } from '../../shared/sync/messages.js';
import { connectClient, startTestHost, storedDoc, synced } from '../helpers/host.js';

let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

/** Open a participant's raw socket, send frames, and resolve when the host closes it (or after our own close). */
function session(url: string, frames: Uint8Array[]): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('open', () => {
      for (const f of frames) ws.send(f);
      // A last well-formed question: if the host still answers, close it ourselves.
      ws.send(encodeSync(syncType.step1, Y.encodeStateVector(new Y.Doc())));
    });
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === syncType.step2) ws.close();
    });
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => {});
  });
}

it('a seeded sync fuzz: random, truncated, oversized and malicious messages leave the host up and the board valid', { timeout: 120_000 }, async () => {
  const random = seeded(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  host = await startTestHost();
  const s = host.store.sessions.create({ title: 'Fuzz', template: 'sample-info-request' });
  const token = host.store.tokens.issue(s.id, 'participant');
  const url = `${syncUrl(host.url)}/${s.id}?token=${token}`;
  // A mirror of the board, to write updates that fit it; only updates the host keeps go into it.
  const mirror = storedDoc(host, s.id);
  const honest: string[] = [];
  const heapBefore = process.memoryUsage().heapUsed;

  /** One update made on a copy of the mirror, and whether to keep it in the mirror. */
  const updateFrom = (change: (doc: Y.Doc) => void): Uint8Array => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(mirror));
    const before = Y.encodeStateVector(copy);
    change(copy);
    return Y.encodeStateAsUpdate(copy, before);
  };
  const steps = () => [...elementsMap(mirror).entries()].filter(([, m]) => m.get('kind') === 'step').map(([id]) => id);
  const malicious: ((doc: Y.Doc) => void)[] = [
    (d) =>
      elementsMap(d)
        .get(pick(steps()))!
        .set('volume', -Math.floor(random() * 1e6) - 1),
    (d) =>
      elementsMap(d)
        .get(pick(steps()))!
        .set('title', 'x'.repeat(201 + Math.floor(random() * 5_000_000))),
    (d) =>
      elementsMap(d)
        .get(pick(steps()))!
        .set(pick(['x', 'w', 'unitCents', 'emotion']), pick([Number.NaN, 1e300, -1e9, 'ten', null, {}])),
    (d) =>
      elementsMap(d)
        .get(pick(steps()))!
        .set('kind', pick(['note', 'frame', 'spaceship'])),
    (d) =>
      elementsMap(d)
        .get(pick(steps()))!
        .set(pick(['__proto__', 'colour', 'script']), '<img src=x onerror=alert(1)>'),
    (d) => {
      const m = new Y.Map<unknown>();
      m.set('kind', pick(['step', 'note', 'ufo']));
      m.set('title', 'half a record');
      elementsMap(d).set(newId(), m);
    },
    (d) => d.getMap(pick(['graffiti', 'x', '__proto__'])).set('k', 1),
    (d) => metaMap(d).set(pick(['title', 'currency', 'period', 'locale', 'schemaVersion']), pick(['', 'y'.repeat(500), -1, 'EURO!', 99e99])),
    (d) =>
      elementsMap(d)
        .get(pick(steps()))!
        .delete(pick(['title', 'x', 'order', 'kind'])),
    (d) => elementsMap(d).get(pick(steps()))!.set('notes', new Y.Text('nested')),
  ];

  for (let round = 0; round < 60; round++) {
    const frames: Uint8Array[] = [];
    const kind = random();
    if (kind < 0.25) {
      // random bytes, sometimes starting like a sync message
      const n = Math.floor(random() * 300);
      const bytes = new Uint8Array(n).map(() => Math.floor(random() * 256));
      if (n > 1 && random() < 0.5) bytes[0] = pick([0, 1, 3]);
      frames.push(bytes);
    } else if (kind < 0.4) {
      // a well-formed update cut short
      const full = encodeSync(
        syncType.update,
        updateFrom((d) => addStep.run(d, { x: 10, y: 10, title: 'cut' }, { origin: localOrigin, now: 1 })),
      );
      frames.push(full.slice(0, 1 + Math.floor(random() * (full.length - 2))));
    } else if (kind < 0.45) {
      frames.push(encodeAwareness(new Uint8Array(Math.floor(random() * 50)).map(() => Math.floor(random() * 256))));
    } else if (kind < 0.75) {
      frames.push(encodeSync(pick([syncType.update, syncType.step2]), updateFrom(pick(malicious))));
    } else {
      // honest work, kept
      const title = `honest ${round}`;
      const u = updateFrom((d) => {
        const id = addStep.run(d, { x: 100 * round, y: 50, title }, { origin: localOrigin, now: round })!;
        setStepCost.run(d, { id, patch: { volume: round * 10, costMode: 'unit', unitCents: 250 } }, { origin: localOrigin, now: round });
      });
      Y.applyUpdate(mirror, u);
      honest.push(title);
      frames.push(encodeSync(syncType.update, u));
    }
    await session(url, frames);
  }
  // one frame over the limit
  expect(await session(url, [new Uint8Array(33 * 1024 * 1024)])).toBe(1009);

  // The host is up and serves a normal client, which sees every honest step and nothing broken.
  const client = connectClient(host.url, s.id, token);
  await synced(client.provider);
  const stored = storedDoc(host, s.id);
  const { elements, problems } = readBoard(stored);
  expect(problems).toEqual([]);
  expect(readMeta(stored)).not.toBeNull();
  expect([...stored.share.keys()].every((k) => ['meta', 'elements', 'scenarios', 'votes', 'facilitation'].includes(k))).toBe(true);
  const titles = new Set([...elements.values()].map((e) => ('title' in e ? e.title : '')));
  expect(honest.filter((t) => !titles.has(t))).toEqual([]);
  expect(honest.length).toBeGreaterThan(5);
  client.close();
  // memory stays bounded: nothing of the refused megabytes is kept
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(300 * 2 ** 20);
});
