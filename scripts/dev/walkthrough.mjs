// Dev: map the sample board's first steps on a fresh service blueprint as a new user would, screenshotting each moment.
//   node scripts/dev/walkthrough.mjs <outdir>
import { mkdirSync } from 'node:fs';
import { openDevSession } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/walk';
mkdirSync(out, { recursive: true });
const { page, close } = await openDevSession('service-blueprint', 'Product information request');
const hook = (fn, ...a) => page.evaluate(([fn, a]) => window.__brownpaper[fn](...a), [fn, a]);
let n = 0;
const shot = async (name) => {
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${out}/${String(++n).padStart(2, '0')}-${name}.png` });
};
await shot('start');
const g = await hook('grid');
const cell = async (lane, stage) => hook('toPage', g.stages[stage].start + g.stages[stage].size / 2, g.lanes[lane].start + g.lanes[lane].size / 2);
let p = await cell(1, 0);
await page.mouse.dblclick(p.x, p.y);
await page.keyboard.type('Fills in web form');
await shot('typing-first');
await page.keyboard.press('Tab');
await shot('after-tab');
await page.keyboard.type('Waits, then calls');
await page.keyboard.press('Shift+Tab');
await page.keyboard.type('Answers “where is my info?”');
await page.keyboard.press('Enter');
await shot('selected-with-handles');
// Rename the stages by double-clicking their headers.
for (const [i, name] of ['Ask', 'Wait', 'Follow-up', 'Decide'].entries()) {
  const q = await hook('toPage', g.stages[i].start + 40, -30);
  await page.mouse.dblclick(q.x, q.y);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}
await shot('stages-renamed');
// Costs on the call step: select it, open details.
const steps = Object.values((await hook('board')).elements).filter((e) => e.kind === 'step');
const call = steps.find((s) => s.title.startsWith('Answers'));
let b = await hook('screenBox', call.id);
await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
await page.getByRole('button', { name: 'Flag: Pain point' }).click();
await page.getByLabel('Value class').selectOption('waste');
await page.getByRole('button', { name: 'Step details (I)' }).click();
const inspector = page.getByRole('complementary', { name: 'Step inspector' });
await inspector.getByLabel('Volume').fill('100,000');
await inspector.getByLabel('Volume').press('Enter');
await inspector.getByLabel('Unit cost').fill('6');
await inspector.getByLabel('Unit cost').press('Enter');
await shot('inspector');
await page.keyboard.press('Escape');
await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
await shot('dashboard');
await page.keyboard.press('?');
await shot('help');
await page.keyboard.press('?');
await page
  .getByRole('button', { name: 'Close cost dashboard' })
  .click()
  .catch(() => {});
const btn = await page.getByRole('button', { name: 'Process step (S)' }).boundingBox();
await page.mouse.move(btn.x + 20, btn.y + 20);
await page.mouse.down();
p = await cell(3, 2);
await page.mouse.move(p.x, p.y, { steps: 8 });
await shot('dragging-step-from-toolbar');
await page.mouse.up();
await page.keyboard.type('Qualifies lead');
await page.keyboard.press('Enter');
await shot('dropped');
b = await hook('screenBox', call.id);
await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2, { button: 'right' });
await shot('context-menu');
await close();
