// Dev: the inspector on a selected step, the to-be scenario, and the dashboard, on the sample board.
//   node scripts/dev/costShots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { openDevSession } from './devSession.mjs';
const [out = '/tmp/shots-cost'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const { page, close } = await openDevSession('sample-info-request', 'Info request');
await page.getByRole('button', { name: 'Skip' }).click();
const id = await page.evaluate(() => Object.values(window.__brownpaper.board().elements).find((e) => e.kind === 'step' && e.title.startsWith('Call')).id);
const b = await page.evaluate((i) => window.__brownpaper.screenBox(i), id);
await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
await page.waitForFunction((i) => window.__brownpaper.ui().selection.includes(i), id);
await page.screenshot({ path: `${out}/inspector.png` });
await page.getByLabel('Scenario shown').selectOption({ index: 1 });
await page.screenshot({ path: `${out}/scenario.png` });
await page.getByRole('button', { name: 'Cost dashboard' }).click();
await page.getByRole('region', { name: 'Business case' }).waitFor();
await page.screenshot({ path: `${out}/dashboard.png` });
await close();
console.log('shots in', out);
