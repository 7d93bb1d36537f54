import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../servers/process.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { startNode, stopAllNodes } from './nodes.js';
import { startPostgres } from '../servers/postgres.js';

// Runs the built CLI: `npm run build` first.
const bin = path.resolve(import.meta.dirname, '../../bin/brownpaper.mjs');
const server = (...args: string[]) => spawnSync(process.execPath, [bin, 'server', ...args], { encoding: 'utf8', timeout: 20_000 });
const oneLine = (stderr: string) => stderr.split('\n').filter(Boolean);

describe('brownpaper server: its configuration and what it refuses', () => {
  it('a PostgreSQL nobody answers at: one line, exit code 1, no stack', async () => {
    const port = await freePort();
    const r = server('--port', '0', '--postgres', `postgres://brownpaper@127.0.0.1:${port}/team`, '--redis', testRedisUrl());
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^brownpaper: PostgreSQL at 127\\.0\\.0\\.1:${port}/team cannot be used: .*ECONNREFUSED`));
  });

  it('a PostgreSQL that asks for a password the URL lacks: one line saying so, and the command ends (it used to hang after the line)', async () => {
    const pg = await startPostgres({ password: 'correct horse' });
    try {
      const bare = pg.url.replace(/:[^:@/]+@/, '@');
      const admin = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 20_000 });
      for (const r of [server('--port', '0', '--postgres', bare, '--redis', testRedisUrl()), admin('session', 'list', '--postgres', bare)]) {
        // On a hang spawnSync kills it at 20 s: status null, not 1.
        expect(r.status).toBe(1);
        expect(oneLine(r.stderr)).toHaveLength(1);
        expect(r.stderr).toMatch(/cannot be used: it asks for a password and the URL has none \(postgres:\/\/USER:PASSWORD@HOST\/DATABASE, or set PGPASSWORD\)\n$/);
      }
      const withIt = admin('session', 'list', '--postgres', pg.url);
      expect(withIt.stderr).toBe('');
      expect(withIt.stdout).toBe('no sessions\n');
    } finally {
      await pg.stop();
    }
  }, 120_000);

  it('a configuration file with a wrong field names the field in one line; no PostgreSQL URL is a usage error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-config-'));
    const file = path.join(dir, 'server.json');
    fs.writeFileSync(file, JSON.stringify({ port: 'eighty', postgres: 'postgres://x/y', redis: 'redis://x' }));
    let r = server('--config', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^brownpaper: the configuration .*server\.json: port: .*number.*\n$/);
    r = server('--port', '0');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^brownpaper: a PostgreSQL URL is needed/);
  });

  it('the flags override the configuration file; the node serves the web client, and what it does not do yet is one line and 501', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-config-'));
    const file = path.join(dir, 'server.json');
    const db = await emptyDatabase();
    try {
      fs.writeFileSync(file, JSON.stringify({ port: 1, bind: '127.0.0.1', postgres: 'postgres://nobody@127.0.0.1:1/none', redis: testRedisUrl(), publicUrl: 'https://brownpaper.example.org' }));
      const node = await startNode(db.url, testRedisUrl(), ['--config', file]);
      // The web client, and one line for what the team server does not do yet.
      expect((await fetch(node.url)).status).toBe(200);
      const hosting = await fetch(`${node.url}/api/hosting`);
      expect(hosting.status).toBe(501);
      expect(((await hosting.json()) as { error: string }).error).toMatch(/^not on the team server yet: /);
    } finally {
      await stopAllNodes();
      await db.drop();
    }
  });
});
