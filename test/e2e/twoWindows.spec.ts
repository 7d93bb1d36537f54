import { expect, test } from '@playwright/test';
import { board, boardBox, join, notes, screenBox, viewportScale, personPage, sessionForFile } from './fixtures.js';

const session = sessionForFile('service-blueprint');

test('a note added in one window appears in the other, with its text and where it was dragged', async ({ browser }) => {
  const alice = await personPage(browser);
  const bob = await personPage(browser);
  await join(alice, session().invite('facilitator'));
  await join(bob, session().invite('participant'));

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

test('a viewer sees edits live but has no editing tools', async ({ browser }) => {
  const viewer = await personPage(browser);
  const editor = await personPage(browser);
  await join(viewer, session().invite('viewer'));
  await join(editor, session().invite('participant'));
  await expect(viewer.getByRole('button', { name: 'Sticky note (N)' })).toHaveCount(0);
  await expect(viewer.getByText('viewer', { exact: true })).toBeVisible();

  // A double-click in the map's grid makes a step there; the viewer sees it with its title.
  const steps = async () => Object.values((await board(viewer)).elements).filter((e) => e.kind === 'step');
  const count = (await steps()).length;
  const box = (await editor.getByTestId('board-canvas').boundingBox())!;
  await editor.mouse.dblclick(box.x + box.width * 0.35, box.y + box.height * 0.7);
  await expect(editor.getByLabel('Step title')).toBeFocused();
  await editor.keyboard.type('Seen by the big screen');
  await editor.keyboard.press('Escape');
  await expect.poll(async () => (await steps()).map((n) => n.title)).toContain('Seen by the big screen');
  expect((await steps()).length).toBe(count + 1);
});

test('a link without a valid token is refused with a message', async ({ page }) => {
  await page.goto(`${session().host.url}/s/${session().sessionId}#token=${'x'.repeat(43)}`);
  await expect(page.getByRole('alert')).toContainText('not valid');
  await page.goto(`${session().host.url}/s/${session().sessionId}`);
  await expect(page.getByRole('alert')).toContainText('no access key');
});

test('people see each other: names, pointers and selections', async ({ browser }) => {
  const alice = await personPage(browser);
  const bob = await personPage(browser);
  await join(alice, session().invite('participant'));
  await join(bob, session().invite('viewer'));
  type Peer = { user: { name: string; color: string }; cursor: { x: number; y: number } | null; selection: string[] };
  const peersOf = (page: typeof bob) => page.evaluate(() => Object.values((window as unknown as { __brownpaper: { peers(): Record<string, Peer> } }).__brownpaper.peers()));

  await alice.getByRole('button', { name: /^Your name: .*\. Change$/ }).click();
  await alice.getByLabel('Your name').fill('Alice');
  await alice.getByLabel('Your name').press('Enter');
  await expect.poll(async () => (await peersOf(bob)).map((p) => p.user.name)).toContain('Alice');
  await expect(bob.getByRole('listitem', { name: 'Alice' })).toBeVisible();

  const box = (await alice.getByTestId('board-canvas').boundingBox())!;
  await alice.mouse.move(box.x + 400, box.y + 300);
  await alice.mouse.move(box.x + 420, box.y + 310);
  await expect.poll(async () => (await peersOf(bob)).find((p) => p.user.name === 'Alice')?.cursor !== null).toBe(true);

  const [note] = await notes(alice);
  const nb = await screenBox(alice, note.id);
  await alice.mouse.click(nb.x + nb.w / 2, nb.y + nb.h / 2);
  await expect.poll(async () => (await peersOf(bob)).find((p) => p.user.name === 'Alice')?.selection).toEqual([note.id]);
});

test('a participant joins by the code on the big screen', async ({ browser }) => {
  const facilitator = await personPage(browser);
  await join(facilitator, session().invite('facilitator'));
  await facilitator.getByRole('button', { name: 'Invite' }).click();
  const code = (await facilitator.getByTestId('participant-code').textContent())!.trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);

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

test('the facilitator starts the timer; everyone sees it count down', async ({ browser }) => {
  const facilitator = await personPage(browser);
  const participant = await personPage(browser);
  await join(facilitator, session().invite('facilitator'));
  await join(participant, session().invite('participant'));
  await expect(participant.getByTestId('timer')).toHaveCount(0);
  await facilitator.getByLabel('Start the timer').selectOption('3');
  await expect(participant.getByTestId('timer')).toContainText(/^(3:00|2:5\d)/);
  await facilitator.getByRole('button', { name: 'Pause' }).click();
  await facilitator.getByRole('button', { name: '+1 min' }).click();
  await expect(participant.getByTestId('timer')).toContainText(/^(4:00|3:5\d)/);
  await facilitator.getByRole('button', { name: 'Stop the timer' }).click();
  await expect(participant.getByTestId('timer')).toHaveCount(0);
});

// On a host of its own: the facilitator's view is followed from a clean room.
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
