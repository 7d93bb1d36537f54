import { expect, test } from '@playwright/test';
import { cliJson, spawnHost } from '../helpers/cli.js';
import { tempDir } from '../helpers/host.js';

test('the library: cards with figures, search by card text, rename by clicking away, duplicate, delete with undo, restore from the trash', async ({ page }) => {
  const dataDir = tempDir('brownpaper-e2e-');
  cliJson('session', 'create', '--data', dataDir, '--title', 'Info request', '--template', 'sample-info-request');
  cliJson('session', 'create', '--data', dataDir, '--title', 'Claims handling', '--template', 'service-blueprint');
  cliJson('session', 'create', '--data', dataDir, '--title', 'Workshop 17', '--template', 'blank');
  cliJson('session', 'create', '--data', dataDir, '--title', 'Workshop 7', '--template', 'blank');
  cliJson('session', 'create', '--data', dataDir, '--title', 'Ärztekammer Ablauf', '--template', 'blank');
  const host = await spawnHost(dataDir, ['--owner']);
  try {
    const [, ownerUrl] = await host.line(/open (http:\/\/\S+#owner=\S+)/);
    await page.goto(ownerUrl);
    const library = page.getByRole('region', { name: 'Sessions' });
    const card = (title: string) => library.getByRole('listitem').filter({ has: page.getByRole('button', { name: new RegExp(`^${title}`) }) });
    await expect(card('Info request')).toContainText('12 steps · $1,476,000.00/yr · lead time');
    await expect(card('Info request').locator('img')).toHaveCount(1);

    // Found by a word on one of its cards, not only by its title.
    await library.getByLabel('Search sessions').fill('brochure');
    await expect(library.getByRole('listitem')).toHaveCount(1);
    // Typed without the accent, as on an English keyboard: found all the same.
    await library.getByLabel('Search sessions').fill('arztekammer');
    await expect(library.getByRole('listitem').locator('strong')).toHaveText(['Ärztekammer Ablauf']);
    await library.getByLabel('Search sessions').fill('');
    await library.getByLabel('Sort').selectOption('name');
    await expect(library.getByRole('listitem').first()).toContainText('Ärztekammer Ablauf');
    // Numbers in titles sort as numbers: Workshop 7 before Workshop 17; Ä with the A's.
    await expect(library.getByRole('listitem').locator('strong')).toHaveText(['Ärztekammer Ablauf', 'Claims handling', 'Info request', 'Workshop 7', 'Workshop 17']);

    // Rename: type, then click elsewhere on the page to keep it.
    await library.getByRole('button', { name: 'Rename “Claims handling”' }).click();
    await library.getByLabel('Session title').fill('Claims handling, as-is');
    await page.getByRole('heading', { name: 'Brownpaper' }).click();
    await expect(card('Claims handling, as-is')).toBeVisible();

    // A 200-character title takes a few lines; the other cards of its row keep their pictures at the top.
    const long = `Claims handling, as-is — ${'from the first call to the payout, every hand-over '.repeat(4)}`.slice(0, 200);
    await library.getByRole('button', { name: 'Rename “Claims handling, as-is”' }).click();
    await library.getByLabel('Session title').fill(long);
    await page.getByRole('heading', { name: 'Brownpaper' }).click();
    await expect(library.getByRole('button', { name: `Rename “${long}”` })).toBeVisible();
    const tops = await library
      .getByRole('listitem')
      .locator('img')
      .evaluateAll((imgs) => imgs.map((i) => Math.round(i.getBoundingClientRect().top)));
    expect(tops.slice(0, 3)).toEqual([tops[0], tops[0], tops[0]]);
    await library.getByRole('button', { name: `Rename “${long}”` }).click();
    await library.getByLabel('Session title').fill('Claims handling, as-is');
    await library.getByLabel('Session title').press('Enter');

    await library.getByRole('button', { name: 'Duplicate “Info request”' }).click();
    await expect(card('Info request \\(copy\\)')).toContainText('12 steps · $1,476,000.00/yr');

    await library.getByRole('button', { name: 'Delete “Info request (copy)”' }).click();
    await expect(page.getByRole('status')).toContainText('“Info request (copy)” is in the trash.');
    await expect(card('Info request \\(copy\\)')).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(card('Info request \\(copy\\)')).toBeVisible();

    await library.getByRole('button', { name: 'Delete “Info request (copy)”' }).click();
    await library.getByText(/^Trash \(1\)/).click();
    await library.getByRole('button', { name: 'Restore “Info request (copy)”' }).click();
    await expect(card('Info request \\(copy\\)')).toBeVisible();
    expect(cliJson<unknown[]>('session', 'list', '--data', dataDir, '--json')).toHaveLength(6);
  } finally {
    host.child.kill('SIGTERM');
    await host.exited;
  }
});

// Duplicating a session with a 200-character title made "… (copy)", but the card cut its title after three
// lines, "(copy)" with it: the two cards looked the same. The card keeps a long title's end in view.
const long = `Claims handling, as-is — ${'from the first call to the payout, every hand-over '.repeat(4)}`.slice(0, 200);
for (const [name, viewport, phone] of [
  ['1280', { width: 1280, height: 800 }, false],
  ['phone', { width: 390, height: 844 }, true],
  ['projector', { width: 1920, height: 1080 }, false],
] as const)
  test.describe(name, () => {
    test.use({ viewport, hasTouch: phone, isMobile: phone });
    test(`a duplicate of a session with a 200-character title shows “(copy)” at the end of its card’s title (${name})`, async ({ page }) => {
      const dataDir = tempDir('brownpaper-e2e-');
      cliJson('session', 'create', '--data', dataDir, '--title', long, '--template', 'sample-info-request');
      const host = await spawnHost(dataDir, ['--owner']);
      try {
        const [, ownerUrl] = await host.line(/open (http:\/\/\S+#owner=\S+)/);
        await page.goto(ownerUrl);
        const library = page.getByRole('region', { name: 'Sessions' });
        const duplicate = library.getByRole('button', { name: `Duplicate “${long}”` });
        await (phone ? duplicate.tap() : duplicate.click());
        const copy = `${long.slice(0, 193)} (copy)`;
        const titleOf = (title: string) =>
          library
            .getByRole('listitem')
            .filter({ has: page.getByRole('button', { name: `Rename “${title}”`, exact: true }) })
            .locator('strong');
        await expect(titleOf(copy)).toBeVisible();
        // The end of each title is on its card, inside the title's box, not cut: "(copy)" on the copy's.
        const end = titleOf(copy).locator('.library-title-end');
        await expect(end).toHaveText(/\(copy\)$/);
        const shown = await end.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const title = el.parentElement!.getBoundingClientRect();
          return box.height > 0 && box.bottom <= title.bottom + 1 && box.right <= title.right + 1 && el.scrollWidth <= el.clientWidth;
        });
        expect(shown).toBe(true);
        // As a person sees them: the two titles no longer look the same.
        expect(await titleOf(copy).screenshot()).not.toEqual(await titleOf(long).screenshot());
        // The search, sort and template filter keep to the card's column ("All templates" ran past the others at 390 px).
        const overflow = await library.locator('.library-tools').evaluate((tools) => {
          const right = tools.getBoundingClientRect().right;
          return Array.from(tools.querySelectorAll('select, input')).filter((c) => c.getBoundingClientRect().right > right + 0.5).length;
        });
        expect(overflow).toBe(0);
      } finally {
        host.child.kill('SIGTERM');
        await host.exited;
      }
    });
  });
