import { test, type Browser, type Page } from '@playwright/test';
import { spawnHost } from '../helpers/cli.js';
import { tempDir } from '../helpers/host.js';
import { axeProblems } from './axe.js';
import { expect, join, personPage, sessionForFile } from './fixtures.js';

// axe-core over every screen but the ledger (its grid has its own check): no serious or critical
// violation; the lesser ones are printed so they are seen.

const session = sessionForFile('sample-info-request');

// axe reads the whole page each time: a few seconds a screen on a busy machine.
test.describe.configure({ timeout: 240_000 });

/** axe's WCAG 2.1 A/AA rules on the page as it is now; `where` names the screen in the failure. */
async function noSeriousViolation(page: Page, where: string): Promise<void> {
  const { serious, minor } = await axeProblems(page);
  if (minor.length) console.log(`${where}: ${minor.join(', ')}`);
  expect.soft(serious, where).toEqual([]);
}

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  return context.newPage();
}

test('the start screen and the join page', async ({ page }) => {
  const host = await spawnHost(tempDir('brownpaper-e2e-'), ['--owner']);
  try {
    const [, ownerUrl] = await host.line(/open (http:\/\/\S+#owner=\S+)/);
    await page.goto(ownerUrl);
    await expect(page.getByText('No sessions yet.')).toBeVisible();
    await noSeriousViolation(page, 'start screen, empty');
    await page.getByLabel('Title').fill('Claims handling');
    await page.getByRole('button', { name: 'New session', exact: true }).click();
    await expect(page.getByTestId('connection-status')).toHaveText('Live');
    await page.getByRole('link', { name: 'Brownpaper home' }).click();
    await expect(page.getByRole('button', { name: /^Claims handling/ })).toBeVisible();
    await noSeriousViolation(page, 'start screen, one session');
    await page.goto(`${host.url}/join`);
    await expect(page.getByRole('heading', { name: 'Join a workshop' })).toBeVisible();
    await noSeriousViolation(page, 'join page');
  } finally {
    host.child.kill('SIGTERM');
    await host.exited;
  }
});

async function facilitator(browser: Browser): Promise<Page> {
  const page = await personPage(browser);
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  return page;
}

// One facilitator goes through the board's screens one after another on the same page: opening
// the sample board is the expensive part, the screens themselves cost axe's read each.
test('a facilitator on a laptop: the board’s screens and a dot vote, then the import dialog', async ({ browser }) => {
  const page = await facilitator(browser);
  await test.step('a facilitator on a laptop selects a step by the keyboard, opens its menu and details, the dashboard with the business case, Export, Invite, More and Facilitate, then runs a dot vote', async () => {
    await test.step('a step selected by the keyboard, its menu and its details', async () => {
      await noSeriousViolation(page, 'board');
      await page.getByRole('application', { name: 'Board' }).focus();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
      await noSeriousViolation(page, 'board, a step selected');
      await page.keyboard.press('Shift+F10');
      await expect(page.getByRole('menu', { name: 'Board menu' })).toBeVisible();
      await noSeriousViolation(page, 'context menu');
      await page.keyboard.press('Escape');
      await page.keyboard.press('i');
      const details = page.getByRole('complementary', { name: 'Step inspector' });
      await expect(details).toBeVisible();
      await noSeriousViolation(page, 'step details');
      await details.getByRole('button', { name: 'Close inspector' }).click();
      await expect(details).toBeHidden();
    });

    await test.step('the dashboard with the business case, Export, Invite, More and Facilitate', async () => {
      await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
      await expect(page.getByRole('region', { name: 'Business case' })).toBeVisible();
      await noSeriousViolation(page, 'dashboard and business case');
      await page.getByRole('button', { name: 'Close dashboard' }).click();

      await page.keyboard.press('Control+E');
      await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
      await noSeriousViolation(page, 'export dialog');
      await page.keyboard.press('Escape');

      // Invite: in the header, or in More when the header is short of room.
      const invite = page.locator('header.board-header').getByRole('button', { name: 'Invite' });
      if (await invite.isVisible()) await invite.click();
      else {
        await page.getByRole('button', { name: 'More' }).click();
        await page
          .getByRole('menu', { name: 'More' })
          .getByRole('menuitem', { name: /^Invite/ })
          .click();
      }
      await expect(page.getByRole('dialog', { name: 'Invite' })).toBeVisible();
      await noSeriousViolation(page, 'invite');
      await page.keyboard.press('Escape');

      const facilitate = page.getByRole('button', { name: /^Facilitate/ });
      if (await facilitate.isVisible()) {
        await facilitate.click();
        await expect(page.getByRole('menu', { name: 'Facilitate' })).toBeVisible();
        await noSeriousViolation(page, 'Facilitate menu');
        await page.keyboard.press('Escape');
      }
      await page.getByRole('button', { name: 'More' }).click();
      await expect(page.getByRole('menu', { name: 'More' })).toBeVisible();
      await noSeriousViolation(page, 'More menu');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('menu', { name: 'More' })).toBeHidden();
    });

    await test.step('a dot vote, its bar and its results', async () => {
      // Facilitate ▾ in the header, or its items in More when the header is short of room.
      const facilitate = page.getByRole('button', { name: /^Facilitate/ });
      await ((await facilitate.isVisible()) ? facilitate : page.getByRole('button', { name: 'More' })).click();
      await page.getByRole('menuitem', { name: 'Start a dot vote…' }).click();
      await noSeriousViolation(page, 'start a dot vote');
      await page.getByLabel('Vote on').selectOption({ label: 'The whole board' });
      await page.getByRole('button', { name: 'Start voting' }).click();
      await expect(page.getByTestId('vote-bar')).toBeVisible();
      await noSeriousViolation(page, 'voting bar');
      await page.getByRole('button', { name: 'Reveal votes' }).click();
      await expect(page.getByTestId('vote-bar')).toContainText('Results');
      await noSeriousViolation(page, 'vote results');
    });
  });
  // The former test of the import dialog, on the same facilitator's page.
  await test.step('the import dialog: one control to choose a file — the file input behind it is hidden from a screen reader too — and it opens the file chooser', async () => {
    // In the header, or in More when the header is short of room (a board with figures shows them there).
    const inHeader = page.getByRole('button', { name: 'Import steps…' });
    if (await inHeader.isVisible()) await inHeader.click();
    else {
      await page.getByRole('button', { name: 'More' }).click();
      await page.getByRole('menuitem', { name: 'Import steps…' }).click();
    }
    const dialog = page.getByRole('dialog', { name: 'Import steps' });
    await expect(dialog).toBeVisible();
    // What Chromium gives a screen reader for the file input: nothing (ignored), not a second, unlabelled control.
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[role=dialog] input[type=file]' });
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { backendNodeId: node.backendNodeId, fetchRelatives: false });
    expect(nodes.map((n) => ({ ignored: n.ignored, role: n.role?.value }))).toEqual([expect.objectContaining({ ignored: true })]);
    await noSeriousViolation(page, 'import dialog');
    // The visible button opens the file chooser; the file chosen is named beside it.
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose a file…' }).click();
    await (await chooser).setFiles({ name: 'claims.csv', mimeType: 'text/csv', buffer: Buffer.from('Lane,Stage,Step,Volume per year\r\nCustomer,Ask,Phones in,1200\r\n') });
    await expect(dialog.getByText('claims.csv', { exact: true })).toBeVisible();
    await expect(dialog.getByRole('heading', { name: /^1 step to make/ })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });
});

test('the board on a phone (390 × 844, touch)', async ({ browser }) => {
  const page = await phone(browser);
  try {
    await join(page, session().invite('participant'));
    await noSeriousViolation(page, 'phone, name asked');
    await page.getByRole('button', { name: 'Skip' }).tap();
    await noSeriousViolation(page, 'phone board');
    await page.getByRole('button', { name: /^More/ }).tap();
    await expect(page.getByRole('menu', { name: 'More' })).toBeVisible();
    await noSeriousViolation(page, 'phone, More menu');
    await page.getByRole('menuitemcheckbox', { name: /dashboard/i }).tap();
    await expect(page.getByRole('region', { name: 'Business case' })).toBeVisible();
    await noSeriousViolation(page, 'phone, dashboard');
  } finally {
    await page.context().close();
  }
});
