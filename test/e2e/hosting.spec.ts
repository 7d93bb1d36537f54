import { test, type Route } from '@playwright/test';
import { spawnHost, type HostProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/host.js';
import { expect, personPage } from './fixtures.js';

async function ownerHost(): Promise<{ host: HostProcess; ownerUrl: string }> {
  const host = await spawnHost(tempDir('brownpaper-e2e-'), ['--owner']);
  const [, ownerUrl] = await host.line(/open (http:\/\/\S+#owner=\S+)/);
  return { host, ownerUrl };
}

const hosts: HostProcess[] = [];
test.afterEach(async () => {
  for (const h of hosts.splice(0)) {
    h.child.kill('SIGTERM');
    await h.exited;
  }
});

test('host a session on the network from its Invite screen; someone joins from their own Brownpaper by address and code; stopping disconnects them', async ({ browser }) => {
  const facilitatorMachine = await ownerHost();
  const participantMachine = await ownerHost();
  hosts.push(facilitatorMachine.host, participantMachine.host);

  const fran = await personPage(browser);
  await fran.goto(facilitatorMachine.ownerUrl);
  await fran.getByLabel('Title').fill('Team day');
  await fran.getByRole('button', { name: 'New session', exact: true }).click();
  await expect(fran.getByTestId('connection-status')).toHaveText('Live');
  await fran.getByRole('button', { name: 'Invite' }).click();
  await expect(fran.getByTestId('hosting')).toContainText('Only this computer can join now.');
  await expect(fran.getByTestId('join-qr')).toHaveCount(0);
  await fran.getByLabel('Network').selectOption('0.0.0.0');
  // The room reads the big screen the moment it says "On the network": the address it shows then
  // must be the network's. The new codes are held on their way (a slow network) to see that moment.
  const held: Route[] = [];
  await fran.route('**/api/sessions/*/codes', (route) => void held.push(route));
  const firstShown = fran.waitForFunction(
    () => {
      const hosting = document.querySelector('[data-testid="hosting"] strong');
      return hosting?.closest('[data-testid="hosting"]')?.textContent?.includes('On the network at')
        ? { network: hosting.textContent, join: document.querySelector('[data-testid="join-url"]')?.textContent }
        : null;
    },
    null,
    { polling: 'raf' },
  );
  await fran.getByRole('button', { name: 'Host on the network' }).click();
  await expect.poll(() => held.length).toBe(2);
  // Two frames: whatever the screen shows while the codes are held has been drawn and read.
  await fran.evaluate(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame))));
  for (const route of held) await route.continue();
  await fran.unroute('**/api/sessions/*/codes');
  const shown = (await (await firstShown).jsonValue())!;
  expect(shown.join).toBe(`${shown.network}/join`);
  await expect(fran.getByTestId('hosting')).toContainText('On the network at http://');
  const joinUrl = (await fran.getByTestId('join-url').textContent())!;
  expect(joinUrl).toMatch(/^http:\/\/[\d.]+:\d+\/join$/);
  await expect(fran.getByTestId('join-qr').locator('svg')).toBeVisible();
  const code = (await fran.getByTestId('participant-code').textContent())!.trim();

  // Pat types what the big screen shows into his own app. (Every interface includes loopback,
  // so this machine reaches the network listener at 127.0.0.1 whatever address it shows.)
  const port = new URL(joinUrl).port;
  const pat = await personPage(browser);
  await pat.goto(participantMachine.ownerUrl);
  await pat.getByLabel('Address on the big screen').fill(`127.0.0.1:${port}`);
  await pat.getByLabel('Code', { exact: true }).fill(code.toLowerCase());
  await pat.getByRole('button', { name: 'Join', exact: true }).click();
  // The other host's join page, with the code filled in: Pat says who he is.
  await expect(pat.getByLabel('Code from the big screen')).toHaveValue(code);
  await pat.getByLabel('Your name').fill('Pat');
  await pat.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(pat.getByTestId('connection-status')).toHaveText('Live');
  await expect(pat.getByRole('heading', { name: 'Team day' })).toBeVisible();
  expect(new URL(pat.url()).port).toBe(port);

  await fran.getByRole('button', { name: 'Stop hosting' }).click();
  await expect(fran.getByTestId('hosting')).toContainText('Only this computer can join now.');
  await expect(pat.getByTestId('connection-status')).not.toHaveText('Live');
  await expect(fran.getByTestId('connection-status')).toHaveText('Live');
});
