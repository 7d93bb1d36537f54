// npm run bench:store — the session store on this disk, through the host's own code:
//   node test/bench/store.mjs [--appends 100000] [--updates 100000] [--elements 5000]
//                             [--rounds 3] [--library-mb 1024]
// - Appends: a room (sync/room.ts) receives edits from a person, 100 per turn of the event loop
//   as a busy connection delivers them; each is committed to the log before it is relayed to the
//   room's other person (write-before-relay), compaction folding the log as the room does it.
//   Beside it, raw SQLite on the same disk: one row per transaction, WAL, synchronous NORMAL.
// - Opening: a session with N logged updates (moves and retitles of its cards) on a board of
//   M elements, opened as the host opens a room for the first person in (Rooms.open + the
//   history's checkpoint on opening), before and after compaction (from a fresh connection each
//   round); the file's size before and after.
// - Backup: a library of sessions (each a board of M elements, its log folded, three checkpoints)
//   grown to the size asked for, then `brownpaper backup`'s code (store/backup.ts) copying it.
// Writes BENCHMARKS.md (section "store").
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, quantile, writeSection } from './benchFile.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const { values: opt } = parseArgs({
  options: {
    appends: { type: 'string', default: '100000' },
    updates: { type: 'string', default: '100000' },
    elements: { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '3' },
    'library-mb': { type: 'string', default: '1024' },
  },
});
const APPENDS = Number(opt.appends);
const UPDATES = Number(opt.updates);
const ELEMENTS = Number(opt.elements);
const ROUNDS = Number(opt.rounds);
const LIBRARY_MB = Number(opt['library-mb']);

/** The host's store, rooms and history, bundled from source; better-sqlite3 (native) stays the installed one, Yjs is one copy shared with this script. */
async function hostCode() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-bench-store-code-'));
  const outfile = path.join(tmp, 'store.mjs');
  const sqlite = createRequire(path.join(root, 'package.json')).resolve('better-sqlite3');
  const from = (f) => JSON.stringify(path.join(root, f));
  try {
    await build({
      stdin: {
        contents: [
          `export * as Y from 'yjs';`,
          `export { openStore } from ${from('electron/host/store/store.ts')};`,
          `export { backupStore } from ${from('electron/host/store/backup.ts')};`,
          `export { startWalSync } from ${from('electron/host/store/walSync.ts')};`,
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
      target: 'node20',
      outfile,
      logLevel: 'warning',
      plugins: [{ name: 'native-sqlite', setup: (b) => b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqlite, external: true })) }],
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const { Y, openStore, backupStore, startWalSync, Rooms, AutomaticCheckpoints, ACTIVITY_MS, silentLogger, insertElement, elementsMap, newElement } = await hostCode();
const Database = createRequire(path.join(root, 'package.json'))('better-sqlite3');
const work = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-bench-store-'));
const dirOf = (name) => (mkdirSync(path.join(work, name), { recursive: true }), path.join(work, name));
const dbFile = (dir) => path.join(dir, 'brownpaper.sqlite');
/** The pages the store uses, MB: a file keeps the pages a fold freed (SQLite reuses them; it does not shrink the file). */
const usedMB = (dir) => {
  const db = new Database(dbFile(dir), { readonly: true });
  const [pages, free, size] = ['page_count', 'freelist_count', 'page_size'].map((p) => db.pragma(p, { simple: true }));
  db.close();
  return ((pages - free) * size) / 2 ** 20;
};
const sizeMB = (dir) => readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0) / 2 ** 20;
const turn = () => new Promise((r) => setImmediate(r));
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const now = () => process.hrtime.bigint();
/** This process's CPU time since `c0`, ms: on a shared machine wall time is what a person waits, CPU time what the work costs. */
const cpuMs = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const machineLoad = os.loadavg()[0];

/** A board of `n` elements: 10 lanes, 50 stages, the rest steps with a title, owner and costs. */
function board(doc, n) {
  const lanes = Math.min(10, n);
  const stages = Math.min(50, Math.max(0, n - lanes));
  const ids = [];
  doc.transact(() => {
    doc.getMap('meta').set('title', 'A 3-hour workshop');
    for (let i = 0; i < lanes; i++) insertElement(doc, newElement('lane', { name: `Lane ${i + 1}`, order: `a${i}` }));
    for (let i = 0; i < stages; i++) insertElement(doc, newElement('stage', { name: `Stage ${i + 1}`, order: `a${i}` }));
    for (let i = 0; i < n - lanes - stages; i++) {
      const step = newElement('step', {
        x: (i % 100) * 220,
        y: Math.floor(i / 100) * 140,
        title: `Check the request ${i + 1} against the contract`,
        owner: 'Customer service',
        volume: 1000 + i,
        minutes: 7.5,
        rateCents: 4500,
      });
      insertElement(doc, step);
      ids.push(step.id);
    }
  });
  return ids;
}

/** `count` edits as a person makes them: mostly moves of a card, some retitles (a few characters each). */
function edits(doc, ids, count, seed = 1) {
  let a = seed;
  const rnd = () => ((a = (a * 1103515245 + 12345) % 2 ** 31), a / 2 ** 31);
  const out = [];
  const on = (u) => out.push(u);
  doc.on('update', on);
  const cards = elementsMap(doc);
  for (let i = 0; i < count; i++) {
    const card = cards.get(ids[Math.floor(rnd() * ids.length)]);
    if (i % 5 === 4) card.set('title', `${String(card.get('title')).slice(0, 40)} ${i % 97}`);
    else doc.transact(() => (card.set('x', Math.round(rnd() * 20_000)), card.set('y', Math.round(rnd() * 2_000))));
  }
  doc.off('update', on);
  return out;
}

/** A connection's stand-in: sends go nowhere (the socket's cost is not the store's). */
const peer = (name) => ({ ws: { OPEN: 1, readyState: 1, send() {} }, role: 'participant', tokenHint: name, token: name, awarenessIds: new Set() });

// --- Raw SQLite on this disk: the ceiling --------------------------------------------------------
function rawInserts(n) {
  const dir = dirOf('raw');
  const db = new Database(dbFile(dir));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (seq INTEGER PRIMARY KEY AUTOINCREMENT, data BLOB NOT NULL, created_at INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO t (data, created_at) VALUES (?, ?)');
  const row = Buffer.alloc(40, 7);
  const t0 = now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) insert.run(row, Date.now());
  const perS = n / (ms(t0) / 1000);
  const perCpuS = n / (cpuMs(c0) / 1000);
  db.close();
  return { perS, perCpuS };
}

// --- Appends through a room ----------------------------------------------------------------------
async function appends(n) {
  const dir = dirOf('appends');
  const store = openStore(dir, { create: true });
  const walSync = startWalSync(store.db.name);
  const session = store.sessions.create({ title: 'Appends', template: 'blank' });
  const rooms = new Rooms(store.updates, silentLogger, store.sessions);
  const room = rooms.open(session.id);
  const ana = peer('ana');
  room.join(ana);
  room.join(peer('ben'));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
  const ids = board(client, Math.min(ELEMENTS, 500));
  Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(client), ana);
  const updates = edits(client, ids, n);
  const bytes = updates.reduce((s, u) => s + u.byteLength, 0) / updates.length;
  const seq0 = store.db.prepare('SELECT max(seq) AS s FROM updates').get().s ?? 0;
  const t0 = now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < updates.length; i += 100) {
    for (const u of updates.slice(i, i + 100)) Y.applyUpdate(room.doc, u, ana);
    await turn();
  }
  const perS = n / (ms(t0) / 1000);
  const perCpuS = n / (cpuMs(c0) / 1000);
  const logged = (store.db.prepare('SELECT max(seq) AS s FROM updates').get().s ?? 0) - seq0;
  rooms.closeAll();
  await walSync.stop();
  store.close();
  return { perS, perCpuS, bytes, logged };
}

// --- Opening a session with a long log, before and after compaction ------------------------------
/** One opening as the host does it for the first person in, on a fresh connection (as after a restart); ms. */
function openOnce(dir, sessionId, round) {
  const store = openStore(dir, { create: false });
  const rooms = new Rooms(store.updates, silentLogger, store.sessions);
  // A clock past the last checkpoint, so each round makes the checkpoint on opening as a new day's first open does.
  const history = new AutomaticCheckpoints(store, () => Date.now() + (round + 1) * ACTIVITY_MS);
  const t0 = now();
  const c0 = process.cpuUsage();
  const room = rooms.open(sessionId);
  history.watch(room);
  const took = ms(t0);
  const cpu = cpuMs(c0);
  const elements = elementsMap(room.doc).size;
  const t1 = now();
  rooms.closeAll();
  const closed = ms(t1);
  store.close();
  return { took, cpu, elements, closed };
}

async function opening() {
  const dir = dirOf('opening');
  const store = openStore(dir, { create: true });
  const session = store.sessions.create({ title: 'A 3-hour workshop', template: 'blank' });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates(store.updates.load(session.id).updates));
  const append = (u) => store.updates.append(session.id, u);
  doc.on('update', append);
  const ids = board(doc, ELEMENTS);
  doc.off('update', append);
  // The same board opened three minutes in: never edited, a fresh copy of it in a session of its own.
  const fresh = store.sessions.createFromUpdate({ title: 'Three minutes in', template: 'blank' }, Y.encodeStateAsUpdate(doc));
  const log = edits(doc, ids, UPDATES);
  store.db.transaction(() => log.forEach((u) => store.updates.append(session.id, u)))();
  const logged = store.updates.countSinceSnapshot(session.id);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  const beforeMB = sizeMB(dir);
  const beforeUsedMB = usedMB(dir);
  // Before: each round on a copy of the long log (closing the room folds it).
  const before = [];
  let foldOnClose = 0;
  let foldedMB = 0;
  let foldedUsedMB = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const copy = dirOf(`opening-before-${r}`);
    copyFileSync(dbFile(dir), dbFile(copy));
    const o = openOnce(copy, session.id, r);
    before.push(o);
    foldOnClose = o.closed;
    if (o.elements !== ELEMENTS) throw new Error(`opened ${o.elements} elements, not ${ELEMENTS}`);
    if (r === ROUNDS - 1) {
      // The folded copy is the "after".
      const folded = new Database(dbFile(copy));
      folded.pragma('wal_checkpoint(TRUNCATE)');
      folded.close();
      foldedMB = sizeMB(copy);
      foldedUsedMB = usedMB(copy);
      rmSync(dir, { recursive: true });
      copyFileSync(dbFile(copy), dbFile(dirOf('opening')));
    }
    rmSync(copy, { recursive: true, force: true });
  }
  const after = [];
  const baseline = [];
  for (let r = 0; r < ROUNDS; r++) {
    const o = openOnce(dir, session.id, ROUNDS + r);
    after.push(o);
    if (o.elements !== ELEMENTS) throw new Error(`opened ${o.elements} elements after compaction, not ${ELEMENTS}`);
    baseline.push(openOnce(dir, fresh.id, ROUNDS + r));
  }
  const s = openStore(dir, { create: false });
  const left = s.updates.countSinceSnapshot(session.id);
  const checkpoints = s.checkpoints.list(session.id).length;
  s.db.pragma('wal_checkpoint(TRUNCATE)');
  s.close();
  return { logged, before, after, baseline, foldOnClose, beforeMB, beforeUsedMB, foldedMB, foldedUsedMB, left, checkpoints };
}

// --- Backing up a library ------------------------------------------------------------------------
async function backup(targetMB) {
  const dir = dirOf('library');
  const store = openStore(dir, { create: true });
  // One board of ELEMENTS, its state as a room's compaction writes it; every session of the library is a copy under its own title.
  const doc = new Y.Doc();
  board(doc, ELEMENTS);
  const state = Y.encodeStateAsUpdate(doc);
  const t0 = now();
  let sessions = 0;
  while (sizeMB(dir) < targetMB) {
    store.db.transaction(() => {
      for (let i = 0; i < 10; i++) {
        const s = store.sessions.createFromUpdate({ title: `Workshop ${++sessions}`, template: 'value-chain' }, state);
        for (const kind of ['opened', 'activity', 'named']) store.checkpoints.add(s.id, { name: kind, kind, people: ['Ana', 'Ben'], state });
      }
    })();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
  }
  const buildS = ms(t0) / 1000;
  store.close();
  const libraryMB = sizeMB(dir);
  const times = [];
  // A large library is copied once: each copy is minutes of the disk's time on a shared machine.
  for (let r = 0; r < (libraryMB > 256 ? 1 : Math.min(ROUNDS, 2)); r++) {
    const out = path.join(work, `backup-${r}.sqlite`);
    const t = now();
    const result = await backupStore(dir, out);
    times.push(ms(t) / 1000);
    if (result.sessions !== sessions) throw new Error(`the backup holds ${result.sessions} sessions, not ${sessions}`);
    rmSync(out);
  }
  return { libraryMB, sessions, stateKB: state.byteLength / 1024, buildS, times };
}

try {
  const raw = rawInserts(APPENDS);
  console.log(`raw SQLite: ${raw.perS.toFixed(0)} rows/s (${raw.perCpuS.toFixed(0)} per CPU second)`);
  const a = await appends(APPENDS);
  console.log(`appends through a room: ${a.perS.toFixed(0)} updates/s (${a.perCpuS.toFixed(0)} per CPU second; ${a.logged} logged, ${a.bytes.toFixed(0)} bytes each)`);
  const o = await opening();
  const took = (xs) =>
    quantile(
      xs.map((x) => x.took),
      0.5,
    );
  const cpu = (xs) =>
    quantile(
      xs.map((x) => x.cpu),
      0.5,
    );
  console.log(
    `opening ${o.logged} updates on ${ELEMENTS} elements: before compaction p50 ${took(o.before).toFixed(0)} ms, after ${took(o.after).toFixed(0)} ms, never edited ${took(o.baseline).toFixed(0)} ms; ${o.beforeMB.toFixed(1)} MB → ${o.foldedMB.toFixed(1)} MB`,
  );
  const b = await backup(LIBRARY_MB);
  console.log(`backup of ${b.libraryMB.toFixed(0)} MB (${b.sessions} sessions): ${b.times.map((t) => t.toFixed(1)).join(', ')} s`);

  const f0 = (x) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const opened = (xs) => `p50 ${f0(took(xs))} ms (CPU ${f0(cpu(xs))} ms)`;
  const table = [
    '| measure | figure | target |',
    '|---|---:|---|',
    `| raw SQLite, one row per transaction (WAL, synchronous NORMAL) | ${f0(raw.perS)} rows/s (${f0(raw.perCpuS)} per CPU second) | — |`,
    `| sustained appends through a room, write-before-relay | ${f0(a.perS)} updates/s (${f0(a.perCpuS)} per CPU second) | ≥ 20,000 ${a.perS >= 20_000 ? '(met)' : '(NOT met)'} |`,
    `| opening ${f0(o.logged)} logged updates on ${f0(ELEMENTS)} elements, before compaction | ${opened(o.before)} | — |`,
    `| the same session after compaction (folded to a fresh doc) | ${opened(o.after)} | < 300 ms ${took(o.after) < 300 ? '(met)' : '(NOT met)'} |`,
    `| the same board never edited (a session three minutes in) | ${opened(o.baseline)} | — |`,
    `| folding the log when the room closes | ${f0(o.foldOnClose)} ms | — |`,
    `| database size, long log → folded (pages in use) | ${o.beforeMB.toFixed(1)} MB → ${o.foldedMB.toFixed(1)} MB (${o.beforeUsedMB.toFixed(1)} MB → ${o.foldedUsedMB.toFixed(1)} MB) | — |`,
    `| backup of a ${f0(b.libraryMB)} MB library (${f0(b.sessions)} sessions) | ${b.times.map((t) => t.toFixed(1)).join(' s, ')} s | — |`,
  ].join('\n');
  console.log(table);
  writeSection(
    'store',
    `## The session store (\`npm run bench:store\`)

${new Date().toISOString().slice(0, 10)} · ${machine()} · machine load ${machineLoad.toFixed(1)} (1 min) as the run started; files in ${os.tmpdir()} on this machine's disk.

Through the host's own code (bundled from \`electron/host\`), on real files. **Appends**: ${f0(APPENDS)} edits of a person (4 in 5 a card's move, 1 in 5 a retitle; ${a.bytes.toFixed(0)} bytes each on average) reach a room 100 per turn of the event loop; a turn's updates are committed to the log in one SQLite transaction before any of them is relayed to the other person in the room, and the room folds the log as it does live (after ${f0(1000)} updates once quiet, at once after 20,000); the WAL is synced every 250 ms off the event loop as the host does. Raw SQLite is the same disk's ceiling: one 40-byte row per transaction. **Opening**: a session whose log holds ${f0(o.logged)} updates (the same kind of edits) after a board of ${f0(ELEMENTS)} elements, opened as the host opens a room for the first person in (the snapshot and the log replayed into the doc, the document migrations, the checkpoint on opening), each of ${ROUNDS} rounds on a fresh connection (CPU: this process's CPU time for it); before compaction on a copy of the long log, after it on the file the room folded when it closed (its ${o.checkpoints} checkpoints kept, ${o.left} updates left in the log); beside it the same board as a session of its own, never edited, which is what opening after three minutes costs. Sizes are the data dir's files right after the fold, with the checkpoint made on opening (the whole board again, kept for the history), and in brackets the pages in use (SQLite reuses the pages a fold frees; it does not shrink the file). Folding runs when the room closes here; live it runs once the room has been quiet for a second after 1,000 updates, so a log this long is a host stopped mid-burst. **Backup**: a library of ${f0(b.sessions)} sessions, each a ${f0(ELEMENTS)}-element board (${f0(b.stateKB)} KB as one update) with three checkpoints, built through the store in ${b.buildS.toFixed(0)} s, copied by \`brownpaper backup\`'s code (SQLite's online backup, then the copy checked and made one self-contained file), ${b.times.length} run(s).

Where the time goes (CPU profiles of this script and of \`scripts/dev/\`): an append is mostly Yjs — applying the update to the room's doc, ending its transaction and encoding what was new for the log, about two thirds of its CPU —, then SQLite's commit of the turn's batch (one transaction, one \`updated_at\` per turn) about a fifth, and the folds every 20,000 about a tenth. The append figure moves with the machine, not the code: \`scripts/dev/appendsAB.mjs\` runs the same appends through this tree's room and the one before the asynchronous room (d6e6280^) in pairs back to back, and an append cost the same or less CPU here (4 pairs at load 22, 2026-12-02: 38.8 against 44.0, 47.0/50.5, 55.8/55.4, 47.8/52.9 µs; against affd3d0, whose run gave 33,875 per CPU second, 2 pairs at load 28: 57.4/58.7, 49.7/63.4 µs); on this shared machine even raw SQLite stays far below the ~83,000 rows/s the disk gives a quiet machine. Opening costs what Yjs takes to integrate the board: an item per stored field, and one per value overwritten since (a tombstone Yjs keeps to place concurrent writes). Records are sparse since board version 6 (a field at its kind's default is not stored; absent reads as the default): this board's steps store 9 fields each where they stored all 63, about 45,000 items where there were 315,000, which the never-edited row shows. What a compaction leaves is the tombstones of the 100,000 edits, about 180,000 (a move overwrites x and y, a retitle the title): \`scripts/dev/profileOpening.mjs\`'s phases showed the opening of a compacted snapshot is Yjs integrating them, the end of its transaction sorting and merging their delete set, and V8 collecting the garbage of it; the store's read, the document migrations and the checkpoint on opening (the snapshot's own bytes) cost next to nothing, so nothing the host does after loading is left to cache. Yjs's gc is on already (a tombstone keeps no content, but keeps its place); the V2 encoding makes the snapshot less than half the size (3.0 → 1.2 MB) and leaves the same items to integrate (CPU alike, measured side by side); writing the tombstones as GC ranges would let an offline window's write be dropped without a word. So the room, when it closes on a doc holding more tombstones than live items, folds it to a fresh doc of a new epoch (docs/ARCHITECTURE.md, The store, "The fold to a fresh document": the same content as new items; windows of the old epoch have their unsent edits carried over): the "after" row opens that fresh doc, and costs what the never-edited board costs. Replaying the log one update at a time in one transaction instead of merging it first keeps even an unfolded log to seconds. On a machine loaded above its 2 cores (the load is in the line above) the wall times include waiting for a core: compare the CPU figures.

${table}
`,
    { raw, appends: a, opening: o, backup: b, machineLoad },
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(0);
