import { test, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { cliJson } from '../helpers/cli.js';
import { startPostgres, type TestPostgres } from '../servers/postgres.js';
import { startRedis, type TestRedis } from '../servers/redis.js';
import { startNode, type TeamNode } from '../team/nodes.js';
import { expect, board, notes, screenBox } from './fixtures.js';

// A team server of two nodes (the built CLI) on a throwaway PostgreSQL and Redis: a person's
// board on node B holds the session's old document while node A folds it afresh.

let postgres: TestPostgres;
let redis: TestRedis;
let nodeA: TeamNode;
let nodeB: TeamNode;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  [nodeA, nodeB] = await Promise.all([startNode(postgres.url, redis.url), startNode(postgres.url, redis.url)]);
});
test.afterAll(async () => {
  await Promise.all([nodeA?.stop(), nodeB?.stop()]);
  await Promise.all([postgres?.stop(), redis?.remove()]);
});

const invite = (id: string, role: string, node: TeamNode) => cliJson<{ url: string }>('invite', id, '--postgres', postgres.url, '--role', role, '--url', node.url).url;

/**
 * A person's own browser on a board link, live and synced; from then on every message the board
 * shows them — a toast (`alert`, `status`), the header's connection — is kept in `window.told`.
 */
async function opens(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await page.waitForFunction(() => (window as unknown as { __brownpaper: { ui(): { synced: boolean } } }).__brownpaper.ui().synced);
  await page.evaluate(() => {
    const told: string[] = [];
    (window as unknown as { told: string[] }).told = told;
    const seen = () =>
      document.querySelectorAll('[role=alert], [role=status]').forEach((e) => {
        const said = `${e.getAttribute('role')}: ${e.textContent}`;
        // (an empty live region says nothing)
        if (e.textContent && !told.includes(said)) told.push(said);
      });
    seen();
    new MutationObserver(seen).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  return page;
}
const told = (page: Page) => page.evaluate(() => (window as unknown as { told: string[] }).told);
const connection = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { connection: string } } }).__brownpaper.ui().connection);
const textOf = async (page: Page, id: string) => (await board(page)).elements[id]?.text;

/** A transaction of the test's own holding `sql`'s lock until released: the node's next step waits there. */
async function hold(sql: string): Promise<() => Promise<void>> {
  const c = new pg.Client({ connectionString: postgres.url });
  await c.connect();
  await c.query('BEGIN');
  await c.query(sql);
  return async () => {
    await c.query('COMMIT');
    await c.end();
  };
}

/** Until a node's statement starting with `statement` waits for a lock (the test's, or the fold's). */
async function waitingAt(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: postgres.url });
  await c.connect();
  try {
    await expect
      .poll(async () => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND ltrim(query) LIKE $1 || '%'`, [statement])).rows[0].n, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
  } finally {
    await c.end();
  }
}

async function storedEpoch(id: string): Promise<number> {
  const c = new pg.Client({ connectionString: postgres.url });
  await c.connect();
  try {
    return (await c.query<{ epoch: number }>('SELECT coalesce(max(epoch), 0)::int AS epoch FROM snapshots WHERE session_id = $1', [id])).rows[0].epoch;
  } finally {
    await c.end();
  }
}

/** Double-click a note, replace its text, and finish the edit as people do (Ctrl+Enter). */
async function retype(page: Page, id: string, text: string): Promise<void> {
  const b = await screenBox(page, id);
  await page.mouse.dblclick(b.x + b.w / 2, b.y + b.h / 2);
  await expect(page.getByLabel('Note text')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  await page.keyboard.press('ControlOrMeta+Enter');
}

test('Pat opens the board through node B while node A folds it afresh: what he types is kept, the fresh board has it once, and he is told nothing', async ({ browser }) => {
  test.setTimeout(240_000);
  const { id } = cliJson<{ id: string }>('session', 'create', '--postgres', postgres.url, '--title', 'Order to cash, as-is', '--template', 'blank');
  const ana = await opens(browser, invite(id, 'facilitator', nodeA));
  // A long workshop, short: ten notes, each moved forty times (the tombstones a fold drops).
  const ids = await ana.evaluate(() => {
    const bp = (window as unknown as { __brownpaper: { dispatch(name: string, args: unknown): unknown } }).__brownpaper;
    const made = Array.from({ length: 10 }, (_, k) => bp.dispatch('addNote', { x: 240 * k, y: 0, text: `Note ${k}` }) as string);
    for (let i = 1; i <= 40; i++) bp.dispatch('moveElements', { moves: made.map((id, k) => ({ id, x: 240 * (k % 5) + i, y: 200 * Math.floor(k / 5) + i })) });
    return made;
  });

  // Ana leaves: node A finds nobody else there and folds, its fold held by the test before it commits.
  const releaseFold = await hold('LOCK TABLE fold_bases IN SHARE MODE');
  await ana.context().close();
  await waitingAt('INSERT INTO fold_bases');

  // Pat opens his link on node B meanwhile: B reads the board as it still is, and he retypes a note.
  const pat = await opens(browser, invite(id, 'participant', nodeB));
  await expect.poll(async () => (await notes(pat)).length).toBe(10);
  await retype(pat, ids[0], 'Typed at the fold');
  await waitingAt('UPDATE sessions SET updated_at');
  await releaseFold();

  // Node B's write is refused (the board it held is folded away); Pat's window reconnects, hands
  // over his edit and shows the fresh board: his text stays, and he is told nothing.
  await expect.poll(() => storedEpoch(id), { timeout: 30_000 }).toBe(1);
  await expect.poll(() => nodeB.log(), { timeout: 30_000 }).toContain('was folded afresh by another node');
  await expect.poll(() => connection(pat), { timeout: 30_000 }).toBe('connected');
  expect(await textOf(pat, ids[0])).toBe('Typed at the fold');
  await expect(pat.getByTestId('connection-status')).toHaveText('Live');

  // Carol, through node A, sees his text once on the fresh board; what Pat types next reaches her.
  const carol = await opens(browser, invite(id, 'participant', nodeA));
  await expect.poll(() => textOf(carol, ids[0])).toBe('Typed at the fold');
  expect((await notes(carol)).filter((n) => n.text === 'Typed at the fold')).toHaveLength(1);
  expect(await notes(carol)).toHaveLength(10);
  await retype(pat, ids[1], 'After the fold');
  await expect.poll(() => textOf(carol, ids[1])).toBe('After the fold');
  // Nothing but Live the whole time: no toast, no Offline, no Connecting.
  expect(await told(pat)).toEqual(['status: Live']);
});
