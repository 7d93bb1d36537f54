// Dev: the import dialog's "3 of these 4 steps are already on the board" box, at 1280 × 800,
// on a 390 × 844 phone and at 1920 × 1080 → /tmp/shots-import-repeats/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { devHost, launchChromium, synced } from './devSession.mjs';

const out = '/tmp/shots-import-repeats';
mkdirSync(out, { recursive: true });
const list = (...rows) => Buffer.from(['Lane,Stage,Step,Volume per year,Unit cost', ...rows, ''].join('\r\n'));
const THREE = ['Customer,Ask,Phones in,1200,12.50', 'Back office,Ask,Logs the call,1200,2.00', 'Back office,Decide,Approves,300,40'];
const host = await devHost();
const browser = await launchChromium();
const first = path.join(host.data, 'claims.csv');
writeFileSync(first, list(...THREE));
try {
  for (const [name, viewport, phone] of [
    ['laptop', { width: 1280, height: 800 }, false],
    ['phone', { width: 390, height: 844 }, true],
    ['projector', { width: 1920, height: 1080 }, false],
  ]) {
    const { id } = host.cli('session', 'create', '--data', host.data, '--title', `Claims ${name}`, '--template', 'blank');
    host.cli('import-steps', first, '--data', host.data, '--session', id);
    const { url } = host.cli('invite', id, '--data', host.data, '--role', 'facilitator');
    const context = await browser.newContext({ viewport, ...(phone ? { hasTouch: true, isMobile: true } : {}) });
    const page = await context.newPage();
    await page.goto(url);
    await synced(page);
    await page.getByRole('button', { name: 'Skip' }).click();
    // On a phone the header's buttons wait behind its More menu.
    if (phone) await page.getByRole('button', { name: /^More/ }).click();
    await page.getByRole(phone ? 'menuitem' : 'button', { name: /^Import steps/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Import steps' });
    await dialog.getByLabel('A CSV or Excel file').setInputFiles({ name: 'claims-march.csv', mimeType: 'text/csv', buffer: list(...THREE, 'Back office,Decide,Pays out,300,5') });
    const box = dialog.locator('.import-repeats');
    await box.waitFor();
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/${name}.png` });
    await box.screenshot({ path: `${out}/${name}-box.png` });
    console.log(
      name,
      JSON.stringify(
        await box.evaluate((el) =>
          [...el.children].map((c) => {
            const r = c.getBoundingClientRect();
            return [c.tagName, Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
          }),
        ),
      ),
    );
    await context.close();
  }
} finally {
  await browser.close();
  host.kill();
}
