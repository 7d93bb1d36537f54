// Dev: the sample board just opened, at a laptop's, a projector's and a phone's size, as PNGs
// under /tmp/shots-load/ (the canvas's size, the paper and the header's fit on first sight).
import { mkdirSync } from 'node:fs';
import { devHost, launchChromium, synced } from './devSession.mjs';

const out = '/tmp/shots-load';
mkdirSync(out, { recursive: true });
const host = await devHost();
const { id } = host.cli('session', 'create', '--data', host.data, '--title', 'Order to cash, as it is today in the shared service centre', '--template', 'sample-info-request');
const { url } = host.cli('invite', id, '--data', host.data, '--role', 'facilitator');
const browser = await launchChromium();
for (const [name, options] of [
  ['laptop-1280x800', { viewport: { width: 1280, height: 800 } }],
  ['projector-1920x1080', { viewport: { width: 1920, height: 1080 } }],
  ['phone-390x844', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }],
]) {
  const page = await (await browser.newContext(options)).newPage();
  page.on('pageerror', (e) => console.log(name, 'pageerror:', e.message));
  page.on('crash', () => console.log(name, 'crashed'));
  await page.goto(url);
  await synced(page);
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: `${out}/${name}.png` });
  // The window made narrower and back: the canvas follows.
  if (name.startsWith('laptop')) {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: `${out}/${name}-resized-1024x700.png` });
  }
}
await browser.close();
host.kill();
console.log(`PNGs in ${out}`);
