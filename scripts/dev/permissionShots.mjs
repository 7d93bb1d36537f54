// Dev: what a participant sees of the facilitator's rules, as screenshots — the grid locked,
// a colleague's note deleted from every window, a locked note that stays.
//   node scripts/dev/permissionShots.mjs /tmp/shots-permissions
import { mkdirSync } from 'node:fs';
import { openDevSession } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-permissions';
mkdirSync(out, { recursive: true });
const s = await openDevSession('service-blueprint', 'Claims: from first call to payment');
const fran = s.page;
await fran.setViewportSize({ width: 1920, height: 1080 });
const person = async (viewport, touch = false) => {
  const ctx = await s.browser.newContext({ viewport, hasTouch: touch, isMobile: touch });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(s.invite('participant'));
  await page.waitForFunction(() => window.__brownpaper?.ui().synced);
  return page;
};
const pat = await person({ width: 1280, height: 800 });
const phone = await person({ width: 390, height: 844 }, true);

const addNote = async (page, text, fx, fy) => {
  await page.getByRole('button', { name: 'Sticky note (N)' }).click();
  const box = await page.getByTestId('board-canvas').boundingBox();
  await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  await page.keyboard.type(text);
  await page.mouse.click(box.x + 8, box.y + box.height - 8);
};
const notes = (page) => page.evaluate(() => Object.values(window.__brownpaper.board().elements).filter((e) => e.kind === 'note'));
const click = async (page, id) => {
  const b = await page.evaluate((i) => window.__brownpaper.screenBox(i), id);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
};

await addNote(fran, 'Why does legal read it twice?', 0.45, 0.45);
await addNote(fran, 'Agreed: one review', 0.6, 0.35);
await pat.waitForFunction(() => Object.values(window.__brownpaper.board().elements).filter((e) => e.kind === 'note').length === 2);
const [legal, agreed] = (await notes(fran)).sort((a, b) => a.text.localeCompare(b.text)).reverse();

// Fran locks "Agreed" and the grid.
await click(fran, agreed.id);
await fran.keyboard.press('Control+Shift+L');
await fran.getByRole('button', { name: 'Facilitate ▾' }).click();
await fran.getByRole('menuitem', { name: /^Lock the grid/ }).click();
await pat.getByTestId('grid-locked').waitFor();

// Pat deletes "legal": gone from every window.
await click(pat, legal.id);
await pat.keyboard.press('Delete');
await fran.waitForFunction((id) => !window.__brownpaper.board().elements[id], legal.id);
// Pat tries to rename a lane: his window says why.
const lane = (await pat.evaluate(() => window.__brownpaper.grid())).lanes[0];
const p = await pat.evaluate(([x, y]) => window.__brownpaper.toPage(x, y), [-90, lane.start + 20]);
await pat.mouse.dblclick(p.x, p.y);
await pat.keyboard.press('Control+a');
await pat.keyboard.type('Renamed by Pat');
await pat.keyboard.press('Enter');
await pat.getByRole('alert').waitFor();
await pat.screenshot({ path: `${out}/1280-participant-grid-locked.png` });
// Pat tries to unlock "Agreed".
await click(pat, agreed.id);
await pat.keyboard.press('Control+Shift+L');
await pat.waitForTimeout(300);
await pat.screenshot({ path: `${out}/1280-participant-unlock-refused.png` });
await fran.keyboard.press('Escape');
await fran.screenshot({ path: `${out}/1920-facilitator-after-delete.png` });
await phone.waitForFunction(() => Object.values(window.__brownpaper.board().elements).filter((e) => e.kind === 'note').length === 1);
await phone.screenshot({ path: `${out}/390-phone-participant.png` });
console.log(
  'notes on fran:',
  (await notes(fran)).map((n) => `${n.text}${n.locked ? ' (locked)' : ''}`),
);
await s.close();
