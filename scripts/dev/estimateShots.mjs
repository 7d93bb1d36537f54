// Dev: estimates from the floor as the room sees them — the facilitator asking from a step's
// menu, a laptop and a phone answering, the revealed spread, the step's details after — at
// 1,280 × 800, a 1,920 × 1,080 projector and a 390 × 844 phone. PNGs into /tmp/shots-estimate/.
import { mkdirSync } from 'node:fs';
import { openDevSession, openWindow } from './devSession.mjs';

const out = '/tmp/shots-estimate';
mkdirSync(out, { recursive: true });
const { page: fac, browser, invite, close } = await openDevSession('sample-info-request', 'Order to cash');
try {
  await fac.setViewportSize({ width: 1280, height: 800 });
  await fac.getByRole('button', { name: 'Skip' }).click();
  const laptop = await openWindow(browser, invite('participant'), { viewport: { width: 1280, height: 800 } });
  const phone = await openWindow(browser, invite('participant'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const projector = await openWindow(browser, invite('viewer'), { viewport: { width: 1920, height: 1080 } });
  const stepId = await fac.evaluate(() => Object.values(window.__brownpaper.board().elements).find((e) => e.title === 'Sales call').id);
  await fac.evaluate((id) => window.__brownpaper.dispatch('setStepCost', { id, patch: { costMode: 'time' } }), stepId);
  const box = await fac.evaluate((id) => window.__brownpaper.screenBox(id), stepId);
  await fac.mouse.click(box.x + box.w / 2, box.y + box.h / 2, { button: 'right' });
  await fac.screenshot({ path: `${out}/1-menu-1280.png` });
  await fac.getByRole('menuitem', { name: /Ask the room/ }).click();
  await fac.screenshot({ path: `${out}/2-ask-dialog-1280.png` });
  await fac.getByRole('button', { name: 'Ask the room' }).click();
  await laptop.getByTestId('estimate-panel').waitFor();
  await laptop.screenshot({ path: `${out}/3-laptop-question-1280.png` });
  await laptop.getByLabel(/Your estimate/).fill('4-6 min');
  await laptop.getByLabel(/Your estimate/).press('Enter');
  await laptop.getByRole('alert').waitFor();
  await laptop.screenshot({ path: `${out}/4-laptop-refused-1280.png` });
  await laptop.getByLabel(/Your estimate/).fill('45 min');
  await laptop.getByLabel(/Your estimate/).press('Enter');
  await laptop.getByText(/^Sent:/).waitFor();
  await phone.getByLabel(/Your estimate/).tap();
  await phone.keyboard.type('1.5 h');
  await phone.screenshot({ path: `${out}/5-phone-typing-390.png` });
  await phone.getByRole('button', { name: 'Send' }).tap();
  await phone.getByText(/^Sent:/).waitFor();
  await phone.screenshot({ path: `${out}/6-phone-sent-390.png` });
  await fac.getByLabel(/Your estimate/).fill('1 h');
  await fac.getByLabel(/Your estimate/).press('Enter');
  await fac.getByText('3 of 3 answered').waitFor();
  await fac.screenshot({ path: `${out}/7-facilitator-3of3-1280.png` });
  await projector.screenshot({ path: `${out}/8-projector-open-1920.png` });
  await fac.getByRole('button', { name: 'Reveal answers' }).click();
  for (const [p, name] of [
    [fac, '9-revealed-1280'],
    [phone, '10-revealed-390'],
    [projector, '11-revealed-1920'],
  ]) {
    await p.getByTestId('estimate-spread').waitFor();
    await p.screenshot({ path: `${out}/${name}.png` });
  }
  await fac.getByRole('button', { name: 'Close the estimate' }).click();
  await fac.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await fac.keyboard.press('i');
  await fac.getByRole('complementary', { name: 'Step inspector' }).getByLabel('Minutes', { exact: true }).scrollIntoViewIfNeeded();
  await fac.screenshot({ path: `${out}/12-step-after-1280.png` });
  // A facilitator on a phone asks from the step's details (tap the step, Details & cost).
  const phoneFac = await openWindow(browser, invite('facilitator'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const pb = await phoneFac.evaluate((id) => window.__brownpaper.screenBox(id), stepId);
  await phoneFac.touchscreen.tap(pb.x + pb.w / 2, pb.y + pb.h / 2);
  await phoneFac.screenshot({ path: `${out}/13a-phone-facilitator-tapped-390.png` });
  await phoneFac
    .getByRole('button', { name: 'Details & cost' })
    .tap({ timeout: 5000 })
    .catch(() => phoneFac.keyboard.press('i'));
  await phoneFac.getByRole('button', { name: 'Ask the room for an estimate…' }).tap();
  await phoneFac.getByRole('dialog', { name: 'Ask the room for an estimate' }).waitFor();
  await phoneFac.screenshot({ path: `${out}/13-phone-facilitator-asks-390.png` });
  console.log('shots in', out);
} finally {
  await close();
}
