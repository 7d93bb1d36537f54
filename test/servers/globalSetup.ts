import type { TestProject } from 'vitest/node';
import { startPostgres, type TestPostgres } from './postgres.js';
import { startRedis, type TestRedis } from './redis.js';

/**
 * The team server's tests (test/team/) run against a real PostgreSQL and a real Redis, started
 * once per run here on 127.0.0.1 in temp dirs and stopped at the end, whatever the tests did.
 * Their URLs reach the test files as BROWNPAPER_TEST_POSTGRES and BROWNPAPER_TEST_REDIS; set
 * either beforehand to use a server of your own instead. A server that cannot start fails the
 * run in one line: these tests are never skipped.
 */
export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  let postgres: TestPostgres | null = null;
  let redis: TestRedis | null = null;
  const teardown = async () => {
    await Promise.all([postgres?.stop(), redis?.remove()]);
  };
  try {
    if (!process.env.BROWNPAPER_TEST_POSTGRES) {
      postgres = await startPostgres();
      process.env.BROWNPAPER_TEST_POSTGRES = postgres.url;
    }
    if (!process.env.BROWNPAPER_TEST_REDIS) {
      redis = await startRedis();
      process.env.BROWNPAPER_TEST_REDIS = redis.url;
    }
  } catch (e) {
    await teardown();
    // One line, without the helper's stack: what failed and what the server said.
    const failure = new Error(`the team server's tests need PostgreSQL and Redis: ${(e as Error).message}`);
    failure.stack = failure.message;
    throw failure;
  }
  return teardown;
}
