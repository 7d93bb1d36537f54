import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { syncUrl } from '../../shared/session.js';
import { limits } from '../../electron/host/limits.js';
import { openPostgresStore } from '../../electron/host/store/postgres/store.js';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';
import { startNode, stopAllNodes, type TeamNode } from './nodes.js';

// Runs the built CLI: `npm run build` first.

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await stopAllNodes();
});

/** A node with this configuration, on a database of its own, and a participant's way into one session. */
async function nodeWith(config: object): Promise<{ node: TeamNode; url: string }> {
  const db = await emptyDatabase();
  cleanup.push(() => db.drop());
  const store = await openPostgresStore(db.url);
  const session = await store.sessions.create({ title: 'Order to cash', template: 'value-chain' }, 1);
  const token = await store.tokens.issue(session.id, 'participant');
  await store.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-config-')), 'server.json');
  fs.writeFileSync(file, JSON.stringify(config));
  const node = await startNode(db.url, testRedisUrl(), ['--config', file]);
  return { node, url: `${syncUrl(node.url)}/${session.id}?token=${token}` };
}

/** Open `count` sync connections, as a load balancer does for people at these addresses; what each upgrade answered. */
async function connect(url: string, forwardedFor: (i: number) => string, count: number): Promise<(number | 'open')[]> {
  const answers: (number | 'open')[] = [];
  for (let i = 0; i < count; i++) {
    const ws = new WebSocket(url, { headers: { 'X-Forwarded-For': forwardedFor(i) } });
    cleanup.push(() => ws.terminate());
    answers.push(
      await new Promise<number | 'open'>(
        (resolve, reject) => (ws.once('open', () => resolve('open')), ws.once('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0)), ws.once('error', reject)),
      ),
    );
  }
  return answers;
}

describe('brownpaper server behind a load balancer: the per-address limit counts people, not the balancer', () => {
  const people = limits.connectionsPerAddress + 1;

  it('with the balancer\'s address in "trustedProxies", each person is counted at the address it forwards', async () => {
    const { url } = await nodeWith({ trustedProxies: ['127.0.0.1'] });
    const answers = await connect(url, (i) => `198.51.100.${i + 1}`, people);
    expect(answers.filter((a) => a !== 'open')).toEqual([]);
    // One person's own connections are still limited.
    expect(await connect(url, () => '203.0.113.9', people)).toContain(429);
  });

  it('from an address nobody configured, X-Forwarded-For is ignored: a client cannot pick the address it is counted under', async () => {
    const { url } = await nodeWith({});
    const answers = await connect(url, (i) => `198.51.100.${i + 1}`, people);
    expect(answers.slice(0, -1).every((a) => a === 'open')).toBe(true);
    expect(answers.at(-1)).toBe(429);
  });

  it('a "trustedProxies" entry that is not an IP address: one line naming the field, exit 1', async () => {
    const { spawnSync } = await import('node:child_process');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-config-')), 'server.json');
    fs.writeFileSync(file, JSON.stringify({ postgres: 'postgres://x/y', redis: 'redis://x', trustedProxies: ['lb.internal'] }));
    const r = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../bin/brownpaper.mjs'), 'server', '--config', file], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^brownpaper: the configuration .*server\.json: trustedProxies\.0: an IP address\n$/);
  });
});
