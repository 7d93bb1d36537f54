import { test as base } from '@playwright/test';
import { cliJson } from '../helpers/cli.js';
import { startPostgres, type TestPostgres } from '../servers/postgres.js';
import { startRedis, type TestRedis } from '../servers/redis.js';
import { startNode, type TeamNode } from '../team/nodes.js';

/** A real team server for the end-to-end tests, and what whoever runs it does from the CLI. */
export interface TeamServer {
  postgres: TestPostgres;
  node: TeamNode;
  /** `brownpaper server add-facilitator`: the key it prints once, and the facilitator's id */
  newKey(name: string): { id: string; key: string };
  /** `brownpaper session create --postgres`: a session nobody signed in made (its owner unknown) */
  createSession(title: string, template?: string): { id: string };
  /** `brownpaper server revoke-facilitator <id> --postgres … --redis …`, as whoever runs the server types it */
  revokeKey(id: string): { linksEnded: number; openBoardsClosed: boolean };
}

/**
 * `brownpaper server` (the built CLI) on a throwaway PostgreSQL and Redis (test/servers/), started
 * once per Playwright worker — the first test that asks for it starts it — and shared by every
 * team-server spec that worker runs, stopped when the worker ends.
 * Tests on it make sessions and keys of their own names and do not count the server's sessions.
 */
export const test = base.extend<object, { team: TeamServer }>({
  team: [
    async ({}, use) => {
      let postgres: TestPostgres | undefined;
      let redis: TestRedis | undefined;
      let node: TeamNode | undefined;
      try {
        [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
        node = await startNode(postgres.url, redis.url);
        const url = postgres.url;
        await use({
          postgres,
          node,
          newKey: (name) => cliJson<{ id: string; key: string }>('server', 'add-facilitator', '--postgres', url, '--name', name),
          createSession: (title, template = 'blank') => cliJson<{ id: string }>('session', 'create', '--postgres', url, '--title', title, '--template', template),
          revokeKey: (id) => cliJson<{ linksEnded: number; openBoardsClosed: boolean }>('server', 'revoke-facilitator', id, '--postgres', url, '--redis', redis!.url),
        });
      } finally {
        await node?.stop();
        await Promise.all([postgres?.stop(), redis?.remove()]);
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});
