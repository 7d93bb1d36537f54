// Dev: the gaps of time on the map — the sample board zoomed to fit at a desk (the ladder clear of
// the minimap and the zoom bar), on the projector's big screen (the ladder on the screen), heat by
// waiting time far out, the header's missing indicator (and in More at 1,024 px), on a phone. Run from the repository root
// after `npm run build`; PNGs go to /tmp/shots-time16/ (or the folder given).
import { mkdirSync } from 'node:fs';
import { openDevSession } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-time16';
mkdirSync(out, { recursive: true });
const { page, close } = await openDevSession('sample-info-request', 'Product information request');
await page
  .getByRole('button', { name: 'Skip' })
  .click()
  .catch(() => {});
const shots = [];
const shot = async (name) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/${name}.png` });
  shots.push(name);
};

await page.setViewportSize({ width: 1280, height: 800 });
await page.keyboard.press('Shift+1');
await shot('desk-fit');
// The header's one missing indicator, opened; then at 1,024 px, in More.
await page.getByTestId('missing').click();
await shot('desk-missing-open');
await page.keyboard.press('Escape');
await page.setViewportSize({ width: 1024, height: 768 });
await page.getByRole('button', { name: 'More' }).click();
await shot('laptop-more');
await page.keyboard.press('Escape');
await page.setViewportSize({ width: 1280, height: 800 });
await page.keyboard.press('Shift+1');
// The export dialog with the to-be picked in the header: its Scenario starts there.
await page.getByLabel('Scenario shown').selectOption({ index: 1 });
await page.keyboard.press('Control+e');
await page.getByRole('dialog', { name: 'Export' }).getByLabel('Format').selectOption('svg');
await shot('desk-export-scenario');
await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Cancel' }).click();
await page.getByLabel('Scenario shown').selectOption({ index: 0 });
await page.keyboard.press('W');
await page.keyboard.press('-');
await page.keyboard.press('-');
await page.keyboard.press('-');
await shot('desk-heat-wait-far');
await page.keyboard.press('W');
await page.setViewportSize({ width: 1920, height: 1080 });
await page.keyboard.press('Shift+1');
await shot('projector-desk-fit');
await page.keyboard.press('B');
await shot('projector-bigscreen');
await page.keyboard.press('B');
await page.setViewportSize({ width: 390, height: 844 });
await page.keyboard.press('Shift+1');
await shot('phone');
console.log(shots.map((s) => `${out}/${s}.png`).join('\n'));
await close();
