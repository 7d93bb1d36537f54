import { expect, test, type Locator } from '@playwright/test';
import { cliJson, spawnHost } from '../helpers/cli.js';
import { tempDir } from '../helpers/host.js';

// A title with a right-to-left override (U+202E), or in Arabic or Hebrew, stays in its own
// place: the words and the date after it read left to right as before.

/** Where each letter of `word` in `line` is drawn, left edges in the order the letters are written. */
function letterLefts(line: Locator, word: string): Promise<number[]> {
  return line.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(w);
      if (at < 0) continue;
      return [...w].map((_, i) => {
        const r = document.createRange();
        r.setStart(n, at + i);
        r.setEnd(n, at + i + 1);
        return r.getBoundingClientRect().left;
      });
    }
    throw new Error(`no "${w}" in the line`);
  }, word);
}

const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);

test('a title holding U+202E in the trash: "deleted" and the date after it still read left to right', async ({ page }) => {
  const dataDir = tempDir('brownpaper-e2e-');
  const title = 'Rückruf \u202E(copy)';
  cliJson('session', 'create', '--data', dataDir, '--title', title, '--template', 'blank');
  cliJson('session', 'create', '--data', dataDir, '--title', 'طلب معلومات', '--template', 'blank');
  const host = await spawnHost(dataDir, ['--owner']);
  try {
    const [, ownerUrl] = await host.line(/open (http:\/\/\S+#owner=\S+)/);
    await page.goto(ownerUrl);
    const library = page.getByRole('region', { name: 'Sessions' });
    await library.getByRole('button', { name: `Delete “${title}”` }).click();
    await library.getByRole('button', { name: 'Delete “طلب معلومات”' }).click();
    await library.getByText(/^Trash \(2\)/).click();
    const lines = library.locator('.library-trash li > span');
    await expect(lines).toHaveCount(2);
    for (const line of await lines.all()) {
      await expect(line).toContainText('· deleted');
      expect(increasing(await letterLefts(line, 'deleted')), `"deleted" in ${await line.textContent()}`).toBe(true);
      // The date's year, as the person's locale writes it, left to right too.
      expect(increasing(await letterLefts(line, String(new Date().getFullYear()))), `the year in ${await line.textContent()}`).toBe(true);
    }
  } finally {
    host.child.kill('SIGTERM');
    await host.exited;
  }
});
