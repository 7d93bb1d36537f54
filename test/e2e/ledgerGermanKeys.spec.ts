import { test } from '@playwright/test';
import { expect, join, personPage, sessionPerTest } from './fixtures.js';
import { ledgerCell, scrollToColumn } from './ledgerView.js';

// Issue 19, found typing in the ledger as people with German keyboards do: "@" is Option+L on a
// German Mac and AltGr+Q on Windows (which the browser reports as Ctrl+Alt). Typed on a cell, the
// key was taken for a shortcut and nothing happened, so "@Vertrieb" lost its first character.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 120_000 });

test('"@" typed with Option (a German Mac) or AltGr (Windows) on a cell starts typing there', async ({ browser }) => {
  const page = await personPage(browser);
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.keyboard.press('l');
  await scrollToColumn(page, 'owner');

  await ledgerCell(page, 'Sales call', 'owner').click();
  await page.keyboard.press('Alt+@');
  await page.keyboard.type('Vertrieb');
  await page.keyboard.press('Enter');
  await expect(ledgerCell(page, 'Sales call', 'owner')).toHaveText('@Vertrieb');

  await ledgerCell(page, 'Compares offers', 'owner').click();
  await page.keyboard.press('Control+Alt+@');
  await page.keyboard.type('Kunde');
  await page.keyboard.press('Tab');
  await expect(ledgerCell(page, 'Compares offers', 'owner')).toHaveText('@Kunde');
  // Alt with a letter stays the browser's: nothing typed.
  await ledgerCell(page, 'CRM', 'owner').click();
  await page.keyboard.press('Alt+d');
  await expect(ledgerCell(page, 'CRM', 'owner')).toHaveText('');
  await expect(ledgerCell(page, 'CRM', 'owner').getByRole('textbox')).toHaveCount(0);
});
