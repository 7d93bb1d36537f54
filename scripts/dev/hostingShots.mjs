// Dev: the owner's Invite screen turning hosting on the network on, at a laptop's 1,280 × 800, a
// projector's 1,920 × 1,080 and a phone's 390 × 844: while the new codes are on their way (held,
// as on a slow network) and once they are in, when the network address and the join address
// must agree. Usage: node scripts/dev/hostingShots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { devHost, launchChromium, synced } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-hosting';
mkdirSync(out, { recursive: true });
const host = await devHost({ owner: true });
host.cli('session', 'create', '--data', host.data, '--title', 'Order to cash', '--template', 'service-blueprint');
const browser = await launchChromium();

for (const [w, h] of [
  [1280, 800],
  [1920, 1080],
  [390, 844],
]) {
  const context = await browser.newContext({ viewport: { width: w, height: h }, hasTouch: w < 600, isMobile: w < 600 });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(host.ownerUrl);
  await page.getByRole('button', { name: /Order to cash/ }).click();
  await synced(page);
  await page.getByRole('button', { name: 'Skip' }).click();
  if (w < 600) {
    // On a phone, Invite is in the header's More menu.
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Invite…' }).click();
  } else await page.getByRole('button', { name: 'Invite' }).click();
  const held = [];
  let bothHeld;
  const asked = new Promise((resolve) => (bothHeld = resolve));
  await page.route('**/api/sessions/*/codes', (route) => {
    held.push(route);
    if (held.length === 2) bothHeld();
  });
  await page.getByRole('button', { name: 'Host on the network' }).click();
  await asked;
  await page.screenshot({ path: `${out}/codes-on-their-way-${w}.png` });
  for (const route of held) await route.continue();
  await page.unroute('**/api/sessions/*/codes');
  await page.getByText('On the network at').waitFor();
  console.log(w, 'network:', await page.getByTestId('hosting').locator('strong').textContent(), 'join:', await page.getByTestId('join-url').textContent());
  await page.screenshot({ path: `${out}/hosting-${w}.png` });
  await page.getByRole('button', { name: 'Stop hosting' }).click();
  await page.getByText('Only this computer can join now.').waitFor();
  await context.close();
}

await browser.close();
host.kill();
console.log('shots in', out);
