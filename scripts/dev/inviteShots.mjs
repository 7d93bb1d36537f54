// Dev: screenshots of the Invite dialog opened from a `brownpaper invite` link, the copy-link
// fallback, the bad-link page, the bad owner key and the first-visit name prompt, at a laptop's
// 1,280 × 800, a projector's 1,920 × 1,080 and a phone's 390 × 844. Usage: node scripts/dev/inviteShots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { devHost, launchChromium, synced } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-invite';
mkdirSync(out, { recursive: true });
const host = await devHost({ owner: true });
const { id } = host.cli('session', 'create', '--data', host.data, '--title', 'Order to cash', '--template', 'service-blueprint');
const { ownerUrl, base } = host;
const { url } = host.cli('invite', id, '--data', host.data, '--role', 'facilitator');
const browser = await launchChromium();

async function person(width, height, options = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  return page;
}

for (const [w, h] of [
  [1280, 800],
  [1920, 1080],
  [390, 844],
]) {
  const page = await person(w, h, { permissions: ['clipboard-read', 'clipboard-write'], hasTouch: w < 600, isMobile: w < 600 });
  await page.goto(url);
  await synced(page);
  await page.screenshot({ path: `${out}/name-prompt-${w}.png` });
  await page.getByLabel('What should the others call you?').fill('Fran');
  await page.keyboard.press('Enter');
  await page.keyboard.press('j');
  await page.getByTestId('join-qr-off').waitFor();
  await page.screenshot({ path: `${out}/invite-link-${w}.png` });
  await page.getByRole('button', { name: 'Copy join link for participants' }).click();
  await page.getByText('✓ Copied').waitFor();
  await page.screenshot({ path: `${out}/invite-copied-${w}.png` });
  const bad = await person(w, h);
  await bad.goto(`${base}/s/${id}#token=${'x'.repeat(43)}`);
  await bad.getByRole('alert').waitFor();
  await bad.screenshot({ path: `${out}/bad-link-${w}.png` });
  await bad.goto(ownerUrl.slice(0, -5));
  await bad.getByRole('region', { name: 'Sessions' }).getByRole('alert').waitFor();
  await bad.screenshot({ path: `${out}/bad-owner-${w}.png`, fullPage: true });
}

// The clipboard refused: the link shown selected.
const refused = await person(1280, 800);
await refused.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } }));
await refused.goto(url);
await synced(refused);
await refused.getByRole('button', { name: 'Skip' }).click();
await refused.getByRole('button', { name: 'Invite' }).click();
await refused.getByRole('button', { name: 'Copy join link for viewers' }).click();
await refused.getByRole('textbox', { name: 'Join link for viewers' }).waitFor();
await refused.screenshot({ path: `${out}/invite-by-hand-1280.png` });

// The owner's own window: Host on the network is still offered.
const owner = await person(1280, 800);
await owner.goto(ownerUrl);
await owner.getByRole('button', { name: /Order to cash/ }).click();
await synced(owner);
await owner.getByRole('button', { name: 'Skip' }).click();
await owner.getByRole('button', { name: 'Invite' }).click();
await owner.getByRole('button', { name: 'Host on the network' }).waitFor();
await owner.getByTestId('join-qr-off').waitFor();
await owner.screenshot({ path: `${out}/invite-owner-1280.png` });

await browser.close();
host.kill();
console.log('shots in', out);
