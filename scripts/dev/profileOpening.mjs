// Dev: where opening a long-logged session goes (the store bench's case, CPU profiled). Builds a
// session of 5,000 elements with N logged edits (moves and retitles), folds it as a room does,
// then opens it as the host does for the first person in (Rooms.open + the checkpoint on
// opening), ROUNDS times on fresh connections; profiles the second opening and prints each
// round's wall and CPU time and the profile's top self-time functions (the profile is kept in
// /tmp/brownpaper-opening.cpuprofile for DevTools), then the time of the opening's phases (the store's
// read, Yjs's decoding, integrating and transaction end, the migrations, the checkpoint, V8's GC).
//   node scripts/dev/profileOpening.mjs [updates=100000] [rounds=3]
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [updates = '100000', rounds = '3'] = process.argv.slice(2);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-profile-opening-'));
const from = (f) => JSON.stringify(path.join(root, f));
const sqlite = createRequire(path.join(root, 'package.json')).resolve('better-sqlite3');
await build({
  stdin: {
    contents: [
      `export * as Y from 'yjs';`,
      `export { openStore } from ${from('electron/host/store/store.ts')};`,
      `export { Rooms } from ${from('electron/host/sync/rooms.ts')};`,
      `export { AutomaticCheckpoints, ACTIVITY_MS } from ${from('electron/host/history/automaticCheckpoints.ts')};`,
      `export { silentLogger } from ${from('electron/host/log.ts')};`,
      `export { insertElement, elementsMap } from ${from('shared/model/board.ts')};`,
      `export { newElement } from ${from('shared/model/kinds.ts')};`,
    ].join('\n'),
    resolveDir: root,
    sourcefile: path.join(tmp, 'entry.ts'),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: path.join(tmp, 'host.mjs'),
  logLevel: 'warning',
  plugins: [{ name: 'native-sqlite', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
});
const { Y, openStore, Rooms, AutomaticCheckpoints, ACTIVITY_MS, silentLogger, insertElement, elementsMap, newElement } = await import(pathToFileURL(path.join(tmp, 'host.mjs')).href);

// The store bench's board and edits (test/bench/store.mjs).
const dir = path.join(tmp, 'data');
const store = openStore(dir, { create: true });
const session = store.sessions.create({ title: 'A 3-hour workshop', template: 'blank' });
const doc = new Y.Doc();
store.updates.loadInto(session.id, doc);
const ids = [];
doc.transact(() => {
  for (let i = 0; i < 10; i++) insertElement(doc, newElement('lane', { name: `Lane ${i + 1}`, order: `a${i}` }));
  for (let i = 0; i < 50; i++) insertElement(doc, newElement('stage', { name: `Stage ${i + 1}`, order: `a${i}` }));
  for (let i = 0; i < 4940; i++) {
    const step = newElement('step', {
      x: (i % 100) * 220,
      y: Math.floor(i / 100) * 140,
      title: `Check the request ${i + 1}`,
      owner: 'Customer service',
      volume: 1000 + i,
      minutes: 7.5,
      rateCents: 4500,
    });
    insertElement(doc, step);
    ids.push(step.id);
  }
});
const log = [Y.encodeStateAsUpdate(doc)];
doc.on('update', (u) => log.push(u));
let a = 1;
const rnd = () => ((a = (a * 1103515245 + 12345) % 2 ** 31), a / 2 ** 31);
for (let i = 0; i < Number(updates); i++) {
  const card = elementsMap(doc).get(ids[Math.floor(rnd() * ids.length)]);
  if (i % 5 === 4) card.set('title', `${String(card.get('title')).slice(0, 40)} ${i % 97}`);
  else doc.transact(() => (card.set('x', Math.round(rnd() * 20_000)), card.set('y', Math.round(rnd() * 2_000))));
}
store.db.transaction(() => log.forEach((u) => store.updates.append(session.id, u)))();
store.close();

const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
let profile = null;
for (let r = 0; r < Number(rounds) + 1; r++) {
  const s = openStore(dir, { create: false });
  const rooms = new Rooms(s.updates, silentLogger, s.sessions);
  const history = new AutomaticCheckpoints(s, () => Date.now() + (r + 1) * ACTIVITY_MS);
  if (r === 2) await inspector.post('Profiler.start');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const room = rooms.open(session.id);
  const opened = performance.now();
  history.watch(room);
  const took = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  if (r === 2) profile = (await inspector.post('Profiler.stop')).profile;
  // Round 0 opens the long log and folds it on closing; the others open the folded session.
  console.log(
    `${r === 0 ? 'long log' : 'folded  '} round ${r}: ${took.toFixed(0)} ms (room ${(opened - t0).toFixed(0)} ms, checkpoint ${(took - (opened - t0)).toFixed(0)} ms), CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
  );
  rooms.closeAll();
  s.close();
}
if (profile) {
  writeFileSync(path.join(os.tmpdir(), 'brownpaper-opening.cpuprofile'), JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const k = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  for (const [k, ms] of [...self].sort((x, y) => y[1] - x[1]).slice(0, 15)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${k}`);
  // The opening's phases, each with what it calls: one sampled stack counts once per phase.
  // Names as the bundle keeps them (esbuild may add a digit to a name it had to rename).
  const phases = {
    'reading the store (SQLite)': /^load\d*$/,
    'decoding the update (Yjs)': /^readClientsStructRefs\d*$/,
    'integrating its items (Yjs)': /^integrateStructs\d*$/,
    'its delete set (Yjs)': /^readAndApplyDeleteSet\d*$/,
    "the transaction's end: delete set sorted, gc, merged (Yjs)": /^cleanupTransactions\d*$/,
    'document migrations': /^migrateDoc\d*$/,
    'checkpoint on opening': /^watch\d*$/,
    'garbage collector (V8)': /^\(garbage collector\)$/,
  };
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inPhase = new Map(Object.keys(phases).map((k) => [k, 0]));
  profile.samples.forEach((id, i) => {
    const hit = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur).callFrame.functionName;
      for (const [k, re] of Object.entries(phases)) if (re.test(name)) hit.add(k);
    }
    for (const k of hit) inPhase.set(k, inPhase.get(k) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log('phases (wall time sampled, with what each calls):');
  for (const [k, ms] of inPhase) console.log(`${ms.toFixed(0).padStart(7)} ms  ${k}`);
}
rmSync(tmp, { recursive: true, force: true });
