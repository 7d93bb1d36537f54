import fs from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import { cli, cliJson, spawnHost, type HostProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/host.js';
import { expect, board, notes } from './fixtures.js';

async function ownerHost(dataDir: string): Promise<{ host: HostProcess; ownerUrl: string }> {
  const host = await spawnHost(dataDir, ['--owner']);
  const [, ownerUrl] = await host.line(/open (http:\/\/\S+#owner=\S+)/);
  return { host, ownerUrl };
}

test('create a session from the start screen, work in it, find it again after the host crashed', async ({ page }) => {
  const dataDir = tempDir('brownpaper-e2e-');
  const first = await ownerHost(dataDir);
  await page.goto(first.ownerUrl);
  await expect(page.getByText('No sessions yet.')).toBeVisible();
  await page.getByLabel('Title').fill('Claims handling, as-is');
  await page.getByRole('radio', { name: /Service blueprint/ }).check();
  await page.getByRole('button', { name: 'New session', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Claims handling, as-is' })).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');

  await page.keyboard.press('n');
  const box = (await page.getByTestId('board-canvas').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.type('Claim form is printed and scanned');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await notes(page)).map((n) => n.text)).toEqual(['Claim form is printed and scanned']);

  // The host dies without a chance to close anything.
  first.host.child.kill('SIGKILL');
  await first.host.exited;
  await expect(page.getByTestId('connection-status')).not.toHaveText('Live');

  const second = await ownerHost(dataDir);
  try {
    await page.goto(second.ownerUrl);
    await page.getByRole('button', { name: /^Claims handling, as-is/ }).click();
    await expect(page.getByTestId('connection-status')).toHaveText('Live');
    await expect.poll(async () => (await notes(page)).map((n) => n.text)).toEqual(['Claim form is printed and scanned']);
    // Home keeps the owner key for this tab.
    await page.getByRole('link', { name: 'Brownpaper home' }).click();
    await expect(page.getByRole('button', { name: /^Claims handling, as-is/ })).toBeVisible();
  } finally {
    second.host.child.kill('SIGTERM');
    await second.host.exited;
  }
});

test('import a session file from the start screen; a broken file is refused with where it is broken', async ({ page }) => {
  const dataDir = tempDir('brownpaper-e2e-');
  const files = tempDir('brownpaper-files-');
  const source = cliJson<{ id: string }>('session', 'create', '--data', dataDir, '--title', 'Info request', '--template', 'sample-info-request');
  const good = path.join(files, 'info.brownpaper');
  cli('export', source.id, '--data', dataDir, '--format', 'json', '--out', good);
  const bad = path.join(files, 'bad.json');
  fs.writeFileSync(bad, fs.readFileSync(good, 'utf8').replace('"volume": 100000', '"volume": -1'));

  const { host, ownerUrl } = await ownerHost(dataDir);
  try {
    await page.goto(ownerUrl);
    await page.getByLabel(/Choose a Brownpaper session file/).setInputFiles(bad);
    await expect(page.getByRole('alert')).toContainText(/Not imported: file\.elements\[\d+\]\.volume/);
    expect(cliJson<unknown[]>('session', 'list', '--data', dataDir, '--json')).toHaveLength(1);

    await page.getByLabel(/Choose a Brownpaper session file/).setInputFiles(good);
    await expect(page.getByTestId('connection-status')).toHaveText('Live');
    await expect(page.getByTestId('board-total')).toHaveText('$1,476,000.00/yr');
    await expect.poll(async () => (await board(page)).elements && Object.values((await board(page)).elements).filter((e) => e.kind === 'step').length).toBe(12);
  } finally {
    host.child.kill('SIGTERM');
    await host.exited;
  }
});
