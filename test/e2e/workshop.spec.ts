import { test, type Page } from '@playwright/test';
import { expect, board, clickBoard, grid, join, personPage, screenBox, sessionForFile, type ElementSnapshot } from './fixtures.js';

// One workshop, three people in three browser contexts: the facilitator on her laptop, a
// participant who joins by code, and the big screen joined as a viewer.
const session = sessionForFile('sample-info-request');

type Hook = {
  peers(): Record<string, { user: { name: string }; cursor: { x: number; y: number } | null }>;
  self(): number;
  ui(): { following: number | null; viewport: { x: number; y: number; scale: number } };
  myVotes(): { roundId: string | null; dots: string[] };
};
const hook = <T>(page: Page, fn: (h: Hook) => T) => page.evaluate(fn as never) as Promise<T>;
const peerNames = (page: Page) => page.evaluate(() => Object.values((window as unknown as { __brownpaper: Hook }).__brownpaper.peers()).map((p) => p.user.name));

async function rename(page: Page, name: string) {
  // On a crowded header (money, lead time, timer) the name is one click away in "More", as a person finds it.
  const yours = page.getByRole('button', { name: /^Your name: .*\. Change$/ });
  // The header measures itself once its figures are in and may tuck the name away just then: a
  // person who misses it looks again (in "More" if it went there).
  await expect(async () => {
    if (!(await yours.isVisible())) await page.getByRole('button', { name: /^More/ }).click();
    await yours.click({ timeout: 2_000 });
    await expect(page.getByLabel('Your name')).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your name').press('Enter');
}

async function joinByCode(page: Page, url: string, code: string, name: string) {
  await page.goto(`${url}/join`);
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Code from the big screen').fill(code);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
}

async function clickCard(page: Page, id: string, shift = false) {
  const b = await screenBox(page, id);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
  if (shift) await page.keyboard.up('Shift');
}

test('facilitator, participant and big screen: join by code, cursors, present, timer, a dot vote from start to reveal', async ({ browser }) => {
  // Three people, a presentation, a timer and a whole vote: longer than the default minute when the machine is busy.
  test.setTimeout(180_000);
  const fran = await personPage(browser);
  await join(fran, session().invite('facilitator'));
  await rename(fran, 'Fran');
  await fran.getByRole('button', { name: 'Invite' }).click();
  const participantCode = (await fran.getByTestId('participant-code').textContent())!.trim();
  const viewerCode = (await fran.getByTestId('viewer-code').textContent())!.trim();
  await fran.getByRole('button', { name: 'Close' }).click();

  const pat = await personPage(browser);
  const wall = await personPage(browser);
  // The big screen is a projector.
  await wall.setViewportSize({ width: 1920, height: 1080 });
  await joinByCode(pat, session().host.url, participantCode, 'Pat');
  await joinByCode(wall, session().host.url, viewerCode, 'Big screen');
  await expect(wall.getByText('viewer', { exact: true })).toBeVisible();
  await expect.poll(() => peerNames(fran)).toEqual(expect.arrayContaining(['Pat']));
  await expect.poll(() => peerNames(wall)).toEqual(expect.arrayContaining(['Fran', 'Pat']));

  // Cursors: Pat's pointer shows on the big screen.
  const pc = (await pat.getByTestId('board-canvas').boundingBox())!;
  await pat.mouse.move(pc.x + 500, pc.y + 300);
  await pat.mouse.move(pc.x + 520, pc.y + 320);
  await expect.poll(() => wall.evaluate(() => Object.values((window as unknown as { __brownpaper: Hook }).__brownpaper.peers()).find((p) => p.user.name === 'Pat')?.cursor ?? null)).not.toBeNull();

  // Present: the big screen follows Fran, frame to frame.
  const franId = await hook(fran, (_h) => (window as unknown as { __brownpaper: Hook }).__brownpaper.self());
  await fran.getByRole('button', { name: 'Facilitate ▾' }).click();
  await fran.getByRole('menuitem', { name: /^Present/ }).click();
  await expect.poll(() => wall.evaluate(() => (window as unknown as { __brownpaper: Hook }).__brownpaper.ui().following)).toBe(franId);
  await fran.getByTestId('board-canvas').click({ position: { x: 5, y: 5 } });
  await fran.keyboard.press('Shift+1');
  const zoomed = async (page: Page) => (await page.evaluate(() => (window as unknown as { __brownpaper: Hook }).__brownpaper.ui().viewport)).scale;
  const before = await zoomed(wall);
  await fran.keyboard.press('+');
  await fran.keyboard.press('+');
  await expect.poll(async () => (await zoomed(wall)) / before).toBeGreaterThan(1.4);
  // Pat was not following anyone: he keeps his own view.
  expect(await pat.evaluate(() => (window as unknown as { __brownpaper: Hook }).__brownpaper.ui().following)).toBeNull();
  await fran.getByRole('button', { name: 'Facilitate ▾' }).click();
  await fran.getByRole('menuitem', { name: 'Stop presenting' }).click();
  await expect.poll(() => wall.evaluate(() => (window as unknown as { __brownpaper: Hook }).__brownpaper.ui().following)).toBeNull();

  // The grid is locked for the rest of the workshop (the host's refusal is tested in test/host/roles.test.ts).
  await fran.getByRole('button', { name: 'Facilitate ▾' }).click();
  await fran.getByRole('menuitem', { name: /^Lock the grid/ }).click();
  await expect(pat.getByTestId('grid-locked')).toBeVisible();
  // Pat tries to rename a lane anyway: his window refuses (the host would), and says why.
  const [lane] = (await grid(pat)).lanes;
  await clickBoard(pat, -90, lane.start + 20, { clickCount: 2 });
  await pat.keyboard.press('ControlOrMeta+a');
  await pat.keyboard.type('Renamed by Pat');
  await pat.keyboard.press('Enter');
  await expect(pat.getByRole('alert')).toContainText('locked the grid');
  expect((await grid(pat)).lanes[0].name).toBe(lane.name);

  // Timer for the voting round, seen on the big screen.
  await fran.getByRole('button', { name: 'Start the timer' }).click();
  await fran.getByRole('menuitem', { name: '3 min', exact: true }).click();
  await expect(wall.getByTestId('timer')).toContainText(/^(3:00|2:5\d)/);

  // A dot vote on the whole board's steps, two dots each.
  await fran.keyboard.press('Shift+1');
  await pat.keyboard.press('Shift+1');
  await fran.getByRole('button', { name: 'Facilitate ▾' }).click();
  await fran.getByRole('menuitem', { name: 'Start a dot vote…' }).click();
  await fran.getByLabel('Vote on').selectOption({ label: 'The whole board' });
  await fran.getByLabel('Dots per person').fill('2');
  await fran.getByRole('button', { name: 'Start voting' }).click();
  await expect(pat.getByTestId('dots-left')).toContainText('2 of 2 dots left');
  await expect(wall.getByTestId('vote-bar')).toBeVisible();
  await expect(wall.getByTestId('dots-left')).toHaveCount(0);

  const steps = Object.values((await board(pat)).elements).filter((e): e is ElementSnapshot => e.kind === 'step');
  const [a, b] = steps;
  await clickCard(pat, a.id);
  await expect(pat.getByTestId('dots-left')).toContainText('1 of 2 dots left');
  await clickCard(pat, b.id);
  await expect(pat.getByTestId('dots-left')).toContainText('0 of 2 dots left');
  await clickCard(pat, a.id);
  await expect(pat.getByRole('alert')).toContainText('placed all 2 of your dots');
  await clickCard(pat, b.id, true);
  await clickCard(pat, a.id);
  await expect.poll(() => hook(pat, () => (window as unknown as { __brownpaper: Hook }).__brownpaper.myVotes().dots)).toEqual([a.id, a.id]);
  await clickCard(fran, b.id);
  await expect(wall.getByTestId('vote-bar')).toContainText('3 dots from 2 people');
  // Hidden until the reveal: nobody's board has the counts.
  const tallyOn = (page: Page) => board(page).then((s) => (s as unknown as { rounds: { tally: Record<string, number> }[] }).rounds.at(-1)?.tally);
  expect(await tallyOn(wall)).toEqual({});

  await fran.getByRole('button', { name: 'Reveal votes' }).click();
  await expect.poll(() => tallyOn(wall)).toEqual({ [a.id]: 2, [b.id]: 1 });
  await expect(pat.getByTestId('vote-bar')).toContainText('Results');
  await fran.getByRole('button', { name: 'Ranking' }).click();
  const rows = fran.getByRole('table', { name: /^Ranking/ }).getByRole('row');
  await expect(rows.nth(1)).toContainText(a.title as string);
  await expect(rows.nth(1)).toContainText('2');
  await expect(rows.nth(2)).toContainText(b.title as string);
  // The cost dashboard puts the same ranking beside its money figures.
  await fran.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  await expect(fran.getByRole('region', { name: 'Votes vs money at stake' }).getByRole('row').nth(1)).toContainText(a.title as string);
  // Done: the bar goes for everyone; the results stay in the dashboard.
  await fran.getByRole('button', { name: 'Done' }).click();
  await expect(pat.getByTestId('vote-bar')).toHaveCount(0);
  await expect(fran.getByRole('region', { name: 'Votes vs money at stake' }).getByRole('row').nth(1)).toContainText(a.title as string);
});
