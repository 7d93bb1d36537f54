import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { join, sessionForFile } from './fixtures.js';

const session = sessionForFile('sample-info-request');

test('a participant exports the board from the browser client as a PNG, then as a PDF poster', async ({ page }) => {
  // Two tests of the former file, one window: each step's time as one test's.
  test.setTimeout(2 * 60_000);
  await join(page, session().invite('participant'));
  await test.step('export the board as PNG from the browser client: right size, not blank', async () => {
    await page.getByRole('button', { name: 'Export (Ctrl+E)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Format').selectOption('png');
    await dialog.getByLabel('Scale').selectOption('2');
    const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    expect(file.suggestedFilename()).toBe('E2E-workshop@2x.png');
    const bytes = fs.readFileSync((await file.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    // 4 stages × 280 + lane headers + margins, at 2×
    expect(width).toBeGreaterThan(2 * 1200);
    expect(height).toBeGreaterThan(2 * 800);

    // Pixel statistics, measured in the page: kraft, white cards, dark ink — not one flat colour.
    const stats = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let light = 0,
        dark = 0,
        kraft = 0;
      for (let i = 0; i < d.length; i += 4 * 7) {
        const [r, g, bl] = [d[i], d[i + 1], d[i + 2]];
        if (r > 240 && g > 240 && bl > 230) light++;
        else if (r < 80 && g < 80 && bl < 80) dark++;
        else if (Math.abs(r - 196) < 20 && Math.abs(g - 154) < 20 && Math.abs(bl - 98) < 25) kraft++;
      }
      const n = d.length / 4 / 7;
      return { light: light / n, dark: dark / n, kraft: kraft / n };
    }, bytes.toString('base64'));
    expect(stats.kraft).toBeGreaterThan(0.2);
    expect(stats.light).toBeGreaterThan(0.1);
    expect(stats.dark).toBeGreaterThan(0.002);

    // A second export in the same window goes through the raster worker the first one left
    // ready (its reply matched to this request), at its own scale.
    await page.getByRole('button', { name: 'Export (Ctrl+E)' }).click();
    await dialog.getByLabel('Format').selectOption('png');
    await dialog.getByLabel('Scale').selectOption('1');
    const [again] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    const second = fs.readFileSync((await again.path())!);
    expect(second.readUInt32BE(16)).toBe(Math.floor(width / 2));
  });

  await test.step('export a PDF poster from the browser client', async () => {
    await page.keyboard.press('ControlOrMeta+e');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Format').selectOption('pdf');
    await dialog.getByLabel('Paper').selectOption('a3');
    const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.load(fs.readFileSync((await file.path())!));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(Math.round(pdf.getPage(0).getSize().width)).toBe(Math.round((420 * 72) / 25.4));
  });
});

test('export the session file and the cost table from the browser client', async ({ page }) => {
  await join(page, session().invite('viewer'));
  await page.getByRole('button', { name: 'Export (Ctrl+E)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption('json');
  const [json] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  expect(json.suggestedFilename()).toBe('E2E-workshop.brownpaper'); // the extension the installers register
  const file = JSON.parse(fs.readFileSync((await json.path())!, 'utf8'));
  expect(file).toMatchObject({ format: 'brownpaper-session', version: 4 });
  expect(file.elements.filter((e: { kind: string }) => e.kind === 'step')).toHaveLength(12);

  await page.keyboard.press('ControlOrMeta+e');
  await page.getByRole('dialog', { name: 'Export' }).getByLabel('Format').selectOption('csv');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Export' }).click()]);
  expect(fs.readFileSync((await csv.path())!, 'utf8')).toContain('Total,,,,,,,,,,,1476000.00,,0.00,,,,,33 days,794.33,,,,876000.00,600000.00,,,,170.08\r\n');
});
