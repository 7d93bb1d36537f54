import { spawn } from 'node:child_process';
import readline from 'node:readline';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStore } from '../../electron/host/store/store.js';
import { elementsMap } from '../../shared/model/board.js';
import { localOrigin } from '../../shared/model/origins.js';
import { addNote } from '../../shared/operations/addCard.js';
import { BIN, cliJson, spawnHost, type HostProcess } from '../helpers/cli.js';
import { connectClient, synced, tempDir, until } from '../helpers/host.js';

const hosts: HostProcess[] = [];
const closers: (() => void)[] = [];
afterEach(() => {
  closers.splice(0).forEach((c) => c());
  hosts.splice(0).forEach((h) => h.child.kill('SIGKILL'));
});

/** `brownpaper …` as a second process beside the running host, run to its end without holding up this one. */
function cliAsync(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

it('the CLI creating, importing and backing up sessions while the host stores a writing client loses nothing and damages nothing', { timeout: 180_000 }, async () => {
  const dataDir = tempDir();
  const outDir = tempDir();
  const session = cliJson<{ id: string }>('session', 'create', '--data', dataDir, '--title', 'Workshop in progress', '--template', 'sample-info-request');
  const { token } = cliJson<{ token: string }>('invite', session.id, '--data', dataDir, '--role', 'participant', '--url', 'http://127.0.0.1:1');
  const file = path.join(outDir, 'board.json');
  expect((await cliAsync('export', session.id, '--data', dataDir, '--format', 'json', '--out', file)).code).toBe(0);

  const host = await spawnHost(dataDir);
  hosts.push(host);
  const writer = connectClient(host.url, session.id, token);
  const watcher = connectClient(host.url, session.id, token);
  closers.push(writer.close, watcher.close);
  await Promise.all([synced(writer.provider), synced(watcher.provider)]);
  const before = elementsMap(watcher.doc).size;

  // Ana keeps adding notes, a few per turn, for as long as the second process runs.
  let writing = true;
  let added = 0;
  const adding = (async () => {
    while (writing) {
      for (let i = 0; i < 5; i++) addNote.run(writer.doc, { x: 100 + (added % 40) * 30, y: 900 + Math.floor(added / 40) * 30, text: `Note ${++added}` }, { origin: localOrigin, now: added });
      await new Promise((r) => setImmediate(r));
    }
  })();
  // Meanwhile a second process writes to the same data directory: new sessions, an import, a backup, more sessions.
  const second = [
    ...['Order to cash', 'Onboarding', 'Claims'].map((title) => () => cliAsync('session', 'create', '--data', dataDir, '--title', title)),
    () => cliAsync('import', file, '--data', dataDir),
    () => cliAsync('backup', '--data', dataDir, '--out', path.join(outDir, 'library.brownpaper-backup')),
    ...['Returns', 'Invoicing'].map((title) => () => cliAsync('session', 'create', '--data', dataDir, '--title', title, '--template', 'value-chain')),
  ];
  const results = await Promise.all(second.map((run) => run()));
  writing = false;
  await adding;
  for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(added).toBeGreaterThan(20);

  // Everything Ana added reached the others through the host, and the host kept it.
  await until(watcher.doc, () => elementsMap(watcher.doc).size === before + added);
  closers.splice(0).forEach((c) => c());
  host.child.kill('SIGTERM');
  expect(await host.exited).toBe(0);

  const db = new Database(path.join(dataDir, 'brownpaper.sqlite'), { readonly: true });
  expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  db.close();
  const store = openStore(dataDir, { create: false });
  try {
    const titles = store.sessions.list().map((s) => s.title);
    expect(titles.sort()).toEqual(['Claims', 'Invoicing', 'Onboarding', 'Order to cash', 'Returns', 'Workshop in progress', 'Workshop in progress'].sort());
    const doc = new Y.Doc();
    store.updates.loadInto(session.id, doc);
    expect(elementsMap(doc).size).toBe(before + added);
  } finally {
    store.close();
  }
  // The backup made mid-write is a whole store of its own.
  const backup = new Database(path.join(outDir, 'library.brownpaper-backup'), { readonly: true });
  expect(backup.pragma('quick_check', { simple: true })).toBe('ok');
  expect((backup.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n).toBeGreaterThanOrEqual(1);
  backup.close();
  expect(fs.readdirSync(outDir).filter((f) => f.endsWith('.part'))).toEqual([]);
});

/** Another process holding the store's write lock (as a long import or a fold would) for `ms`; resolves once it holds it. */
function holdWriteLock(dataDir: string, ms: number): Promise<{ released: Promise<void> }> {
  const script = `const db = new (require('better-sqlite3'))(${JSON.stringify(path.join(dataDir, 'brownpaper.sqlite'))});
db.exec('BEGIN IMMEDIATE');
db.prepare('UPDATE sessions SET title = title').run();
console.log('holding');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
db.exec('COMMIT');
db.close();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the lock holder exited with ${code}`)))));
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (l) => l === 'holding' && resolve({ released }));
    released.catch(reject);
  });
}

it('a write that meets another process’s write waits for it instead of failing: the host’s log and the CLI both', { timeout: 120_000 }, async () => {
  const dataDir = tempDir();
  const session = cliJson<{ id: string }>('session', 'create', '--data', dataDir, '--title', 'Locked for a moment');
  const store = openStore(dataDir, { create: false });
  try {
    const before = store.updates.countSinceSnapshot(session.id);
    // The host's path: an update is committed (it waits out the other process's write), then relayed.
    const held = await holdWriteLock(dataDir, 1500);
    const doc = new Y.Doc();
    store.updates.loadInto(session.id, doc);
    doc.on('update', (u: Uint8Array) => store.updates.append(session.id, u));
    addNote.run(doc, { x: 100, y: 100, text: 'Typed while the CLI was writing' }, { origin: localOrigin, now: 1 });
    await held.released;
    expect(store.updates.countSinceSnapshot(session.id)).toBe(before + 1);
    // The CLI's path, while another process writes.
    const heldAgain = await holdWriteLock(dataDir, 1500);
    const created = await cliAsync('session', 'create', '--data', dataDir, '--title', 'Made while the host was writing');
    await heldAgain.released;
    expect({ code: created.code, stderr: created.stderr }).toEqual({ code: 0, stderr: '' });
    expect(store.sessions.list().map((s) => s.title)).toContain('Made while the host was writing');
  } finally {
    store.close();
  }
});
