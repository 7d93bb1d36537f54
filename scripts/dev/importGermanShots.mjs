// Dev: screenshots of Import steps… with a German CSV (; between cells, 1.200 and 12,50, German
// headers) on a new en-US board — the dialog's "Numbers in this file" and what it says — and the
// board after the import, at a laptop's 1,280 × 800, a projector's 1,920 × 1,080 and a phone's
// 390 × 844. Usage: node scripts/dev/importGermanShots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { devHost, launchChromium, synced } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-import';
mkdirSync(out, { recursive: true });
const host = await devHost();
const csv = [
  'Bereich;Phase;Schritt;Zuständig;Menge;Stückkosten;Wartezeit',
  'Kunde;Anfrage;Ruft an und fragt nach dem Prospekt;Ann;1.200;12,50;2 Tage',
  'Kundenservice;Anfrage;Erfasst den Anruf im CRM;Bob;1.200;2,00;',
  'Marketing;Versand;Verschickt den Prospekt;Dee;1.200;0,50;1 Woche',
  '',
].join('\r\n');
const browser = await launchChromium();
for (const [w, h] of [
  [1280, 800],
  [1920, 1080],
  [390, 844],
]) {
  const { id } = host.cli('session', 'create', '--data', host.data, '--title', 'Prospektanfragen', '--template', 'blank');
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
  if (!(await opener.first().isVisible())) await page.getByRole('button', { name: 'More' }).click();
  await opener.first().click();
  const dialog = page.getByRole('dialog', { name: 'Import steps' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'prospekte.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('heading', { name: /steps to make/ }).waitFor();
  await page.screenshot({ path: `${out}/de-dialog-${w}.png` });
  await dialog.getByRole('button', { name: /^Import \d+ steps?$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.keyboard.press('Shift+1');
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/de-board-${w}.png` });
  await context.close();
}
await browser.close();
host.kill();
