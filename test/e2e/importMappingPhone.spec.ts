import { test, type Locator, type Page } from '@playwright/test';
import { board, expect, join, sessionPerTest } from './fixtures.js';
import { germanSettings } from './germanBoard.js';
import { tapImportSteps } from './importDialog.js';

// Issue 19, seen in a screenshot: on a phone, once a file was read, the fields of Import steps'
// column mapping ran past the dialog's right edge (each field as wide as its longest choice, a
// header never wrapping), so a column could not be mapped without scrolling a table sideways
// behind the dialog's edge. A German file with a 200-character header, on the two phone sizes.
const session = sessionPerTest('sample-info-request');

const LONG =
  'Bemerkung der Sachbearbeitung zum Vorgang, wie sie im alten Prozesshandbuch der Abteilung Kundenservice steht, einschließlich aller Hinweise zu Sonderfällen und Rückfragen bei der Fachabteilung'.padEnd(
    200,
    '.',
  );
const csv = [`Bereich;Phase;Schritt;Minuten;${LONG};Stundensatz`, 'Kunde;Anfrage;Ruft an;90 Sek.;Kundenservice Nord;48', 'Backoffice;Anfrage;Erfasst;1,5 min;;1.234,50'].join('\r\n');

/** Wholly inside the box: left, top, right and bottom edges. */
const within = (r: { x: number; y: number; width: number; height: number }, box: { x: number; y: number; width: number; height: number }) =>
  r.x >= box.x - 0.5 && r.y >= box.y - 0.5 && r.x + r.width <= box.x + box.width + 0.5 && r.y + r.height <= box.y + box.height + 0.5;

/** The field, scrolled to as a thumb would: inside the dialog, inside the box that scrolls it, on the screen. */
async function expectReachable(page: Page, dialog: Locator, field: Locator) {
  await field.scrollIntoViewIfNeeded();
  const name = (await field.getAttribute('aria-label')) ?? (await field.textContent());
  const r = (await field.boundingBox())!;
  const d = (await dialog.boundingBox())!;
  const screen = { x: 0, y: 0, ...page.viewportSize()! };
  // A table that scrolls sideways inside its box (a thumb's sideways swipe in a box in a dialog) does not count as reachable.
  const scroller = await field.evaluate((el) => {
    const box = el.closest('.import-scroll');
    if (!box) return null;
    const b = box.getBoundingClientRect();
    return { x: b.x, y: b.y, width: b.width, height: b.height, sideways: box.scrollLeft > 0 || box.scrollWidth > box.clientWidth + 1 };
  });
  expect({ name: name?.slice(0, 60), inDialog: within(r, d), onScreen: within(r, screen), inItsBox: scroller === null || within(r, scroller), sideways: scroller?.sideways ?? false }).toEqual({
    name: name?.slice(0, 60),
    inDialog: true,
    onScreen: true,
    inItsBox: true,
    sideways: false,
  });
}

for (const size of [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
]) {
  test(`a German file with a 200-character header on a ${size.width} × ${size.height} phone: every mapping field and the Import button inside the dialog, and the import made`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: size, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      await join(page, session().invite('facilitator'));
      await page.getByRole('button', { name: 'Skip' }).tap();
      await germanSettings(page);
      const dialog = await tapImportSteps(page);
      const chooser = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: 'Choose a file…' }).tap();
      await (await chooser).setFiles({ name: 'schritte.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\r\n`) });
      await expect(dialog.getByRole('heading', { name: /steps? to make/ })).toBeVisible();

      const mapping = dialog.locator('.import-mapping');
      const fields = await mapping.getByRole('combobox').all();
      expect(fields.length).toBe(6);
      for (const field of fields) await expectReachable(page, dialog, field);
      // Both rows read ("90 Sek." and "1,5 min" are minutes, "1.234,50" a German hourly rate).
      await expect(dialog.getByRole('heading', { name: /^2 steps to make/ })).toBeVisible();
      // The long header's column, mapped to the owner by a thumb on its field.
      const long = mapping.getByRole('combobox', { name: `Column for “${LONG}”` });
      await long.scrollIntoViewIfNeeded();
      await long.selectOption({ label: 'Owner' });
      await expect(long).toHaveValue('owner');
      const importButton = dialog.getByRole('button', { name: 'Import 2 steps' });
      await expectReachable(page, dialog, importButton);
      await importButton.tap();
      await expect(dialog).toBeHidden();
      const made = Object.values((await board(page)).elements).filter((e) => e.kind === 'step' && ['Ruft an', 'Erfasst'].includes(e.title ?? ''));
      expect(made.map((s) => [s.title, (s as { minutes?: number }).minutes, (s as { owner?: string }).owner ?? ''])).toEqual([
        ['Ruft an', 1.5, 'Kundenservice Nord'],
        ['Erfasst', 1.5, ''],
      ]);
    } finally {
      await context.close();
    }
  });
}
