import { test } from '@playwright/test';
import { cliHereJson } from '../helpers/cliHere.js';
import { expect, join, personPage, sessionForFile } from './fixtures.js';

// The window the desktop app puts on the projector (electron/main.ts opens the board's viewer
// link with &view=projector, full screen on the second display). Here the same page in a
// 1,920 × 1,080 browser window beside the facilitator's.
const session = sessionForFile('sample-info-request');
type Hook = { ui(): { bigScreen: boolean; following: number | null; viewport: { scale: number } }; self(): number; peers(): Record<string, { user: { name: string } }> };

test('the projector window opens on the big screen, asks no name, shows no tools and follows whoever presents', async ({ browser }) => {
  const s = session();
  const fran = await personPage(browser);
  await join(fran, s.invite('facilitator'));
  const wall = await personPage(browser);
  await wall.setViewportSize({ width: 1920, height: 1080 });
  const viewer = cliHereJson<{ url: string }>('invite', s.sessionId, '--data', s.dataDir, '--role', 'viewer').url;
  await join(wall, `${viewer}&view=projector`);

  const ui = () => wall.evaluate(() => (window as unknown as { __brownpaper: Hook }).__brownpaper.ui());
  expect((await ui()).bigScreen).toBe(true);
  await expect(wall.locator('.board-screen.big-screen')).toBeVisible();
  await expect(wall.getByText('What should the others call you?')).toHaveCount(0);
  await expect(fran.getByRole('navigation', { name: 'Tools' })).toBeVisible(); // the facilitator keeps the tools…
  await expect(wall.getByRole('navigation', { name: 'Tools' })).toBeHidden(); // …the projector shows none
  // the facilitator sees it in the room as "Projector"
  await expect.poll(() => fran.evaluate(() => Object.values((window as unknown as { __brownpaper: Hook }).__brownpaper.peers()).map((p) => p.user.name))).toContain('Projector');

  const franId = await fran.evaluate(() => (window as unknown as { __brownpaper: Hook }).__brownpaper.self());
  await fran.getByRole('button', { name: 'Facilitate ▾' }).click();
  await fran.getByRole('menuitem', { name: /^Present/ }).click();
  await expect.poll(async () => (await ui()).following).toBe(franId);
});
