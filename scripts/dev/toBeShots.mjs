// Dev: a to-be step as a person sees it — on the board at 1,280 × 800 (the to-be picked, the
// details open; then the as-is without it), on a 390 × 844 phone and a 1,920 × 1,080 projector.
// Usage: node scripts/dev/toBeShots.mjs /tmp/shots-tobe   (after npm run build)
import { mkdirSync } from 'node:fs';
import { openDevSession, openWindow } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-tobe';
mkdirSync(out, { recursive: true });
const s = await openDevSession('sample-info-request', 'Product information request');
const { page } = s;
await page.setViewportSize({ width: 1280, height: 800 });
await page.getByRole('button', { name: 'Skip' }).click();
const hook = (fn, arg) => page.evaluate(fn, arg);
const toBe = await hook(() => window.__brownpaper.board().scenarios[0]);
const g = await hook(() => window.__brownpaper.grid());
const cell = (lane, stage) => ({ x: g.stages[stage].start + 30, y: g.lanes[lane].start + 40 });
const pageId = await hook((a) => window.__brownpaper.dispatch('addStep', a), { ...cell(1, 2), title: 'Self-service page: where is my brochure?', scenarioId: toBe.id });
await hook((id) => window.__brownpaper.dispatch('setStepCost', { id, patch: { volume: 80000, unitCents: 50 } }), pageId);
const mail = await hook((a) => window.__brownpaper.dispatch('addNextCard', a), { fromId: pageId, direction: 'down', scenarioId: toBe.id });
await hook((id) => window.__brownpaper.dispatch('setElementText', { id, text: 'Automatic e-mail with the tracking link' }), mail);

await page.getByLabel('Scenario shown').selectOption({ label: toBe.name });
await page.keyboard.press('Shift+1');
await page.waitForTimeout(400);
await page.screenshot({ path: `${out}/laptop-to-be.png` });
const b = await hook((id) => window.__brownpaper.screenBox(id), pageId);
await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
await page.keyboard.press('i');
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/laptop-to-be-details.png` });
await page.keyboard.press('Escape');
await page.getByLabel('Scenario shown').selectOption({ label: 'As-is' });
await page.waitForTimeout(400);
await page.screenshot({ path: `${out}/laptop-as-is.png` });

const phone = await openWindow(s.browser, s.invite('participant'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
if (!(await phone.getByLabel('Scenario shown').isVisible())) await phone.getByRole('button', { name: 'More' }).click();
await phone.getByLabel('Scenario shown').selectOption({ label: toBe.name });
await phone.keyboard.press('Escape');
const pb = await phone.evaluate((id) => window.__brownpaper.screenBox(id), pageId);
await phone.touchscreen.tap(pb.x + pb.w / 2, pb.y + pb.h / 2);
await phone.getByRole('button', { name: 'Zoom to selection' }).tap();
await phone.waitForTimeout(400);
await phone.touchscreen.tap(20, 700);
await phone.waitForTimeout(300);
await phone.screenshot({ path: `${out}/phone-to-be.png` });

// The facilitator's window on the projector, big screen (B), the to-be picked.
await page.setViewportSize({ width: 1920, height: 1080 });
await page.getByLabel('Scenario shown').selectOption({ label: toBe.name });
await page.mouse.click(640, 780);
await page.keyboard.press('b');
await page.waitForTimeout(600);
await page.screenshot({ path: `${out}/projector-to-be.png` });
await s.close();
