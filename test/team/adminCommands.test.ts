import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { cli } from '../helpers/cli.js';
import { cliHere, cliHereAnswer } from '../helpers/cliHere.js';
import { tempDir } from '../helpers/host.js';
import { emptyDatabase } from '../servers/database.js';
import { freePort } from '../servers/process.js';

/**
 * The administrative commands on a team server’s PostgreSQL, as an administrator types them:
 * the built program (`npm run build`; node bin/brownpaper.mjs), a real PostgreSQL (test/servers/).
 */
const drops: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(drops.map((d) => d())));
async function database() {
  const db = await emptyDatabase();
  drops.push(db.drop);
  return db.url;
}

const oneLineError = (r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) => {
  expect(r.code).not.toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^brownpaper: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
};

/**
 * The commands run through the CLI's own main in this process (cliHere: the same parsing, store
 * calls, answers and error lines); a Node process each (about 0.7 s of CPU, some forty of them)
 * is kept for the bad flags and unreachable servers, where the real program's exit code and
 * stderr are the point. The timeout is for those on a busy machine.
 */
const processes = { timeout: 180_000 };

interface Session {
  id: string;
  title: string;
  template: string;
}

describe('brownpaper on a team server’s PostgreSQL (--postgres)', processes, () => {
  it('--config <server.json> in place of --postgres: its database, and invite links on its publicUrl without --url', async () => {
    const pg = await database();
    const config = path.join(tempDir(), 'server.json');
    fs.writeFileSync(config, JSON.stringify({ postgres: pg, redis: 'redis://127.0.0.1:1', publicUrl: 'https://walls.example.org' }));
    const s = await cliHereAnswer<Session>('session', 'create', '--config', config, '--title', 'Claims');
    expect((await cliHereAnswer<Session[]>('session', 'list', '--postgres', pg, '--json')).map((x) => x.id)).toEqual([s.id]);
    const invite = await cliHereAnswer<{ url: string }>('invite', s.id, '--config', config, '--role', 'participant');
    expect(invite.url).toMatch(new RegExp(`^https://walls\\.example\\.org/s/${s.id}#token=`));
    const added = await cliHereAnswer<{ name: string; key: string }>('server', 'add-facilitator', '--config', config, '--name', 'Ana');
    expect(added.name).toBe('Ana');
    expect((await cliHere('server', 'list-facilitators', '--config', config)).stdout).toContain('Ana');
    // Without a publicUrl (nor --url) an invite cannot name the address; both stores at once are refused.
    fs.writeFileSync(config, JSON.stringify({ postgres: pg }));
    oneLineError(await cliHere('invite', s.id, '--config', config, '--role', 'participant'), /--url is required with --postgres unless the --config file has a publicUrl/);
    oneLineError(await cliHere('session', 'list', '--config', config, '--data', tempDir()), /--data and --config name two stores/);
  });

  it('session create, list, invite, cost, export JSON and import it back, as on a data dir', async () => {
    const pg = await database();
    const dir = tempDir();
    const title = 'Claims handling, as it is — Ødegård & Søn';
    const s = await cliHereAnswer<Session & { locale: string }>('session', 'create', '--postgres', pg, '--title', title, '--template', 'sample-info-request', '--locale', 'de-DE');
    expect(s).toMatchObject({ title, template: 'sample-info-request', locale: 'de-DE' });
    expect((await cliHereAnswer<Session[]>('session', 'list', '--postgres', pg, '--json')).map((x) => x.id)).toEqual([s.id]);
    expect((await cliHere('session', 'list', '--postgres', pg)).stdout).toContain(`${s.id}  `);

    const invite = await cliHereAnswer<{ token: string; url: string }>('invite', s.id, '--postgres', pg, '--role', 'participant', '--url', 'https://walls.example.org');
    expect(invite.url).toBe(`https://walls.example.org/s/${s.id}#token=${invite.token}`);
    const store = await openPostgresStore(pg);
    try {
      expect(await store.tokens.verify(s.id, invite.token)).toBe('participant');
    } finally {
      await store.close();
    }

    // The same board on a data dir costs the same, to the cent.
    const data = tempDir();
    const onDisk = await cliHereAnswer<Session>('session', 'create', '--data', data, '--title', title, '--template', 'sample-info-request');
    const cost = await cliHereAnswer<{ total: string; time: { leadTime: string } }>('cost', s.id, '--postgres', pg, '--json');
    expect(cost.total).toBe((await cliHereAnswer<{ total: string }>('cost', onDisk.id, '--data', data, '--json')).total);
    expect(Number(cost.total)).toBeGreaterThan(0);
    expect((await cliHere('case', s.id, '--postgres', pg)).code).toBe(0);

    const file = path.join(dir, 'claims.json');
    expect(await cliHereAnswer('export', s.id, '--postgres', pg, '--format', 'json', '--out', file)).toEqual({ sessionId: s.id, format: 'json', out: file });
    const imported = await cliHereAnswer<Session>('import', file, '--postgres', pg);
    expect(imported).toMatchObject({ title, template: 'sample-info-request' });
    expect(imported.id).not.toBe(s.id);
    expect((await cliHereAnswer<{ total: string }>('cost', imported.id, '--postgres', pg, '--json')).total).toBe(cost.total);
    expect((await cliHereAnswer<Session[]>('session', 'list', '--postgres', pg, '--json')).map((x) => x.id).sort()).toEqual([s.id, imported.id].sort());

    // Refused as on a data dir, nothing written: an unknown session, a hostile file.
    oneLineError(await cliHere('cost', 'AAAAAAAAAAAAAAAAAAAAAA', '--postgres', pg, '--json'), /no session AAAAAAAAAAAAAAAAAAAAAA/);
    fs.writeFileSync(path.join(dir, 'hostile.json'), JSON.stringify({ format: 'brownpaper-session', version: 1, board: {}, elements: 'nope' }));
    oneLineError(await cliHere('import', path.join(dir, 'hostile.json'), '--postgres', pg), /import /);
    expect(await cliHereAnswer<Session[]>('session', 'list', '--postgres', pg, '--json')).toHaveLength(2);
  });

  it('backup runs pg_dump into one file, safe to restore with pg_restore; an existing file needs --force', async () => {
    const pg = await database();
    await cliHereAnswer('session', 'create', '--postgres', pg, '--title', 'Order to cash', '--template', 'value-chain');
    const file = path.join(tempDir(), 'team.dump');
    const b = await cliHereAnswer<{ file: string; bytes: number; sessions: number; tool: string }>('backup', '--postgres', pg, '--out', file);
    expect(b).toEqual({ file, bytes: fs.statSync(file).size, sessions: 1, tool: 'pg_dump' });
    // pg_dump's custom format starts with its magic.
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
    oneLineError(await cliHere('backup', '--postgres', pg, '--out', file), /exists; add --force/);
    expect((await cliHere('backup', '--postgres', pg, '--out', file, '--force')).code).toBe(0);
    const told = await cliHere('restore', file, '--postgres', pg);
    oneLineError(told, /pg_restore/);
    // The server is lost: the admin restores the dump into a fresh database with the command they
    // were told, and it says nothing but does it (pg_restore's --clean alone fails on every table
    // an empty database lacks, and exits 1).
    const [, flags] = /pg_restore ((?:--[a-z-]+ )+)--dbname <url> <file>/.exec(told.stderr)!;
    const elsewhere = await database();
    const restored = spawnSync('pg_restore', [...flags.trim().split(' '), '--dbname', elsewhere, file], { encoding: 'utf8' });
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const titles = async (url: string) => (await cliHereAnswer<Session[]>('session', 'list', '--postgres', url, '--json')).map((x) => x.title);
    expect(await titles(elsewhere)).toEqual(await titles(pg));
    // Restored over the database it came from (a rollback): the same, quietly.
    const over = spawnSync('pg_restore', [...flags.trim().split(' '), '--dbname', pg, file], { encoding: 'utf8' });
    expect(over.stderr).toBe('');
    expect(over.status).toBe(0);
  });

  it('bad store flags, a malformed URL, a server nobody answers on: one line each, never the password', async () => {
    const data = tempDir();
    const pg = await database();
    oneLineError(cli('session', 'list', '--data', data, '--postgres', pg), /--data and --postgres name two stores; pass one of them/);
    oneLineError(cli('session', 'list'), /--data <dir> \(or --postgres <url>, or --config <server.json>\) is required/);
    const malformed = cli('session', 'list', '--postgres', 'localhost:5432/walls?password=hunter2');
    oneLineError(malformed, /--postgres takes a URL like postgres:\/\/USER:PASSWORD@HOST:5432\/DATABASE/);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).not.toContain('hunter2');
    // A password with # and @ written as it is: the operator is told to percent-encode it.
    const unencoded = cli('session', 'list', '--postgres', 'postgres://brownpaper:Wk7#p@ss@localhost:5432/brownpaper');
    oneLineError(unencoded, /--postgres does not parse as postgres:\/\/USER:PASSWORD@HOST:5432\/DATABASE: a password .* must be percent-encoded in the URL: # → %23, @ → %40/);
    expect(unencoded.stderr).not.toContain('Wk7');
    const port = await freePort();
    const down = cli('session', 'create', '--postgres', `postgres://brownpaper:hunter2@127.0.0.1:${port}/walls`, '--title', 'Lost');
    oneLineError(down, new RegExp(`PostgreSQL at 127\\.0\\.0\\.1:${port}/walls cannot be used: .*ECONNREFUSED`));
    expect(down.code).toBe(1);
    expect(down.stderr).not.toContain('hunter2');
    oneLineError(cli('invite', 'AAAAAAAAAAAAAAAAAAAAAA', '--postgres', pg, '--role', 'viewer'), /--url is required with --postgres/);
  });
});

describe('brownpaper server add-facilitator, list-facilitators, revoke-facilitator', processes, () => {
  it('a key is printed once as one JSON line, listed without it, and revoked by id', async () => {
    const pg = await database();
    const ana = await cliHereAnswer<{ id: string; name: string; createdAt: number; key: string }>('server', 'add-facilitator', '--postgres', pg, '--name', 'Ana Ødegård');
    expect(ana).toEqual({ id: ana.id, name: 'Ana Ødegård', createdAt: ana.createdAt, key: expect.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{42}$/) });
    const bo = await cliHereAnswer<{ id: string; key: string }>('server', 'add-facilitator', '--postgres', pg, '--name', '  Bo  ');
    const listed = await cliHere('server', 'list-facilitators', '--postgres', pg, '--json');
    expect(JSON.parse(listed.stdout)).toEqual([
      { id: ana.id, name: 'Ana Ødegård', createdAt: ana.createdAt, revokedAt: null },
      { id: bo.id, name: 'Bo', createdAt: expect.any(Number), revokedAt: null },
    ]);
    expect(listed.stdout).not.toContain(ana.key);
    expect((await cliHere('server', 'list-facilitators', '--postgres', pg)).stdout).toMatch(new RegExp(`^${ana.id}  \\S+  active   Ana Ødegård\\n`));

    const revoked = await cliHereAnswer<{ id: string; revokedAt: number }>('server', 'revoke-facilitator', ana.id, '--postgres', pg);
    expect(revoked).toMatchObject({ id: ana.id, name: 'Ana Ødegård', revokedAt: expect.any(Number) });
    const store = await openPostgresStore(pg);
    try {
      expect(await store.facilitators.verify(ana.key)).toBeNull();
      expect(await store.facilitators.verify(bo.key)).toMatchObject({ id: bo.id, name: 'Bo' });
    } finally {
      await store.close();
    }
    oneLineError(await cliHere('server', 'revoke-facilitator', ana.id, '--postgres', pg), new RegExp(`facilitator ${ana.id} \\(Ana Ødegård\\) was revoked already, at `));
    oneLineError(await cliHere('server', 'revoke-facilitator', 'nobody', '--postgres', pg), /no facilitator nobody/);
    oneLineError(await cliHere('server', 'add-facilitator', '--postgres', pg, '--name', 'x'.repeat(201)), /--name takes 1 to 200 characters on one line/);
    oneLineError(await cliHere('server', 'add-facilitator', '--postgres', pg, '--name', '   '), /--name takes 1 to 200/);
    oneLineError(await cliHere('server', 'add-facilitator', '--name', 'Cy'), /--postgres <url> \(or --config <server.json> naming one\) is required/);
    oneLineError(await cliHere('server', 'list-facilitators', '--postgres', 'mysql://db/walls'), /--postgres takes a URL like postgres:/);
  });
});
