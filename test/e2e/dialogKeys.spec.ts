import { test, type Locator, type Page } from '@playwright/test';
import { expect, join, sessionPerTest } from './fixtures.js';
import { tapImportSteps } from './importDialog.js';

// Issue 19, found in a tryout: the Import steps dialog did not take the focus (Tab went to the page
// behind it), and once a file was chosen the focus fell to the page (Choose a file… is disabled while
// the file is read), so Escape no longer closed it. Every dialog is the one shared dialog
// (renderer/ui/useDialog.ts): each is worked here from the keyboard alone.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 180_000 });

/** Is the focus inside the dialog (on it or on one of its controls)? */
const focusInside = (dialog: Locator) => dialog.evaluate((d) => d.contains(document.activeElement));
/** The name of what has the focus, for a failure's message. */
const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.slice(0, 40) ?? ''}`);

/** Tab and Shift+Tab, round the dialog and past its ends, never leave it. */
async function tabStaysInside(page: Page, dialog: Locator) {
  const stops = await dialog.evaluate(
    (d) => Array.from(d.querySelectorAll<HTMLElement>('button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled])')).filter((e) => e.offsetParent).length,
  );
  for (const key of ['Tab', 'Shift+Tab'])
    for (let i = 0; i < stops + 2; i++) {
      await page.keyboard.press(key);
      expect(await focusInside(dialog), `${key} ${i + 1}: ${await focused(page)}`).toBe(true);
    }
}

/** The person presses Enter on a header button, or on its item in More when the header is short of room. */
async function openFromHeader(page: Page, name: string): Promise<Locator> {
  const inHeader = page.getByRole('button', { name, exact: true });
  if (await inHeader.isVisible()) {
    await inHeader.focus();
    await page.keyboard.press('Enter');
    return inHeader;
  }
  const more = page.getByRole('button', { name: /^More/ });
  await more.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name }).focus();
  await page.keyboard.press('Enter');
  return more;
}

test('the facilitator works the dialogs from the keyboard at 1,440 × 900: Import steps…, then every other', async ({ page }) => {
  // Two tests of the former file, one board: each step's time as one test's.
  test.setTimeout(2 * 180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await test.step('Import steps… from the keyboard: the focus goes into the dialog and stays there, after a file is chosen too; Escape closes it and gives the focus back', async () => {
    // Asked for now: Playwright takes over the file chooser a moment after it is asked, and one key press is quicker.
    const chooser = page.waitForEvent('filechooser');
    const opener = await openFromHeader(page, 'Import steps…');
    const dialog = page.getByRole('dialog', { name: 'Import steps' });
    await expect(dialog.getByRole('button', { name: 'Choose a file…' })).toBeFocused();
    await tabStaysInside(page, dialog);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    // Again, and a file chosen from the keyboard: Enter on Choose a file…
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Choose a file…' })).toBeFocused();
    await page.keyboard.press('Enter');
    await (
      await chooser
    ).setFiles({ name: 'claims.csv', mimeType: 'text/csv', buffer: Buffer.from('Lane,Stage,Step,Volume per year\r\nCustomer,Ask,Phones in,1200\r\nCustomer,Ask,Writes in,300\r\n') });
    // What was read has the focus: a screen reader says it, and the keyboard goes on from there.
    await expect(dialog.getByRole('heading', { name: /^2 steps to make/ })).toBeFocused();
    await page.screenshot({ path: '/work/shots/s16/entry/import-read-1440.png' });
    await tabStaysInside(page, dialog);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  await test.step('every other dialog from the keyboard: Export, Invite, the shortcuts, a dot vote, a private round, History; focus inside, Tab kept in, Escape back to the button', async () => {
    const check = async (dialog: Locator, opener: Locator | null) => {
      await expect(dialog).toBeVisible();
      expect(await focusInside(dialog), await focused(page)).toBe(true);
      await tabStaysInside(page, dialog);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      if (opener) await expect(opener).toBeFocused();
    };
    for (const [button, name] of [
      ['Export (Ctrl+E)', 'Export'],
      ['Invite', 'Invite'],
      ['Keyboard shortcuts (?)', 'Keyboard shortcuts'],
    ] as const) {
      const opener = await openFromHeader(page, button);
      await check(page.getByRole('dialog', { name }), opener);
    }
    // The facilitator's menu: its items are gone with it, so the focus goes back to the menu's button.
    for (const [item, name] of [
      ['Start a dot vote…', 'Start a vote'],
      ['Start a private round…', 'Start a private round'],
      ['History and checkpoints…', 'History'],
    ] as const) {
      const opener = await openFromHeader(page, 'Facilitate ▾');
      await page.getByRole('menuitem', { name: item }).focus();
      await page.keyboard.press('Enter');
      await check(page.getByRole('dialog', { name }), opener);
    }
  });
});

test('Import steps… on a phone (390 × 844, touch): a file chosen, the dialog keeps the focus and closes with Escape', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await context.newPage();
    await join(page, session().invite('facilitator'));
    await page.getByRole('button', { name: 'Skip' }).tap();
    const dialog = await tapImportSteps(page);
    expect(await focusInside(dialog)).toBe(true);
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose a file…' }).tap();
    await (await chooser).setFiles({ name: 'claims.csv', mimeType: 'text/csv', buffer: Buffer.from('Lane,Stage,Step,Volume per year\r\nCustomer,Ask,Phones in,1200\r\n') });
    await expect(dialog.getByRole('heading', { name: /^1 step to make/ })).toBeVisible();
    expect(await focusInside(dialog), await focused(page)).toBe(true);
    await page.screenshot({ path: '/work/shots/s16/entry/import-read-phone.png' });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  } finally {
    await context.close();
  }
});
