import { test, type Page, type WebSocketRoute } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, board, join, notes, personPage, screenBox, sessionForFile, type TestSession } from './fixtures.js';

const session = sessionForFile('blank');

/** The epoch of the session's stored doc, read from the host's store as it runs (WAL: a reader does not block it). */
function storedEpoch(s: TestSession): number {
  const db = new Database(path.join(s.dataDir, 'brownpaper.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT max(epoch) AS epoch FROM snapshots WHERE session_id = ?').get(s.sessionId) as { epoch: number | null }).epoch ?? 0;
  } finally {
    db.close();
  }
}

const connection = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { connection: string } } }).__brownpaper.ui().connection);
const textOf = async (page: Page, id: string) => (await board(page)).elements[id]?.text;

/** Double-click a note, replace its text, and finish the edit as people do (Ctrl+Enter). */
async function retype(page: Page, id: string, text: string): Promise<void> {
  const b = await screenBox(page, id);
  await page.mouse.dblclick(b.x + b.w / 2, b.y + b.h / 2);
  await expect(page.getByLabel('Note text')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
  await page.keyboard.press('ControlOrMeta+Enter');
}

test('a window offline while the other person leaves and the session is folded afresh: back online it shows and shares what its person typed', async ({ browser }) => {
  test.setTimeout(240_000);
  const alice = await personPage(browser);
  const bob = await personPage(browser);
  // Chromium's offline mode (context.setOffline) stops new connections but leaves an open
  // WebSocket open; a network that drops closes it. So bob's sync socket goes through a route
  // that closes it when he goes offline and refuses new ones until he is back.
  let offline = false;
  const sockets = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  await bob.context().routeWebSocket(/\/sync\//, (ws) => {
    if (offline) return void ws.close();
    const pair = { page: ws, server: ws.connectToServer() };
    sockets.add(pair);
    // The host's close code reaches the page as the host sent it (4409: folded).
    pair.server.onClose((code, reason) => void pair.page.close({ code, reason }));
    pair.page.onClose((code, reason) => void pair.server.close({ code, reason }));
  });
  const goOffline = async () => {
    offline = true;
    await bob.context().setOffline(true);
    for (const { page, server } of sockets) {
      await server.close();
      await page.close();
    }
    sockets.clear();
  };
  const goOnline = async () => {
    offline = false;
    await bob.context().setOffline(false);
  };
  await join(alice, session().invite('facilitator'));
  await join(bob, session().invite('participant'));

  // A long workshop, short: ten notes, each moved forty times (the tombstones a fold drops).
  const ids = await alice.evaluate(() => {
    const bp = (window as unknown as { __brownpaper: { dispatch(name: string, args: unknown): unknown } }).__brownpaper;
    const made = Array.from({ length: 10 }, (_, k) => bp.dispatch('addNote', { x: 240 * k, y: 0, text: `Note ${k}` }) as string);
    for (let i = 1; i <= 40; i++) bp.dispatch('moveElements', { moves: made.map((id, k) => ({ id, x: 240 * (k % 5) + i, y: 200 * Math.floor(k / 5) + i })) });
    return made;
  });
  await expect.poll(async () => (await notes(bob)).length, { timeout: 30_000 }).toBe(10);
  await expect.poll(async () => (await board(bob)).elements[ids[9]].y).toBe(240);

  await test.step('bob goes offline and types on a note', async () => {
    await goOffline();
    await expect.poll(() => connection(bob)).not.toBe('connected');
    await retype(bob, ids[0], 'Typed while offline');
    expect(await textOf(bob, ids[0])).toBe('Typed while offline');
  });

  await test.step('alice leaves: the room unloads and the session is folded to a fresh doc', async () => {
    await alice.close();
    await expect.poll(() => storedEpoch(session()), { timeout: 30_000 }).toBe(1);
  });

  await test.step('bob comes back: his note keeps what he typed, and a newcomer sees it once', async () => {
    await goOnline();
    await expect.poll(() => connection(bob), { timeout: 30_000 }).toBe('connected');
    const carol = await personPage(browser);
    await join(carol, session().invite('participant'));
    await expect.poll(() => textOf(carol, ids[0])).toBe('Typed while offline');
    expect((await notes(carol)).length).toBe(10);
    expect(await textOf(bob, ids[0])).toBe('Typed while offline');
    // The note he was on is still selected: the selection is element ids, the same in the fresh doc.
    expect(await bob.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection)).toEqual([ids[0]]);

    // Bob's window is on the fresh doc now: what he types next reaches carol.
    await expect.poll(() => storedEpoch(session())).toBe(1);
    await retype(bob, ids[1], 'After the fold');
    await expect.poll(() => textOf(carol, ids[1])).toBe('After the fold');
    expect((await notes(bob)).length).toBe(10);
  });
});
