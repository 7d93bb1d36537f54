// A worker thread of `npm run bench:room`: a share of the room's light clients (lightClient.mjs).
// Told {clients, map, editEveryS, moves, activeMoves, durationS} by room.mjs: opens them, then on
// 'go' each edits once per editEveryS (at a random phase) and moves its pointer `moves` times a
// second (an active pointer or the facilitator's: activeMoves), and after the load and a drain
// reports what each received.
import { parentPort, workerData } from 'node:worker_threads';
import { LightClient } from './lightClient.mjs';

const { clients: specs, map, editEveryS, moves, activeMoves } = workerData;
const clients = specs.map((s) => ({ spec: s, client: new LightClient(s.url, s.who, { clientId: s.clientId, map, localAddress: s.localAddress }) }));
const timers = [];

parentPort.on('message', async (m) => {
  if (m.type === 'open') {
    try {
      await Promise.all(clients.map((c) => c.client.opened));
      parentPort.postMessage({ type: 'opened' });
    } catch (e) {
      parentPort.postMessage({ type: 'error', error: e.message });
    }
  } else if (m.type === 'go') {
    for (const { client } of clients) {
      client.received.clear();
      client.statesFrom.clear();
      client.awarenessMessages = 0;
    }
    for (const { spec, client } of clients) {
      let seq = 0;
      const editMs = editEveryS * 1000;
      timers.push(
        setTimeout(() => {
          client.edit(seq++);
          timers.push(setInterval(() => client.edit(seq++), editMs));
        }, Math.random() * editMs),
      );
      const rate = spec.active ? activeMoves : moves;
      if (rate > 0) {
        let t = 0;
        const moveMs = 1000 / rate;
        timers.push(setTimeout(() => timers.push(setInterval(() => (t++, client.move(400 + 300 * Math.cos(t / 10 + spec.who), 300 + 200 * Math.sin(t / 10))), moveMs)), Math.random() * moveMs));
      }
      spec.sent = () => seq;
    }
  } else if (m.type === 'stop') {
    timers.forEach((t) => clearTimeout(t));
    parentPort.postMessage({ type: 'stopped', sent: clients.map(({ spec }) => ({ who: spec.who, edits: spec.sent?.() ?? 0 })) });
  } else if (m.type === 'report') {
    const latencies = [];
    const perClient = clients.map(({ spec, client }) => {
      for (const ms of client.received.values()) latencies.push(ms);
      return { who: spec.who, clientId: spec.clientId, received: client.received.size, awarenessMessages: client.awarenessMessages, statesFrom: [...client.statesFrom] };
    });
    const buffer = Float64Array.from(latencies);
    parentPort.postMessage({ type: 'report', latencies: buffer, perClient }, [buffer.buffer]);
    for (const { client } of clients) client.close();
  }
});
