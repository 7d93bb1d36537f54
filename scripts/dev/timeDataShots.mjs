// Dev: the sample board with the calls measured at 80 % first time right (their rework now in
// the money), at a laptop's, a projector's and a phone's size; the dashboard; and the cost
// table as it was downloaded, drawn as a spreadsheet would lay it out.
//   node scripts/dev/timeDataShots.mjs [outDir]   (after npm run build; from the repository root)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devCli, devHost, launchChromium, synced } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-timedata';
fs.mkdirSync(out, { recursive: true });
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-dev-'));
const { run } = devCli(data);
const { id: sampleId } = JSON.parse(run('session', 'create', '--data', data, '--title', 'Info request', '--template', 'sample-info-request'));
// The team measured the calls after the workshop: 80 % answered right the first time.
const file = path.join(data, 'board.json');
run('export', sampleId, '--data', data, '--format', 'json', '--out', file);
const board = JSON.parse(fs.readFileSync(file, 'utf8'));
board.elements.find((e) => e.title?.startsWith('Call-centre')).firstTimeRight = 0.8;
fs.writeFileSync(file, JSON.stringify(board));
const { id } = JSON.parse(run('import', file, '--data', data));
console.log(run('cost', id, '--data', data));

const host = await devHost({ data });
const { url } = host.cli('invite', id, '--data', data, '--role', 'facilitator');
const browser = await launchChromium();
try {
  for (const [name, width, height, touch] of [
    ['laptop', 1280, 800, false],
    ['projector', 1920, 1080, false],
    ['phone', 390, 844, true],
  ]) {
    const page = await browser.newPage({ viewport: { width, height }, hasTouch: touch, isMobile: touch, acceptDownloads: true });
    page.on('pageerror', (e) => console.log('pageerror:', e.message));
    await page.goto(url);
    await synced(page);
    await page
      .getByTestId('board-total')
      .waitFor()
      .catch(() => {});
    await page.screenshot({ path: path.join(out, `board-${name}.png`) });
    if (name === 'laptop') {
      await page.keyboard.press('d');
      await page.getByTestId('dashboard-total').waitFor();
      await page.screenshot({ path: path.join(out, 'dashboard-laptop.png') });
      await page.keyboard.press('Escape');
      await page.keyboard.press('ControlOrMeta+e');
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByLabel('Format').selectOption('csv');
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
      const csv = fs.readFileSync(await download.path(), 'utf8');
      fs.writeFileSync(path.join(out, 'costs.csv'), csv);
      // Laid out as a spreadsheet shows it: one cell per field, numbers right-aligned.
      const rows = csv
        .trim()
        .split('\r\n')
        .map((line) => {
          const cells = [];
          let i = 0;
          for (;;) {
            let v = '';
            if (line[i] === '"') {
              for (i++; i < line.length; i++) {
                if (line[i] === '"' && line[i + 1] === '"') v += line[i++];
                else if (line[i] === '"') break;
                else v += line[i];
              }
              i++;
            } else while (i < line.length && line[i] !== ',') v += line[i++];
            cells.push(v);
            if (i >= line.length) return cells;
            i++;
          }
        });
      const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const html = `<style>body{font:11px sans-serif;margin:4px}td{border:1px solid #ccc;padding:1px 4px;white-space:nowrap;max-width:130px;overflow:hidden}td.n{text-align:right}tr:first-child td{font-weight:bold;background:#eee;white-space:normal;vertical-align:top}</style><table>${rows
        .map((r) => `<tr>${r.map((c) => `<td class="${/^-?\d+(\.\d+)?$/.test(c) ? 'n' : ''}">${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</table>`;
      const sheet = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await sheet.setContent(html);
      await sheet.screenshot({ path: path.join(out, 'costs-csv.png'), fullPage: true });
      await sheet.close();
    }
    await page.close();
  }
} finally {
  await browser.close();
  host.kill();
}
