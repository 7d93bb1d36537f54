import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The run's PostgreSQL (test/servers/globalSetup.ts). */
export function testPostgresUrl(): string {
  const url = process.env.BROWNPAPER_TEST_POSTGRES;
  if (!url) throw new Error('BROWNPAPER_TEST_POSTGRES is not set: run these tests through vitest (the team project starts PostgreSQL)');
  return url;
}

/** The run's Redis (test/servers/globalSetup.ts). */
export function testRedisUrl(): string {
  const url = process.env.BROWNPAPER_TEST_REDIS;
  if (!url) throw new Error('BROWNPAPER_TEST_REDIS is not set: run these tests through vitest (the team project starts Redis)');
  return url;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * An empty database of its own, so test files (and tests) running side by side never see each
 * other's rows. CREATE DATABASE copies template0, which nobody connects to, so any number can be
 * made at once. Returns its URL and a drop().
 */
export async function emptyDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `brownpaper_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0`));
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    // WITH (FORCE): a pool a failed test left open does not keep the database.
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
