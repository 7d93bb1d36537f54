// Dev: did a commit change what an append costs? The store bench's append run (a room receives a
// person's edits 100 per turn of the event loop, each committed before it is relayed; 4 in 5 a
// card's move, 1 in 5 a retitle) through this worktree's host code and through another commit's,
// each in a fresh process, in pairs back to back (the pairs alternate which goes first), so both
// see the same machine. Prints the CPU per append of each run: on a shared machine compare CPU,
// and compare within a pair.
//   node scripts/dev/appendsAB.mjs <commit> [appends=50000] [pairs=3]
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [commit, appends = '50000', pairs = '3'] = process.argv.slice(2);

if (commit === '--run') {
  // A child: one run through the host code at `appends` (here: the source tree to bundle).
  await run(appends, Number(pairs));
  process.exit(0);
}
if (!commit) {
  console.error('usage: node scripts/dev/appendsAB.mjs <commit> [appends=50000] [pairs=3]');
  process.exit(2);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-appends-ab-'));
try {
  const other = path.join(tmp, execFileSync('git', ['rev-parse', '--short', commit], { cwd: root, encoding: 'utf8' }).trim());
  mkdirSync(other);
  // The other commit's host and shared code; the packages are this checkout's (one Yjs, one SQLite).
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(commit)} electron shared | tar -x -C ${JSON.stringify(other)}`], { cwd: root });
  symlinkSync(path.join(root, 'node_modules'), path.join(other, 'node_modules'));
  const once = (tree) => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--run', tree, appends], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${tree}: ${r.stderr.trim().split('\n').pop()}`);
    return r.stdout.trim();
  };
  console.log(`load ${os.loadavg()[0].toFixed(1)} (1 min) as the runs started; ${appends} appends a run`);
  for (let p = 0; p < Number(pairs); p++) {
    const order = p % 2 === 0 ? [root, other] : [other, root];
    const [a, b] = order.map(once);
    const [here, there] = order[0] === root ? [a, b] : [b, a];
    console.log(`pair ${p + 1}: this worktree ${here} | ${commit} ${there}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

async function run(tree, n) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-appends-run-'));
  try {
    const from = (f) => JSON.stringify(path.join(tree, f));
    const sqlite = createRequire(path.join(root, 'package.json')).resolve('better-sqlite3');
    await build({
      stdin: {
        contents: [
          `export * as Y from 'yjs';`,
          `export { openStore } from ${from('electron/host/store/store.ts')};`,
          `export { startWalSync } from ${from('electron/host/store/walSync.ts')};`,
          `export { Rooms } from ${from('electron/host/sync/rooms.ts')};`,
          `export { silentLogger } from ${from('electron/host/log.ts')};`,
          `export { insertElement, elementsMap } from ${from('shared/model/board.ts')};`,
          `export { newElement } from ${from('shared/model/kinds.ts')};`,
        ].join('\n'),
        resolveDir: tree,
        sourcefile: path.join(out, 'entry.ts'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: path.join(out, 'host.mjs'),
      logLevel: 'warning',
      plugins: [{ name: 'native-sqlite', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
    });
    const { Y, openStore, startWalSync, Rooms, silentLogger, insertElement, elementsMap, newElement } = await import(pathToFileURL(path.join(out, 'host.mjs')).href);
    const store = openStore(path.join(out, 'data'), { create: true });
    const walSync = startWalSync(store.db.name);
    const session = store.sessions.create({ title: 'Appends', template: 'blank' });
    const rooms = new Rooms(store.updates, silentLogger, store.sessions);
    const room = rooms.open(session.id);
    // A connection's stand-in: sends go nowhere (the socket's cost is not the store's).
    const peer = (name) => ({ ws: { OPEN: 1, readyState: 1, send() {} }, role: 'participant', tokenHint: name, token: name, awarenessIds: new Set() });
    const ana = peer('ana');
    room.join(ana);
    room.join(peer('ben'));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
    const ids = [];
    client.transact(() => {
      for (let i = 0; i < 500; i++) {
        const step = newElement('step', {
          x: (i % 100) * 220,
          y: Math.floor(i / 100) * 140,
          title: `Check the request ${i + 1}`,
          owner: 'Customer service',
          volume: 1000 + i,
          minutes: 7.5,
          rateCents: 4500,
        });
        insertElement(client, step);
        ids.push(step.id);
      }
    });
    Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(client), ana);
    let a = 1;
    const rnd = () => ((a = (a * 1103515245 + 12345) % 2 ** 31), a / 2 ** 31);
    const updates = [];
    const keep = (u) => updates.push(u);
    client.on('update', keep);
    const cards = elementsMap(client);
    for (let i = 0; i < n; i++) {
      const card = cards.get(ids[Math.floor(rnd() * ids.length)]);
      if (i % 5 === 4) card.set('title', `${String(card.get('title')).slice(0, 40)} ${i % 97}`);
      else client.transact(() => (card.set('x', Math.round(rnd() * 20_000)), card.set('y', Math.round(rnd() * 2_000))));
    }
    client.off('update', keep);
    const c0 = process.cpuUsage();
    for (let i = 0; i < updates.length; i += 100) {
      for (const u of updates.slice(i, i + 100)) Y.applyUpdate(room.doc, u, ana);
      await new Promise((r) => setImmediate(r));
    }
    const c = process.cpuUsage(c0);
    await rooms.closeAll();
    await walSync.stop();
    store.close();
    console.log(`${((c.user + c.system) / n).toFixed(1)} µs CPU per append`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
