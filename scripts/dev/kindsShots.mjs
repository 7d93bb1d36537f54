// Dev: what the kinds registry answers, as people see it: a step and a text selected together
// and coloured from the selection bar (the step takes it, the text has no colour, nothing is
// refused), and a lane's name being typed, at 1,280 × 800 and 1,920 × 1,080; on a phone
// (390 × 844, touch) a tapped step coloured from its bar. Usage: node scripts/dev/kindsShots.mjs OUTDIR
import { openDevSession, openWindow } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-kinds';
const { page: first, close } = await openDevSession('service-blueprint', 'Claims journey');
const url = first.url();
const browser = first.context().browser();
const hook = (page, f, arg) => page.evaluate(f, arg);
const cellCentre = async (page, lane, stage, dx = 0) => {
  const g = await hook(page, () => window.__brownpaper.grid());
  return hook(page, ([x, y]) => window.__brownpaper.toPage(x, y), [g.stages[stage].start + g.stages[stage].size / 2 + dx, g.lanes[lane].start + g.lanes[lane].size / 2]);
};
const open = (options) => openWindow(browser, url, options);
const centreOf = async (page, id) => {
  const b = await hook(page, (i) => window.__brownpaper.screenBox(i), id);
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
};

for (const [w, h, lane] of [
  [1280, 800, 1],
  [1920, 1080, 2],
]) {
  const page = await open({ viewport: { width: w, height: h } });
  await page.keyboard.press('s');
  const at = await cellCentre(page, lane, 0);
  await page.mouse.click(at.x, at.y);
  await page.keyboard.type(`Checks the claim (${w})`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('t');
  const tat = await cellCentre(page, lane, 1);
  await page.mouse.click(tat.x, tat.y);
  await page.keyboard.type('Why so slow?');
  const paper = await cellCentre(page, lane, 3);
  await page.mouse.click(paper.x, paper.y);
  const els = Object.values(await hook(page, () => window.__brownpaper.board().elements));
  const step = els.find((e) => e.kind === 'step' && e.title.endsWith(`(${w})`));
  const text = els.filter((e) => e.kind === 'text').at(-1);
  const s = await centreOf(page, step.id);
  const t = await centreOf(page, text.id);
  await page.mouse.click(s.x, s.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(t.x, t.y);
  await page.keyboard.up('Shift');
  await page.getByRole('button', { name: 'Colour: pink' }).click();
  await page.screenshot({ path: `${out}/colour-step-and-text-${w}.png` });
  // A lane's name typed in place: the registry says which field the editor writes.
  const g = await hook(page, () => window.__brownpaper.grid());
  const lp = await hook(page, ([x, y]) => window.__brownpaper.toPage(x, y), [-120, g.lanes[0].start + 30]);
  await page.mouse.dblclick(lp.x, lp.y);
  await page.keyboard.type(' (new)');
  await page.screenshot({ path: `${out}/lane-name-${w}.png` });
  await page.keyboard.press('Enter');
  await page.context().close();
}

const phone = await open({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
const step = Object.values(await hook(phone, () => window.__brownpaper.board().elements)).find((e) => e.kind === 'step');
const c = await phone.evaluate((id) => window.__brownpaper.screenBox(id), step.id);
if (c) {
  await phone.touchscreen.tap(c.x + Math.min(c.w, 40) / 2, c.y + Math.min(c.h, 40) / 2);
  await phone.getByRole('button', { name: 'Colour: green' }).tap();
}
await phone.screenshot({ path: `${out}/phone-colour-step.png` });
await close();
