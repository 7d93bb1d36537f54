import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { backupCommand, restoreCommand } from '../../electron/cli/backupCommands.js';
import { CliError } from '../../electron/cli/errors.js';
import { writeHostFile } from '../../electron/host/hostFile.js';
import { DB_FILE } from '../../electron/host/store/database.js';
import { openStore } from '../../electron/host/store/store.js';
import { readBoard } from '../../shared/model/board.js';
import { tempDir } from '../helpers/host.js';

/** The command's one JSON line, run in this process (the CLI as a program is tested in cli.test.ts). */
async function run(command: typeof backupCommand | typeof restoreCommand, ...args: string[]) {
  const lines: string[] = [];
  await command(args, (l) => void lines.push(l));
  return JSON.parse(lines.join('\n')) as Record<string, unknown>;
}
async function refusal(command: typeof backupCommand | typeof restoreCommand, ...args: string[]): Promise<string> {
  try {
    await command(args, () => {});
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return (e as Error).message;
  }
  throw new Error(`brownpaper ${args.join(' ')} was not refused`);
}

/** A data dir with the sample session and one more, and its sessions' step titles. */
function library() {
  const data = tempDir();
  const store = openStore(data, { create: true });
  const a = store.sessions.create({ title: 'Info request', template: 'sample-info-request' });
  store.sessions.create({ title: 'Onboarding', template: 'value-chain' });
  return { data, store, a };
}
function stepTitles(data: string, id: string): string[] {
  const store = openStore(data, { create: false });
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates(store.updates.load(id).updates));
    return [...readBoard(doc).elements.values()].flatMap((e) => (e.kind === 'step' ? [e.title] : [])).sort();
  } finally {
    store.close();
  }
}

describe('brownpaper backup and restore', () => {
  it('backs up while the host keeps writing, and the backup restores into an empty data dir with every session', async () => {
    const { data, store, a } = library();
    // Someone keeps typing while the backup runs: edits land between the backup's steps.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates(store.updates.load(a.id).updates));
    doc.on('update', (u: Uint8Array) => store.updates.append(a.id, u));
    let backingUp = true;
    let edits = 0;
    const typing = (async () => {
      while (backingUp) {
        doc.getMap('meta').set('note', `edit ${edits++}`);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const out = path.join(tempDir(), 'library.brownpaper-backup');
    const made = await run(backupCommand, '--data', data, '--out', out);
    backingUp = false;
    await typing;
    store.close();
    expect(edits).toBeGreaterThan(0);
    expect(made).toMatchObject({ file: out, sessions: 2 });
    expect(fs.statSync(out).size).toBe(made.bytes);
    // one self-contained file: no -wal or -shm beside it
    expect(fs.readdirSync(path.dirname(out))).toEqual([path.basename(out)]);

    const fresh = path.join(tempDir(), 'restored');
    expect(await run(restoreCommand, out, '--data', fresh)).toEqual({ sessions: 2, keptAs: null });
    const restored = openStore(fresh, { create: false });
    expect(
      restored.sessions
        .list()
        .map((s) => s.title)
        .sort(),
    ).toEqual(['Info request', 'Onboarding']);
    restored.close();
    expect(stepTitles(fresh, a.id)).toEqual(stepTitles(data, a.id));
    expect(stepTitles(fresh, a.id).length).toBeGreaterThan(5);
  });

  it('refuses to overwrite a backup file, or a data dir with sessions, unless --force; the replaced store is kept beside it', async () => {
    const { data, store } = library();
    store.close();
    const out = path.join(tempDir(), 'b.sqlite');
    await run(backupCommand, '--data', data, '--out', out);
    expect(await refusal(backupCommand, '--data', data, '--out', out)).toMatch(/exists; add --force/);
    await run(backupCommand, '--data', data, '--out', out, '--force');

    const other = library();
    other.store.sessions.create({ title: 'Third', template: 'blank' });
    other.store.close();
    expect(await refusal(restoreCommand, out, '--data', other.data)).toMatch(/holds 3 sessions; add --force/);
    const r = await run(restoreCommand, out, '--data', other.data, '--force');
    expect(r.sessions).toBe(2);
    const kept = r.keptAs as string;
    expect(fs.existsSync(kept)).toBe(true);
    const old = new Database(kept, { readonly: true });
    expect((old.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n).toBe(3);
    old.close();
  });

  it('refuses a foreign or damaged file and leaves the data dir as it was', async () => {
    const { data, store } = library();
    store.close();
    const before = fs.readFileSync(path.join(data, DB_FILE));
    const dir = tempDir();
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'not a database at all\n'.repeat(100));
    expect(await refusal(restoreCommand, text, '--data', data, '--force')).toMatch(/^notes\.txt is not a Brownpaper backup this version can restore: /);
    // Said first, before any --force is asked for: the file could never be restored.
    expect(await refusal(restoreCommand, text, '--data', data)).toMatch(/^notes\.txt is not a Brownpaper backup this version can restore: /);
    const foreign = path.join(dir, 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)');
    db.pragma('user_version = 99');
    db.close();
    expect(await refusal(restoreCommand, foreign, '--data', data, '--force')).toMatch(/newer Brownpaper/);
    // Another program's database as most are: user_version left at its default, 0, like a store
    // not made yet. It used to be migrated in and restored as an empty library.
    const app = path.join(dir, 'app.sqlite');
    const other = new Database(app);
    other.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO t (note) VALUES ('kept')");
    other.close();
    const appBytes = fs.readFileSync(app);
    expect(await refusal(restoreCommand, app, '--data', data, '--force')).toBe(
      "app.sqlite is not a Brownpaper backup this version can restore: app.sqlite is not a Brownpaper store: it is another program's SQLite database (tables t)",
    );
    expect(fs.readFileSync(app).equals(appBytes)).toBe(true);
    const damaged = path.join(dir, 'damaged.sqlite');
    const good = path.join(dir, 'good.sqlite');
    await run(backupCommand, '--data', data, '--out', good);
    const bytes = fs.readFileSync(good);
    bytes.fill(0x5a, 4096 + 100, 4096 * 3);
    fs.writeFileSync(damaged, bytes);
    expect(await refusal(restoreCommand, damaged, '--data', data, '--force')).toMatch(/not a Brownpaper backup .*damaged|malformed/);
    expect(fs.readFileSync(path.join(data, DB_FILE)).equals(before)).toBe(true);
    expect(fs.readdirSync(data).filter((f) => f.startsWith('.restore-') || f.includes('before-restore'))).toEqual([]);
  });

  it('refuses to restore into a data dir a running host serves, naming it', async () => {
    const { data, store } = library();
    store.close();
    const out = path.join(tempDir(), 'b.sqlite');
    await run(backupCommand, '--data', data, '--out', out);
    writeHostFile(data, { url: 'http://127.0.0.1:4380', pid: process.pid });
    expect(await refusal(restoreCommand, out, '--data', data, '--force')).toBe(
      `a Brownpaper host (process ${process.pid}, http://127.0.0.1:4380) is using ${path.resolve(data)}; stop it before restoring`,
    );
  });
});
