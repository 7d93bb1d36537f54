import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startHost, type Host } from '../../electron/host/host.js';
import { silentLogger } from '../../electron/host/log.js';
import { PRESENCE_TICK_MS } from '../../electron/host/sync/presenceFanout.js';
import { syncUrl } from '../../shared/session.js';
import { LightClient, editKey } from '../bench/lightClient.mjs';
import { connectClient, seedSession, storedDoc, synced, tempDir, until, webRoot } from '../helpers/host.js';

// A room of 100: 95 light clients (raw protocol, no Y.Doc) and 5 stock y-websocket clients with
// a Y.Doc each, all editing and moving their pointers at once.
const LIGHT = 95;
const FULL = 5;
const EDITS = 3;
/** the shared sync benchmark's kind of top-level map, which a host started for benchmarks accepts */
const MAP = 'bench-1-1';

let host: Host | null = null;
const closers: (() => void)[] = [];
afterEach(async () => {
  closers.splice(0).forEach((c) => c());
  await host?.close();
});

/** Resolves once `check` holds, re-checked on every message any of the light clients receives. */
function whenAll(clients: LightClient[], check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const on = () => {
      if (!check()) return;
      for (const c of clients) c.onChange = () => {};
      resolve();
    };
    for (const c of clients) c.onChange = on;
    on();
  });
}

it('a room of 100 people editing and pointing at once: every doc converges, every light client gets every edit, and presence and edits come one message per tick', async () => {
  host = await startHost({ dataDir: tempDir(), port: 0, bind: '127.0.0.1', webRoot, logger: silentLogger, benchMaps: true });
  const { session, tokens } = seedSession(host, ['facilitator', 'participant']);
  const url = `${syncUrl(host.url)}/${session.id}`;

  // The room's people come from 25 machines (loopback addresses), as many as a room has laptops.
  const light = Array.from({ length: LIGHT }, (_, i) => {
    const token = i === 0 ? tokens.facilitator : tokens.participant;
    return new LightClient(`${url}?token=${token}`, i, { map: MAP, localAddress: `127.0.0.${2 + (i % 25)}` });
  });
  closers.push(...light.map((c) => () => c.close()));
  const full = Array.from({ length: FULL }, () => connectClient(host!.url, session.id, tokens.participant));
  closers.push(...full.map((c) => c.close));
  await Promise.all([...light.map((c) => c.opened), ...full.map((c) => synced(c.provider))]);

  const started = performance.now();
  const sent: string[] = [];
  for (let round = 0; round < EDITS; round++) {
    light.forEach((c, i) => {
      sent.push(c.edit(round).replace(/@.*/, ''));
      for (let m = 0; m < 5; m++) c.move(i * 10 + m, round);
    });
    full.forEach((c, j) => {
      const key = editKey(LIGHT + j, round);
      c.doc.getMap(MAP).set(key, round);
      sent.push(key.replace(/@.*/, ''));
      c.provider.awareness.setLocalStateField('cursor', { x: j, y: round });
    });
    await new Promise((r) => setImmediate(r));
  }

  // Every light client receives every edit but its own (the host relays to everyone else).
  const ids = sent.map((k) => k.slice(1));
  await whenAll(light, () => light.every((c) => ids.every((id) => id.startsWith(`${c.who}.`) || c.received.has(id))));
  // Every full doc holds every edit, and they agree.
  for (const c of full) await until(c.doc, () => c.doc.getMap(MAP).size === sent.length);
  const sv = Y.encodeStateVector(full[0].doc);
  for (const c of full) {
    expect(Y.encodeStateVector(c.doc)).toEqual(sv);
    expect(c.doc.getMap(MAP).toJSON()).toEqual(full[0].doc.getMap(MAP).toJSON());
  }
  expect(storedDoc(host, session.id).getMap(MAP).size).toBe(sent.length);

  // Everyone's presence reaches everyone, the facilitator's first among them…
  const everyone = [...light.map((c) => c.clientId), ...full.map((c) => c.doc.clientID)];
  await whenAll(light, () => light.every((c) => everyone.every((id) => c.statesFrom.has(id))));
  // …in one awareness message per tick, not one per pointer move (95 × 15 + 15 of them were
  // sent), and in a room this size the edits too go out once a tick, not one message per edit.
  const ticks = Math.ceil((performance.now() - started) / PRESENCE_TICK_MS) + 2;
  for (const c of light) {
    expect(c.awarenessMessages).toBeLessThanOrEqual(ticks);
    expect(c.updateMessages).toBeLessThanOrEqual(ticks);
  }
});
