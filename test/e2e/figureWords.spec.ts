import { test, type Page } from '@playwright/test';
import { board, expect, screenBox, sessionForFile } from './fixtures.js';
import { germanBoard } from './germanBoard.js';

// What a screen reader hears of the figures: words with separators between them, never two
// figures run together ("lead time 33 daysPCE 0,1 %") because only CSS spacing set them apart.
const session = sessionForFile('sample-info-request');

/**
 * Places in `within` where two inline pieces of text meet with no space or sign between them:
 * a screen reader reads inline neighbours as one run of text, whatever margin the eye sees.
 */
function runTogether(page: Page, within: string): Promise<string[]> {
  return page.locator(within).evaluateAll((roots) => {
    const hits: string[] = [];
    const text = (n: Node): string =>
      n.nodeType === 3 ? (n.textContent ?? '') : n instanceof HTMLElement && n.getAttribute('aria-hidden') === 'true' ? '' : Array.from(n.childNodes).map(text).join('');
    const inline = (n: Node) => n.nodeType === 3 || (n instanceof HTMLElement && getComputedStyle(n).display.startsWith('inline') && !['INPUT', 'SELECT', 'BUTTON', 'TEXTAREA'].includes(n.tagName));
    for (const root of roots)
      for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
        if (['SELECT', 'OPTION'].includes(el.tagName) || el.closest('[aria-hidden="true"]')) continue;
        const parts = Array.from(el.childNodes).filter((c) => text(c).length > 0);
        for (let i = 1; i < parts.length; i++) {
          const [a, b] = [text(parts[i - 1]), text(parts[i])];
          if (inline(parts[i - 1]) && inline(parts[i]) && /[\p{L}\p{N}%€$)]$/u.test(a) && /^[\p{L}\p{N}(€$]/u.test(b)) hits.push(`${a}|${b}`);
        }
      }
    return hits;
  });
}

test('the header, the status line, the step details, the dashboard and the ledger say their figures as words with separators', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await germanBoard(page, session().invite('facilitator'));
  await expect(page.getByTestId('lead-time')).toHaveText('lead time 33 days, PCE 0,1 %');
  expect(await runTogether(page, 'header.board-header')).toEqual([]);

  const step = Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title === 'Sales call')!;
  const b = await screenBox(page, step.id);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
  // From the keyboard to the next card: the status line says which, where, and how many.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('board-status')).toContainText('Selected step');
  expect(await runTogether(page, '[data-testid="board-status"]')).toEqual([]);
  await page.keyboard.press('i');
  await expect(page.getByRole('complementary', { name: 'Step inspector' })).toBeVisible();
  expect(await runTogether(page, 'aside')).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  await expect(page.getByRole('heading', { name: /Business case/ })).toBeVisible();
  expect(await runTogether(page, 'aside')).toEqual([]);
  await page.getByRole('button', { name: 'Close dashboard' }).click();

  await page.getByRole('button', { name: 'Ledger (the board as a table) (L)' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
  expect(await runTogether(page, '.ledger-pane')).toEqual([]);
});
