import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cliJson, spawnHost, type HostProcess } from '../helpers/cli.js';
import { connectClient, synced, tempDir, until } from '../helpers/host.js';

const hosts: HostProcess[] = [];
const closers: (() => void)[] = [];
afterEach(() => {
  closers.splice(0).forEach((c) => c());
  hosts.splice(0).forEach((h) => h.child.kill('SIGKILL'));
});

it('SIGKILL in the middle of a burst loses nothing any client had received from the host', async () => {
  const dataDir = tempDir();
  const session = cliJson<{ id: string }>('session', 'create', '--data', dataDir, '--title', 'Crash test');
  const { token } = cliJson<{ token: string }>('invite', session.id, '--data', dataDir, '--role', 'participant', '--url', 'http://127.0.0.1:1');

  const first = await spawnHost(dataDir);
  hosts.push(first);
  const writer = connectClient(first.url, session.id, token);
  const watcher = connectClient(first.url, session.id, token);
  closers.push(writer.close, watcher.close);
  await Promise.all([synced(writer.provider), synced(watcher.provider)]);

  // The watcher records every key the host relayed to it.
  const received = new Set<string>();
  const burst = watcher.doc.getMap<number>('burst');
  burst.observe((e) => e.keysChanged.forEach((k) => received.add(k)));

  // The writer sends one update per key, without waiting; the host is killed once the
  // watcher has seen a couple of hundred of them, while the rest are still in flight.
  const killed = until(watcher.doc, () => received.size >= 200).then(() => first.child.kill('SIGKILL'));
  const wMap = writer.doc.getMap<number>('burst');
  for (let i = 0; i < 2000; i++) wMap.set(`k${i}`, i);
  await killed;
  expect(await first.exited).toBe('SIGKILL');
  writer.close();
  watcher.close();
  const receivedBeforeKill = new Set(received);
  expect(receivedBeforeKill.size).toBeGreaterThanOrEqual(200);

  // Restart on the same data dir; a fresh client finds every key the watcher had.
  const second = await spawnHost(dataDir);
  hosts.push(second);
  const reader = connectClient(second.url, session.id, token);
  closers.push(reader.close);
  await synced(reader.provider);
  const stored = reader.doc.getMap<number>('burst');
  const missing = [...receivedBeforeKill].filter((k) => !stored.has(k));
  expect(missing).toEqual([]);
  expect(Y.encodeStateVector(reader.doc).length).toBeGreaterThan(0);
});
