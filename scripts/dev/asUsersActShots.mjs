// Dev: the header, the big screen and the vote bar as people meet them, as screenshots.
//   node scripts/dev/asUsersActShots.mjs <out dir>
// A 200-character session title with a timer running and five people here, at a laptop's
// 1,024 and 1,280 px, a projector's 1,920 × 1,080 and a phone's 390 × 844; the sample board on
// the big screen; a dot vote running.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDevSession } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-header';
mkdirSync(out, { recursive: true });
const longTitle =
  'Information request from a citizen, from the first phone call to the letter that answers it, with every hand-over between the front office, the back office and the archive in between'
    .padEnd(200, '.')
    .slice(0, 200);
const session = await openDevSession('sample-info-request', longTitle);
const { page, browser } = session;
const shot = (name) => page.screenshot({ path: path.join(out, `${name}.png`) });

// Four colleagues join, each in a window of their own.
for (const name of ['Ana Silva', 'Bram de Vries', 'Chen Wei', 'Dora Kovács']) {
  const p = await (await browser.newContext()).newPage();
  await p.addInitScript((n) => localStorage.setItem('brownpaper.name', n), name);
  await p.goto(session.invite('participant'));
  await p.waitForFunction(() => window.__brownpaper?.ui().synced);
}
await page.waitForFunction(() => Object.keys(window.__brownpaper.peers()).length >= 4);
await page.getByLabel('Start the timer').selectOption('10');

for (const [w, h] of [
  [1024, 768],
  [1280, 800],
  [1600, 900],
  [1920, 1080],
]) {
  await page.setViewportSize({ width: w, height: h });
  await shot(`header-${w}`);
}
await page.setViewportSize({ width: 390, height: 844 });
await shot('header-phone-390');
const more = page.getByRole('button', { name: /more/i });
if (await more.count()) {
  await more.click();
  await shot('header-phone-390-menu');
  await page.keyboard.press('Escape');
}

await page.setViewportSize({ width: 1920, height: 1080 });
await page.getByLabel('Scenario shown').selectOption({ label: 'To-be: brochure in 2 days' });
await page.keyboard.press('b');
await page.waitForTimeout(300); // the zoom settles in a frame or two
await shot('bigscreen-1920');
await page.keyboard.press('d');
await shot('bigscreen-1920-dashboard');
await page.keyboard.press('d');
await page.keyboard.press('b');
await page.getByLabel('Scenario shown').selectOption({ label: 'As-is' });

// Renaming in place: click the title, type, click the empty paper.
await page.setViewportSize({ width: 1280, height: 800 });
await page.getByRole('button', { name: /^Session title/ }).click();
await page.getByLabel('Session title').fill('Information request, as it is');
await shot('rename-typing-1280');
await page.getByTestId('board-canvas').click({ position: { x: 120, y: 560 } });
await shot('rename-done-1280');
await page.getByRole('button', { name: /Facilitate/ }).click();
await page.getByRole('menuitem', { name: 'Start a dot vote…' }).click();
await page.getByRole('button', { name: 'Start voting' }).click();
await page.getByTestId('vote-bar').waitFor();
await shot('vote-1280');
await page.setViewportSize({ width: 1024, height: 768 });
await shot('vote-1024');
await page.setViewportSize({ width: 1920, height: 1080 });
await page.keyboard.press('b');
await page.waitForTimeout(300);
await shot('vote-bigscreen-1920');
await session.close();
console.log(`screenshots in ${out}`);
