import { expect, test, type Page } from '@playwright/test';
import { spawnHost, type HostProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/host.js';
import { join, personPage, sessionForFile } from './fixtures.js';

const session = sessionForFile();

const hosts: HostProcess[] = [];
test.afterEach(async () => {
  for (const h of hosts.splice(0)) {
    h.child.kill('SIGTERM');
    await h.exited;
  }
});

/** The clipboard as the page reads it back (the context has been granted clipboard access). */
const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test('opened from a `brownpaper invite` link, Invite says 127.0.0.1 reaches only this computer and where hosting is turned on; a copied join link lets a participant in', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const fran = await context.newPage();
    await join(fran, session().invite('facilitator'));
    await fran.getByRole('button', { name: 'Invite' }).click();
    const invite = fran.getByRole('dialog', { name: 'Invite' });
    await expect(invite.getByTestId('join-url')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/join$/);
    await expect(invite.getByTestId('only-this-computer')).toContainText('nobody else can reach it');
    await expect(invite.getByTestId('only-this-computer')).toContainText('Host on the network');
    await expect(invite.getByText('Codes stop working when hosting stops.')).toBeVisible();
    // No QR code pretending to work; the reason in its place. Hosting stays the owner's to turn on.
    await expect(invite.getByTestId('join-qr')).toHaveCount(0);
    await expect(invite.getByTestId('join-qr-off')).toContainText('only on this computer');
    await expect(invite.getByRole('button', { name: 'Host on the network' })).toHaveCount(0);

    await invite.getByRole('button', { name: 'Copy join link for participants' }).click();
    await expect(invite.getByRole('button', { name: 'Copy join link for participants' })).toHaveText('✓ Copied');
    await expect(invite.getByText('Join link for participants copied')).toBeAttached();
    const link = await clipboardText(fran);
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/s/${session().sessionId}#token=[\\w-]{43}$`));

    const pat = await personPage(browser);
    await join(pat, link);
    await expect(pat.getByText('participant', { exact: true })).toBeVisible();
    await expect(pat.getByRole('button', { name: 'Sticky note (N)' })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('when the browser refuses the clipboard, Copy join link shows the link selected, to copy by hand', async ({ browser }) => {
  const fran = await personPage(browser);
  // A browser that says no (permission denied, or a page on plain http from another machine).
  await fran.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) } });
  });
  await join(fran, session().invite('facilitator'));
  await fran.getByRole('button', { name: 'Invite' }).click();
  await fran.getByRole('button', { name: 'Copy join link for viewers' }).click();
  const field = fran.getByRole('textbox', { name: 'Join link for viewers' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(new RegExp(`/s/${session().sessionId}#token=[\\w-]{43}$`));
  expect(await field.evaluate((i: HTMLInputElement) => i.selectionEnd! - i.selectionStart!)).toBe((await field.inputValue()).length);

  const vic = await personPage(browser);
  await join(vic, await field.inputValue());
  await expect(vic.getByText('viewer', { exact: true })).toBeVisible();
});

test('a session-list link with a wrong owner key says so where the list would be, instead of Loading… forever', async ({ page }) => {
  const host = await spawnHost(tempDir('brownpaper-e2e-'), ['--owner']);
  hosts.push(host);
  const [, ownerUrl] = await host.line(/open (http:\/\/\S+#owner=\S+)/);
  // The link from yesterday's host, or one cut short when pasted.
  await page.goto(ownerUrl.slice(0, -5));
  const list = page.getByRole('region', { name: 'Sessions' });
  await expect(list.getByRole('alert')).toContainText('owner key');
  await expect(list.getByRole('alert')).toContainText('open the link the host printed');
  await expect(page.getByText('Loading…')).toHaveCount(0);
});

test('a join link with a wrong token says so and leads to the join form, where a code can be typed', async ({ page }) => {
  await page.goto(`${session().host.url}/s/${session().sessionId}#token=${'x'.repeat(43)}`);
  await expect(page.getByRole('alert')).toContainText('This join link is not valid');
  await page.getByRole('link', { name: 'Type the code from the big screen instead' }).click();
  await expect(page).toHaveURL(/\/join$/);
  await expect(page.getByLabel('Code from the big screen')).toBeVisible();

  // A session that is not on this host at all reads the same.
  await page.goto(`${session().host.url}/s/no-such-session#token=bad`);
  await expect(page.getByRole('link', { name: 'Type the code from the big screen instead' })).toBeVisible();
});

test('the first board visit asks for a name; what was typed is kept on clicking the board, shown to the others and still there after a reload', async ({ browser }) => {
  const fran = await personPage(browser);
  await join(fran, session().invite('facilitator'));
  const ask = fran.getByLabel('What should the others call you?');
  await expect(ask).toBeVisible();
  // The prompt does not take the keyboard from the board: N still picks the note tool.
  await fran.keyboard.press('n');
  await expect(fran.getByRole('button', { name: 'Sticky note (N)' })).toHaveAttribute('aria-pressed', 'true');
  await fran.keyboard.press('v');

  await ask.click();
  await fran.keyboard.type('Fran Facilitator');
  // Click empty paper, as one does to finish typing.
  const paper = (await fran.getByTestId('board-canvas').boundingBox())!;
  await fran.mouse.click(paper.x + paper.width / 2, paper.y + paper.height / 2);
  await expect(ask).toHaveCount(0);
  await expect(fran.getByRole('button', { name: 'Your name: Fran Facilitator. Change' })).toBeVisible();

  const pat = await personPage(browser);
  await join(pat, session().invite('participant'));
  await expect(pat.getByRole('listitem', { name: 'Fran Facilitator' })).toBeVisible();

  await fran.reload();
  await expect(fran.getByTestId('connection-status')).toHaveText('Live');
  await expect(fran.getByRole('button', { name: 'Your name: Fran Facilitator. Change' })).toBeVisible();
  await expect(fran.getByLabel('What should the others call you?')).toHaveCount(0);
});

test('Enter keeps the name typed into the prompt; Skip keeps the guest name and it is not asked again', async ({ browser }) => {
  const ann = await personPage(browser);
  await join(ann, session().invite('participant'));
  await ann.getByLabel('What should the others call you?').fill('Ann');
  await ann.getByLabel('What should the others call you?').press('Enter');
  await expect(ann.getByRole('button', { name: 'Your name: Ann. Change' })).toBeVisible();

  const gus = await personPage(browser);
  await join(gus, session().invite('participant'));
  await gus.getByRole('button', { name: 'Skip' }).click();
  await expect(gus.getByLabel('What should the others call you?')).toHaveCount(0);
  await expect(gus.getByRole('button', { name: /^Your name: Guest \d{4}\. Change$/ })).toBeVisible();
  await gus.reload();
  await expect(gus.getByTestId('connection-status')).toHaveText('Live');
  await expect(gus.getByLabel('What should the others call you?')).toHaveCount(0);
});
