// Dev: figures as people type them — a refused figure in the inspector, a to-be's minutes, and
// the dashboard following the scenario picked in the header — at 1,280 × 800, on a projector
// (1,920 × 1,080, big-screen dashboard) and on a phone (390 × 844). PNGs in /tmp/shots-figures/.
import { mkdirSync } from 'node:fs';
import { openDevSession } from './devSession.mjs';

const out = '/tmp/shots-figures';
mkdirSync(out, { recursive: true });
const { page, close } = await openDevSession('sample-info-request', 'Info request');
const shot = (name) => page.screenshot({ path: `${out}/${name}.png` });
const inspector = page.getByRole('complementary', { name: 'Step inspector' });

async function details(title) {
  const id = await page.evaluate((t) => Object.values(window.__brownpaper.board().elements).find((e) => e.kind === 'step' && e.title === t).id, title);
  const b = await page.evaluate((i) => window.__brownpaper.screenBox(i), id);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
  if (!(await inspector.isVisible())) await page.keyboard.press('i');
  await inspector.waitFor();
}

for (const [w, h, tag] of [
  [1280, 800, 'laptop'],
  [390, 844, 'phone'],
]) {
  await page.setViewportSize({ width: w, height: h });
  await page.keyboard.press('Shift+1');
  await details('Sales call');
  await inspector.getByLabel('Volume').fill('lots');
  await inspector.getByLabel('Volume').press('Enter');
  await inspector.getByRole('alert').waitFor();
  await shot(`${tag}-refused-in-field`);
  await inspector.getByLabel('Owner').click();
  await shot(`${tag}-refused-after-leaving`);
  await page.keyboard.press('Escape');
  await inspector.getByLabel('Owner').blur();
}

// A German board: figures read and shown as a German writes them.
await page.setViewportSize({ width: 1280, height: 800 });
await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
await page.getByRole('group', { name: 'Board settings' }).getByLabel('Currency').selectOption('EUR');
await page.getByRole('group', { name: 'Board settings' }).getByLabel('Number format').selectOption('de-DE');
await page.getByRole('button', { name: 'Close dashboard' }).click();
await details('Sales call');
await inspector.getByLabel('Unit cost').fill('1.234,50');
await inspector.getByLabel('Unit cost').press('Enter');
await inspector.getByLabel('Fixed cost').fill('12.50');
await inspector.getByLabel('Fixed cost').press('Enter');
await inspector.getByRole('alert').scrollIntoViewIfNeeded();
await shot('laptop-de-DE');
await inspector.getByLabel('Fixed cost').fill('');
await inspector.getByLabel('Fixed cost').press('Enter');

// A to-be's minutes for a minutes × rate step.
await inspector.getByLabel('Cost of one occurrence').selectOption('time');
await inspector.getByLabel('Minutes').fill('15');
await inspector.getByLabel('Hourly rate').fill('60');
await inspector.getByLabel('Hourly rate').press('Enter');
await page.getByLabel('Scenario shown').selectOption({ label: 'To-be: brochure in 2 days' });
await inspector.getByLabel('Scenario minutes').fill('2');
await inspector.getByLabel('Scenario minutes').press('Enter');
await inspector.getByLabel('Scenario minutes').scrollIntoViewIfNeeded();
await shot('laptop-scenario-minutes');

// The dashboard with the to-be chosen: side panel, big screen on a projector, phone.
await page.mouse.click(5, 400);
await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
await shot('laptop-dashboard-to-be');
await page.setViewportSize({ width: 1920, height: 1080 });
await page.getByRole('complementary', { name: 'Cost dashboard' }).getByRole('button', { name: 'Big screen' }).click();
await shot('projector-dashboard-to-be');
await page.getByRole('complementary', { name: 'Cost dashboard' }).getByRole('button', { name: 'Side panel' }).click();
await page.setViewportSize({ width: 390, height: 844 });
await shot('phone-dashboard-to-be');
await close();
