// Dev: a block pasted at the ledger's last row, taller than the rows left (the ledger grows: new
// steps in the last row's lane and stage), on a projector (1,920 × 1,080) and on a phone
// (390 × 844, touch: the paste as a long press's Paste sends it), on the sample board.
//   node scripts/dev/ledgerPasteGrowsShots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { openDevSession, openWindow, synced } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-ledger';
mkdirSync(out, { recursive: true });
const s = await openDevSession('sample-info-request');
/** A spreadsheet's block on the clipboard, pasted into the grid's active cell. */
const paste = (page, rows) =>
  page.evaluate(
    (text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.querySelector('[role=grid] [data-active="true"]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    rows.map((r) => `${r.join('\t')}\r\n`).join(''),
  );
const lastTitle = (page) => page.locator('.ledger-body [role="row"].step').last().locator('[data-column="title"]');

const { page } = s;
page.setDefaultTimeout(30_000);
await page.setViewportSize({ width: 1920, height: 1080 });
await page.keyboard.press('l');
await page.locator('[role=grid]').waitFor();
await lastTitle(page).click();
await paste(page, [
  ['Send reminder', 'Ana', 'Waste'],
  ['Chase the signature — a long title from a sheet that runs on past the column’s width', 'Ben', 'Business value'],
  ['File the contract', 'Ana', 'nonsense'],
]);
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/paste-refused-1920.png` });
await paste(page, [
  ['Send reminder', 'Ana', 'Waste'],
  ['Chase the signature — a long title from a sheet that runs on past the column’s width', 'Ben', 'Value-adding'],
  ['File the contract', 'Ana', 'Waste'],
]);
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/paste-grows-1920.png` });

const phone = await openWindow(s.browser, s.invite('facilitator'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
phone.setDefaultTimeout(30_000);
await synced(phone);
await phone.getByRole('button', { name: 'All tools' }).tap();
await phone.getByRole('button', { name: /Ledger/ }).tap();
await phone.locator('[role=grid]').waitFor();
await phone.locator('.ledger-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
await lastTitle(phone).tap();
await paste(phone, [['Phone step one'], ['Phone step two']]);
await phone.locator('.ledger-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
await phone.waitForTimeout(300);
await phone.screenshot({ path: `${out}/paste-grows-phone-390.png` });
await s.close();
console.log(out);
