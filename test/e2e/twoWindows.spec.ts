import { test, type Page } from '@playwright/test';
import { expect, board, boardBox, join, notes, screenBox, viewportScale, personPage, sessionForFile } from './fixtures.js';

const session = sessionForFile('service-blueprint');

type Peer = { user: { name: string; color: string }; cursor: { x: number; y: number } | null; selection: string[] };
const peersOf = (page: Page) => page.evaluate(() => Object.values((window as unknown as { __brownpaper: { peers(): Record<string, Peer> } }).__brownpaper.peers()));

// One workshop, as it goes: the facilitator, a participant and a viewer each in a window of their
// own from the start, someone joining late by the code; each path a step, so a failure names it.
// (Each path was a test with windows of its own: ten board loads where four do.)
test('a workshop in three windows: a note made, dragged and retitled; a viewer without tools; names, pointers and selections; a latecomer by code; the timer', async ({ browser }) => {
  // Five paths, one after another: the time of five tests.
  test.setTimeout(300_000);
  const alice = await personPage(browser);
  const bob = await personPage(browser);
  const viewer = await personPage(browser);
  await join(alice, session().invite('facilitator'));
  await join(bob, session().invite('participant'));
  await join(viewer, session().invite('viewer'));

  await test.step('a note added in one window appears in the other, with its text and where it was dragged', async () => {
    // Alice picks the sticky-note tool from the toolbar and clicks on the paper.
    await alice.getByRole('button', { name: 'Sticky note (N)' }).click();
    const canvas = alice.getByTestId('board-canvas');
    const box = (await canvas.boundingBox())!;
    await alice.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(alice.getByLabel('Note text')).toBeFocused();
    await alice.keyboard.type('Why does follow-up take 4 weeks?');
    await alice.keyboard.press('Escape');

    await expect.poll(async () => (await notes(bob)).map((n) => n.text)).toEqual(['Why does follow-up take 4 weeks?']);
    const [note] = await notes(bob);

    // Bob turns snapping off (G) and drags it 300 px right; Alice sees it move.
    await bob.keyboard.press('g');
    const before = await boardBox(alice, note.id);
    const cellBefore = (await board(alice)).elements[note.id];
    const scale = await viewportScale(bob);
    const b = await screenBox(bob, note.id);
    await bob.mouse.move(b.x + b.w / 2, b.y + b.h / 2);
    await bob.mouse.down();
    await bob.mouse.move(b.x + b.w / 2 + 150, b.y + b.h / 2, { steps: 5 });
    await bob.mouse.move(b.x + b.w / 2 + 300, b.y + b.h / 2, { steps: 5 });
    await bob.mouse.up();
    await expect.poll(async () => Math.round((await boardBox(alice, note.id)).x - before.x)).toBe(Math.round(300 / scale));
    expect((await boardBox(alice, note.id)).y).toBe(before.y);
    // Dropped one stage to the right, same lane: the cell is stored in the document.
    const moved = (await board(alice)).elements[note.id];
    expect(moved.laneId).toBe(cellBefore.laneId);
    expect(moved.stageId).not.toBe(cellBefore.stageId);

    // Bob edits the text in place; Alice sees the new text.
    const nb = await screenBox(bob, note.id);
    await bob.mouse.dblclick(nb.x + nb.w / 2, nb.y + nb.h / 2);
    await expect(bob.getByLabel('Note text')).toBeFocused();
    await bob.keyboard.press('ControlOrMeta+a');
    await bob.keyboard.type('Follow-up: 4 weeks → 2 days');
    await bob.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(async () => (await board(alice)).elements[note.id].text).toBe('Follow-up: 4 weeks → 2 days');
  });

  await test.step('a viewer sees edits live but has no editing tools', async () => {
    await expect(viewer.getByRole('button', { name: 'Sticky note (N)' })).toHaveCount(0);
    await expect(viewer.getByText('viewer', { exact: true })).toBeVisible();

    // A double-click in the map's grid makes a step there; the viewer sees it with its title.
    const steps = async () => Object.values((await board(viewer)).elements).filter((e) => e.kind === 'step');
    const count = (await steps()).length;
    const box = (await bob.getByTestId('board-canvas').boundingBox())!;
    await bob.mouse.dblclick(box.x + box.width * 0.35, box.y + box.height * 0.7);
    await expect(bob.getByLabel('Step title')).toBeFocused();
    await bob.keyboard.type('Seen by the big screen');
    await bob.keyboard.press('Escape');
    await expect.poll(async () => (await steps()).map((n) => n.title)).toContain('Seen by the big screen');
    expect((await steps()).length).toBe(count + 1);
  });

  await test.step('people see each other: names, pointers and selections', async () => {
    await bob.getByRole('button', { name: /^Your name: .*\. Change$/ }).click();
    await bob.getByLabel('Your name').fill('Bob');
    await bob.getByLabel('Your name').press('Enter');
    await expect.poll(async () => (await peersOf(viewer)).map((p) => p.user.name)).toContain('Bob');
    await expect(viewer.getByRole('listitem', { name: 'Bob' })).toBeVisible();

    const box = (await bob.getByTestId('board-canvas').boundingBox())!;
    await bob.mouse.move(box.x + 400, box.y + 300);
    await bob.mouse.move(box.x + 420, box.y + 310);
    await expect.poll(async () => (await peersOf(viewer)).find((p) => p.user.name === 'Bob')?.cursor !== null).toBe(true);

    const [note] = await notes(bob);
    const nb = await screenBox(bob, note.id);
    await bob.mouse.click(nb.x + nb.w / 2, nb.y + nb.h / 2);
    await expect.poll(async () => (await peersOf(viewer)).find((p) => p.user.name === 'Bob')?.selection).toEqual([note.id]);
  });

  await test.step('a participant joins by the code on the big screen', async () => {
    await alice.getByRole('button', { name: 'Invite' }).click();
    const code = (await alice.getByTestId('participant-code').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    await alice.getByRole('button', { name: 'Close', exact: true }).click();

    // Someone who types just the host's address gets the code form too.
    const guest = await personPage(browser);
    await guest.goto(`${session().host.url}/`);
    await expect(guest.getByRole('heading', { name: 'Join a workshop' })).toBeVisible();
    await guest.getByLabel('Your name').fill('Gus');
    await guest.getByLabel('Code from the big screen').fill(code.toLowerCase());
    await guest.getByRole('button', { name: 'Join' }).click();
    await expect(guest.getByTestId('connection-status')).toHaveText('Live');
    await expect(guest.getByText('participant', { exact: true })).toBeVisible();
    await expect(guest.getByRole('button', { name: 'Sticky note (N)' })).toBeVisible();
    await expect(guest.getByRole('button', { name: 'Your name: Gus. Change' })).toBeVisible();
  });

  await test.step('the facilitator starts the timer; everyone sees it count down', async () => {
    await expect(bob.getByTestId('timer')).toHaveCount(0);
    await alice.getByRole('button', { name: 'Start the timer' }).click();
    await alice.getByRole('menuitem', { name: '3 min', exact: true }).click();
    await expect(bob.getByTestId('timer')).toContainText(/^(3:00|2:5\d)/);
    await alice.getByRole('button', { name: 'Pause' }).click();
    await alice.getByRole('button', { name: '+1 min' }).click();
    await expect(bob.getByTestId('timer')).toContainText(/^(4:00|3:5\d)/);
    await alice.getByRole('button', { name: 'Stop the timer' }).click();
    await expect(bob.getByTestId('timer')).toHaveCount(0);
  });
});

test('a link without a valid token is refused with a message', async ({ page }) => {
  await page.goto(`${session().host.url}/s/${session().sessionId}#token=${'x'.repeat(43)}`);
  await expect(page.getByRole('alert')).toContainText('not valid');
  await page.goto(`${session().host.url}/s/${session().sessionId}`);
  await expect(page.getByRole('alert')).toContainText('no access key');
});

// In a session of its own: the facilitator's view is followed from a clean room.
test.describe('following', () => {
  const own = sessionForFile('service-blueprint');

  test('follow someone, break away by moving, and "bring everyone here"', async ({ browser }) => {
    const fran = await personPage(browser);
    const pat = await personPage(browser);
    await join(fran, own().invite('facilitator'));
    await join(pat, own().invite('participant'));
    await fran.getByRole('button', { name: /^Your name: .*\. Change$/ }).click();
    await fran.getByLabel('Your name').fill('Fran');
    await fran.getByLabel('Your name').press('Enter');
    await expect(fran.getByRole('button', { name: 'Your name: Fran. Change' })).toBeVisible();
    type Peer = { user: { name: string } };
    await expect
      .poll(() => pat.evaluate(() => Object.values((window as unknown as { __brownpaper: { peers(): Record<string, Peer> } }).__brownpaper.peers()).map((p) => p.user.name)))
      .toContain('Fran');
    const viewport = (page: typeof pat) => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { viewport: { x: number; y: number; scale: number } } } }).__brownpaper.ui().viewport);

    await pat.getByRole('button', { name: 'Fran: options' }).click();
    await pat.getByRole('menuitem', { name: 'Follow Fran' }).click();
    await expect(pat.getByTestId('following')).toContainText('Following Fran');
    const before = await viewport(pat);
    const canvas = (await fran.getByTestId('board-canvas').boundingBox())!;
    await fran.mouse.move(canvas.x + 600, canvas.y + 300);
    await fran.mouse.wheel(400, 0);
    await expect.poll(async () => Math.round((await viewport(pat)).x - before.x)).toBeLessThan(-100);

    // Pat moves the view himself: he breaks away.
    const pc = (await pat.getByTestId('board-canvas').boundingBox())!;
    await pat.mouse.move(pc.x + 600, pc.y + 300);
    await pat.mouse.wheel(0, 200);
    await expect(pat.getByTestId('following')).toHaveCount(0);

    await fran.getByRole('button', { name: 'Facilitate ▾' }).click();
    await fran.getByRole('menuitem', { name: 'Bring everyone here' }).click();
    await expect(pat.getByTestId('following')).toContainText('Following Fran');
  });
});
