import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyDatabase, testRedisUrl } from '../servers/database.js';

const dropped: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(dropped.map((d) => d())));

describe('the servers the team tests run against', () => {
  it('a test file gets an empty PostgreSQL database of its own, on 127.0.0.1', async () => {
    const a = await emptyDatabase();
    const b = await emptyDatabase();
    dropped.push(a.drop, b.drop);
    expect(a.name).not.toBe(b.name);
    expect(new URL(a.url).hostname).toBe('127.0.0.1');
    const client = new pg.Client({ connectionString: a.url });
    await client.connect();
    try {
      await client.query('CREATE TABLE only_here (n int)');
      const tables = await client.query<{ n: string }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.rows[0].n).toBe('1');
      expect((await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version).toMatch(/^\d+/);
    } finally {
      await client.end();
    }
    const other = new pg.Client({ connectionString: b.url });
    await other.connect();
    try {
      expect((await other.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'only_here'")).rowCount).toBe(0);
    } finally {
      await other.end();
    }
  });

  it('Redis answers on 127.0.0.1 and keeps nothing on disk', async () => {
    const redis = new Redis(testRedisUrl());
    try {
      expect(await redis.ping()).toBe('PONG');
      expect(await redis.config('GET', 'save')).toEqual(['save', '']);
      expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
    } finally {
      redis.disconnect();
    }
  });
});
