// Dev: time on the map — wait badges, process times, stage lead times, the timeline ladder,
// heat by waiting time, the to-be scenario and a loop back — on the sample board, at a desk,
// on a projector (big screen) and on a phone. Run from the repository root after `npm run build`;
// PNGs go to /tmp/shots-timecanvas/.
import { openDevSession } from './devSession.mjs';

const out = '/tmp/shots-timecanvas';
const { page, close } = await openDevSession('sample-info-request', 'Product information request');

// Times a product-information request plausibly takes; set through the app's own dispatch
// (the details panel's time fields are another part of issue 16).
await page.evaluate(() => {
  const bp = window.__brownpaper;
  const steps = Object.values(bp.board().elements).filter((e) => e.kind === 'step');
  const byTitle = (t) => steps.find((s) => s.title.startsWith(t)).id;
  const set = (t, patch) => bp.dispatch('updateElements', { ids: [byTitle(t)], patch });
  set('Fills in web form', { processMinutes: 10, processUnit: 'minutes' });
  set('Lead lands in CRM queue', { waitMinutes: 2 * 1440, waitUnit: 'days', processMinutes: 5, processUnit: 'minutes' });
  set('Waits, then calls', { waitMinutes: 10 * 1440, waitUnit: 'days', processMinutes: 15, processUnit: 'minutes' });
  set('Call-centre agent', { waitMinutes: 20, waitUnit: 'minutes', processMinutes: 12, processUnit: 'minutes' });
  set('Receives brochure', { waitMinutes: 4 * 7 * 1440, waitUnit: 'weeks', processMinutes: 30, processUnit: 'minutes' });
  set('Sales rep qualifies', { waitMinutes: 3 * 60, waitUnit: 'hours', processMinutes: 45, processUnit: 'minutes' });
  set('Compares offers', { waitMinutes: 7 * 1440, waitUnit: 'days', processMinutes: 2 * 60, processUnit: 'hours' });
  set('Sales call', { waitMinutes: 2 * 1440, waitUnit: 'days', processMinutes: 60, processUnit: 'hours' });
  const toBe = bp.board().scenarios[0].id;
  bp.dispatch('setOverride', { scenarioId: toBe, stepId: byTitle('Receives brochure'), field: 'waitMinutes', value: 2 * 1440 });
});
// The name card would cover the ladder's corner: skip it, as a person in a hurry would.
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
await shot('desk-asis');
await page.keyboard.press('W');
await shot('desk-heat-wait');
await page.keyboard.press('W');
await page
  .getByLabel('Scenario shown')
  .selectOption({ index: 1 })
  .catch(() => console.log('no scenario picker in view'));
await shot('desk-tobe');
await page
  .getByLabel('Scenario shown')
  .selectOption({ index: 0 })
  .catch(() => {});
// A loop back for rework: the sales call sends the customer back to the form.
await page.evaluate(() => {
  const bp = window.__brownpaper;
  const steps = Object.values(bp.board().elements).filter((e) => e.kind === 'step');
  const byTitle = (t) => steps.find((s) => s.title.startsWith(t)).id;
  bp.dispatch('addConnector', { fromId: byTitle('Fills in web form'), toId: byTitle('Waits, then calls') });
  bp.dispatch('addConnector', { fromId: byTitle('Waits, then calls'), toId: byTitle('Fills in web form') });
});
await shot('desk-loop');
// Far out, the board is drawn in one pass: the wait badges must still stand out.
await page.keyboard.press('-');
await page.keyboard.press('-');
await shot('desk-far-out');
await page.setViewportSize({ width: 1920, height: 1080 });
await page.keyboard.press('B');
await shot('projector-bigscreen');
// The projector opens on the map at a readable size; the facilitator zooms out a step to show the ladder too.
await page.keyboard.press('-');
await shot('projector-ladder');
await page.keyboard.press('B');
await page.setViewportSize({ width: 390, height: 844 });
await page.keyboard.press('Shift+1');
await shot('phone');
console.log(shots.map((s) => `${out}/${s}.png`).join('\n'));
await close();
