// Dev: CPU profile of the web client's boot on /bench, up to the bench hook; top self-time functions and scripts.
import { launchChromium } from './devSession.mjs';
const [base] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(`${base}/bench`, { waitUntil: 'domcontentloaded' });
await page.waitForFunction(() => window.__bench);
const at = await page.evaluate(() => performance.now());
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
let total = 0;
for (const [id, c] of counts) {
  const n = byId.get(id);
  total += c;
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + c);
}
console.log('hook at', at.toFixed(0), 'ms');
for (const [k, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(((c / total) * 100).toFixed(1).padStart(5), '%', k);
await browser.close();
