// Dev: a facilitator and a participant try the board after the commands/permissions refactor:
// tools by key, typing and finishing, the right-click menu, the selection bar, the ? sheet, undo,
// copy/paste, locks, dashboard, details, export. Logs what it found, screenshots in OUTDIR.
// Usage: node scripts/dev/tryTour.mjs OUTDIR [WIDTH HEIGHT]
import { openDevSession, openWindow } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-tour';
const [w, h] = [Number(process.argv[3] ?? 1280), Number(process.argv[4] ?? 800)];
const { page: f, close, invite } = await openDevSession('service-blueprint', 'Claims journey');
await f.setViewportSize({ width: w, height: h });
const browser = f.context().browser();
const p = await openWindow(browser, invite('participant'), { viewport: { width: w, height: h } });
const hook = (page, fn, arg) => page.evaluate(fn, arg);
const ui = (page) => hook(page, () => window.__brownpaper.ui());
const els = async (page, kind) => Object.values((await hook(page, () => window.__brownpaper.board())).elements).filter((e) => !kind || e.kind === kind);
const log = (...a) => console.log(...a);
const cell = async (page, lane, stage) => {
  const g = await hook(page, () => window.__brownpaper.grid());
  return hook(page, ([x, y]) => window.__brownpaper.toPage(x, y), [g.stages[stage].start + g.stages[stage].size / 2, g.lanes[lane].start + g.lanes[lane].size / 2]);
};
const shot = (page, name) => page.screenshot({ path: `${out}/${w}-${name}.png` });
await f.mouse.click(w / 2, h / 2);
for (const k of ['s', 'n', 't', 'c', 'f', 'h', 'v']) {
  await f.keyboard.press(k);
  log('key', k, '→ tool', (await ui(f)).tool);
}
// A step with the key S, typed, finished by clicking empty paper.
await f.keyboard.press('s');
let at = await cell(f, 1, 0);
await f.mouse.click(at.x, at.y);
await f.keyboard.type('Fills in the claim form');
const empty = await cell(f, 4, 3);
await f.mouse.click(empty.x, empty.y);
log(
  'after click paper: editing',
  (await ui(f)).editingId,
  'steps',
  (await els(f, 'step')).map((s) => s.title),
);
// A note from the toolbar, finished by Escape.
await f
  .getByRole('button', { name: /^Sticky note/ })
  .click()
  .catch((e) => log('no note button', e.message.split('\n')[0]));
at = await cell(f, 2, 1);
await f.mouse.click(at.x, at.y);
await f.keyboard.type('Why twice?');
await f.keyboard.press('Escape');
log(
  'after Escape: editing',
  (await ui(f)).editingId,
  'notes',
  (await els(f, 'note')).map((s) => s.text ?? s.title),
);
// Tab: next step.
await f.keyboard.press('s');
at = await cell(f, 2, 0);
await f.mouse.click(at.x, at.y);
await f.keyboard.type('Agent checks');
await f.keyboard.press('Tab');
await f.keyboard.type('Agent calls back');
await f.keyboard.press('Escape');
log(
  'after Tab: steps',
  (await els(f, 'step')).map((s) => s.title),
);
await shot(f, 'cards');
// Select the first step: its bar.
const step = (await els(f, 'step')).find((s) => s.title === 'Fills in the claim form');
let b = await hook(f, (id) => window.__brownpaper.screenBox(id), step.id);
await f.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
const bar = f.getByRole('toolbar', { name: 'Selection' });
log('bar buttons', await bar.locator('button').evaluateAll((bs) => bs.map((x) => x.getAttribute('aria-label') || x.textContent)));
await shot(f, 'step-bar');
// Right-click menu.
await f.mouse.click(b.x + b.w / 2, b.y + b.h / 2, { button: 'right' });
const menu = f.getByRole('menu');
await menu.waitFor().catch(() => log('no menu'));
log(
  'menu',
  await menu
    .getByRole('menuitem')
    .evaluateAll((bs) => bs.map((x) => x.textContent + (x.disabled || x.getAttribute('aria-disabled') === 'true' ? ' [off]' : '')))
    .catch((e) => e.message),
);
await shot(f, 'menu');
await f.keyboard.press('Escape');
log('menu after Escape visible', await menu.isVisible());
const emptyMenuAt = await cell(f, 4, 2);
await f.mouse.click(emptyMenuAt.x, emptyMenuAt.y, { button: 'right' });
log(
  'paper menu',
  await f
    .getByRole('menuitem')
    .evaluateAll((bs) => bs.map((x) => x.textContent))
    .catch((e) => e.message),
);
await shot(f, 'paper-menu');
await f.keyboard.press('Escape');
// Bar: colour, duplicate, bring to front, undo/redo, copy/paste, delete.
await f.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
await bar
  .getByRole('button', { name: /^Colour: / })
  .nth(2)
  .click();
log('colour', (await els(f, 'step')).find((s) => s.id === step.id).color);
await bar.getByRole('button', { name: /^Duplicate/ }).click();
log('after duplicate steps', (await els(f, 'step')).length);
await f.keyboard.press('Control+z');
log('after Ctrl+Z steps', (await els(f, 'step')).length);
// Undo and redo the colour as well.
await f.keyboard.press('Control+z');
log('after 2nd Ctrl+Z colour', (await els(f, 'step')).find((s) => s.id === step.id).color);
await f.keyboard.press('Control+Shift+z');
log('after Ctrl+Shift+Z colour', (await els(f, 'step')).find((s) => s.id === step.id).color);
await f.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
await bar
  .getByRole('button', { name: /^Bring to front/ })
  .click()
  .catch((e) => log('bring to front:', e.message.split('\n')[0]));
await f.keyboard.press('Control+c');
await f.mouse.move(empty.x, empty.y);
await f.keyboard.press('Control+v');
log('after copy/paste steps', (await els(f, 'step')).length);
await f.keyboard.press('Delete');
log('after Delete steps', (await els(f, 'step')).length);
// Lock as facilitator, participant tries to move and delete.
await f.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
await bar.getByRole('button', { name: /^Lock/ }).click();
log('locked', (await els(f, 'step')).find((s) => s.id === step.id).locked);
b = await hook(p, (id) => window.__brownpaper.screenBox(id), step.id);
await p.mouse.move(b.x + b.w / 2, b.y + b.h / 2);
await p.mouse.down();
await p.mouse.move(b.x + b.w / 2 + 120, b.y + b.h / 2 + 10, { steps: 5 });
await p.mouse.up();
await p.keyboard.press('Delete');
const after = (await els(f, 'step')).find((s) => s.id === step.id);
log('participant on locked: still there', !!after, 'moved', after && (after.x !== step.x || after.y !== step.y));
log(
  'participant bar',
  await p
    .getByRole('toolbar', { name: 'Selection' })
    .locator('button')
    .evaluateAll((bs) => bs.map((x) => `${x.getAttribute('aria-label') || x.textContent}${x.disabled ? ' [off]' : ''}`))
    .catch(() => 'none'),
);
await shot(p, 'participant-locked');
// Lock the grid; participant double-clicks a lane header.
await f.getByRole('button', { name: /Facilitate/ }).click();
log(
  'facilitate menu',
  await f
    .getByRole('menuitem')
    .evaluateAll((bs) => bs.map((x) => x.textContent))
    .catch((e) => e.message),
);
await shot(f, 'facilitate');
await f
  .getByRole('menuitem', { name: /Lock the grid/ })
  .click()
  .catch((e) => log('lock grid:', e.message.split('\n')[0]));
const g = await hook(p, () => window.__brownpaper.grid());
const lh = await hook(p, ([x, y]) => window.__brownpaper.toPage(x, y), [-120, g.lanes[0].start + 30]);
await p.mouse.dblclick(lh.x, lh.y);
log(
  'participant rename lane: text field',
  await p
    .getByLabel('Text', { exact: true })
    .isVisible()
    .catch(() => false),
);
await shot(p, 'participant-grid-locked');
await p.keyboard.press('Escape');
// ? sheet, dashboard, details, export.
await f.mouse.click(empty.x, empty.y);
await f.keyboard.press('?');
await f.waitForTimeout(300);
await shot(f, 'sheet');
await f.keyboard.press('Escape');
await f.keyboard.press('d');
await f.waitForTimeout(300);
await shot(f, 'dashboard');
await f.keyboard.press('d');
await f.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
await f.keyboard.press('i');
await f.waitForTimeout(300);
await shot(f, 'details');
await f.keyboard.press('Escape');
await f.keyboard.press('Control+e');
await f.waitForTimeout(300);
await shot(f, 'export');
await f.keyboard.press('Escape');
// Participant ? sheet and keys.
await p.mouse.click(empty.x, empty.y);
await p.keyboard.press('?');
await p.waitForTimeout(300);
await shot(p, 'participant-sheet');
log('connection', await f.getByTestId('connection-status').textContent());
await close();
