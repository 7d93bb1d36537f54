// Dev: the sample board at a given zoom (e.g. 0.4, drawn far out) — what a projector shows of the whole map.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
const [scale = '0.4', out = '/tmp/sample-zoom.png'] = process.argv.slice(2);
const data = mkdtempSync(path.join(os.tmpdir(), 'bp-zoom-'));
const cli = (...a) => JSON.parse(execFileSync(process.execPath, ['bin/brownpaper.mjs', ...a], { encoding: 'utf8' }));
const { id } = cli('session', 'create', '--data', data, '--title', 'Sample', '--template', 'sample-info-request');
const host = spawn(process.execPath, ['bin/brownpaper.mjs', 'host', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((r) => readline.createInterface({ input: host.stdout }).on('line', (l) => /listening/.test(l) && r()));
const { url } = cli('invite', id, '--data', data, '--role', 'facilitator');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(url);
await page.waitForFunction(() => window.__brownpaper?.ui().synced);
await page.waitForTimeout(300);
const v = await page.evaluate(() => window.__brownpaper.ui().viewport);
const f = +scale / v.scale;
await page.evaluate((f) => { const s = window.__brownpaper; const ui = s.ui(); s.setViewport?.({ ...ui.viewport }); }, f);
for (let i = 0; i < 12 && Math.abs((await page.evaluate(() => window.__brownpaper.ui().viewport.scale)) - +scale) > 0.02; i++) {
  const cur = await page.evaluate(() => window.__brownpaper.ui().viewport.scale);
  await page.mouse.move(720, 450);
  await page.keyboard.press(cur > +scale ? '-' : '+');
}
await page.waitForTimeout(300);
await page.screenshot({ path: out });
await browser.close();
host.kill();
