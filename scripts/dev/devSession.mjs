// Dev: a fresh session on a host of its own, opened as the facilitator in headless Chromium.
// Shared by the screenshot scripts; run them from the repository root.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export async function openDevSession(template, title = 'Dev session') {
  const data = mkdtempSync(path.join(os.tmpdir(), 'bp-dev-'));
  const cli = (...a) => JSON.parse(execFileSync(process.execPath, ['bin/brownpaper.mjs', ...a], { encoding: 'utf8' }));
  const { id } = cli('session', 'create', '--data', data, '--title', title, '--template', template);
  const host = spawn(process.execPath, ['bin/brownpaper.mjs', 'host', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => readline.createInterface({ input: host.stdout }).on('line', (l) => /listening/.test(l) && r()));
  const { url } = cli('invite', id, '--data', data, '--role', 'facilitator');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.__brownpaper?.ui().synced);
  return {
    page,
    browser,
    /** a join link for another person in this session */
    invite: (role) => cli('invite', id, '--data', data, '--role', role).url,
    async close() {
      await browser.close();
      host.kill();
    },
  };
}

/** Another window on the same board (a context of its own: its own size, touch), past the name prompt. */
export async function openWindow(browser, url, options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__brownpaper?.ui().synced);
  await page.getByRole('button', { name: 'Skip' }).click();
  return page;
}
