import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, cliJson, spawnHost } from '../helpers/cli.js';
import { cliHereJson } from '../helpers/cliHere.js';
import { tempDir } from '../helpers/host.js';

/** Run `brownpaper host` to its end (it must end by itself); its exit code and output. */
function hostRun(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'host', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A store with a session in it, then one of its pages overwritten, as a bad disk would. */
function damagedStore(): { dataDir: string; file: string } {
  const dataDir = tempDir();
  cliHereJson('session', 'create', '--data', dataDir, '--title', 'Order to cash', '--template', 'sample-info-request');
  const file = path.join(dataDir, 'brownpaper.sqlite');
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096 * 3);
  fs.closeSync(fd);
  return { dataDir, file };
}

describe('starting the host is all or nothing', () => {
  it('a host that cannot write its host file closes everything and exits with one line', async () => {
    const dataDir = tempDir();
    cliHereJson('session', 'create', '--data', dataDir, '--title', 'T');
    fs.mkdirSync(path.join(dataDir, 'host.json'));
    const run = await hostRun(dataDir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^brownpaper: cannot write .*host\.json: EISDIR\n$/);
  });

  it('a damaged database is refused at start in one line and left byte for byte as it was', async () => {
    const { dataDir, file } = damagedStore();
    const before = sha(file);
    const run = await hostRun(dataDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^brownpaper: .*brownpaper\.sqlite is damaged \(SQLite quick_check: .*\); it was left as it is — to start a fresh database beside it: brownpaper host --data \S+ --fresh\n$/,
    );
    expect(sha(file)).toBe(before);
  });

  it('host --fresh sets a damaged database aside byte for byte and starts with a fresh one beside it', async () => {
    const { dataDir, file } = damagedStore();
    const before = sha(file);
    const host = await spawnHost(dataDir, ['--fresh']);
    try {
      const [, aside] = await host.line(/could not be used; it was set aside as (\S+brownpaper-damaged-\S+\.sqlite), starting with a fresh database$/);
      expect(path.dirname(aside)).toBe(dataDir);
      expect(sha(aside)).toBe(before);
      const created = cliJson<{ title: string }>('session', 'create', '--data', dataDir, '--title', 'After the disk scare');
      expect(created.title).toBe('After the disk scare');
      expect(cliJson<{ title: string }[]>('session', 'list', '--data', dataDir, '--json').map((s) => s.title)).toEqual(['After the disk scare']);
    } finally {
      host.child.kill('SIGTERM');
      expect(await host.exited).toBe(0);
    }
    expect(fs.existsSync(file)).toBe(true);
    expect(sha(file)).not.toBe(before);
  });

  it('the CLI on a damaged database says so in one line, never a stack trace', () => {
    const { dataDir, file } = damagedStore();
    const before = sha(file);
    for (const args of [
      ['session', 'list', '--data', dataDir, '--json'],
      ['session', 'list', '--data', dataDir],
    ]) {
      const r = cli(...args);
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).toContain('damaged');
      expect(r.stderr).toContain(`to start a fresh database beside it: brownpaper host --data ${dataDir} --fresh`);
    }
    expect(sha(file)).toBe(before);
  });

  it('a file that is not a Brownpaper store is refused by our own schema check', async () => {
    const dataDir = tempDir();
    cliHereJson('session', 'create', '--data', dataDir, '--title', 'T');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path.join(dataDir, 'brownpaper.sqlite'));
    db.exec('ALTER TABLE tokens DROP COLUMN label');
    db.close();
    const r = cli('session', 'list', '--data', dataDir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not a Brownpaper store of version \d+: table tokens lacks label; it was left as it is — to start a fresh database beside it: brownpaper host --data \S+ --fresh\n$/);
  });

  it("another program's SQLite database in the data dir is refused and left byte for byte as it was", async () => {
    // Most programs leave user_version at 0, as a store not made yet says: it used to be migrated,
    // our tables added beside its own, and listed as an empty library.
    const dataDir = tempDir();
    const file = path.join(dataDir, 'brownpaper.sqlite');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(file);
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO t (note) VALUES ('kept')");
    db.close();
    const before = sha(file);
    const r = cli('session', 'list', '--data', dataDir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /brownpaper\.sqlite is not a Brownpaper store: it is another program's SQLite database \(tables t\); it was left as it is — to start a fresh database beside it: brownpaper host --data \S+ --fresh\n$/,
    );
    expect((await hostRun(dataDir)).stderr).toContain("another program's SQLite database (tables t); it was left as it is");
    expect(sha(file)).toBe(before);
  });
});

describe('one host per data dir', () => {
  it('a second host on the same data dir is refused in one line naming the first; the first keeps serving', async () => {
    const dataDir = tempDir();
    cliHereJson('session', 'create', '--data', dataDir, '--title', 'Order to cash');
    const first = await spawnHost(dataDir);
    try {
      const second = await hostRun(dataDir);
      expect(second.code).toBe(1);
      expect(second.stderr).toBe(`brownpaper: another Brownpaper host (process ${first.child.pid}, ${first.url}) already serves ${path.resolve(dataDir)}; stop it first or use another --data\n`);
      expect((await fetch(first.url)).ok).toBe(true);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
    // A host file left by a host that is gone does not block the next start.
    fs.writeFileSync(path.join(dataDir, 'host.json'), JSON.stringify({ url: 'http://127.0.0.1:9', pid: process.pid }) + '\n');
    const next = await spawnHost(dataDir);
    next.child.kill('SIGTERM');
    expect(await next.exited).not.toBe(1);
  });
});
