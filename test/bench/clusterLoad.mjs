// A worker thread of `npm run bench:cluster`: a share of the workshops' people, each a stock
// y-websocket client (WebsocketProvider with a Y.Doc, the web client's settings: it reconnects by
// itself with the default backoff). Told {clients, code} by cluster.mjs (`code`: the bundle with
// the addNote operation): opens them; on 'go' each adds a sticky note every `everyMs` (at a
// random phase), its text the edit's key (lightClient.mjs's editKey: who, which, when sent), so a
// receiver reads the latency off the update's bytes. Reports who is disconnected as it changes
// (the failure's "every client is back"), and after the load what arrived.
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { editKey, wallNow } from './lightClient.mjs';

const { addNote, localOrigin } = await import(workerData.code);
const editKeys = /e(\d+)\.(\d+)@(\d+\.\d+)/g;

/** ws from a loopback address of the person's own (the host counts connections per address). */
const socketFrom = (localAddress) =>
  class extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols, { localAddress, perMessageDeflate: false });
    }
  };

// Every stock provider listens for the process's exit (to say goodbye to the others).
process.setMaxListeners(workerData.clients.length + 10);

const down = new Set();
/** sockets closed under the people, by close code (1006: the node went away without a word) */
const closes = {};
let lastDown = -1;
const reportDown = () => {
  if (down.size === lastDown) return;
  lastDown = down.size;
  parentPort.postMessage({ type: 'down', count: down.size, at: wallNow() });
};

/** Ids `${who}.${seq}` of the edits each person received: first arrival time, latency. */
const clients = workerData.clients.map((spec) => {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(spec.syncBase, spec.sessionId, doc, { WebSocketPolyfill: socketFrom(spec.localAddress), params: { token: spec.token }, disableBc: true });
  const c = { spec, doc, provider, seq: 0, latencies: [], arrivals: [], received: new Set(), waiting: null };
  const who = String(spec.who);
  doc.on('update', (update, origin) => {
    if (origin !== provider) return;
    const now = wallNow();
    const text = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1');
    for (const m of text.matchAll(editKeys)) {
      const id = `${m[1]}.${m[2]}`;
      if (m[1] === who || c.received.has(id)) continue;
      c.received.add(id);
      c.latencies.push(now - Number(m[3]));
      c.arrivals.push(now);
    }
    c.waiting?.();
  });
  provider.on('connection-close', (e) => e && (closes[e.code] = (closes[e.code] ?? 0) + 1));
  provider.on('status', ({ status }) => {
    if (status === 'disconnected') down.add(spec.who);
    reportDown();
  });
  provider.on('sync', (synced) => {
    if (synced && provider.wsconnected) down.delete(spec.who);
    else down.add(spec.who);
    reportDown();
  });
  return c;
});
const timers = [];

parentPort.on('message', async (m) => {
  if (m.type === 'open') {
    await Promise.all(clients.map(({ provider }) => new Promise((resolve) => (provider.synced ? resolve() : provider.once('sync', resolve)))));
    parentPort.postMessage({ type: 'opened' });
  } else if (m.type === 'go') {
    for (const c of clients) {
      const edit = () => addNote.run(c.doc, { x: (c.spec.who % 20) * 200, y: c.seq * 120, text: editKey(c.spec.who, c.seq++) }, { origin: localOrigin, now: Date.now() });
      timers.push(setTimeout(() => (edit(), timers.push(setInterval(edit, m.everyMs))), Math.random() * m.everyMs));
    }
  } else if (m.type === 'stop') {
    timers.forEach((t) => clearTimeout(t));
    parentPort.postMessage({ type: 'stopped', sent: clients.map((c) => [c.spec.who, c.seq]) });
  } else if (m.type === 'drain') {
    // Until each person has every other's edits of their workshop (m.expected: sessionId → [[who, count]]), or m.ms.
    const missing = (c) => m.expected[c.spec.sessionId].reduce((n, [who, count]) => n + (who === c.spec.who ? 0 : count), 0) - c.received.size;
    const end = Date.now() + m.ms;
    await Promise.all(
      clients.map(
        (c) =>
          new Promise((resolve) => {
            const timer = setTimeout(resolve, Math.max(0, end - Date.now()));
            c.waiting = () => missing(c) <= 0 && (clearTimeout(timer), resolve());
            c.waiting();
          }),
      ),
    );
    const latencies = Float64Array.from(clients.flatMap((c) => c.latencies));
    const arrivals = Float64Array.from(clients.flatMap((c) => c.arrivals));
    // An edit another person received was committed first (write before relay): acknowledged.
    const acknowledged = [...new Set(clients.flatMap((c) => [...c.received]))];
    const short = clients.reduce((n, c) => n + Math.max(0, missing(c)), 0);
    parentPort.postMessage({ type: 'report', latencies, arrivals, acknowledged, short, closes }, [latencies.buffer, arrivals.buffer]);
    for (const c of clients) (c.provider.destroy(), c.doc.destroy());
  }
});
