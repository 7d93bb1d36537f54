// Dev: a fresh session on a host of its own, opened as the facilitator in headless Chromium.
// Shared by the screenshot scripts (and the browser the other dev scripts launch); run them from
// the repository root, after npm run build.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

/** Debian's Chromium with the tests' flags (playwright.config.ts): no network calls this machine cannot make. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
}

/** The command line on a data folder: `cli` for a command's JSON line, `run` for its text. */
export function devCli(data) {
  const run = (...a) => execFileSync(process.execPath, ['bin/brownpaper.mjs', ...a], { encoding: 'utf8' });
  return { run, cli: (...a) => JSON.parse(run(...a)) };
}

/**
 * `brownpaper host` on a data folder (a new temporary one unless given), on a free port, once it
 * listens. With `owner`, also the link that opens the session list (`ownerUrl`).
 */
export async function devHost({ data = mkdtempSync(path.join(os.tmpdir(), 'bp-dev-')), owner = false } = {}) {
  const host = spawn(process.execPath, ['bin/brownpaper.mjs', 'host', '--port', '0', '--data', data, ...(owner ? ['--owner'] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: host.stdout });
  const seen = (re) => new Promise((r) => lines.on('line', (l) => re.test(l) && r(re.exec(l)[1])));
  const [base, ownerUrl] = await Promise.all([seen(/listening on (http:\/\/\S+)/), owner ? seen(/(http:\/\/\S+#owner=\S+)/) : null]);
  return { data, base, ownerUrl, ...devCli(data), kill: () => host.kill() };
}

/** Resolves once the page's board is live and synced (the test hook says so). */
export const synced = (page) => page.waitForFunction(() => window.__brownpaper?.ui().synced);

export async function openDevSession(template, title = 'Dev session') {
  const host = await devHost();
  const { id } = host.cli('session', 'create', '--data', host.data, '--title', title, '--template', template);
  const { url } = host.cli('invite', id, '--data', host.data, '--role', 'facilitator');
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(url);
  await synced(page);
  return {
    page,
    browser,
    /** a join link for another person in this session */
    invite: (role) => host.cli('invite', id, '--data', host.data, '--role', role).url,
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
  await synced(page);
  await page.getByRole('button', { name: 'Skip' }).click();
  return page;
}
