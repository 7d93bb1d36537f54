// Dev: the Export dialog with "Spreadsheet (XLSX)" chosen (laptop, projector, phone), and the
// downloaded workbook's sheets drawn as HTML tables with the numbers as a spreadsheet shows them.
//   node scripts/dev/xlsxShots.mjs [outDir]
import { mkdirSync, readFileSync } from 'node:fs';
import XLSX from 'xlsx';
import { openDevSession, openWindow } from './devSession.mjs';
const [out = '/tmp/shots-xlsx'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const { page, browser, invite, close } = await openDevSession('sample-info-request', 'Info request — Q3');
await page.getByRole('button', { name: 'Skip' }).click();

async function dialogShot(p, name) {
  await p.keyboard.press('Control+e');
  const dialog = p.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Spreadsheet (XLSX)' });
  await p.screenshot({ path: `${out}/${name}.png` });
  return dialog;
}

await page.setViewportSize({ width: 1280, height: 800 });
const dialog = await dialogShot(page, 'dialog-1280');
const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
console.log('file:', download.suggestedFilename());
const wb = XLSX.read(readFileSync(await download.path()), { cellFormula: true, cellNF: true });
await page.setViewportSize({ width: 1920, height: 1080 });
await dialogShot(page, 'dialog-1920');

const phone = await openWindow(browser, invite('participant'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
await phone.getByRole('navigation', { name: 'Tools' }).getByRole('button', { name: 'All tools' }).tap();
await phone.getByRole('button', { name: 'Export', exact: true }).tap();
await phone.getByRole('dialog', { name: 'Export' }).getByLabel('Format').selectOption({ label: 'Spreadsheet (XLSX)' });
await phone.screenshot({ path: `${out}/dialog-phone.png` });

// Each sheet as a table: the value as formatted (w), formulas marked ƒ, so the layout and the numbers can be looked at.
const sheets = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
for (const name of wb.SheetNames) {
  const ws = wb.Sheets[name];
  const range = XLSX.utils.decode_range(ws['!ref']);
  let html = `<h3>${name}</h3><table border=1 cellspacing=0 style="font:12px sans-serif">`;
  for (let r = range.s.r; r <= range.e.r; r++) {
    html += '<tr>';
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })];
      const text = cell ? (cell.w ?? String(cell.v)) : '';
      html += `<td style="${cell?.t === 'n' ? 'text-align:right;' : ''}${r === 0 ? 'font-weight:bold;max-width:90px' : ''}">${cell?.f ? 'ƒ ' : ''}${text.replace(/</g, '&lt;')}</td>`;
    }
    html += '</tr>';
  }
  await sheets.setContent(`${html}</table>`);
  await sheets.screenshot({ path: `${out}/sheet-${name.replace(/\W+/g, '-')}.png`, fullPage: true });
}
console.log('period cost formula:', wb.Sheets.Steps.P2?.f);
await close();
console.log('shots in', out);
