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

test('blocks pasted at the ledger’s last row grow it: new steps in its lane and stage, a blank line skipped, a row without a title refused', async ({ browser }) => {
  // Two tests of the former file, one board: each step's time as one test's.
  test.setTimeout(2 * 180_000);
  const page = await personPage(browser);
  await join(page, session().invite('facilitator'));
  await test.step('a block pasted at the last row, three rows taller than what is left: three new steps in the last row’s lane and stage, one undo takes the paste back', async () => {
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
    await expect(grid.locator('[data-column="title"].cell-text, [data-column="title"] .cell-text', { hasText: /^Archive the case$/ })).toBeVisible();
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
    // Back to the board by the pane's button, as the next step opens the ledger from there.
    await page.getByRole('button', { name: 'Back to the board' }).click();
    await expect(grid).toHaveCount(0);
  });

  await test.step('a block with a blank line pasted at the last row: the blank line makes no step, the status line counts every cell pasted; a new row without a title is refused at its cell and nothing is written', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.keyboard.press('l');
    const grid = page.getByRole('grid', { name: /Ledger/ });
    await expect(grid).toBeVisible();
    const before = await steps(page);
    const lastRow = grid.locator('.ledger-body [role="row"].step').last();
    await lastRow.locator('[data-column="title"]').click();
    // Ten cells from Excel, a blank line among them: one row onto the last row, four new steps.
    const block = [
      ['Send reminder', 'Ana'],
      ['Chase the signature', 'Ben'],
      ['', ''],
      ['File the contract', 'Ana'],
      ['Archive the case', 'Chloé'],
      ['Close the file', 'Ben'],
    ];
    await page.evaluate((t) => navigator.clipboard.writeText(t), block.map((r) => `${r.join('\t')}\r\n`).join(''));
    await page.keyboard.press('ControlOrMeta+v');
    await expect(page.locator('.ledger-note')).toHaveText('Pasted 10 cells; 4 new steps made below the last row, in its lane and stage; 1 blank row below the last row made no step.');
    await expect(page.locator('.ledger-error')).toHaveCount(0);
    const after = await steps(page);
    expect(after).toHaveLength(before.length + 4);
    expect(after.filter((s) => !s.title?.trim())).toEqual([]);

    // A new row with an owner and no title: refused at its cell, nothing written.
    await grid.locator('.ledger-body [role="row"].step').last().locator('[data-column="title"]').click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), 'Hand over\tAna\r\n\tBen\r\n');
    await page.keyboard.press('ControlOrMeta+v');
    await expect(page.locator('.ledger-error')).toHaveText(/^New row 1 \(below row \d+\), Step: a step needs a title/);
    expect(await steps(page)).toHaveLength(after.length);
    expect((await steps(page)).some((s) => s.title === 'Hand over')).toBe(false);
  });
});
