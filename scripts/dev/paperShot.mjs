// Dev: a close look at the paper: the canvas's own kraft beside the page's (under the toolbar, header edge).
import { launchChromium } from './devSession.mjs';
const [base, out = '/tmp/paper.png'] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
await page.goto(`${base}/bench`);
await page.waitForFunction(() => window.__bench);
await page.evaluate(() => {
  const c = document.querySelector('.board-screen');
  c.style.marginLeft = '200px';
});
await page.waitForTimeout(500);
await page.screenshot({ path: out, clip: { x: 100, y: 0, width: 300, height: 200 } });
await browser.close();
