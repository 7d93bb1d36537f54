import { test, type Page } from '@playwright/test';
import { expect, join, personPage, sessionPerTest } from './fixtures.js';

// Issue 19: a finance person pastes a list from Excel at the ledger's last row, the list longer
// than the rows left. A spreadsheet grows to hold it: the ledger makes new steps for the rows past
// the last, in the last row's lane and stage, in the same one change (one undo takes it all back).
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 180_000 });

const steps = (page: Page) =>
  page.evaluate(() =>
    (
      Object.values(
        (window as unknown as { __brownpaper: { board(): { elements: Record<string, { kind: string; title?: string; owner?: string; laneId?: string; stageId?: string }> } } }).__brownpaper.board()
          .elements,
      ) as {
        kind: string;
        title?: string;
        owner?: string;
        laneId?: string;
        stageId?: string;
      }[]
    ).filter((e) => e.kind === 'step'),
  );

test('a block pasted at the last row, three rows taller than what is left: three new steps in the last row’s lane and stage, one undo takes the paste back', async ({ browser }) => {
  const page = await personPage(browser);
  await join(page, session().invite('facilitator'));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.keyboard.press('l');
  const grid = page.getByRole('grid', { name: /Ledger/ });
  await expect(grid).toBeVisible();
  const before = await steps(page);
  const lastRow = grid.locator('.ledger-body [role="row"].step').last();
  const lastTitle = (await lastRow.locator('[data-column="title"]').textContent())!;
  const last = before.find((s) => s.title === lastTitle)!;
  await lastRow.locator('[data-column="title"]').click();
  // Excel's clipboard: tabs between cells, CRLF after each row.
  const block = [
    ['Send reminder', 'Ana'],
    ['Chase the signature', 'Ben'],
    ['File the contract', 'Ana'],
    ['Archive the case', 'Chloé'],
  ];
  await page.evaluate((t) => navigator.clipboard.writeText(t), block.map((r) => `${r.join('\t')}\r\n`).join(''));
  await page.keyboard.press('ControlOrMeta+v');

  await expect(page.locator('.ledger-error')).toHaveCount(0);
  await expect(grid.locator('[data-column="title"] .cell-text', { hasText: /^Archive the case$/ })).toBeVisible();
  await expect(page.locator('.ledger-note')).toContainText('3 new steps');
  const after = await steps(page);
  expect(after).toHaveLength(before.length + 3);
  for (const [title, owner] of block.slice(1)) {
    const made = after.find((s) => s.title === title);
    expect(made, title).toMatchObject({ owner, laneId: last.laneId, stageId: last.stageId });
  }
  expect(after.find((s) => s.title === 'Send reminder')).toMatchObject({ owner: 'Ana', laneId: last.laneId });
  await page.screenshot({ path: '/tmp/shots-ledger/paste-grows-1280.png' });

  // One undo: the new steps gone and the last row's title back.
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(async () => (await steps(page)).length).toBe(before.length);
  expect((await steps(page)).some((s) => s.title === lastTitle)).toBe(true);
});
