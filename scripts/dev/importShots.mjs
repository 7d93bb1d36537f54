// Dev: screenshots of Import steps… with a CSV that has an unknown header and a bad row (mapping,
// preview, bad rows), and of the board after the import, at a laptop's 1,280 × 800, a projector's
// 1,920 × 1,080 and a phone's 390 × 844. Usage: node scripts/dev/importShots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { devHost, launchChromium, synced } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-import';
mkdirSync(out, { recursive: true });
const host = await devHost();
const csv = [
  'Lane,Stage,Step,Volume per year,Unit cost,Zuständig,Wait',
  'Customer,Ask,Phones in to ask for the brochure,1200,12.50,Ann,2 days',
  'Customer service,Ask,Logs the call in the CRM,1200,2.00,Bob,',
  'Customer service,Send,"=HYPERLINK(""http://evil"",""click"")",5,1,Cy,',
  'Marketing,Send,Posts the brochure,1200,lots,Dee,1 week',
  'Marketing,Send,Checks the address,1200,0.50,Eve,',
  '',
].join('\r\n');
const browser = await launchChromium();
for (const [w, h] of [
  [1280, 800],
  [1920, 1080],
  [390, 844],
]) {
  const { id } = host.cli('session', 'create', '--data', host.data, '--title', 'Brochure requests', '--template', 'blank');
  const { url } = host.cli('invite', id, '--data', host.data, '--role', 'facilitator');
  const context = await browser.newContext({ viewport: { width: w, height: h }, hasTouch: w < 600, isMobile: w < 600 });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(url);
  await synced(page);
  page.setDefaultTimeout(15_000);
  await page.getByLabel('What should the others call you?').fill('Fran');
  await page.keyboard.press('Enter');
  const opener = page.getByRole('button', { name: 'Import steps…' }).or(page.getByRole('menuitem', { name: 'Import steps…' }));
  if (!(await page.getByRole('dialog', { name: 'Import steps' }).isVisible())) {
    if (!(await opener.first().isVisible())) await page.getByRole('button', { name: 'More' }).click();
    await opener.first().click();
  }
  const dialog = page.getByRole('dialog', { name: 'Import steps' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'brochure.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('list', { name: 'Bad rows' }).waitFor();
  await page.screenshot({ path: `${out}/dialog-${w}.png` });
  await dialog.getByLabel('Column for “Zuständig”').selectOption({ label: 'Owner' });
  await dialog.getByLabel(/Skip the 2 bad rows/).check();
  await page.screenshot({ path: `${out}/dialog-mapped-${w}.png` });
  await dialog.getByRole('button', { name: /^Import \d+ steps?$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.keyboard.press('Shift+1');
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/board-${w}.png` });
  await context.close();
}
await browser.close();
host.kill();
